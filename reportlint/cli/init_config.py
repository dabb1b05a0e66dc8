"""`reportlint init`: a commented configuration file to start from."""

from __future__ import annotations

CONFIG = """\
# reportlint 配置 / configuration
# 对本目录及其子目录中的报告生效；命令行选项优先。
# Applies to reports in this folder and below; command-line options win.

# 只检查这些规则（规则编号、名称或类别）/ only these rules (ids, names or categories):
# select: [structure, table-shape, table-arith, cell]

# 不检查这些 / never these:
# ignore: [typography]

# 调整级别 / severity per rule id, name or category:
# severity:
#   title-wording: error
#   typography: info

# 出现该级别及以上的问题时退出码为 1 / exit 1 from this severity up:
fail-on: error

# 提示语言 / message language: zh | en
lang: zh

# 报告年度、发布机关层级（不写则自动识别）/ instead of detection:
# year: 2024
# issuer-level: county_dept   # ministry province province_dept city city_dept county county_dept township street

# 本单位的自定义规则目录（YAML，写法同内置规则）/ folders of your own rules:
# rules: [our-rules]

# 机构改革后改名的单位：旧名称对新名称，用于与上年报告配对 / units renamed, old name: new name,
# to pair a report with last year's:
# renamed-issuers:
#   某某县文化广电旅游体育局: 某某县文化和旅游局

# 调整规则参数 / a rule's params set otherwise:
# params:
#   figure-jumps-from-last-year: {factor: 5, floor: 10}
#   report-repeats-last-year: {threshold: 50}

# 按文件匹配的设置 / per-file settings:
# per-file:
#   - files: ["乡镇/*.txt"]
#     issuer-level: township
#     ignore: [announced-parts]
"""

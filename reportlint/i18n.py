"""The tool's own words in Chinese and English (rule messages live in the rule files)."""

from __future__ import annotations

import re

_TEXT = {
    "reason.binary": ("这是二进制文件，不是文本", "this is a binary file, not text"),
    "reason.encoding": ("无法识别文字编码（已尝试 UTF-8、UTF-16 和 GB18030）",
                        "the text encoding is not UTF-8, UTF-16 or GB18030"),
    "reason.zip": ("这是压缩文件，不是 Word（.docx）文档或文本", "this is a zip file, not a Word (.docx) document or text"),
    "reason.docx": ("Word（.docx）文件已损坏，无法打开", "the Word (.docx) file is damaged and cannot be opened"),
    "reason.not_docx": ("文件名是 .docx，但内容不是 Word 文档", "the name ends in .docx but the file is not a Word document"),
    "reason.doc": ("这是旧版 Word（.doc）或 WPS 文件，请另存为 .docx 后再检查",
                   "this is a legacy Word (.doc) or WPS file; save it as .docx first"),
    "reason.odt": ("这是 OpenDocument（.odt）文件，请用 Word 或 WPS 另存为 .docx 后再检查",
                   "this is an OpenDocument (.odt) file; save it as .docx in Word or WPS first"),
    "reason.rtf": ("这是 RTF 文件，请用 Word 或 WPS 另存为 .docx 后再检查",
                   "this is an RTF file; save it as .docx in Word or WPS first"),
    "reason.sheet": ("这是 Excel（.xls）表格，不是报告；请检查报告正文（.docx、.pdf 或文本）",
                     "this is an Excel (.xls) sheet, not a report: check the report itself (.docx, .pdf or text)"),
    "reason.pdf": ("PDF 文件已损坏或已加密，无法读取", "the PDF file is damaged or encrypted and cannot be read"),
    "reason.not_pdf": ("文件名是 .pdf，但内容不是 PDF", "the name ends in .pdf but the file is not a PDF"),
    "reason.pdf_scan": ("PDF 没有文字层（可能是扫描件），reportlint 不做文字识别；请提供带文字的 PDF、Word 或文本文件",
                        "the PDF has no text layer (a scan?) and reportlint does no OCR: give a PDF with text, Word or text"),
    "reason.missing": ("文件不存在", "no such file"),
    "reason.directory": ("这是一个目录", "this is a directory"),
    "reason.os": ("无法读取文件：{error}", "cannot read the file: {error}"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
    "summary": ("共检查 {files} 个文件：{error} 个错误，{warning} 个警告，{info} 个提示",
                "{files} file(s) checked: {error} error(s), {warning} warning(s), {info} info"),
    "summary.clean": ("共检查 {files} 个文件，未发现问题", "{files} file(s) checked, no problems found"),
    "error.rules": ("规则文件有误：{error}", "bad rule file: {error}"),
    "error.config": ("配置文件有误：{error}", "bad configuration: {error}"),
    "baseline.written": ("已将 {count} 条问题记录到基线文件 {path}；以后只报告新出现的问题",
                         "recorded {count} finding(s) in the baseline {path}; later runs report only new ones"),
    "error.unknown_rule": ("没有这条规则：{rule}", "no such rule: {rule}"),
    "error.unknown_choice": ("{where}：没有编号、名称或类别为「{rule}」的规则{hint}",
                             "{where}: no rule has the id, name or category \"{rule}\"{hint}"),
    "error.did_you_mean": ("。是否要用：{names}？", "; did you mean {names}?"),
    "error.see_rules": ("。全部规则见 reportlint rules", "; reportlint rules lists them all"),
    "error.no_files": ("没有找到可检查的文件（支持 .txt .md .docx .html .htm .pdf）：{paths}",
                       "no file to check was found (reportlint reads .txt .md .docx .html .htm .pdf): {paths}"),
    "error.none_read": ("{count} 个文件都无法读取，没有检查任何报告", "none of the {count} file(s) could be read: no report was checked"),
    "error.previous_one": ("--previous 只能用于检查一个文件", "--previous goes with exactly one file to lint"),
    "error.previous": ("上年报告 {path} 无法读取：{reason}", "last year's report {path} cannot be read: {reason}"),
    "pair.previous": ("{path}（{year}年度）与上年报告 {previous}（{previous_year}年度）对照检查",
                      "{path} ({year}) is checked against last year's report {previous} ({previous_year})"),
    "html.previous": ("上年报告", "last year's report"),
    "error.no_paths": ("请给出要检查的文件或目录（或用 - 读取标准输入）",
                       "give the files or folders to check (or - for standard input)"),
    "error.no_format": ("{year}年度报告没有全国统一格式（统一格式自2019年度起）",
                        "there is no national format for reports on {year} (the unified format starts with 2019)"),
    "error.output": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "error.exists": ("{path} 已存在；加 --force 覆盖", "{path} exists; use --force to overwrite it"),
    "template.written": ("已写入 {path}，请填写后再用 reportlint 检查", "wrote {path}: fill it in, then lint it"),
    "init.written": ("已写入 {path}，请按需修改", "wrote {path}; edit it to suit"),
    "html.title": ("政府信息公开工作年度报告检查结果", "Annual report lint results"),
    "html.file": ("文件", "file"),
    "html.issuer": ("发布机关", "issuer"),
    "html.year": ("报告年度", "year"),
    "html.era": ("格式", "format"),
    "html.category": ("类别", "category"),
    "html.summary": ("文件一览", "Files"),
    "html.rules": ("规则索引", "Rules"),
    "html.files": ("问题详情", "Findings by file"),
    "html.clean": ("未发现问题的文件", "Files with no finding"),
    "html.worst": ("最严重的问题", "worst rule"),
    "html.rule": ("规则", "rule"),
    "html.name": ("名称", "name"),
    "html.severity": ("级别", "severity"),
    "html.files_count": ("文件数", "files"),
    "html.findings": ("问题数", "findings"),
    "html.all": ("全部", "all"),
    "html.search": ("按单位或文件名筛选", "filter by unit or file name"),
    "html.shown": ("显示", "showing"),
    "export.path": ("文件", "path"),
    "export.issuer": ("发布机关", "issuer"),
    "export.level": ("机关层级", "issuer level"),
    "export.year": ("报告年度", "year"),
    "export.era": ("格式", "format"),
    "export.unread": ("未读出", "unread"),
    "export.written": ("已写入 {path}（{count} 份报告）", "wrote {path} ({count} reports)"),
    "error.export_format": ("-o 的文件名应以 .xlsx、.csv 或 .json 结尾：{path}",
                            "the -o file name must end in .xlsx, .csv or .json: {path}"),
    "xlsx.files": ("文件", "files"),
    "xlsx.findings": ("问题清单", "findings"),
    "xlsx.unit": ("单位", "unit"),
    "xlsx.location": ("原文位置", "location"),
    "xlsx.message": ("问题", "message"),
    "xlsx.confirmed": ("确认", "confirmed"),
    "xlsx.remedy": ("整改情况", "remedy"),
    "error.xlsx_output": ("--format xlsx 需要用 -o 指定 .xlsx 文件", "--format xlsx needs -o FILE.xlsx"),
    "annotate.comment": ("{message}（{rule} {name}，{severity}）", "{message} ({rule} {name}, {severity})"),
    "annotate.written": ("已写入 {path}（{count} 条批注）", "wrote {path} ({count} comments)"),
    "fix.written": ("已修正 {path}", "fixed {path}"),
    "fix.tracked": ("已写入 {path}（{count} 处修订，请在 Word 或 WPS 中逐条接受或拒绝）",
                    "wrote {path} ({count} tracked changes to accept or reject one by one in Word or WPS)"),
    "tables.none": ("{path} 中没有读到统一格式的表格", "no table of the unified format was read in {path}"),
    "tables.line": ("行", "line"),
    "tables.row": ("项目", "row"),
    "tables.unfit": ("数值个数不符（{problem}）", "values do not fit ({problem})"),
    "tables.reading": ("{written}读作「{values}」", "{written} read as \"{values}\""),
    "explain.basis": ("依据", "Basis"),
    "explain.category": ("类别", "Category"),
    "explain.severity": ("级别", "Severity"),
    "explain.eras": ("适用格式", "Eras"),
    "explain.good": ("正确示例", "Good"),
    "explain.bad": ("错误示例", "Bad"),
    "explain.other": ("对照的报告（上年的，或另一单位的）：", "checked against (last year's report, or another unit's):"),
    "place.paragraph": ("第{n}段", "paragraph {n}"),
    "place.cell": ("表{table} 第{row}行 第{column}列", "table {table} row {row} column {column}"),
    "place.page": ("第{n}页", "page {n}"),
    "place.title": ("标题", "title"),
    "detected.issuer": ("{issuer}", "\"{issuer}\""),
    "detected.no_issuer": ("发布机关未识别", "issuer not detected"),
    "detected.year": ("{year}年度", "report year {year}"),
    "detected.no_year": ("年度未识别", "report year not detected"),
    "detected.era": ("{era}年格式", "{era} format"),
    "detected.no_era": ("格式未识别", "format not detected"),
    "detected.no_level": ("层级未识别", "level not detected"),
    "detected.from.option": ("（据设置）", " (as set)"),
    "detected.from.title": ("（据标题）", " (from the title)"),
    "detected.from.text": ("（据正文）", " (from the text)"),
    "detected.correct": ("有误时用 --year N 或 --issuer-level LEVEL 更正", "if wrong, correct with --year N or --issuer-level LEVEL"),
    "level.ministry": ("国务院部门", "State Council department"),
    "level.province": ("省级人民政府", "provincial government"),
    "level.province_dept": ("省级部门", "provincial department"),
    "level.city": ("市级人民政府", "city government"),
    "level.city_dept": ("市级部门", "city department"),
    "level.county": ("县级人民政府", "county government"),
    "level.county_dept": ("县级部门", "county department"),
    "level.township": ("乡镇", "township"),
    "level.street": ("街道", "subdistrict"),
    "rules.header": (("编号", "名称", "类别", "级别", "适用格式", "说明"),
                     ("id", "name", "category", "severity", "eras", "description")),
}


# `reportlint --help` in Chinese: each option's help by its dest (English is in the parser).
HELP_ZH = {
    "paths": "要检查的文件或目录；- 表示读取标准输入",
    "help": "显示本帮助并退出",
    "format": "输出格式（默认 text）",
    "select": "只用这些规则：编号、名称或类别（可重复，可用逗号分隔）",
    "ignore": "不用这些规则：编号、名称或类别（可重复，可用逗号分隔）",
    "fail_on": "发现此级别或更高级别的问题时退出码为 1（默认 error）",
    "lang": "提示语言（默认 zh 中文）",
    "year": "报告年度，代替自动识别的年度",
    "issuer_level": "发布机关层级，代替自动识别的层级",
    "stdin_filename": "读取标准输入（-）时报告的文件名",
    "exclude": "遍历目录时跳过与 GLOB 匹配的文件和目录（可重复）",
    "jobs": "同时检查 N 个文件（0：每个 CPU 一个）；输出顺序不变",
    "config": "对所有路径使用这个配置文件（.reportlint.yaml 或 pyproject.toml）",
    "no_config": "不读取配置文件",
    "output_file": "输出写入 FILE，而不是标准输出",
    "statistics": "按规则统计问题数，不逐条列出（与 --format json 合用时输出 JSON）",
    "fix": "对 .txt/.md 文件应用安全修正（不改动数字和编号）",
    "diff": "以差异形式显示安全修正，不改动文件",
    "annotate": "把每个 .docx 的问题作为 Word 批注写入同目录的 NAME.reportlint.docx",
    "previous": "上年的报告（只检查一个文件时），用来对照检查；不给出时，同一机关连续年度的报告自动配对",
    "baseline": "只报告基线文件 FILE 中没有记录的问题；FILE 不存在时记录当前的问题",
    "version": "显示版本并退出",
}
HELP_TEXT = {
    "usage": ("用法：", "usage: "),
    "positionals": ("参数", "positional arguments"),
    "optionals": ("选项", "options"),
    "description": ("检查政府信息公开工作年度报告：结构、表格、勾稽关系、文字和不应发布的内容。",
                    "lint government information disclosure annual reports: structure, tables, sums, prose, hygiene."),
    "epilog": ("其他命令（命令前后都可以加 --lang en 等选项）：\n"
               "  reportlint rules              列出全部规则\n"
               "  reportlint explain RULE       说明一条规则：依据、正确和错误示例\n"
               "  reportlint tables PATH        显示读出的表格，标出有问题的单元格\n"
               "  reportlint export PATH... -o FILE   导出表二、表三、表四的数字，每份报告一行\n"
               "  reportlint template --year N  输出该年度格式的空白报告\n"
               "  reportlint init               写一个带注释的 .reportlint.yaml",
               "other commands (options such as --lang en may stand before or after them):\n"
               "  reportlint rules              list every rule\n"
               "  reportlint explain RULE       one rule: its basis, good and bad examples\n"
               "  reportlint tables PATH        the tables as read, failing cells marked\n"
               "  reportlint export PATH... -o FILE   the figures of tables 2, 3 and 4, one row per report\n"
               "  reportlint template --year N  a blank report in the format of that year\n"
               "  reportlint init               write a commented .reportlint.yaml"),
}


def t(key: str, lang: str, **args: object) -> str:
    """The text `key` in `lang` ("zh" or "en"), filled with `args`."""
    zh, en = _TEXT[key]
    text = en if lang == "en" else zh
    return text.format(**args) if args else text


_PLACES = (
    (re.compile(r"第(?P<n>\d+)段"), "place.paragraph"),
    (re.compile(r"表(?P<table>\d+) 第(?P<row>\d+)行 第(?P<column>\d+)列"), "place.cell"),
    (re.compile(r"第(?P<n>\d+)页"), "place.page"),
    (re.compile(r"标题"), "place.title"),
)


def place(label: str | None, lang: str) -> str | None:
    """A place in the original (第4段, 表2 第5行 第3列, 第3页, 标题) in `lang`."""
    if label is None or lang != "en":
        return label
    for pattern, key in _PLACES:
        m = pattern.fullmatch(label)
        if m:
            return t(key, lang, **m.groupdict())
    return label


def headers(lang: str) -> tuple[str, ...]:
    """The column headers of `reportlint rules`."""
    zh, en = _TEXT["rules.header"]
    return en if lang == "en" else zh


def reason_text(reason: str, lang: str, **args: object) -> str:
    """Why a file could not be read, in `lang`."""
    return t(f"reason.{reason}", lang, **args)

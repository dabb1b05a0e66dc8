"""The tool's own words in Chinese and English (rule messages live in the rule files)."""

from __future__ import annotations

import re

_TEXT = {
    "reason.binary": ("这是二进制文件，不是文本", "this is a binary file, not text"),
    "reason.encoding": ("无法识别文字编码（已尝试 UTF-8、UTF-16、UTF-32 和 GB18030）",
                        "the text encoding is not UTF-8, UTF-16, UTF-32 or GB18030"),
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
    "reason.special": ("这不是普通文件（而是管道、设备或套接字），不读取", "this is not a regular file (a pipe, device or socket); it is not read"),
    "reason.folder": ("无法读取这个目录（{error}），其中的文件没有检查", "cannot read this folder ({error}); the files in it were not checked"),
    "limit.size": ("文件有 {size} MB，超过 {limit} MB 的上限", "the file is {size} MB, over the limit of {limit} MB"),
    "limit.unpacked": ("Word 文件解压后有 {size} MB，超过 {limit} MB 的上限", "the Word file unpacks to {size} MB, over the limit of {limit} MB"),
    "limit.pages": ("PDF 有 {pages} 页，超过 {limit} 页的上限", "the PDF has {pages} pages, over the limit of {limit} pages"),
    "limit.depth": ("网页的元素嵌套超过 {limit} 层", "the page nests elements more than {limit} deep"),
    "limit.elements": ("文档有 {count} 个元素（段落、表格单元格、标记），超过 {limit} 个的上限",
                       "the document has {count} elements (paragraphs, cells, tags), over the limit of {limit}"),
    "remedy.elements": ("这个上限不能提高；请把文档另存为文本文件后检查", "this limit cannot be raised: save the document as text and check that"),
    "remedy.size": ("如需检查，用 --max-size 提高上限（单位 MB）", "raise the limit with --max-size (in MB) to check it"),
    "remedy.unpacked": ("如需检查，用 --max-size 提高上限（单位 MB）", "raise the limit with --max-size (in MB) to check it"),
    "remedy.pages": ("如需检查，用 --max-pages 提高上限", "raise the limit with --max-pages to check it"),
    "remedy.depth": ("这个上限不能提高；请把网页另存为文本或 Word 文件后检查", "this limit cannot be raised: save the page as text or Word and check that"),
    "stage.read": ("读取", "reading"),
    "stage.check": ("检查", "checking"),
    "stage.write": ("写入结果", "writing the results of"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
    "summary": ("共检查 {files} 个文件：{error} 个错误，{warning} 个警告，{info} 个提示",
                "{files} file(s) checked: {error} error(s), {warning} warning(s), {info} info"),
    "summary.clean": ("共检查 {files} 个文件，未发现问题", "{files} file(s) checked, no problems found"),
    "error.rules": ("规则文件有误：{error}", "bad rule file: {error}"),
    "error.config": ("配置文件有误：{error}", "bad configuration: {error}"),
    "error.internal": ("reportlint 内部错误（{error}）；这是 reportlint 的缺陷，请报告给维护者",
                       "reportlint failed inside ({error}); this is a bug in reportlint: please report it"),
    "config.unreadable": ("无法读取：{error}", "cannot be read: {error}"),
    "config.size": ("文件超过 {limit} KB，不读取", "the file is over {limit} KB and is not read"),
    "config.alias": ("使用了 YAML 别名（*），配置文件和规则文件中不允许使用", "uses a YAML alias (*), which configuration and rule files may not"),
    "config.yaml": ("这一行不是有效的 YAML", "this line is not valid YAML"),
    "config.toml": ("不是有效的 TOML（{error}）", "not valid TOML ({error})"),
    "config.mapping": ("必须是由键和值组成的映射", "must be a mapping of keys"),
    "config.unknown": ("没有这个键；可用的键：{keys}", "unknown key; keys: {keys}"),
    "config.severity": ("必须把规则对应到 {choices} 之一", "must map rules to one of {choices}"),
    "config.files": ("需要 files：文件名模式的列表", "needs files: a list of glob patterns"),
    "config.strings": ("必须是字符串的列表", "must be a list of strings"),
    "config.mappings": ("必须是映射的列表", "must be a list of mappings"),
    "config.choice": ("必须是 {choices} 之一，不能是 {value}", "must be one of {choices}, not {value}"),
    "config.year": ("必须是年份（例如 2024），不能是 {value}", "must be a year such as 2024, not {value}"),
    "config.folder": ("{folder} 不是目录", "{folder} is not a folder"),
    "config.renamed": ("必须把单位的旧名称对应到新名称", "must map each old name of a unit to its new name"),
    "config.params": ("必须把规则（编号或名称）对应到它的参数，例如 K204: {{factor: 3}}",
                      "must map rules (ids or names) to their params, e.g. K204: {{factor: 3}}"),
    "config.twice": ("规则 {rule} 定义了两次", "rule {rule} is defined twice"),
    "rule.duplicate": ("规则编号或名称 {field} 重复（{other} 中也有）", "duplicate rule id or name {field} (also in {other})"),
    "rule.unreadable": ("无法读取（须为 UTF-8 文本）", "cannot be read (it must be UTF-8 text)"),
    "rule.size": ("文件超过 {limit} KB，不读取", "the file is over {limit} KB and is not read"),
    "rule.alias": ("使用了 YAML 别名（*），规则文件中不允许使用", "uses a YAML alias (*), which rule files may not"),
    "rule.yaml": ("这一行不是有效的 YAML", "this line is not valid YAML"),
    "rule.mapping": ("规则文件必须是由字段组成的映射", "a rule file must be a mapping of fields"),
    "rule.unknown": ("没有字段 {field}", "unknown field {field}"),
    "rule.missing": ("缺少字段 {field}", "missing field {field}"),
    "rule.fields": ("id、name、category、severity、kind 和 scope 都必须是单个的值", "id, name, category, severity, kind and scope must each be one value"),
    "rule.id": ("id 须形如 S101（一个大写字母加三位数字）", "id must look like S101 (a capital letter and 3 digits)"),
    "rule.id_file": ("id {id} 必须与文件名 {file} 相同", "id {id} must match the file name {file}"),
    "rule.name": ("name 必须是小写字母、数字和连字符组成的短名", "name must be a kebab-case slug"),
    "rule.category": ("category 必须是 {choices} 之一", "category must be one of {choices}"),
    "rule.severity": ("severity 必须是 {choices} 之一", "severity must be one of {choices}"),
    "rule.kind": ("没有检查类型 {kind}；可用的类型：{choices}", "unknown kind {kind}; kinds: {choices}"),
    "rule.scope": ("scope 必须是 {choices} 之一", "scope must be one of {choices}"),
    "rule.eras": ("eras 必须是格式 {choices} 之一、它们组成的列表，或一个范围（\">=2019\"、\"<=2019\"）",
                  "eras must be one of the eras {choices}, a list of them, or a range (\">=2019\", \"<=2019\")"),
    "rule.extends": ("extends 的格式 {era} 不存在或循环继承（可用的格式：{choices}）",
                     "extends names {era}, which is no era or extends this one (eras: {choices})"),
    "rule.template": ("格式模板缺少字段 {field}，或它的值类型不对", "the template lacks {field}, or its value is of the wrong type"),
    "rule.basis": ("basis 必须是非空的文字", "basis must be a non-empty string"),
    "rule.bilingual": ("必须恰好有 zh 和 en 两段非空文字", "must have exactly two non-empty strings, zh and en"),
    "rule.message_arg": ("消息（{language}）用到了 {arg}，但检查类型 {kind} 不提供（它提供：{args}）",
                         "message ({language}) uses {arg}, which kind {kind} does not provide (it provides: {args})"),
    "rule.params": ("params 必须是映射", "params must be a mapping"),
    "rule.no_param": ("检查类型 {kind} 没有参数 {param}（它的参数：{takes}）", "kind {kind} has no param {param} (it takes: {takes})"),
    "rule.needs_param": ("检查类型 {kind} 需要参数 {param}", "kind {kind} needs param {param}"),
    "rule.param_type": ("参数 {param} 必须是 {expected}，不能是 {value}", "param {param} must be {expected}, not {value}"),
    "rule.examples": ("examples 必须是含 good 和 bad 两个列表的映射", "examples must be a mapping with good and bad lists"),
    "rule.example_needed": ("examples 至少需要一个 {field} 示例", "examples need at least one {field} example"),
    "rule.example_other": ("规则跨报告检查，每个 {field} 示例都要用 other 给出另一份报告的文字",
                           "each {field} example of a rule across reports needs other: the other report's text"),
    "rule.example": ("每个 {field} 示例是一段文字，或由 {fields} 组成的映射", "each {field} example is a text, or a mapping of {fields}"),
    "baseline.bad": ("{path} 不是 reportlint 的基线文件（每个文件路径对应一组指纹及其次数）",
                     "{path} is not a reportlint baseline (each file path mapped to fingerprints and their counts)"),
    "baseline.unreadable": ("无法读取基线文件 {path}", "cannot read the baseline {path}"),
    "baseline.unwritable": ("无法写入基线文件 {path}（目录不存在或不可写）", "cannot write the baseline {path} (its folder is missing or not writable)"),
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
    "fix.readonly": ("{path} 是只读文件，未修正", "{path} is read-only; not fixed"),
    "annotate.refused": ("未写入 {path}：它已存在，但不是 reportlint 写的批注副本（或是符号链接）；请先移走它",
                         "did not write {path}: it exists and is not a copy with comments that reportlint wrote (or is a symlink); move it away first"),
    "error.stdin_annotate": ("--annotate 不能用于标准输入（批注副本要写在 Word 文件旁边）",
                             "--annotate cannot be used with standard input (the copy with comments is written beside the Word file)"),
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

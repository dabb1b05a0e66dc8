"""The tool's own words in Chinese and English (rule messages live in the rule files)."""

from __future__ import annotations

_TEXT = {
    "reason.binary": ("这是二进制文件，不是文本", "this is a binary file, not text"),
    "reason.encoding": ("无法识别文字编码（已尝试 UTF-8、UTF-16、UTF-32 和 GB18030）",
                        "the text encoding is not UTF-8, UTF-16, UTF-32 or GB18030"),
    "reason.zip": ("这是压缩文件，不是 Word（.docx）文档或文本", "this is a zip file, not a Word (.docx) document or text"),
    "reason.docx": ("Word（.docx）文件已损坏，无法打开", "the Word (.docx) file is damaged and cannot be opened"),
    "reason.not_docx": ("文件名是 .docx，但内容不是 Word 文档", "the name ends in .docx but the file is not a Word document"),
    "reason.doc": ("这是旧版 Word（.doc）或 WPS 文件，请另存为 .docx 后再检查",
                   "this is a legacy Word (.doc) or WPS file; save it as .docx first"),
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
    "config.twice": ("规则 {rule} 定义了两次", "rule {rule} is defined twice"),
    "baseline.bad": ("{path} 不是 reportlint 的基线文件（每个文件路径对应一组指纹及其次数）",
                     "{path} is not a reportlint baseline (each file path mapped to fingerprints and their counts)"),
    "baseline.unreadable": ("无法读取基线文件 {path}", "cannot read the baseline {path}"),
    "baseline.unwritable": ("无法写入基线文件 {path}（目录不存在或不可写）", "cannot write the baseline {path} (its folder is missing or not writable)"),
    "baseline.written": ("已将 {count} 条问题记录到基线文件 {path}；以后只报告新出现的问题",
                         "recorded {count} finding(s) in the baseline {path}; later runs report only new ones"),
    "error.unknown_rule": ("没有这条规则：{rule}", "no such rule: {rule}"),
    "error.no_paths": ("请给出要检查的文件或目录（或用 - 读取标准输入）",
                       "give the files or folders to check (or - for standard input)"),
    "error.no_format": ("{year}年度报告没有全国统一格式（统一格式自2019年度起）",
                        "there is no national format for reports on {year} (the unified format starts with 2019)"),
    "error.exists": ("{path} 已存在；加 --force 覆盖", "{path} exists; use --force to overwrite it"),
    "init.written": ("已写入 {path}，请按需修改", "wrote {path}; edit it to suit"),
    "html.title": ("政府信息公开工作年度报告检查结果", "Annual report lint results"),
    "html.file": ("文件", "file"),
    "html.issuer": ("发布机关", "issuer"),
    "html.year": ("报告年度", "year"),
    "html.era": ("格式", "format"),
    "html.category": ("类别", "category"),
    "annotate.written": ("已写入 {path}（{count} 条批注）", "wrote {path} ({count} comments)"),
    "fix.written": ("已修正 {path}", "fixed {path}"),
    "fix.readonly": ("{path} 是只读文件，未修正", "{path} is read-only; not fixed"),
    "annotate.refused": ("未写入 {path}：它已存在，但不是 reportlint 写的批注副本（或是符号链接）；请先移走它",
                         "did not write {path}: it exists and is not a copy with comments that reportlint wrote (or is a symlink); move it away first"),
    "error.stdin_annotate": ("--annotate 不能用于标准输入（批注副本要写在 Word 文件旁边）",
                             "--annotate cannot be used with standard input (the copy with comments is written beside the Word file)"),
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
    "rules.header": (("编号", "名称", "类别", "级别", "适用格式", "说明"),
                     ("id", "name", "category", "severity", "eras", "description")),
}


def t(key: str, lang: str, **args: object) -> str:
    """The text `key` in `lang` ("zh" or "en"), filled with `args`."""
    zh, en = _TEXT[key]
    text = en if lang == "en" else zh
    return text.format(**args) if args else text


def headers(lang: str) -> tuple[str, ...]:
    """The column headers of `reportlint rules`."""
    zh, en = _TEXT["rules.header"]
    return en if lang == "en" else zh


def reason_text(reason: str, lang: str, **args: object) -> str:
    """Why a file could not be read, in `lang`."""
    return t(f"reason.{reason}", lang, **args)

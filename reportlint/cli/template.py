"""`reportlint template`: a blank report in the format of a given year, from the template data,
as text or as a Word document."""

from __future__ import annotations

import io

from reportlint.normalize import cn_numeral
from reportlint.templates import era_of_year, template, unified

# What each part reports, in the words of 国办公开办函〔2021〕30号 and the Regulation.
_GUIDE = {
    "overview": "本年度政府信息公开工作总体情况，包括主动公开、依申请公开、政府信息管理、"
                "政府信息公开平台建设、监督保障等方面。",
    "proactive": "主动公开政府信息情况见下表。",
    "requests": "收到和处理政府信息公开申请情况见下表。",
    "review": "政府信息公开行政复议、行政诉讼情况见下表。",
    "problems": "本年度政府信息公开工作存在的主要问题及改进情况。",
    "other": "收取信息处理费情况，以及其他需要报告的事项。",
}


def blank_report(year: int, issuer: str) -> str:
    """The text of a blank report on `year` by `issuer`, tables with empty cells."""
    era = era_of_year(year)
    if not unified(era):
        raise ValueError(era)
    spec = template(era)
    out = [f"{issuer}{year}年政府信息公开工作年度报告", "",
           f"本报告依据《中华人民共和国政府信息公开条例》和{spec.notice}规定的格式编制。"
           f"报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。", ""]
    tables = {t["id"]: t for t in spec.tables}
    for section in spec.sections:
        out += [f"{cn_numeral(section.number)}、{section.title}", "", _GUIDE[section.id], ""]
        for table in tables.values():
            if table["section"] == section.id:
                out += _table(table) + [""]
    return "\n".join(out)


def _table(table: dict) -> list[str]:
    columns = table["columns"]
    if table["id"] == "t4":
        groups = list(dict.fromkeys(c["group"] for c in columns))
        return [_row(["行政复议", "行政诉讼"]),
                _row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", *groups[1:]]),
                _row([c["label"] for c in columns[5:]]),
                _row([""] * len(columns))]
    if table["id"] == "t3":
        lines = [_row([table["corner"], "申请人情况"]),
                 _row(["自然人", "法人或其他组织", "总计"]),
                 _row([c["label"] for c in columns[1:-1]])]
        parents = {r["id"]: r["label"] for r in table["rows"]}
        for row in table["rows"]:
            if row.get("group"):
                continue
            labels = [parents[p] for p in _ancestors(row, table["rows"])] + [row["label"]]
            lines.append(_row(labels + [""] * len(columns)))
        return lines
    return [table["caption"], _row([table["corner"], *(c["label"] for c in columns)]),
            *(_row([r["label"]] + [""] * len(columns)) for r in table["rows"])]


def _ancestors(row: dict, rows: list[dict]) -> list[str]:
    by_id = {r["id"]: r for r in rows}
    chain = []
    while row.get("parent"):
        row = by_id[row["parent"]]
        chain.insert(0, row["id"])
    return chain


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def word_document(text: str) -> bytes:
    """A .docx of `text`: a paragraph per line and a Word table per block of `| … |` rows.
    A row with fewer cells than the table has columns has its last label merged across
    the missing ones, and equal labels down the first column are merged (as 三、本年度办理结果
    stands in the official table 三)."""
    import docx  # only for Word output

    document = docx.Document()
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if not lines[index].startswith("|"):
            document.add_paragraph(lines[index])
            index += 1
            continue
        block = []
        while index < len(lines) and lines[index].startswith("|"):
            block.append([c.strip() for c in lines[index].strip().strip("|").split("|")])
            index += 1
        _word_table(document, block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _word_table(document, block: list[list[str]]) -> None:
    width = max(map(len, block))
    table = document.add_table(rows=len(block), cols=width)
    table.style = "Table Grid"
    columns = []
    for r, row in enumerate(block):  # across: the last label before the numbers (or blanks) spans
        extra = width - len(row)
        span = max(next((n for n, c in enumerate(row) if c.isdigit() or not c), len(row)) - 1, 0)
        if extra:
            table.cell(r, span).merge(table.cell(r, span + extra))
        columns.append([c + (extra if c > span else 0) for c in range(len(row))])
    top = 0
    for r in range(1, len(block) + 1):  # down the first column, where it is one column wide
        if r == len(block) or block[r][0] != block[top][0] or columns[r][1] != 1:
            if r - 1 > top and columns[top][1] == 1:
                table.cell(top, 0).merge(table.cell(r - 1, 0))
            top = r
    for r, row in enumerate(block):
        for column, value in zip(columns[r], row):
            table.cell(r, column).text = value

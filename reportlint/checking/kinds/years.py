"""Check kinds across two reports: this year's against last year's (the figures carried
over and rolled forward, jumps, text repeated) and a report against another unit's
(text copied). Each takes the other report as a third argument; the run pairs them
(reportlint.checking.across). A table value is compared only when both are numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checking.diagnostics import Finding
from reportlint.checking.identities import readings, value_of
from reportlint.checking.kinds.base import Kind, Param
from reportlint.checking.kinds.consistency import tables_of
from reportlint.checking.kinds.tables import table_name
from reportlint.reading.model import Cell, Report, Span, Table
from reportlint.reading.tables import specs

if TYPE_CHECKING:  # the similarity index is imported by the checks across reports only, when they run
    from reportlint.checking import similarity



def _value(report: Report, table: Table | None, row: str, col: str) -> tuple[int, Cell] | None:
    """A single cell's number and the cell (a group row's sum is not a cell)."""
    found = value_of(table, row, col, readings(report)) if table else None
    if found is None or len(found[1]) != 1:
        return None
    return found[0], found[1][0]


def _line(report: Report, cell: Cell) -> int:
    return report.source.in_file(cell.line, cell.column)[0]


def _has(table: Table, *columns: str) -> bool:
    """Whether the table's era gives it these columns."""
    return set(columns) <= {c["id"] for c in specs(table.era)[table.id].columns}


def _label(era: str, table_id: str, kind: str, item_id: str) -> str:
    items = specs(era)[table_id].columns if kind == "column" else specs(era)[table_id].rows
    item = next(i for i in items if i["id"] == item_id)
    return item.get("group", "") + (item.get("label") or "")


# ---- figures ----

def carried_over(report: Report, params: Mapping[str, Any], previous: Report) -> Iterator[Finding]:
    """Table 三: 上年结转 this year = 结转下年度继续办理 last year, in every column."""
    now, before = tables_of(report).get("t3"), tables_of(previous).get("t3")
    if now is None or before is None:
        return
    for col in specs(now.era)["t3"].columns:
        a = _value(report, now, "carried_in", col["id"])
        b = _value(previous, before, "carried_out", col["id"])
        if a and b and a[0] != b[0]:
            yield Finding(a[1].span, {"column": col["label"], "value": a[0], "previous_value": b[0],
                                      "difference": abs(a[0] - b[0]), "previous": previous.source.path,
                                      "previous_line": _line(previous, b[1])})


def roll_forward(report: Report, params: Mapping[str, Any], previous: Report) -> Iterator[Finding]:
    """Table 二 (2021): 现行有效件数 = last year's + 本年制发件数 − 本年废止件数."""
    now, before = tables_of(report).get("t2_1"), tables_of(previous).get("t2_1")
    if now is None or before is None or not all(_has(t, "in_force", "issued", "repealed") for t in (now, before)):
        return
    for row in ("rules", "normative"):
        cells = [_value(report, now, row, c) for c in ("in_force", "issued", "repealed")]
        last = _value(previous, before, row, "in_force")
        if last is None or any(c is None for c in cells):
            continue
        (in_force, cell), (issued, _), (repealed, _) = cells
        expected = last[0] + issued - repealed
        if in_force != expected:
            yield Finding(cell.span, {
                "row": _label(now.era, "t2_1", "row", row), "value": in_force, "previous_value": last[0],
                "issued": issued, "repealed": repealed, "expected": expected,
                "difference": abs(in_force - expected), "previous": previous.source.path,
                "previous_line": _line(previous, last[1])})


def items_forward(report: Report, params: Mapping[str, Any], previous: Report) -> Iterator[Finding]:
    """Table 二 (2019): 上一年项目数量 this year = last year's 上一年项目数量 + 本年增/减."""
    tables, before_tables = tables_of(report), tables_of(previous)
    for table_id, now in tables.items():
        before = before_tables.get(table_id)
        if before is None or not all(_has(t, "prev_items", "delta") for t in (now, before)):
            continue
        for row in specs(now.era)[table_id].rows:
            a = _value(report, now, row["id"], "prev_items")
            b = _value(previous, before, row["id"], "prev_items")
            d = _value(previous, before, row["id"], "delta")
            if a and b and d and a[0] != b[0] + d[0]:
                yield Finding(a[1].span, {
                    "table": table_name(now.era, table_id, "phrase.table_item"), "row": row["label"], "value": a[0],
                    "previous_value": b[0], "delta": d[0], "expected": b[0] + d[0],
                    "difference": abs(a[0] - b[0] - d[0]), "previous": previous.source.path,
                    "previous_line": _line(previous, b[1])})


def _jump_cells(table: Table) -> Iterator[tuple[str, str]]:
    """The figures compared across years: every cell of table 二, the 总计 column of
    table 三 and the 总计 cells of table 四."""
    spec = specs(table.era)[table.id]
    for row in spec.rows:
        for col in spec.columns:
            if table.id.startswith("t2") or col["id"] == "total" or col["id"].endswith(".total"):
                yield row["id"], col["id"]


def jump(report: Report, params: Mapping[str, Any], previous: Report) -> Iterator[Finding]:
    """A table figure `factor` times last year's or more (or less), the larger at least `floor`."""
    factor, floor = params["factor"], params["floor"]
    before_tables = tables_of(previous)
    for table_id, now in tables_of(report).items():
        before = before_tables.get(table_id)
        if before is None or before.era != now.era:
            continue
        for row, col in _jump_cells(now):
            a, b = _value(report, now, row, col), _value(previous, before, row, col)
            if a is None or b is None:
                continue
            low, high = sorted((float(a[0]), float(b[0])))  # amounts are Decimals, factor a float
            if high >= floor and high >= factor * max(low, 1):
                yield Finding(a[1].span, {
                    "table": table_name(now.era, table_id, "phrase.table_item"), "row": _label(now.era, table_id, "row", row),
                    "column": _label(now.era, table_id, "column", col), "value": a[0],
                    "previous_value": b[0], "factor": factor, "previous": previous.source.path,
                    "previous_line": _line(previous, b[1])})


# ---- text ----

def _passages(report: Report, other: Report, found: list[similarity.Match], count: int) -> str:
    """The `count` longest repeated passages: 「quote」 line here ↔ line there."""
    from reportlint.checking import similarity

    a, b = similarity.words(report), similarity.words(other)
    longest = sorted(found, key=lambda m: -m.length)[:count]
    return " · ".join(f"「{similarity.quote(report, a, m.a, m.length)}」 "
                    f"{similarity.place(report, a, m.a)}↔{similarity.place(other, b, m.b)}"
                    for m in sorted(longest, key=lambda m: m.a))


def _title_span(report: Report) -> Span:
    if report.title is not None:
        return report.title.span
    first = next(iter(report.source.lines), "")
    return Span(1, 1, 1, max(len(first), 1) + 1)


def repeated(report: Report, params: Mapping[str, Any], other: Report) -> Iterator[Finding]:
    """Text repeated from `other` (last year's, or another unit's): of the whole own
    words (`unit` report), or of each section against the same section (`unit` section)."""
    from reportlint.checking import similarity

    a, b = similarity.words(report), similarity.words(other)
    if params["unit"] == "report":
        parts = [(None, (0, len(a.text)), (0, len(b.text)))]
    else:
        parts = [(k, a.sections[k], b.sections[k]) for k in a.sections if k in b.sections]
    for key, (a0, a1), (b0, b1) in parts:
        size = a.size(a0, a1)
        if size < params["min_chars"]:
            continue
        found = similarity.shifted(similarity.matches(a.text[a0:a1], b.text[b0:b1]), a0, b0)
        percent = similarity.share(found, size)
        if percent < params["threshold"]:
            continue
        heading = a.headings[key].heading if key else None
        yield Finding(heading.span if heading else _title_span(report), {
            "share": percent, "threshold": params["threshold"], "other": other.source.path,
            "section": heading.title if heading else "", "passages": _passages(report, other, found, params["passages"])})


_TEXT_PARAMS = {"unit": Param(str, "report", choices=("report", "section")), "threshold": Param(int, 50), "min_chars": Param(int, 40), "passages": Param(int, 3)}
_FIGURES = frozenset({"value", "previous_value", "difference", "previous", "previous_line"})
_TEXT_ARGS = frozenset({"share", "threshold", "other", "section", "passages"})
KINDS = (
    Kind("carried-over", carried_over, {}, _FIGURES | {"column"}, across="previous"),
    Kind("roll-forward", roll_forward, {}, _FIGURES | {"row", "issued", "repealed", "expected"}, across="previous"),
    Kind("items-forward", items_forward, {}, _FIGURES | {"table", "row", "delta", "expected"}, across="previous"),
    Kind("year-jump", jump, {"factor": Param((int, float), 5), "floor": Param(int, 10)},
         _FIGURES - {"difference"} | {"table", "row", "column", "factor"}, across="previous"),
    Kind("repeated-text", repeated, _TEXT_PARAMS,
         _TEXT_ARGS, across="previous"),
    Kind("copied-text", repeated, _TEXT_PARAMS,
         _TEXT_ARGS, across="peer"),
)

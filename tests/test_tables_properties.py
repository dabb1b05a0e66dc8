"""Generated consistent tables 三 and 四, written in every layout (with or without a
header, a header broken over lines, split tables with repeated headers, page footers), are
read exactly and balance; changing any one number breaks an identity on that cell's row or
its total; splitting one number across two cells is reported once, as that (N105)."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reportlint.checking.identities import evaluate, identities, instances, readings, value_of
from reportlint.checking.rules import load_rules
from reportlint.reading.cells import parsed_value, read_value
from reportlint.reading.tables import specs
from reportlint.templates import template
from tests.conftest import lint_text

RULES = load_rules()
T3 = next(t for t in template("2021").tables if t["id"] == "t3")
DATA = [r for r in T3["rows"] if not r.get("group")]
RESULTS = [r["id"] for r in DATA if r.get("parent") and r["id"] != "grand_total"]
HEAD = ("某某镇2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n")
T4_HEAD = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n"


def _layout_pipes(label: str, values: list[int]) -> list[str]:
    return [f"| {label} | " + " | ".join(map(str, values)) + " |"]


def _layout_cell_lines(label: str, values: list[int]) -> list[str]:
    return [f"{label} |"] + [f"{v} |" for v in values]


def _layout_aligned(label: str, values: list[int]) -> list[str]:
    return [label + "    " + "   ".join(map(str, values))]


def _layout_tabs(label: str, values: list[int]) -> list[str]:
    return ["\t".join([label, *map(str, values)])]


LAYOUTS = [_layout_pipes, _layout_cell_lines, _layout_aligned, _layout_tabs]
COLUMNS = [c["label"] for c in T3["columns"]]
# the row groups of table 三: 一 and 二, the results of 三, and 四
GROUPS = [DATA[:2], DATA[2:-1], DATA[-1:]]


class Style(NamedTuple):
    """How the table is written around its rows."""

    header: str = ""  # "", "flat" (one header row) or "broken" (two levels, labels broken)
    split: bool = False  # one markdown table per row group, each with its header
    footer: str | None = None  # the id of the row a page footer line follows


def _header(layout, style: Style) -> list[str]:
    """The header lines of table 三: one row of column labels, or the two-level header."""
    if style.header == "flat":
        return layout("项目", COLUMNS)
    parts = [layout("申请人情况", []), layout(COLUMNS[0], ["法人或其他组织", COLUMNS[-1]]),
             layout(COLUMNS[1], COLUMNS[2:-1])]
    lines = [line for part in parts for line in part]
    if layout is _layout_cell_lines:  # labels broken over two lines, as PDF text has them
        lines = [piece for line in lines for piece in ([line[:3], line[3:]] if len(line) > 6 else [line])]
    return lines


@st.composite
def styles(draw, layout) -> Style:
    """A header (markdown tables split by row group only in pipes) and a page footer."""
    split = layout is _layout_pipes and draw(st.booleans())
    header = "flat" if split else draw(st.sampled_from(["", "flat", "broken"]))
    footer = draw(st.sampled_from([None] + [r["id"] for r in DATA[:-1]]))
    return Style(header, split, footer)


@st.composite
def table3(draw) -> dict[str, list[int]]:
    """A consistent table 三: every row sums to its total, the results to （七）, the balance holds."""
    small = st.integers(0, 40)
    rows = {rid: [draw(small) for _ in range(6)] for rid in RESULTS}
    rows["grand_total"] = [sum(rows[r][c] for r in RESULTS) for c in range(6)]
    rows["carried_out"] = [draw(st.integers(0, 5)) for _ in range(6)]
    rows["carried_in"] = [draw(st.integers(0, min(5, rows["grand_total"][c] + rows["carried_out"][c])))
                          for c in range(6)]
    rows["new"] = [rows["grand_total"][c] + rows["carried_out"][c] - rows["carried_in"][c]
                   for c in range(6)]
    return {rid: values + [sum(values)] for rid, values in rows.items()}


def _text(rows: dict[str, list], layout, t4: list[int], style: Style = Style()) -> tuple[str, dict[str, int]]:
    lines = HEAD.splitlines()
    where: dict[str, int] = {}
    for n, group in enumerate(GROUPS):
        if style.split:
            lines += ["", *_header(layout, style), "|---" * 8 + "|"]
        elif style.header and n == 0:
            lines += _header(layout, style)
        for row in group:
            where[row["id"]] = len(lines) + 1
            lines += layout(row["label"], rows[row["id"]])
            if row["id"] == style.footer:
                lines.append("- 4 -")
    lines += T4_HEAD.splitlines()
    where["t4"] = len(lines) + 1
    lines.append(" ".join(map(str, t4)))
    return "\n".join(lines) + "\n", where


@st.composite
def table4(draw) -> list[int]:
    out = []
    for _ in range(3):
        parts = [draw(st.integers(0, 20)) for _ in range(4)]
        out += parts + [sum(parts)]
    return out


@settings(max_examples=60, deadline=None)
@given(table3(), table4(), st.sampled_from(LAYOUTS), st.data())
def test_consistent_tables_are_read_exactly_and_balance(rows, t4, layout, data):
    style = data.draw(styles(layout))
    text, where = _text(rows, layout, t4, style)
    result = lint_text(text, RULES)
    tables = {t.id: t for t in result.report.read_tables}
    for row in DATA:
        found = tables["t3"].rows[row["id"]]
        assert [c.value for c in found.cells.values()] == rows[row["id"]]
        assert found.span.line == where[row["id"]]
    cells = tables["t4"].rows["cases"].cells
    assert [c.value for c in cells.values()] == t4
    assert {c.line for c in cells.values()} == {where["t4"]}
    assert not [d for d in result.diagnostics if d.category in ("table-arith", "cell", "table-shape")]
    if style.header:
        columns = [sorted(c.id for c in run if c.id) for run in tables["t3"].columns]
        assert columns == [sorted(c["id"] for c in T3["columns"])] * (3 if style.split else 1)


@settings(max_examples=60, deadline=None)
@given(table3(), table4(), st.sampled_from(LAYOUTS), st.data())
def test_changing_one_cell_breaks_an_identity_on_its_row_or_total(rows, t4, layout, data):
    row = data.draw(st.sampled_from([r["id"] for r in DATA]))
    col = data.draw(st.integers(0, 6))
    rows[row][col] += data.draw(st.integers(1, 9))
    text, where = _text(rows, layout, t4, data.draw(styles(layout)))
    lines = {d.line for d in lint_text(text, RULES).diagnostics if d.category == "table-arith"}
    if layout is _layout_cell_lines:
        lines = {_row_of(where, line) for line in lines}
        assert where[row] in lines or where["grand_total"] in lines
    else:
        assert where[row] in lines or where["grand_total"] in lines


def _row_of(where: dict[str, int], line: int) -> int:
    """The first line of the row a line belongs to (one cell per line)."""
    return max(start for start in where.values() if start <= line)


@settings(max_examples=30, deadline=None)
@given(table3(), table4(), st.integers(0, 14), st.integers(1, 9))
def test_changing_one_number_of_table4_breaks_its_group(rows, t4, index, delta):
    t4[index] += delta
    text, where = _text(rows, _layout_pipes, t4)
    found = [d for d in lint_text(text, RULES).diagnostics if d.category == "table-arith"]
    assert [d.rule for d in found] == [("A104", "A105", "A106")[index // 5]]
    assert found[0].line == where["t4"]


@settings(max_examples=60, deadline=None)
@given(table3(), table4(), st.sampled_from(LAYOUTS), st.data())
def test_one_number_split_across_two_cells_is_reported_once(rows, t4, layout, data):
    many = [(r["id"], col) for r in DATA for col in range(7) if rows[r["id"]][col] >= 10]
    assume(many)
    row, col = data.draw(st.sampled_from(many))
    digits = str(rows[row][col])
    at = data.draw(st.integers(1, len(digits) - 1))
    rows[row][col:col + 1] = [digits[:at], digits[at:]]
    text, where = _text(rows, layout, t4, data.draw(styles(layout)))
    diagnostics = lint_text(text, RULES).diagnostics
    line = where[row] + (1 + col if layout is _layout_cell_lines else 0)
    assert [(d.rule, d.line) for d in diagnostics if d.rule in ("N105", "N102")] == [("N105", line)]
    assert f"「{digits}」" in next(d.message for d in diagnostics if d.rule == "N105")
    assert not [d for d in diagnostics if d.category == "table-arith"]


@settings(max_examples=40, deadline=None)
@given(table3(), table4(), st.sampled_from(LAYOUTS), st.data())
def test_a_table_s_values_found_once_are_the_values_found_each_time(rows, t4, layout, data):
    """value_of and evaluate with one memo for a table (each value found once) give what
    they give without, cell by cell, in tables with cells changed, left blank or split."""
    for _ in range(data.draw(st.integers(0, 3))):
        row = data.draw(st.sampled_from([r["id"] for r in DATA]))
        col = data.draw(st.integers(0, len(rows[row]) - 1))
        rows[row][col:col + 1] = data.draw(st.sampled_from([[""], ["/"], ["12 3"], ["1234"], ["7"], ["1", "0"]]))
    report = lint_text(_text(rows, layout, t4)[0], RULES).report
    read = readings(report)
    for table in report.read_tables:
        memo = {}
        for identity in identities(table):
            for left, right, _ in instances(table, identity):
                assert evaluate(table, identity, left, right, read, memo=memo) == \
                    evaluate(table, identity, left, right, read)
        spec = specs(table.era)[table.id]
        for row_id in [r["id"] for r in spec.rows]:
            for col in spec.column_ids:
                assert value_of(table, row_id, col, read, memo=memo) == value_of(table, row_id, col, read)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789０１٣²,./+-—() 增减无\u3000", min_size=1, max_size=8))
def test_a_cell_reads_as_the_grammar_reads_it(text):
    """read_value's shortcut for plain digits gives what the cell grammar gives."""
    normalised = unicodedata.normalize("NFKC", text).strip().replace("\u3000", "")
    assume(normalised)
    assert read_value(text) == parsed_value(normalised)

"""Tables read from the layouts real reports show, and what the table rules say about them."""

from __future__ import annotations

from tests.conftest import lint_text
from reportlint.rules import load_rules

RULES = load_rules()
HEAD = ("某某镇2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n")


def _t3(text: str):
    result = lint_text(HEAD + text, RULES)
    return next(t for t in result.report.read_tables if t.id == "t3"), result.diagnostics


def test_page_footer_and_label_broken_over_lines():
    table, _ = _t3("（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）\n- 4 -\n"
                   "2    0    0    0    0    0    2\n")
    row = table.rows["partial"]
    assert [c.value for c in row.cells.values()] == [2, 0, 0, 0, 0, 0, 2]
    assert row.cells["natural"].line == 7


def test_label_one_character_per_line_then_values():
    table, _ = _t3("\n".join("（一）予以公开") + "\n" + "\n".join("1000001") + "\n")
    assert [c.value for c in table.rows["granted"].cells.values()] == [1, 0, 0, 0, 0, 0, 1]


def test_blank_cell_is_reported_and_never_read_as_zero():
    table, diagnostics = _t3("| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 |  |\n"
                             "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
                             "| （七）总计 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
                             "| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    assert table.rows["new"].cells["total"].value is None
    rules = {(d.rule, d.line) for d in diagnostics}
    assert ("N101", 4) in rules
    assert not any(d.category == "table-arith" and d.message.endswith("（总计列）") for d in diagnostics)


def test_variant_label_and_unlabelled_row_by_position():
    table, diagnostics = _t3("| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
                             "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    assert table.rows["carried_in"].how == "position"


def test_cell_kinds():
    table, _ = _t3("| 一、本年新收政府信息公开申请数量 | 22（其中修订16件） | / | — | 无 | -1 | 1.5 | 1 2 |\n")
    kinds = [c.kind for c in table.rows["new"].cells.values()]
    assert kinds == ["annotated", "slash", "emdash", "none", "negative", "fraction", "spaced"]


def test_any_text_parses():
    for text in ["|", "||||", "\t\t", "| 1 |\n|---|", "第二十条第（一）项\n规章 |\n", "行政复议\n1 2 3"]:
        lint_text(HEAD + text, RULES)

"""Tables read from the layouts real reports show, and what the table rules say about them."""

from __future__ import annotations

from reportlint.checking.rules import load_rules
from tests.conftest import lint_text

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


T2 = "某某镇2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
T3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def _lint(text: str):
    return lint_text(text, RULES)


def _rules(diagnostics, *ids):
    return [d for d in diagnostics if d.rule in ids]


def test_header_broken_over_lines_and_vertical_is_joined():
    result = _lint(T2 + "信息内容\n本年制\n发件数\n本\n年\n废\n止\n件\n数\n现行有效件数\n规章\n0\n0\n0\n")
    table = next(t for t in result.report.read_tables if t.id == "t2_1")
    assert [c.id for c in table.columns[0]] == ["issued", "repealed", "in_force"]
    assert table.columns[0][0].cells[0].line == 5
    assert not _rules(result.diagnostics, "T107", "T108")


def test_truncated_column_label_is_reported_with_a_fix():
    result = _lint(T2 + "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件 |\n| 规章 | 0 | 0 | 0 |\n")
    [found] = _rules(result.diagnostics, "T107")
    assert (found.line, found.column) == (4, 28)
    assert "「现行有效件」" in found.message and "「现行有效件数」" in found.message
    assert found.fix["edits"][0]["replacement"] == "现行有效件数"
    assert not _rules(result.diagnostics, "T108")


def test_placeholder_headers_give_one_column_shape_finding():
    header = "| 类别 | " + " | ".join(f"数据{n}" for n in range(1, 7)) + " | 总计 |\n"
    result = _lint(HEAD + header + "|---|---|---|---|---|---|---|---|\n"
                   "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
                   + header + "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    [found] = _rules(result.diagnostics, "T108")
    assert found.line == 4 and "缺少「自然人」" in found.message and "多出「数据1」" in found.message
    assert not _rules(result.diagnostics, "T107")
    assert result.report.read_tables[0].rows["carried_in"].cells["total"].value == 0


def test_column_out_of_order_and_missing():
    result = _lint(T2 + "| 信息内容 | 本年废止件数 | 本年制发件数 |\n| 规章 | 0 | 0 |\n")
    [found] = _rules(result.diagnostics, "T108")
    assert "缺少「现行有效件数」" in found.message and "「本年制发件数」应在「本年废止件数」之前" in found.message


def test_two_level_header_of_table3_is_in_order():
    text = HEAD + ("| 申请人情况 |\n| 自然人 | 法人或其他组织 | 总计 |\n"
                   "| 商业企业 | 科研机构 | 社会公益 | 法律服务机构 | 其他 |\n"
                   "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n")
    result = _lint(text)
    assert not _rules(result.diagnostics, "T108")
    [variant] = _rules(result.diagnostics, "T107")
    assert (variant.line, variant.column) == (6, 17) and "社会公益组织" in variant.message


def test_split_markdown_table_with_repeated_headers_and_tabs():
    header = "| 项目 | " + " | ".join(T3_COLUMNS) + " |\n|---|---|---|---|---|---|---|---|\n"
    text = HEAD + header + "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n\n" + header + \
        "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n" + \
        "\t".join(["（一）予以公开", "1", "0", "0", "0", "0", "0", "1"]) + "\n"
    result = _lint(text)
    table = next(t for t in result.report.read_tables if t.id == "t3")
    assert len(table.columns) == 2
    assert [c.value for c in table.rows["granted"].cells.values()] == [1, 0, 0, 0, 0, 0, 1]
    assert table.rows["carried_in"].cells["natural"].line == 10
    assert not _rules(result.diagnostics, "T107", "T108", "T105")


def test_stray_header_row_mid_table_keeps_the_rows():
    text = HEAD + ("| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
                   "| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
                   "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    result = _lint(text)
    table = next(t for t in result.report.read_tables if t.id == "t3")
    assert set(table.rows) == {"new", "carried_in"}
    assert not [d for d in result.diagnostics if d.category in ("table-shape", "table-arith")]


def test_header_at_the_end_of_an_excerpt_is_not_judged():
    result = _lint(T2 + "| 信息内容 | 本年制发件数 |\n")
    assert not _rules(result.diagnostics, "T108")


def test_known_row_variant_carries_a_fix():
    result = _lint(T2 + "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规范性文件 | 0 | 0 | 0 |\n")
    [found] = _rules(result.diagnostics, "T104")
    assert found.fix["edits"][0]["replacement"] == "行政规范性文件"


# ---- numbers split across two cells, or two numbers merged in one (N105) ----

NEW = "一、本年新收政府信息公开申请数量"


def _split_finding(text: str):
    table, diagnostics = _t3(text)
    found = _rules(diagnostics, "N105")
    assert not _rules(diagnostics, "N102")
    assert not [d for d in diagnostics if d.category == "table-arith"]
    assert table.rows["new"].cells == {}  # the report's numbers are never changed
    return found


def test_number_split_across_two_pipe_cells_is_reported_once():
    [found] = _split_finding(f"| {NEW} | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 12 |\n")
    assert (found.line, found.column) == (4, 22) and found.severity == "warning"
    assert "「1」「2」" in found.message and "「12」" in found.message


def test_two_numbers_merged_in_space_aligned_columns():
    [found] = _split_finding(f"{NEW}    12    0    0    0    0    3\n")
    assert found.line == 4 and "「12」" in found.message and "「1」「2」" in found.message


def test_number_split_with_one_cell_per_line():
    [found] = _split_finding(NEW + "\n" + "\n".join(["10", "7", "0", "0", "0", "0", "1", "7"]) + "\n")
    assert (found.line, found.column) == (11, 1) and "「1」「7」" in found.message and "「17」" in found.message


def test_one_value_too_many_beside_a_cell_that_is_no_number_keeps_the_count_finding():
    _, diagnostics = _t3(f"| {NEW} | / | 0 | 0 | 0 | 0 | 0 | 1 | 1 |\n")  # once an internal error
    assert _rules(diagnostics, "N102") and not _rules(diagnostics, "N105")


def test_no_or_several_readings_keep_the_count_finding():
    for values in ("1 | 0 | 0 | 0 | 0 | 0 | 1 | 5", "1 | 0 | 1 | 0 | 0 | 0 | 0 | 11"):
        _, diagnostics = _t3(f"| {NEW} | {values} |\n")
        assert _rules(diagnostics, "N102") and not _rules(diagnostics, "N105")


def test_other_rows_decide_between_readings():
    rows = [(NEW, "1 | 0 | 1 | 0 | 0 | 0 | 0 | 11"),
            ("二、上年结转政府信息公开申请数量", "0 | 0 | 0 | 0 | 0 | 0 | 0"),
            ("（一）予以公开", "10 | 1 | 0 | 0 | 0 | 0 | 11"),
            ("（七）总计", "10 | 1 | 0 | 0 | 0 | 0 | 11"),
            ("四、结转下年度继续办理", "0 | 0 | 0 | 0 | 0 | 0 | 0")]
    [found] = _split_finding("".join(f"| {label} | {values} |\n" for label, values in rows))
    assert "「1」「0」" in found.message and "「10」" in found.message and found.column == 22


def test_split_number_in_table4():
    result = _lint("某某镇2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n"
                   "3 0 0 0 3 0 0 0 0 0 1 2 0 0 0 12\n")
    [found] = _rules(result.diagnostics, "N105")
    assert "「1」「2」" in found.message and found.column == 21
    assert not [d for d in result.diagnostics if d.category == "table-arith" or d.rule == "N102"]


def test_header_cells_merged_down_are_not_new_columns(lint):
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    text = ("某某县统计局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            f"| {corner} | 申请人情况 |\n| {corner} | 自然人 | 法人或其他组织 | 总计 |\n"
            f"| {corner} | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
            "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n")
    names = {d.name for d in lint(text).diagnostics}
    assert "column-shape" not in names and "column-label-variant" not in names


def test_rest_of_a_label_merged_across_is_not_a_value(lint):
    text = ("某某县统计局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
            "| 三、本年度办理结果 | （六）其他处理 |  | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n")
    result = lint(text, year=2020)
    assert not [d for d in result.diagnostics if d.category in ("cell", "table-arith")]
    row = result.report.read_tables[0].rows["other_handling"]
    assert row.cells["total"].value == 2


T2_2019 = "某某镇2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"


def test_caption_row_with_empty_cells_is_a_header():
    text = (T2_2019 + "第二十条第(一)项 | | | |\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
            "规章 | 0 | 0 | 0 |\n规范性文件 | 2 | 2 | 7 |\n"
            "第二十条第(五)项 | | | |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
            "行政许可 | 6 | 0 | 11 |\n")
    result = lint_text(text, RULES)
    tables = {t.id: t for t in result.report.read_tables}
    assert set(tables["t2_1"].rows) == {"rules", "normative"}
    assert not [d for d in result.diagnostics if d.category in ("table-shape", "cell")]


def test_a_change_written_in_words_is_read_as_signed():
    text = (T2_2019 + "第二十条第(五)项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
            "行政许可 | 5 | 增15 | 20 |\n其他对外管理服务事项 | 4 | 减4 | 0 |\n")
    result = lint_text(text, RULES)
    rows = next(t for t in result.report.read_tables if t.id == "t2_5").rows
    assert [c.value for c in rows["licensing"].cells.values()] == [5, 15, 20]
    assert [c.value for c in rows["other_services"].cells.values()] == [4, -4, 0]
    assert not [d for d in result.diagnostics if d.category in ("table-shape", "cell")]


def test_a_row_of_column_headers_alone_is_a_header():
    text = (T2 + "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 1 | 0 | 4 |\n"
            "第二十条第（五）项 | | |\n| 信息内容 | 本年处理决定数量 | |\n| 行政许可 | 12 | |\n"
            "三、收到和处理政府信息公开申请情况\n| 申请人情况 | | |\n| 自然人 | 法人或其他组织 | 总计 |\n")
    result = lint_text(text, RULES)
    assert not [d for d in result.diagnostics if d.rule in ("T105", "T104")]
    assert next(t for t in result.report.read_tables if t.id == "t2_5").rows["licensing"].cells["decisions"].value == 12

"""Prose against the tables: contradictions next to the readings that must not be flagged
(受理 = new + carried, a narrower scope, withdrawn applications, 其中 breakdowns, percentages)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

HEAD = "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n"


def table3(new=(95, 95), carried=(0, 0), granted=(50, 50), partial=(9, 9), unable=(36, 36),
           done=(95, 95), out=(0, 0)) -> str:
    """Table 三 with the 自然人 and 总计 columns given (the five others 0)."""
    rows = [("一、本年新收政府信息公开申请数量", new), ("二、上年结转政府信息公开申请数量", carried),
            ("（一）予以公开", granted), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", partial),
            ("（四）无法提供", unable), ("（七）总计", done), ("四、结转下年度继续办理", out)]
    lines = ["三、收到和处理政府信息公开申请情况",
             "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    lines += [f"| {label} | {a} | 0 | 0 | 0 | 0 | 0 | {b} |" for label, (a, b) in rows]
    return "\n".join(lines) + "\n"


TABLE4 = ("四、政府信息公开行政复议、行政诉讼情况\n"
          "| 行政复议 | 行政诉讼 |\n"
          "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
          "| {} |\n")


def table4(*numbers: int) -> str:
    return TABLE4.format(" | ".join(str(n) for n in numbers))


def _found(lint, prose: str, tables: str) -> list[tuple[str, str, str]]:
    result = lint(HEAD + prose + "\n" + tables)
    return [(d.rule, d.severity, d.message) for d in result.diagnostics if d.category == "consistency"]


@pytest.mark.parametrize(("prose", "tables"), [
    ("全年收到政府信息公开申请95件，办结95件，予以公开50件，部分公开9件，无法提供36件。", table3()),
    # 受理 meaning new + carried in (583 = 547 + 36)
    ("全县共受理政府信息公开申请583件，其中自然人申请570件；共办理560件，结转下一年23件。",
     table3(new=(547, 547), carried=(36, 36), done=(560, 560), out=(23, 23))),
    # 答复 meaning the results' total; brackets and percentages are not read
    ("全市共受理申请2207件，答复2150件（含上年度结转申请21件，另有78件顺延到下年度答复）。",
     table3(new=(2207, 2207), carried=(21, 21), done=(2150, 2150), out=(78, 78))),
    ("其中，予以公开及部分公开59件（62.1%），无法提供36件（37.9%）。", table3()),
    ("予以公开50件，占52.6%。", table3()),
    # a breakdown by applicant column
    ("自然人申请95件，其中予以公开50件。", table3(granted=(50, 60))),
    # withdrawn applications change what 办结 counts
    ("全年受理申请95件，其中办结88件，申请人主动撤回7件。", table3()),
    ("全年受理申请95件，办结88件，申请人撤回7件。", table3()),
    # changes and approximate counts are not the quantity
    ("本年新收申请95件，比上年增加12件。", table3()),
    ("全年受理申请近百件，答复90余件。", table3()),
    # a blank cell: nothing to compare
    ("本年新收申请12件。", table3(new=(12, ""))),
    # no table, nothing to compare
    ("本年新收申请12件。", ""),
])
def test_consistent_prose_gives_nothing(lint, prose, tables):
    assert _found(lint, prose, tables) == []


def test_named_quantity_that_differs_is_an_error_with_both_numbers(lint):
    [(rule, severity, message)] = _found(lint, "本年新收政府信息公开申请90件。", table3())
    assert (rule, severity) == ("K101", "error")
    assert "90件" in message and "本年新收 95件" in message


def test_scope_wording_is_a_warning_listing_what_was_tried(lint):
    [(rule, severity, message)] = _found(
        lint, "区政府办公室以区政府名义受理公开申请17件，都在法定期限内作出答复。", table3())
    assert (rule, severity) == ("K102", "warning")
    assert "17件" in message and "本年新收 95件" in message


def test_result_counts_and_related_cell(lint):
    result = lint(HEAD + "予以公开40件，无法提供36件。\n" + table3())
    [d] = [d for d in result.diagnostics if d.category == "consistency"]
    assert d.rule == "K101" and "40件" in d.message and "予以公开 50件" in d.message
    assert (d.line, d.column) == (3, 5)
    assert d.related and d.related[0]["line"] == 8


def test_review_and_litigation_counts(lint):
    tables = table3() + table4(1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3)
    assert _found(lint, "政府信息公开行政复议2件，政府信息公开行政诉讼4件。", tables) == []
    [(rule, _, message)] = _found(lint, "因政府信息公开被申请行政复议3件。", tables)
    assert rule == "K101" and "3件" in message and "行政复议总计 2件" in message


def test_none_received_against_new_applications(lint):
    [(rule, severity, message)] = _found(lint, "本年度未收到政府信息公开申请。", table3())
    assert (rule, severity) == ("K103", "error") and "95件" in message
    zero = table3(new=(0, 0), granted=(0, 0), partial=(0, 0), unable=(0, 0), done=(0, 0))
    assert _found(lint, "本年度未收到政府信息公开申请。", zero) == []
    assert _found(lint, "未收到涉及政府信息公开的行政复议申请。", table3()) == []


def test_all_upheld_against_table4(lint):
    tables = table3() + table4(1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0)
    [(rule, severity, message)] = _found(lint, "全年发生行政复议2件，均获维持。", tables)
    assert (rule, severity) == ("K104", "error") and "结果纠正 1件" in message
    assert _found(lint, "全年发生行政诉讼1件，均维持原行政行为。", tables) == []


def test_all_completed_against_carried_out(lint):
    tables = table3(new=(94, 94), carried=(2, 2), done=(95, 95), out=(1, ""))
    [(rule, severity, message)] = _found(lint, "上年结转2件，所有申请均已按要求办理完成。", tables)
    assert (rule, severity) == ("K105", "error") and "1件" in message
    assert _found(lint, "上年结转的申请均已办结。", tables) == []
    assert _found(lint, "所有申请均已按要求办理完成。", table3()) == []


def test_clean_example_is_consistent(lint):
    from pathlib import Path
    text = (Path(__file__).parent.parent / "examples" / "clean.txt").read_text(encoding="utf-8")
    assert [d for d in lint(text).diagnostics if d.category == "consistency"] == []


# what the prose kinds' prefilters are sure of: a sentence (or a paragraph) they skip has
# no clause that the per-clause search would find anything in
PROSE_PIECES = st.sampled_from([
    "，", "；", "、", "。", "：", " ", "\u3000", "%", "％", "（", "）", "□", "第", ".", "不", "余", "多", "约",
    "5", "12", "3 ", "件", "条", "收到", "申请", "未收到", "没有", "依申请", "所有", "全部", "办结", "均",
    "维持", "获", "予以公开", "部分公开", "本年新收", "行政复议", "行政诉讼", "结转下年度", "受理", "其中",
])
PROSE = st.lists(PROSE_PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_a_clause_without_a_count_s_end_has_no_count(text):
    from reportlint.checking.kinds.consistency import _COUNT, _COUNT_END
    from reportlint.checking.sentences import clauses, sentences

    for s, e in sentences(text):
        for cs, ce in clauses(text, s, e):
            if _COUNT.search(text, cs, ce):
                assert _COUNT_END.search(text, cs, ce) and _COUNT_END.search(text, s, e)


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_a_label_none_of_the_names_names_is_found_so_in_one_search(label):
    from reportlint.checking.kinds.consistency import _ANY_NAMED, _NAMED

    assert bool(_ANY_NAMED.search(label)) == any(p.search(label) for p, _ in _NAMED)


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_a_statement_found_in_a_clause_is_found_in_its_paragraph(text):
    from reportlint.checking.kinds.consistency import _ALL_COMPLETED, _ALL_UPHELD, _NONE_RECEIVED
    from reportlint.checking.sentences import clauses, sentences

    for pattern, _ in (_NONE_RECEIVED, _ALL_COMPLETED, _ALL_UPHELD):
        if any(pattern.search(text, cs, ce) for s, e in sentences(text) for cs, ce in clauses(text, s, e)):
            assert pattern.search(text)

"""Typography: never a flood, and good Chinese (reduplication, list markers, split quotes) left alone."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reportlint.checking.kinds.typography import _CODE

HEAD = "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n"


def _hits(lint, body: str, rule: str) -> list[int]:
    return [d.line for d in lint(HEAD + body).diagnostics if d.rule == rule]


def test_halfwidth_punctuation_is_reported_once(lint):
    body = "".join(f"第{i}项工作,已经完成;成效:明显。\n\n" for i in range(30))
    result = [d for d in lint(HEAD + body).diagnostics if d.rule == "Y101"]
    assert len(result) == 1 and "90处" in result[0].message and "30行" in result[0].message


def test_halfwidth_marks_in_urls_numbers_and_tables_are_fine(lint):
    body = ("详见http://www.example.gov.cn/a,b，电话0571-1234567，比例1:2。\n"
            "| 信息内容 | 本年制发件数 |\n| 规章,文件 | 0 |\n")
    assert _hits(lint, body, "Y101") == []


def test_quotation_over_a_paragraph_break_pairs_up(lint):
    body = "努力让政务信息“看得见、\n\n听得懂、用得上”。\n（1）加强领导。1）完善制度；a）强化监督。\n"
    assert _hits(lint, body, "Y102") == []


def test_unpaired_marks_at_most_one_per_line(lint):
    body = "根据《条例》（以下简称“条例”，编制本报告）》）。\n"
    assert _hits(lint, body, "Y102") == [3]


def test_script_in_a_scraped_page_is_not_prose(lint):
    body = "var month = ((date.getMonth() + 1;\n"
    assert _hits(lint, body, "Y102") == []


def test_repeated_words_and_good_reduplication(lint):
    assert _hits(lint, "三是是通过广播公开。\n做好公开公开工作。\n", "Y103") == [3, 4]
    good = "层层压实责任，紧紧围绕中心，一一落实，件件有回音，人人参与，是是非非分明，研究研究再定。\n"
    assert _hits(lint, good, "Y103") == []


def test_repeated_words_in_tables_are_not_read(lint):
    assert _hits(lint, "| 结果 | 结果 |\n| 维持 | 纠正 |\n", "Y103") == []


def test_number_forms(lint):
    assert _hits(lint, "全年公开信息3千余条，1百零8件。\n", "Y104") == [3]
    assert _hits(lint, "资金345亿元，线路3千米，2023年1月6日。\n", "Y104") == []


@given(st.text(st.sampled_from("<>{}=&varfunctionx 中_1\n"), max_size=16))
def test_script_is_told_as_by_its_plain_pattern(text):
    """_CODE, written mark first, finds script where the plain alternation does."""
    plain = re.compile(r"[<>{}]|==|&&|\bvar\b|\bfunction\b")
    assert bool(_CODE.search(text)) == bool(plain.search(text))

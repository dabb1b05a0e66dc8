"""Prose arithmetic: sums that fail next to the sums and enumerations that must not be flagged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

HEAD = "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n"


def _found(lint, sentence: str) -> list[tuple[str, str]]:
    return [(d.rule, d.message) for d in lint(HEAD + sentence + "\n").diagnostics
            if d.category == "prose-arith"]


@pytest.mark.parametrize("sentence", [
    # totals that hold, in the layouts real reports use
    "主动公开政府信息206条，其中：门户网站180条；政务微博7条；政务微信13条；其他方式6条。",
    "更新村务动态81条,政府文件11条,机构职能5条,总计97条,方便群众查阅。",
    "市政府共受理申请1080件，办结1000件（含上年结转95件），均按期答复。其中，予以公开150件（15.00%），"
    "不予公开30件（3.00%），无法提供420件（42.00%），不予处理100件（10.00%），其他处理300件（30.00%，含主动撤回120件）。",
    # 其中 … then a new total in the same sentence
    "全年共受理申请583件，其中自然人申请571件，法人或其他组织申请12件；共办理560件，结转下一年23件。",
    # a nested breakdown after 包括 or in brackets
    "主动公开政务信息6条，其中区政府网站公开6条，包括统计公报2条、统计数据发布3条。",
    "全年共发布信息59条（其中，领导信息1条，规划计划1条，其它信息7条）。",
    # overlapping channels: one item goes out on several
    "全年主动公开信息500条，其中政府网站发布400条，微信公众号发布300条。",
    # a single part, or parts of another unit
    "共推送稿件1288篇，其中原创稿件310篇，关注人数达735412人。",
    # examples, not a partition
    "全年发布政府信息275件，其中包括：行政规范性文件11件；规划计划文件3件。",
    # approximate parts cannot be summed
    "全年发布信息3000条，其中网站约2000条，微信1000余条，简报200条。",
    # attendances overlap
    "共召开新闻发布会10场，其中主要领导出席6场，分管领导出席8场。",
    # parts already make the total; what follows is another statement
    "共受理申请10件，其中自然人8件，法人2件，办结10件。",
    # percentages truncated rather than rounded
    "共收到申请130件，其中自然人申请59件、占45.3%，法人申请71件、占54.6%。",
])
def test_sums_that_hold_are_not_flagged(lint, sentence):
    assert _found(lint, sentence) == []


def test_message_proves_the_failed_sum(lint):
    [(rule, message)] = _found(lint, "全年累计发布信息 2139 条，其中动态类信息 1744 条，政务信息 393 条，解读类信息 21 条，热点回应 2 条。")
    assert rule == "P101"
    assert "1744 + 393 + 21 + 2 = 2160条" in message and "2139条" in message and "21" in message


def test_qizhong_opening_a_sentence_takes_the_previous_total(lint):
    assert [r for r, _ in _found(lint, "全镇主动公开政府信息28条。其中公示公告28条，微信公众号2条。")] == ["P101"]


def test_heading_run_in_text_is_read(lint):
    text = "（一）主动公开情况。全镇主动公开政府信息28条。其中公示公告28条，微信公众号2条。"
    assert [r for r, _ in _found(lint, text)] == ["P101"]


def test_short_sum_is_a_warning_and_examples_with_deng_are_not(lint):
    assert [r for r, _ in _found(lint, "全年收到申请10件，其中自然人申请5件，法人申请3件。")] == ["P102"]
    assert _found(lint, "全年发布信息100条，其中工作动态60条，通知公告30条等。") == []


def test_unit_slips(lint):
    assert [r for r, _ in _found(lint, "全年发布信息12万条，其中网站5条，简报7条。")] == ["P103"]
    assert _found(lint, "全年发布信息1.2万条，其中网站5000条，简报7000条。") == []


def test_wrong_percentage(lint):
    [(rule, message)] = _found(lint, "办结200件，其中予以公开50件（30%），其他150件（75%）。")
    assert rule == "P104" and "25.00%" in message and "30%" in message


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([
    "1", "23", "2024", ".", "5.5", " ", "\u3000", "\t", "近", "约", "超过", "超", "大约", "不到", "第", "万", "亿",
    "余", "多", "件", "条", "人次", "次", "元", "万元", "年", "，", "。", "其中", "收到", "申请", "□",
]), max_size=30).map("".join), st.integers(0, 8), st.integers(0, 8))
def test_counts_are_found_as_a_scan_finds_them(text, skip, cut):
    """_counts begins each search near the next place a count may stand and finds
    what _NUMBER.finditer finds, from any start to any end."""
    from reportlint.checking.kinds.prose import _NUMBER, _counts

    start, end = min(skip, len(text)), max(min(skip, len(text)), len(text) - cut)
    assert [m.span() for m in _counts(text, start, end)] == [m.span() for m in _NUMBER.finditer(text, start, end)]

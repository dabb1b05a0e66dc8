"""Content rules: what a report must say, with the traps (excerpts, departments, other wordings)."""

from __future__ import annotations

TOWN_2023 = "青山镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息50条。\n"
TAIL_2023 = "五、存在的主要问题及改进情况\n公开的及时性有待提高。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"


def _found(lint, text: str, rule: str, **options) -> list[str]:
    return [d.message for d in lint(text, **options).diagnostics if d.rule == rule]


def test_township_without_assessment_is_flagged(lint):
    assert len(_found(lint, TOWN_2023 + TAIL_2023, "C101")) == 1


def test_assessment_mentioned_in_any_wording_is_enough(lint):
    for words in ("纳入年度绩效考核。", "开展社会评议。", "未发生责任追究情况。", "（五）监督保障\n加强日常监测。"):
        assert _found(lint, TOWN_2023 + words + "\n" + TAIL_2023, "C101") == [], words


def test_excerpt_cut_before_the_last_parts_is_not_judged(lint):
    assert _found(lint, TOWN_2023 + "二、主动公开政府信息情况\n", "C101") == []


def test_street_offices_and_departments_are_not_concerned(lint):
    street = TOWN_2023.replace("青山镇人民政府", "青山街道办事处")
    dept = TOWN_2023.replace("青山镇人民政府", "青山县统计局")
    assert _found(lint, street + TAIL_2023, "C101") == []
    assert _found(lint, dept + TAIL_2023, "C101") == []


def test_processing_fee_under_six(lint):
    without = TOWN_2023 + "六、其他需要报告的事项\n无。\n"
    assert len(_found(lint, without, "C102")) == 1
    assert _found(lint, TOWN_2023 + TAIL_2023, "C102") == []


OLD = ("青山镇2018年政府信息公开工作年度报告\n一、概述\n全年主动公开政府信息50条。\n"
       "2018年，我镇未接收到申请公开件。\n二、存在的主要问题及改进措施\n公开的及时性有待提高。\n")


def test_old_era_missing_items_in_one_diagnostic(lint):
    messages = _found(lint, OLD, "C103")
    assert len(messages) == 1
    assert "收费及减免" in messages[0] and "行政复议" in messages[0]


def test_old_era_items_said_in_passing_are_enough(lint):
    text = OLD.replace("申请公开件。", "申请公开件，未收取任何费用，未发生行政复议、行政诉讼。")
    assert _found(lint, text, "C103") == []


def test_old_era_rule_does_not_run_on_new_reports(lint):
    assert _found(lint, TOWN_2023 + TAIL_2023, "C103") == []

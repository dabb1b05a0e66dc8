"""Date rules: the slips they catch, and the legitimate other years next to them."""

from __future__ import annotations


def _rules(lint, text: str, **options) -> list[tuple[str, int]]:
    return [(d.rule, d.line) for d in lint(text, **options).diagnostics if d.rule.startswith("D")]


def test_period_of_the_report_year_in_both_spellings_is_clean(lint):
    text = ("青山镇2018年度政府信息公开工作年度报告\n"
            "内容涵盖青山镇政府2018年1月1日至12月31日期间的工作情况。统计期限自2018年1月1日起至2018年12月31日止。\n"
            "一、概述\n2019年，我镇将继续推进政务公开。\n")
    assert _rules(lint, text) == []


def test_period_of_last_year_is_an_error(lint):
    text = "青山镇2019年政府信息公开工作年度报告\n报告中所列数据的统计期限自2018年1月1日起至2018年12月31日止。\n一、总体情况\n"
    assert _rules(lint, text) == [("D101", 2)]


def test_ranges_outside_a_period_statement_are_not_periods(lint):
    text = ("青山镇2019年政府信息公开工作年度报告\n一、总体情况\n"
            "2019年5月15日至6月30日，我镇开展新《条例》宣传活动。"
            "2016年1月1日至2020年12月31日期间累计公开信息5000条。\n")
    assert _rules(lint, text) == []


def test_malformed_dates_one_per_line(lint):
    text = "青山镇2019年政府信息公开年度报告\n统计期限自201911日起至20191231日止。\n"
    assert _rules(lint, text) == [("D103", 2)]


def test_carry_over_to_the_report_year(lint):
    good = "青山镇2024年政府信息公开工作年度报告\n一、总体情况\n1件结转至2025年继续办理。\n"
    bad = "青山镇2024年政府信息公开工作年度报告\n一、总体情况\n0件转结2024年办结。\n"
    carried_in = "青山镇2024年政府信息公开工作年度报告\n一、总体情况\n上年结转至2024年继续办理的申请1件，2023年结转至2024年办理1件。\n"
    assert _rules(lint, good) == []
    assert _rules(lint, carried_in) == []
    assert _rules(lint, bad) == [("D104", 3)]


def test_last_year_comparisons_are_not_slips(lint):
    text = ("青山镇2020年政府信息公开工作年度报告\n一、总体情况\n"
            "2019年，我镇公开信息80条，2020年较上年增加14条。\n"
            "2019年，我镇被评为政务公开先进单位。\n")
    assert _rules(lint, text) == []


def test_deadline_depends_on_the_issuer_level(lint):
    dept = "青山县统计局2023年政府信息公开工作年度报告\n发布日期：2024-02-20\n一、总体情况\n"
    county = "青山县人民政府2023年政府信息公开工作年度报告\n发布日期：2024-02-20\n一、总体情况\n"
    town = "青山镇人民政府2023年政府信息公开工作年度报告\n发布日期：2024-05-20\n一、总体情况\n"
    assert _rules(lint, dept) == [("D106", 2)]
    assert _rules(lint, county) == []
    assert _rules(lint, town) == []


def test_old_era_deadline_applies_to_townships(lint):
    text = "青山镇人民政府2016年政府信息公开工作年度报告\n发布日期：2017-04-06\n一、概述\n"
    assert _rules(lint, text) == [("D106", 2)]


def test_a_compared_period_is_not_the_period(lint):
    text = ("青山镇2019年政府信息公开工作年度报告\n"
            "统计期限自2019年1月1日起至2019年12月31日止。与2018年1月1日至12月31日的统计数据相比，公开数量增加。\n"
            "一、总体情况\n")
    assert _rules(lint, text) == []

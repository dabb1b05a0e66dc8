"""The outline: classification, grammar, detection, and the structure rules on whole reports."""

from __future__ import annotations

import pytest

from reportlint.reading.classify import classify, is_title_line
from reportlint.reading.furniture import mark
from reportlint.reading.lines import physical_lines
from reportlint.reading.parse import parse_report
from reportlint.reading.source import Source

TOWNSHIP_2019 = """\
一、总体情况
2019年，紫云镇政府信息公开工作以服务群众为着力点。
(一)强化组织领导，确保高位推进
镇党委高度重视政府信息公开工作。
(二)压实公开责任，确保高效开展
(三)抓实日常工作，确保全面落实
1.公开的内容更加充实。全年发布信息94条。
4.信息内容审核更加严格。严把审核关。
5.财政预决算及时公开。按时公开部门预算。
二、主动公开政府信息情况
第二十条第(一)项 |
信息内容 |
本年新制作数量 |
本年新公开数量 |
对外公开总数量 |
规章 |
0 |
0 |
0 |
三、收到和处理政府信息公开申请情况
本年度未收到政府信息公开申请。
四、政府信息公开行政复议、行政诉讼情况
无。
五、存在的主要问题及改进情况
公开内容不够丰富。
六、其他需要报告的事项
无。
"""

OLD_TOWNSHIP = """\
某某区大山镇2018年

政府信息公开工作年度报告

根据《条例》规定，特向社会公布本报告。本报告由概述、政府信息公开的组织领导情况、主动公开政府信息情况等5个部分组成。

概述

2018年，大山镇稳步推进政府信息公开工作。
二、政府信息公开的组织领导情况
成立了政府信息公开工作领导小组。
三、主动公开政府信息情况
2018年主动公开政府信息318条。
四、政府信息公开申请办理情况
2018年未收到政府信息公开申请。
"""

WORK_SUMMARY = """\
2018年政务公开工作总结及明年工作计划

整理文档很辛苦，赏杯茶钱您下走！

2018年，在县政府办公室的正确领导下，紧紧围绕县委县政府中心工作，圆满完成了各项工作任务。
"""


def _codes(lint, text, **options):
    return {(d.name, d.line) for d in lint(text, **options).diagnostics}


def test_township_2019_report(lint):
    found = _codes(lint, TOWNSHIP_2019)
    assert ("missing-title", 1) in found
    assert ("empty-heading", 5) in found
    assert ("numbering-gap", 8) in found
    assert not any(name == "missing-section" for name, _ in found)
    assert ("empty-heading", 6) not in found, "(三) has numbered items under it"


def test_township_2019_outline(lint):
    report = parse_report(Source("x.txt", TOWNSHIP_2019))
    assert report.year == 2019 and report.era == "2019"
    assert [s.heading.marker for s in report.sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]
    first = report.sections[0]
    assert [c.heading.number for c in first.children] == [1, 2, 3]
    assert [c.heading.number for c in first.children[2].children] == [1, 4, 5]
    assert len(list(report.tables())) == 1
    table = next(report.tables())
    assert (table.span.line, table.span.end_line) == (11, 19)


def test_old_township_report(lint):
    found = _codes(lint, OLD_TOWNSHIP)
    assert ("unnumbered-heading", 7) in found
    assert ("announced-parts", 5) in found
    assert not any(name in ("numbering-start", "missing-section") for name, _ in found)
    report = parse_report(Source("x.txt", OLD_TOWNSHIP))
    assert report.title.text == "某某区大山镇2018年政府信息公开工作年度报告"
    assert (report.year, report.era, report.issuer, report.issuer_level) == (2018, "2008", "某某区大山镇", "township")


def test_work_summary_is_not_a_report(lint):
    result = lint(WORK_SUMMARY)
    # no report rule runs; document-scope hygiene rules still see the scraped banner
    assert [d.name for d in result.diagnostics if d.category != "hygiene"] == ["not-annual-report"]
    assert [d.name for d in result.diagnostics if d.category == "hygiene"] == ["page-chrome"]


def _blocks(text: str):
    lines = physical_lines(text.splitlines())
    marks, body = mark(lines, is_title_line)
    return classify(lines, marks, body)


def test_table_labels_are_not_headings():
    text = "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n一、本年新收政府信息公开申请数量\n0\n（一）予以公开\n0\n1.属于国家秘密\n0\n四、政府信息公开行政复议、行政诉讼情况\n"
    blocks = _blocks(text)
    assert [b.kind for b in blocks] == ["H1", "TABLE", "H1"]
    assert [l.number for l in blocks[1].lines] == list(range(2, 9))


def test_page_footers_are_set_aside():
    text = "一、总体情况\n2023年，本局主动公开\n- 2 -\n政府信息50条。\n"
    blocks = _blocks(text)
    assert [b.kind for b in blocks] == ["H1", "PARA", "PAGE"]
    assert [line.number for line in blocks[1].lines] == [2, 4], "the page footer does not break the paragraph"
    assert [line.number for line in blocks[2].lines] == [3]


@pytest.mark.parametrize(("title", "year", "issuer", "level"), [
    ("桓台县荆家镇人民政府2018年度政府信息公开工作年度报告", 2018, "桓台县荆家镇人民政府", "township"),
    ("2024 年上海市科委政府信息公开工作年度报告", 2024, "上海市科委", "province_dept"),
    ("2018年度驩城镇政府信息公开年度报告", 2018, "驩城镇", "township"),
    ("淮安市人民政府2024年政府信息公开工作年度报告", 2024, "淮安市人民政府", "city"),
    ("沭阳县发展和改革局2023年政府信息公开年度报告", 2023, "沭阳县发展和改革局", "county_dept"),
    ("北京街道办事处2020年政府信息公开工作年度报告", 2020, "北京街道办事处", "street"),
    ("江苏省统计局2019年政府信息公开工作年度报告", 2019, "江苏省统计局", "province_dept"),
    ("关于2021年度政府信息公开工作的年度报告", 2021, None, None),
])
def test_title_detection(title, year, issuer, level):
    report = parse_report(Source("x.txt", f"{title}\n一、总体情况\n正文。\n"))
    assert (report.year, report.issuer, report.issuer_level) == (year, issuer, level)


def test_overrides(lint):
    report = parse_report(Source("x.txt", TOWNSHIP_2019), year=2023, issuer_level="street")
    assert (report.year, report.era, report.issuer_level) == (2023, "2021", "street")


def test_parser_refusal_becomes_a_diagnostic(lint, monkeypatch):
    from lark.exceptions import UnexpectedToken

    from reportlint.reading import outline as grammar

    class Refusing:
        def parse(self, tokens):
            raise UnexpectedToken(tokens[0], {"H1"})

    monkeypatch.setattr(grammar, "parser", lambda: Refusing())
    result = lint("某某县统计局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n")
    assert any(d.name == "unplaced-region" for d in result.diagnostics)
    assert result.report.preamble.blocks, "the text is kept as paragraphs"


def test_item_labels_written_with_a_comma_stay_in_the_table():
    text = ("三、收到和处理政府信息公开申请情况\n申请人情况\n"
            "               1、申请人无正当理由逾期不补\n"
            "               正、行政机关不再处理其政府信           67        3        0         0        1         0    71\n"
            "     （六）其\n               3、其他                  108          2        0\n"
            "     （七）总计                           2932        53        0         0        61        4   3050\n"
            "四、结转下年度继续办理                          103          0        0         0        0         0    103\n"
            "     四、政府信息公开行政复议、行政诉讼情况\n")
    blocks = _blocks(text)
    assert [b.kind for b in blocks] == ["H1", "TABLE", "H1"]

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
2019年，青石镇把政府信息公开作为便民服务的重要一环。
(一)加强组织保障，落实工作责任
镇里明确由党政办负责信息公开。
(二)明确公开职责，规范发布流程
(三)做好日常更新，提升公开质量
1.公开内容更加丰富。全年发布信息76条。
4.发布审核层层把关。信息发布前经过三级审核。
5.预算决算按时公开。部门预算在规定时间内公开。
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
本年度没有人提出政府信息公开申请。
四、政府信息公开行政复议、行政诉讼情况
无。
五、存在的主要问题及改进情况
栏目更新还不够及时。
六、其他需要报告的事项
无。
"""

OLD_TOWNSHIP = """\
某某区大山镇2018年

政府信息公开工作年度报告

依照《条例》要求，现公布本年度报告。全文分为概述、政府信息公开的组织领导情况、主动公开政府信息情况等5个部分。

概述

2018年，大山镇稳步推进政府信息公开工作。
二、政府信息公开的组织领导情况
成立了政府信息公开工作领导小组。
三、主动公开政府信息情况
2018年主动公开政府信息318条。
四、政府信息公开申请办理情况
本年度没有人提出政府信息公开申请。
"""

WORK_SUMMARY = """\
2017年政务公开工作总结和下一年度工作打算

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
    ("溪口县柳河镇人民政府2018年度政府信息公开工作年度报告", 2018, "溪口县柳河镇人民政府", "township"),
    ("2024 年天津市科委政府信息公开工作年度报告", 2024, "天津市科委", "province_dept"),
    ("2018年度鳯岭镇政府信息公开年度报告", 2018, "鳯岭镇", "township"),
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
            "               正、行政机关不再处理其政府信           54        2        0         0        1         0    57\n"
            "     （六）其\n               3、其他                  96          2        0\n"
            "     （七）总计                           2410        47        0         0        52        3   2512\n"
            "四、结转下年度继续办理                          88          0        0         0        0         0    88\n"
            "     四、政府信息公开行政复议、行政诉讼情况\n")
    blocks = _blocks(text)
    assert [b.kind for b in blocks] == ["H1", "TABLE", "H1"]


@pytest.mark.parametrize("head", [
    "关于做好2023年度政府信息公开工作年度报告编制发布工作的通知\n各乡镇人民政府，县直各部门：",
    "溪口县人民政府办公室政府信息公开年度报告制度（试行）\n第一条 为做好年度报告工作，制定本制度。",
    "2022年三季度政务公开工作自查报告溪口县水利局2022年9月30日",
    "图文解读：溪口县水利局2023年政府信息公开工作年度报告\n一、编制背景",
    "《溪口县水利局2023年政府信息公开工作年度报告》已编写完毕，下面对年报作简要解读。\n一、编制背景",
])
def test_another_documents_title_is_not_the_reports(lint, head):
    """A notice about the reports, a set of rules, a self-inspection, a reading of the
    report: the report's name in their title or first sentence is not a title."""
    text = f"{head}\n本文件的正文，说明有关工作的要求和安排。\n"
    report = parse_report(Source("x.txt", text))
    assert report.title is None
    assert [d.name for d in lint(text).diagnostics if d.category == "structure"] == ["not-annual-report"]


def test_a_text_in_a_latin_script_is_not_a_report(lint):
    text = ("# Notes on the collection\n\nThese are sample texts of 政府信息公开工作年度报告 kept for review.\n"
            "Each file is one page, saved as it was found, with nothing fixed or removed.\n")
    assert [d.name for d in lint(text).diagnostics if d.category == "structure"] == ["not-annual-report"]


def test_a_two_digit_year_is_not_part_of_the_issuer():
    report = parse_report(Source("x.txt", "09溪口县政府信息公开报告\n一、概述\n正文。\n"))
    assert (report.year, report.issuer) == (None, "溪口县")


def test_the_notice_that_publishes_a_report_is_a_report():
    text = ("溪口县人民政府办公室关于公布\n溪口县2009年度政府信息公开工作年度报告的通知\n"
            "各乡镇人民政府，县直各部门：\n现将年度报告予以公布。\n一、概述\n本县全年主动公开政府信息80条。\n")
    assert parse_report(Source("x.txt", text)).is_report


def test_spam_where_the_issuer_stood_is_no_issuer(lint):
    text = "新葡京博彩官网 2023年政府信息公开工作年度报告\n一、总体情况\n本单位全年主动公开政府信息40条。\n"
    result = lint(text)
    assert result.report.issuer is None and result.report.year == 2023
    assert {"title-issuer", "spam"} <= {d.name for d in result.diagnostics}


def test_a_page_cut_in_a_heading_s_opening_stops_there(lint):
    """A text that stops after 收到和处理政府 (the opening of a title, which ends as an
    office's name does) is cut there, not signed: one finding, no part called missing."""
    text = ("溪口县统计局2022年政府信息公开工作年度报告\n一、总体情况\n本局全年主动公开政府信息30条。\n"
            "二、主动公开政府信息情况\n本局全年新制作规范性文件2件。\n三、收到和处理政府信息公开申请情况\n收到和处理政府")
    names = [d.rule for d in lint(text).diagnostics]
    assert names.count("S004") + names.count("S006") == 1 and "S020" not in names


def test_a_report_signed_by_its_office_ends_whole(lint):
    text = ("溪口县统计局2022年政府信息公开工作年度报告\n一、总体情况\n本局全年主动公开政府信息30条。\n"
            "二、主动公开政府信息情况\n本局全年新制作规范性文件2件。\n溪口县人民政府")
    names = [d.rule for d in lint(text).diagnostics]
    assert "S004" not in names


CARRIED_IN_TABLE = (
    "溪口县统计局2022年政府信息公开工作年度报告\n一、总体情况\n本局全年收到政府信息公开申请5件，上年结转12件。\n"
    "二、主动公开政府信息情况\n本局全年主动公开政府信息30条。\n三、收到和处理政府信息公开申请情况\n"
    "| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 | 申请人情况 |\n"
    "| 自然人 | 法人或其他组织 | 总计 |\n| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
    "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 1 | 1 | 1 | 1 | 5 |\n"
    "| 二、上年结转政府信息公开申请数量 | 2 | 2 | 2 | 2 | 2 | 2 | {total}")


def test_a_page_cut_in_a_table_s_last_cell_stops_there(lint):
    """A pipe row that lacks the closing | of its table's other rows is cut, and the cell
    it stops in (12 cut to 1) is compared with nothing: the prose's 上年结转12件 and the
    row's sum are not contradicted by it."""
    names = [d.rule for d in lint(CARRIED_IN_TABLE.format(total="1")).diagnostics]
    assert names.count("S004") == 1 and "S006" not in names
    assert not {"K101", "A103"} & set(names)


def test_a_closed_last_cell_is_compared(lint):
    """The same row closed by its | is whole: its total 1 contradicts 上年结转12件."""
    names = [d.rule for d in lint(CARRIED_IN_TABLE.format(total="1 |\n")).diagnostics]
    assert "S004" not in names and "K101" in names
    assert "K101" not in [d.rule for d in lint(CARRIED_IN_TABLE.format(total="12 |\n")).diagnostics]


def test_a_page_cut_in_a_count_of_the_prose_stops_there(lint):
    """A text cut inside 上年结转12件 (at 上年结转1) is cut there and reads no count."""
    text = CARRIED_IN_TABLE.format(total="12 |")
    names = [d.rule for d in lint(text[:text.index("上年结转12") + len("上年结转1")]).diagnostics]
    assert names.count("S004") == 1 and "K101" not in names


def test_a_page_cut_in_the_first_line_under_a_heading_stops_there(lint):
    """A last line that ends as an office's name does (…加强政府) but stands straight under
    a heading is that heading's text cut short, not the name signed under the report."""
    text = ("溪口县统计局2022年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n本局全年主动公开政府信息30条。\n"
            "（二）政府信息管理情况\n本局加强政府")
    names = [d.rule for d in lint(text).diagnostics]
    assert names.count("S004") + names.count("S006") == 1 and "S020" not in names


REVIEW_OPENING = ("溪口县统计局2022年政府信息公开工作年度报告\n一、总体情况\n本局全年主动公开政府信息30条。\n"
                  "四、政府信息公开行政复议、行政诉讼情况\n{under}")


def test_a_page_cut_after_a_title_s_wording_under_its_heading_stops_there(lint):
    """A page cut in the first line under a heading right after the title's wording it
    opens with (…行政诉讼情况 of …行政诉讼情况见下表。) reads that line as a heading of its
    own: the heading above holds nothing but it and is not called empty."""
    names = [d.rule for d in lint(REVIEW_OPENING.format(under="政府信息公开行政复议、行政诉讼情况")).diagnostics]
    assert names.count("S004") + names.count("S006") == 1 and "S040" not in names


def test_a_heading_with_nothing_under_it_is_empty(lint):
    """A heading straight above another numbered heading is empty, in a whole report
    and in one cut on the next heading."""
    for under in ("五、其他需要报告的事项\n本局无其他需要报告的事项。\n", "五、其他需要报告的事项"):
        diagnostics = lint(REVIEW_OPENING.format(under=under)).diagnostics
        assert [d.line for d in diagnostics if d.rule == "S040"] == [4]

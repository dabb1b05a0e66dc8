"""Hygiene rules on realistic layouts: what is flagged, and the traps that must not be."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint import wordlists
from reportlint.cli.template import blank_report

HEAD = "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n"


def _hits(lint, text: str, rule: str) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in lint(text).diagnostics if d.rule == rule]


def test_chrome_block_is_one_diagnostic(lint):
    text = ("首页 > 政务公开 > 年报\n\n【打印】 【关闭】\n\n字号：大 中 小\n分享到：\n" + HEAD
            + "全年主动公开政府信息50条。\n")
    hits = _hits(lint, text, "H103")
    assert len(hits) == 1 and hits[0][0] == 1 and "连续4行" in hits[0][1]


def test_html_page_header_is_chrome(lint):
    text = ('<div class="fl"><span id="utime">2025年12月30日\t星期二</span></div>\n'
            '<h4><a href="javascript:void(0);">繁體版</a></h4>\n<li>无障碍</li>\n' + HEAD)
    assert [line for line, _ in _hits(lint, text, "H103")] == [1]


def test_sentences_mentioning_chrome_words_are_not_chrome(lint):
    text = HEAD + ("群众可通过政府网站首页查阅、打印或分享到微信朋友圈，也可扫一扫二维码登录注册政务服务网办理。\n"
                   "发布日期为2024年1月20日，符合要求。\n")
    assert _hits(lint, text, "H103") == []


def test_table_filler_lines_are_not_chrome(lint):
    text = HEAD + "二、主动公开政府信息情况\n第二十条第(一)项 |\n|||\n信息内容 |\n规章 |\n0 |\n"
    assert _hits(lint, text, "H103") == []


def test_placeholders_and_their_traps(lint):
    text = HEAD + ("全年主动公开政府信息XX条，××镇、＊＊村各1条。\n"
                   "详见 http://zfxxgk.example.gov.cn/xxgk/ 和 **重点领域** 专栏。\n"
                   "【请填写本单位名称】\n")
    lines = [line for line, _ in _hits(lint, text, "H101")]
    assert lines == [3, 5]


def test_spam_words_but_not_law_enforcement(lint):
    text = HEAD + ("依法打击赌博、博彩违法犯罪，公开典型案例5条。\n"
                   "澳門賭場推薦政务公开领导小组办公室。\n")
    assert [line for line, _ in _hits(lint, text, "H102")] == [4]


def test_one_spam_diagnostic_per_line_with_count(lint):
    text = HEAD + "在赌博软件app专栏发布了“赌博软件app便民服务清单”。\n"
    hits = _hits(lint, text, "H102")
    assert len(hits) == 1 and "2处" in hits[0][1]


def test_page_footers_reported_once(lint):
    text = HEAD + "全年主动公开政府信息50条，\n— 1 —\n较上年增加3条。\n— 2 —\n其余略。\n— 3 —\n"
    hits = _hits(lint, text, "H104")
    assert len(hits) == 1 and "3处" in hits[0][1]


def test_rewritten_government_url(lint):
    bad = HEAD + "在政府信息公开目录系统(http://www.pshycm.com/gzjg/)主动公开政府信息74条。\n"
    good = HEAD + ("在政府门户网站(http://www.qingshan.gov.cn/xxgk/)主动公开政府信息74条。\n"
                   "在人民网（http://www.people.com.cn）发布专访1篇。\n")
    assert [line for line, _ in _hits(lint, bad, "H106")] == [3]
    assert _hits(lint, good, "H106") == []


# ---- placeholders of every category (H101) ----

@pytest.mark.parametrize("line, placeholder", [
    ("（机关名称）2024年政府信息公开工作年度报告", "（机关名称）"),
    ("主动公开【】条，其中规章（数量）件。", "【】"),
    ("填报单位：＿＿＿＿。", "＿＿＿＿"),
    ("联系人：____，电话：____。", "____"),
    ("全年主动公开政府信息ＸＸ条。", "ＸＸ"),
    ("全年主动公开政府信息××条。", "××"),
    ("由○○局负责答复。", "○○"),
    ("全年受理申请***件。", "***"),
    ("报告于X月X日发布。", "X月X日"),
    ("本报告统计期限自20XX年1月1日起。", "20XX年"),
    ("本年度共收到申请X件，办结Y件。", "X"),
    ("本年度政府信息公开工作存在的主要问题及改进情况。", "本年度政府信息公开工作存在的主要问题及改进情况。"),
    ("以下是一篇关于本县2024年政府信息公开工作年度报告的示例。", "以下是一篇关于本县2024年政府信息公开工作年度报告的示例"),
    ("你可以根据实际情况进行修改。", "你可以根据实际情况进行修改"),
    ("希望这份报告对您有帮助！", "希望这份报告对您有帮助"),
])
def test_each_placeholder_category_is_an_error(lint, line, placeholder):
    hits = [d for d in lint(HEAD + line + "\n").diagnostics if d.rule == "H101"]
    assert [d.line for d in hits] == [3] and f"「{placeholder}」" in hits[0].message


@pytest.mark.parametrize("line", [
    "二○○八年以来，本局坚持依法公开，二〇〇九年起按年发布报告。",
    "本局在XYZ政务平台发布信息，配置X光机2台。",
    "依据第3.5项和Y101规则，本局（以下简称“统计局”）主动公开政府信息50条。",
    "***",
    "主动公开政府信息情况见下表。",
    "本局将根据实际情况进行调整，持续完善公开目录。",
])
def test_real_wording_is_no_placeholder(lint, line):
    assert [d for d in lint(HEAD + line + "\n").diagnostics if d.rule == "H101"] == []


def test_the_tools_own_template_filled_with_numbers_but_slots_left_does_not_lint_clean(lint):
    filled = re.sub(r"(?<=\|) +(?=\|)", " 0 ", blank_report(2024, "（机关名称）"))
    assert not [d for d in lint(filled).diagnostics if d.category == "cell"], "every cell filled"
    hits = [d for d in lint(filled).diagnostics if d.rule == "H101"]
    assert {d.line for d in hits} >= {1, 7}, [d.message for d in hits]
    assert len(hits) >= 4, "the slot of the title and three guidance sentences"


_LISTS = [
    ([r"(?<![a-z0-9])xx+(?![a-z0-9])", r"(?:19|20)[xｘ]{2}年", r"某某", r"^待填$", r"\s*（\s*名称\s*）"], re.IGNORECASE),
    ([re.escape(w) for w in ("bet365", "Bet", "博彩网站", "K线")], re.IGNORECASE),
    ([r"(?<=月)\s*0\d\s*日", r"(?<![\d.])\d+[百千]"], 0),
    ([r"a?b", r"(?:甲乙)*丙"], 0),  # a match may begin at its optional part or after it
    ([r"x?", r"y"], 0),  # a match may be empty: no look-ahead can lead it
]


@given(st.sampled_from(_LISTS), st.text(alphabet="xXｘ19203年月日某待填（）名称 ab甲乙丙bet365Bk线K\u212a博彩网站百千.", max_size=30))
@settings(max_examples=400, deadline=None)
def test_alternation_matches_as_the_plain_alternation(entries, text):
    """The look-ahead that leads a word list's alternation never changes what it matches."""
    patterns, flags = entries
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
    assert [(m.span(), m.group()) for m in wordlists.alternation(patterns, flags).finditer(text)] \
        == [(m.span(), m.group()) for m in plain.finditer(text)]


def test_alternation_is_led_by_the_characters_a_match_begins_with():
    assert wordlists.alternation([r"(?<![a-z])x+", r"\d年", r"(?:ab)*c"]).pattern.startswith(r"(?=[x\dac])")
    assert wordlists.alternation([r"x?", r"y"]).pattern == "(?:x?)|(?:y)"

"""Properties: any text gives a model and diagnostics and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.checking.diagnostics import CATEGORIES, SEVERITIES
from reportlint.checking.linter import Options, lint_bytes
from reportlint.checking.rules import load_rules

RULES = load_rules()
RULE_IDS = {r.id for r in RULES}
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PIECES = st.sampled_from([
    "一、", "二、", "十二、", "（一）", "(三)", "1.", "4、", "（2）", "①", "|", " | ", "||||", "\t",
    "总体情况", "主动公开政府信息情况", "第二十条第（一）项", "信息内容", "规章", "0", "12", "/", "—",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "行政复议", "行政诉讼",
    "2023年政府信息公开工作年度报告", "年度报告", "- 3 -", "。", "，", "\n", "\r\n", "\r", "#", "### ",
    "等六部分组成", "本报告由", "概述", "、", "\x00", "\x07", "\u3000", "\ufeff", "xx",
])
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=st.one_of(CJK, st.sampled_from("|\t 0123456789、。（）()\n\r-—"))),
    st.lists(st.one_of(PIECES, st.text(CJK, max_size=12), st.integers(0, 10**6).map(str)),
             max_size=80).map("".join),
    st.text(CJK, min_size=2000, max_size=6000),
)


def _check(data: bytes) -> None:
    result = lint_bytes("x.txt", data, RULES, Options())
    lines = result.report.source.lines if result.report else [""]
    keys = [d.sort_key() for d in result.diagnostics]
    assert keys == sorted(keys)
    for d in result.diagnostics:
        assert d.rule in RULE_IDS and d.severity in SEVERITIES and d.category in CATEGORIES
        assert 1 <= d.line <= max(len(lines), 1) and d.column >= 1
        assert (d.end_line, d.end_column) >= (d.line, d.column)
        assert d.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_lints_without_raising(text):
    _check(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000))
def test_any_bytes_lint_without_raising(data):
    _check(data)


@settings(max_examples=50, deadline=None)
@given(TEXTS, st.sampled_from(["gb18030", "utf-16", "utf-8-sig"]))
def test_any_encoding_lints_without_raising(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    _check(data)

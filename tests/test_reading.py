"""Reading: encodings, line ends, BOMs, binary input; positions refer to the file as given."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint import normalize
from reportlint.reading.source import Unreadable, decode, read

TEXT = "某某县统计局2023年政府信息公开工作年度报告\n一、总体情况\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_are_detected(encoding):
    text, _ = decode(TEXT.encode(encoding))
    assert text == TEXT


def test_big5_is_read_as_big5_not_as_gb18030_nonsense():
    """Mirror sites publish in Big5; GB18030 decodes those bytes too, into other characters."""
    traditional = "某某縣統計局2023年政府資訊公開工作年度報告\n一、總體情況\n本局全年主動公開政府資訊50條。\n"
    text, encoding = decode(traditional.encode("big5"))
    assert (text, encoding) == (traditional, "big5")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends(newline):
    source = read("x.txt", TEXT.replace("\n", newline).encode("utf-8"))
    assert list(source.lines) == ["某某县统计局2023年政府信息公开工作年度报告", "一、总体情况"]


def test_bom_does_not_shift_columns():
    source = read("x.txt", TEXT.encode("utf-8-sig"))
    assert source.lines[0].startswith("某某县")


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x00\x01\x02\x03binary", "binary"),
    (b"PK\x03\x04\x14\x00\x06\x00", "zip"),
    (b"%PDF-1.7\n%\xe2\xe3", "pdf"),
    (bytes(range(1, 32)) * 20, "binary"),
    (b"\xff\xfe\x00", "encoding"),
])
def test_unreadable_input_is_refused_with_a_reason(data, reason):
    with pytest.raises(Unreadable) as info:
        decode(data)
    assert info.value.reason == reason


def test_unreadable_file_gets_one_diagnostic(lint):
    from reportlint.checking.linter import Options, lint_bytes
    from reportlint.checking.rules import load_rules

    result = lint_bytes("scan.pdf", b"%PDF-1.4 binary", load_rules(), Options())
    assert [d.name for d in result.diagnostics] == ["unreadable-input"]
    assert "PDF" in result.diagnostics[0].message
    assert result.to_dict()["era"] is None


def test_positions_count_characters_not_bytes(lint):
    text = "某某镇2019年政府信息公开年度报告\n一、总体情况\n正文。\n"
    result = lint(text)
    title = next(d for d in result.diagnostics if d.name == "title-wording")
    assert (title.line, title.column, title.end_column) == (1, 1, len("某某镇2019年政府信息公开年度报告") + 1)


def test_crlf_file_keeps_line_numbers(lint):
    text = "某某镇2022年政府信息公开工作年度报告\r\n\r\n一、总体情况\r\n（二）依申请公开\r\n正文。\r\n"
    result = lint(text)
    start = next(d for d in result.diagnostics if d.name == "numbering-start")
    assert start.line == 4


def test_chinese_numerals_past_ninety_nine():
    from reportlint.normalize import cn_numeral
    assert [cn_numeral(n) for n in (9, 10, 19, 99, 100, 101, 110, 999, 1010, 2300)] == [
        "九", "十", "十九", "九十九", "一百", "一百零一", "一百一十", "九百九十九", "一千零一十", "二千三百"]
    assert cn_numeral(0) == "0" and cn_numeral(12345) == "12345"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("總體情況政府資訊公開條反覆总体情况信息公开条年度报告𠮷丽麗 ,。0a\u3000"), max_size=12)
       | st.text(max_size=12))
def test_a_text_folds_as_it_does_character_by_character(text):
    """fold's look for a character it may change leaves every text as folding it would."""
    expected = text.translate(normalize._SIMPLIFIED)
    if expected != text:
        phrases = normalize._converter().convert(text)
        expected = phrases if len(phrases) == len(text) else expected
    assert normalize.fold(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("總體情況政府信息公开规(guī)章（gui）# >\t\u3000\xa0 。0a"), max_size=12),
                max_size=6))
def test_the_lines_of_a_text_are_each_line_read_alone(texts):
    """physical_lines' look at the whole text for something to fold or blank leaves every
    line as reading it alone would."""
    from reportlint.reading.lines import _LEAD, physical_lines

    expected = []
    for text in texts:
        folded = normalize.fold(text)
        if normalize.GLOSS_BRACKETS.search(folded):
            folded = normalize.PINYIN_GLOSS.sub(lambda m: " " * len(m.group()), folded)
        expected.append((text, _LEAD.match(text).end(), folded if folded != text else ""))
    assert [(line.text, line.start, line.folded) for line in physical_lines(texts)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Page", "page", "P.", "p", "- ", "—", "－", "第", "共", "页", "/", " ", "12", "３",
                                 "5", "a", "总"]), max_size=8).map("".join) | st.text(max_size=8))
def test_a_page_header_is_told_by_its_first_character_as_by_the_pattern(text):
    from reportlint.reading.furniture import _PAGE, _page

    assert _page(text) == bool(_PAGE.match(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from([
    "一、", "二、", "（一）", "总体情况", "某某县人民政府", "2023年政府信息公开工作年度报告", "本年度", "。", " ", "", "信息",
]), max_size=8).map("".join), max_size=16))
def test_lines_near_the_top_are_cut_as_each_looking_at_all_the_lines_above_would(texts):
    """unwrap's note of a heading seen so far cuts each line as looking again at every
    line above it would."""
    from reportlint.reading.lines import _HEAD_LINES, _LEVEL1, cut, lost_breaks, physical_lines, unwrap

    lines = physical_lines(texts)
    lost, expected, head = lost_breaks(lines), [], 0
    for line in lines:
        if not line.content:
            expected.append(line)
            continue
        head += 1
        expected += cut(line, lost, head <= _HEAD_LINES and not any(_LEVEL1.match(x.matching) for x in expected))
    assert unwrap(lines) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "a", "总", " ", ""]),
                max_size=12).map("".join))
def test_a_text_s_lines_end_only_at_lf_crlf_or_cr(text):
    from reportlint.reading.source import _LINE_END, Source

    lines = _LINE_END.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    assert Source("x.txt", text).lines == tuple(lines)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("“”‘’\"'规(guī)章（gui）ａ１總體 |\t\u3000。a"), max_size=14))
def test_a_text_normalises_as_translating_and_searching_it_whole_would(text):
    """norm's look for a curly quote and a bracketed word leaves every text as
    translating it and taking out its glosses would."""
    import unicodedata

    folded = normalize.fold(unicodedata.normalize("NFKC", text)).translate(normalize._QUOTES)
    expected = normalize._SPACE.sub("", normalize.PINYIN_GLOSS.sub("", folded)).strip("|")
    assert normalize.norm.__wrapped__(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60))
def test_a_text_mostly_in_latin_letters_is_no_report(han, latin):
    """More than seven in ten of its letters Latin: not a report, however many letters."""
    from reportlint.reading.detect import looks_like_report
    text = "".join("政" if k % 3 else "府" for k in range(han)) + " " + "report " * (latin // 6) + "x" * (latin % 6)
    assert looks_like_report("t", [], text, 1, True) == (not (latin and latin > 0.7 * (latin + han)))

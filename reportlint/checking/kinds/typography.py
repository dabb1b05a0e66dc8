"""Check kinds over typography (GB/T 15834, 15835): half-width marks, brackets, repeated words.

They read prose (paragraphs and heading run-in text, not tables, not scraped script;
half-width marks also in the lines around the title), and none of them floods: half-width marks are reported once for the
document, brackets and repeated words at most once per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from reportlint import patterns
from reportlint.checking.analyses import once_per_report
from reportlint.checking.diagnostics import Edit, Finding
from reportlint.checking.kinds.base import Kind, prose
from reportlint.reading.model import Paragraph, Report

_HAN = r"\u4e00-\u9fff"
# the mark first, so that only marks are looked at: the Chinese character before it after
_HALFWIDTH = patterns.compile(rf"[,;:?!(](?<=[{_HAN}].)(?:(?<=[,;:?!])(?=\s*[{_HAN}“])|(?<=\()(?=[{_HAN}]))")
_FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PAIRS = {"）": "（", ")": "（", "》": "《", "”": "“"}
_OPENERS = {"（": "（", "(": "（", "《": "《", "“": "“"}
_MARKS = patterns.compile("[" + re.escape("".join(_PAIRS) + "".join(_OPENERS)) + "]")
# a list marker such as 1） or ①) closes nothing
_MARKER = patterns.compile(r"(?:^|(?<=[。；;，,：:\s]))(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,2})[)）]")
# reduplication that is good Chinese: 层层、紧紧、一一、等等、研究研究 …
_SINGLE = patterns.compile(r"([是在和与及将对为并把被从向于其我本])\1(?!非)")
_DOUBLE = patterns.compile(rf"(?!一)([{_HAN}][{_HAN}])\1")
_GOOD_DOUBLES = ("研究", "讨论", "学习", "商量", "考虑", "了解", "看看", "说说", "哈哈")
# script: < > { }, ==, &&, var, function; the mark first, so that only marks are looked at
_CODE = patterns.compile(r"[<>{}=&vf](?:(?<=[<>{}])|(?<==)(?==)|(?<=&)(?=&)|(?<=\bv)(?=ar\b)|(?<=\bf)(?=unction\b))")


@once_per_report
def _prose(report: Report) -> tuple[Paragraph, ...]:
    """Prose blocks, without the script and markup a scraped page carries."""
    return tuple(b for b in prose(report) if not _CODE.search(b.text))


def halfwidth(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Half-width , ; : ? ! ( between Chinese characters in the whole text as given (the
    lines around the title and the page's metadata too, tables and script aside): once,
    with how many lines have them.

    The safe fix makes , ; : ? ! full-width in the report's own text (furniture lines are
    removed by their own fix); a lone ( is left, its ) may stand anywhere."""
    around = [Paragraph((line,)) for line in report.masthead] + \
        [Paragraph(f.lines) for f in report.furniture if f.kind != "page"]
    blocks = [(block, True) for block in _prose(report)] + \
        [(block, False) for block in around if not _CODE.search(block.text)]  # the prose is without script
    hits = []
    for block, fixable in blocks:
        for m in _HALFWIDTH.finditer(block.text):
            hits.append((block.span_of(m.start(), m.end()), m.group(0), fixable))
    if hits:
        hits.sort(key=lambda h: (h[0].line, h[0].column))
        lines = {span.line for span, _, _ in hits}
        first, mark, _ = hits[0]
        fix = tuple(Edit(span, _FULLWIDTH[m]) for span, m, fixable in hits if fixable and m in _FULLWIDTH)
        yield Finding(first, {"match": mark, "count": len(hits), "lines": len(lines)}, fix=fix)


def brackets(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Brackets, book-title marks and quotation marks left unpaired.

    Pairs are matched through the prose in order, so a quotation that runs over a
    paragraph break (PDF text breaks paragraphs at will) pairs up; a closing mark
    with no opening one is reported where it stands, openings left at the end
    where they stand. At most one per line.
    """
    stack: list[tuple[str, Paragraph, int]] = []
    unpaired: list[tuple[Paragraph, int]] = []
    for block in _prose(report):
        text = block.text
        markers = {m.end() - 1 for m in _MARKER.finditer(text)}
        for m in _MARKS.finditer(text):
            i, ch = m.start(), m.group()
            if ch in _OPENERS:
                stack.append((_OPENERS[ch], block, i))
            elif ch in _PAIRS and i not in markers:
                if stack and stack[-1][0] == _PAIRS[ch]:
                    stack.pop()
                else:
                    unpaired.append((block, i))
    unpaired += [(block, i) for _, block, i in stack]
    seen: set[int] = set()
    for block, i in sorted(unpaired, key=lambda u: u[0].span_of(u[1], u[1] + 1).line):
        span = block.span_of(i, i + 1)
        if span.line not in seen:
            seen.add(span.line)
            yield Finding(span, {"match": block.text[i], "context": block.text[max(0, i - 8):i + 9]})


def repeats(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A word written twice in a row (是是, 公开公开): the first on each line."""
    seen: set[int] = set()
    for block in _prose(report):
        for m in _repeats(block.text):
            span = block.span_of(m.start(), m.end())
            if span.line not in seen:
                seen.add(span.line)
                yield Finding(span, {"match": m.group(0)})


def _repeats(text: str) -> list[re.Match]:
    found = [*_SINGLE.finditer(text), *(m for m in _DOUBLE.finditer(text) if m.group(1) not in _GOOD_DOUBLES)]
    return sorted(found, key=lambda m: m.start())


KINDS = (
    Kind("halfwidth", halfwidth, {}, frozenset({"match", "count", "lines"})),
    Kind("brackets", brackets, {}, frozenset({"match", "context"})),
    Kind("repeats", repeats, {}, frozenset({"match"})),
)

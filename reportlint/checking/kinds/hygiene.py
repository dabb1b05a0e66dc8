"""Check kinds for text that must never be published: listed words, page chrome, page footers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from reportlint import patterns, wordlists
from reportlint.checking import anchors
from reportlint.checking.diagnostics import Edit, Finding
from reportlint.checking.kinds.base import Kind, Param, prose
from reportlint.checking.sentences import sentences
from reportlint.normalize import norm
from reportlint.reading.model import Line, Report, Span

_TAG = patterns.compile(r"<[^>]*>")
_BOOKMARK = patterns.compile(r"\[bookmark:[^\]]*\]")


def listed(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Each line holding an entry of rules/lists/`list`.yaml: the first one, and how many.

    A list gives either literal `words` or regular expressions under `patterns`;
    both match case-insensitively.
    """
    name = params["list"]
    literal = "words" in wordlists.load(name)
    regex = wordlists.regex(name, "words" if literal else "patterns", literal)
    for number, text in anchors.lines(report, regex):
        first = regex.search(text)  # most lines have none: the matches are counted only where one is
        if first:
            yield Finding(Span(number, first.start() + 1, number, first.end() + 1),
                          {"match": first.group(0), "count": len(regex.findall(text))})


def chrome(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Page furniture around the report (metadata, breadcrumbs, menus, widgets, attachment
    lists, a site's contents and footer: reportlint.reading.furniture), one finding per
    block whose safe fix removes its lines; and conversion residue in the report's own
    lines (an `anywhere` entry of rules/lists/chrome.yaml: Word bookmarks, paywall notes,
    a site's copyright line), one finding per run of such lines."""
    furniture = [f for f in report.furniture if f.kind != "page"]
    taken = {(line.number, line.start) for f in report.furniture for line in f.lines}
    for block in furniture:
        fix = tuple(_removal(line) for line in block.lines)
        yield Finding(block.span, {"match": _clip(block.text), "count": len(block.lines)}, fix=fix)
    run: list[tuple[int, str, str]] = []
    anywhere = wordlists.regex("chrome", "anywhere")
    for number, raw in anchors.lines(report, anywhere):
        text = _own(number, raw, taken)
        m = text and anywhere.search(text)
        if not m:
            continue
        if run and any(_own(n, report.source.line(n), taken) for n in range(run[-1][0] + 1, number)):
            yield _block_finding(run)  # a line of the report's own text between: the run ends
            run = []
        run.append((number, raw, m.group(0).strip() or text))
    if run:
        yield _block_finding(run)


def _own(number: int, raw: str, taken: set[tuple[int, int]]) -> str:
    """The text of a line of the report's own (its tags removed, stripped), "" for a
    blank line or one of furniture."""
    text = (_TAG.sub("", raw) if "<" in raw else raw).strip()
    return "" if (number, len(raw) - len(raw.lstrip())) in taken else text


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _removal(line: Line) -> Edit:
    """The edit that removes a furniture line: the whole line of the file, or only its
    part of a line that holds more."""
    if line.start == len(line.text) - len(line.text.lstrip()) and line.whole:
        return Edit(Span(line.number, 1, line.number + 1, 1), "")
    end = line.end if line.end is not None else len(line.text)
    return Edit(Span(line.number, line.start + 1, line.number, end + 1), "")


def _block_finding(block: list[tuple[int, str, str]]) -> Finding:
    (first, first_text, match), (last, last_text, _) = block[0], block[-1]
    column = len(first_text) - len(first_text.lstrip()) + 1
    span = Span(first, column, last, len(last_text.rstrip()) + 1)
    fix = tuple(edit for number, raw, _ in block for edit in _chrome_edits(number, raw))
    return Finding(span, {"match": match, "count": len(block)}, fix=fix)


def _chrome_edits(number: int, raw: str) -> tuple[Edit, ...]:
    """The safe fix for one residue line: a short line (a counter, a copyright line)
    goes whole; in a longer line only Word's [bookmark: …] marks go, the text stays."""
    if len(norm(_TAG.sub("", raw))) <= wordlists.load("chrome")["short_length"]:
        return (Edit(Span(number, 1, number + 1, 1), ""),)
    return tuple(Edit(Span(number, m.start() + 1, number, m.end() + 1), "")
                 for m in _BOOKMARK.finditer(raw))


def page_footers(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Page headers and footers ("— 3 —", "第3页", "Page 9", "1 / 5") left in the text:
    one finding for all of them, whose safe fix deletes them."""
    footers = [line for f in report.furniture if f.kind == "page" for line in f.lines]
    if footers:
        fix = tuple(_removal(line) for line in footers)
        yield Finding(footers[0].span, {"match": footers[0].content, "count": len(footers)},
                      related=tuple(f.span for f in footers[1:]), fix=fix)


_URL = patterns.compile(r"(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(?:/[\w./%?=&#-]*)?", re.IGNORECASE)


def foreign_url(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A web address given for a government site (a sentence naming one of `context`)
    whose host ends in none of `allowed`: on mirrors the official address is rewritten."""
    allowed = tuple(a.lower() for a in params["allowed"])
    for block in prose(report):
        text = block.text
        for start, end in sentences(text):
            sentence = text[start:end]
            if not any(word in sentence for word in params["context"]):
                continue
            for m in _URL.finditer(sentence):
                host = m.group(1).lower()
                if ("//" in m.group(0) or host.startswith("www.")) and not host.endswith(allowed):
                    yield Finding(block.span_of(start + m.start(), start + m.end()),
                                  {"match": m.group(0), "count": 1})


def page_source(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A text file that holds a web page's source (read as the page: reportlint.reading.documents)."""
    if report.source.html_in_text:
        yield Finding(Span(1, 1, 1, max(len(report.source.line(1)), 1) + 1), {"match": "", "count": 1})


KINDS = (
    Kind("listed", listed, {"list": Param(str, form="list")}, frozenset({"match", "count"})),
    Kind("chrome", chrome, {}, frozenset({"match", "count"})),
    Kind("page-footers", page_footers, {}, frozenset({"match", "count"})),
    Kind("page-source", page_source, {}, frozenset({"match", "count"})),
    Kind("foreign-url", foreign_url, {"allowed": Param(list), "context": Param(list)},
         frozenset({"match", "count"})),
)

"""Check kinds for text that must never be published: listed words, page chrome, page footers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.checking import wordlists
from reportlint.checking.diagnostics import Edit, Finding
from reportlint.checking.kinds.base import Kind, Param
from reportlint.checking.sentences import prose_blocks, sentences
from reportlint.normalize import norm
from reportlint.reading.model import Line, Report, Span

_TAG = re.compile(r"<[^>]*>")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


def listed(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Each line holding an entry of rules/lists/`list`.yaml: the first one, and how many.

    A list gives either literal `words` or regular expressions under `patterns`;
    both match case-insensitively.
    """
    name = params["list"]
    literal = "words" in wordlists.load(name)
    regex = wordlists.regex(name, "words" if literal else "patterns", literal)
    for number, text in enumerate(report.source.lines, start=1):
        matches = list(regex.finditer(text))
        if matches:
            first = matches[0]
            yield Finding(Span(number, first.start() + 1, number, first.end() + 1),
                          {"match": first.group(0), "count": len(matches)})


def chrome(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Blocks of scraped page chrome: one finding per run of chrome lines, whose safe fix
    removes the short chrome lines and Word's bookmark marks.

    A line is chrome when it holds an `anywhere` entry of rules/lists/chrome.yaml,
    or is short (HTML tags removed) and holds a `short` entry. Blank lines do not
    break a run; any other line does.
    """
    block: list[tuple[int, str, str]] = []
    for number, raw in enumerate(report.source.lines, start=1):
        text = _TAG.sub("", raw).strip()
        if not text:
            continue
        match = _chrome_match(text)
        if match:
            block.append((number, raw, match))
        elif block:
            yield _block_finding(block)
            block = []
    if block:
        yield _block_finding(block)


def _chrome_match(text: str) -> str | None:
    m = wordlists.regex("chrome", "anywhere").search(text)
    if not m and len(norm(text)) <= wordlists.load("chrome")["short_length"]:
        m = wordlists.regex("chrome", "short").search(text)
    return (m.group(0).strip() or text) if m else None


def _block_finding(block: list[tuple[int, str, str]]) -> Finding:
    (first, first_text, match), (last, last_text, _) = block[0], block[-1]
    column = len(first_text) - len(first_text.lstrip()) + 1
    span = Span(first, column, last, len(last_text.rstrip()) + 1)
    fix = tuple(edit for number, raw, _ in block for edit in _chrome_edits(number, raw))
    return Finding(span, {"match": match, "count": len(block)}, fix=fix)


def _chrome_edits(number: int, raw: str) -> tuple[Edit, ...]:
    """The safe fix for one chrome line: a short line (a toolbar, a breadcrumb, a counter)
    goes whole; in a longer line only Word's [bookmark: …] marks go, the text stays."""
    if len(norm(_TAG.sub("", raw))) <= wordlists.load("chrome")["short_length"]:
        return (Edit(Span(number, 1, number + 1, 1), ""),)
    return tuple(Edit(Span(number, m.start() + 1, number, m.end() + 1), "")
                 for m in _BOOKMARK.finditer(raw))


def page_footers(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Page footers ("— 3 —", "第3页") left in the text: one finding for all of them,
    whose safe fix deletes the footer lines."""
    footers: list[Line] = report.footers
    if footers:
        fix = tuple(Edit(Span(f.number, 1, f.number + 1, 1), "") for f in footers)
        yield Finding(footers[0].span, {"match": footers[0].content, "count": len(footers)},
                      related=tuple(f.span for f in footers[1:]), fix=fix)


_URL = re.compile(r"(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(?:/[\w./%?=&#-]*)?", re.IGNORECASE)


def foreign_url(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A web address given for a government site (a sentence naming one of `context`)
    whose host ends in none of `allowed`: on mirrors the official address is rewritten."""
    allowed = tuple(a.lower() for a in params["allowed"])
    for block in prose_blocks(report):
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


KINDS = (
    Kind("listed", listed, {"list": Param(str)}, frozenset({"match", "count"})),
    Kind("chrome", chrome, {}, frozenset({"match", "count"})),
    Kind("page-footers", page_footers, {}, frozenset({"match", "count"})),
    Kind("foreign-url", foreign_url, {"allowed": Param(list), "context": Param(list)},
         frozenset({"match", "count"})),
)

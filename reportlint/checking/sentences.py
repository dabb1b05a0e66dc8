"""Sentences of a paragraph, as offsets into its text, for rules that read prose."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from reportlint import patterns
from reportlint.reading.model import Paragraph, Report, Section

_END = patterns.compile(r"[。！？!?]+")


@lru_cache(maxsize=1 << 12)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text`, the closing mark included (cached:
    several rules read the sentences of the same paragraphs)."""
    found, start = [], 0
    for m in _END.finditer(text):
        if m.end() > start:
            found.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        found.append((start, len(text)))
    return tuple(found)


def prose_blocks(report: Report) -> Iterator[Paragraph]:
    """Every paragraph, and the run-in text of headings ("（一）主动公开情况。全年…") as one-line paragraphs."""
    return prose_of(report.walk())


def prose_of(sections: Iterable[Section]) -> Iterator[Paragraph]:
    """The paragraphs and run-in heading text of `sections`, in order."""
    for section in sections:
        heading = section.heading
        if heading and heading.body:
            at = heading.line.text.find(heading.body, heading.line.start)
            if at >= 0:
                yield Paragraph((heading.line.part(at, heading.line.end),))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield block


_CLAUSE_END = patterns.compile(r"[，,；;、]")


def clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of text[start:end], split at ，；、 (the mark left out)."""
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if end > start:
        yield start, end


_BRACKET = patterns.compile(r"[（()）]")


@lru_cache(maxsize=1 << 12)
def mask_brackets(text: str) -> str:
    """`text` with whatever stands in round brackets blanked out ("□"), offsets kept
    (cached: several rules mask the same paragraphs)."""
    out, depth, at = [], 0, 0
    for m in _BRACKET.finditer(text):
        out.append("□" * (m.start() - at) if depth else text[at:m.start()])
        if m.group() in "（(":
            depth += 1
        elif not depth:  # a closing bracket nothing opened
            out.append(m.group())
            at = m.end()
            continue
        else:
            depth -= 1
        out.append("□")
        at = m.end()
    out.append("□" * (len(text) - at) if depth else text[at:])
    return "".join(out)

"""Sentences of a paragraph, as offsets into its text, for rules that read prose."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reportlint.reading.model import Paragraph, Report, Section

_END = re.compile(r"[。！？!?]+")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of `text`, the closing mark included."""
    start = 0
    for m in _END.finditer(text):
        if m.end() > start:
            yield start, m.end()
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


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
                yield Paragraph([heading.line.part(at, heading.line.end)])
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield block


_CLAUSE_END = re.compile(r"[，,；;、]")


def clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of text[start:end], split at ，；、 (the mark left out)."""
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if end > start:
        yield start, end


def mask_brackets(text: str) -> str:
    """`text` with whatever stands in round brackets blanked out ("□"), offsets kept."""
    out, depth = [], 0
    for ch in text:
        if ch in "（(":
            depth += 1
        out.append("□" if depth else ch)
        if ch in "）)" and depth:
            depth -= 1
    return "".join(out)

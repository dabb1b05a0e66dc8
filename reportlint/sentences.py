"""Sentences of a paragraph, as offsets into its text, for rules that read prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

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

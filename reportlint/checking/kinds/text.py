"""Check kinds over the text itself: patterns that must not (or must) occur."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from reportlint import patterns
from reportlint.checking import anchors
from reportlint.checking.diagnostics import Edit, Finding
from reportlint.checking.kinds.base import Kind, Param
from reportlint.normalize import norm
from reportlint.reading.model import Report, Span


def pattern(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Each occurrence of any of `patterns` (regular expressions, or literal labels).

    With `normalized`, literals are matched in the NFKC, whitespace-free form of each
    line (so "本年新 制作数量" matches 本年新制作数量) and the whole line is reported.
    With `once`, only the first occurrence in the document is reported. With
    `replacement` (a regular-expression template such as "" or "\\1"), each finding
    carries a safe fix that replaces the match.
    """
    regex = _regex(tuple(params["patterns"]), params["literal"], params["normalized"])
    year = report.year or ""
    # anchors are looked for in the lines as given, not in their norm(): a normalised pattern tries each line
    lines = enumerate(report.source.lines, start=1) if params["normalized"] else anchors.lines(report, regex)
    for number, text in lines:
        if params["normalized"]:
            m = regex.search(norm(text))
            if m is None:
                continue
            pairs = [(m, Span(number, len(text) - len(text.lstrip()) + 1, number, len(text.rstrip()) + 1))]
        else:
            pairs = [(m, Span(number, m.start() + 1, number, m.end() + 1)) for m in regex.finditer(text)]
        for m, span in pairs:
            fix = ()
            if params["replacement"] is not None and not params["normalized"]:
                fix = (Edit(span, m.expand(params["replacement"])),)
            yield Finding(span, {"match": m.group(0), "year": year}, fix=fix)
            if params["once"]:
                return


@cache
def _regex(alternatives: tuple[str, ...], literal: bool, normalized: bool) -> re.Pattern:
    """The alternation of a rule's `patterns` (escaped, and normalised when `normalized`, if literal)."""
    if literal:
        return patterns.compile("|".join(re.escape(norm(p) if normalized else p) for p in alternatives))
    return patterns.compile("|".join(f"(?:{p})" for p in alternatives))


KINDS = (
    Kind("pattern", pattern, {
        "patterns": Param(list, form="regex", unless="literal"),
        "literal": Param(bool, False),
        "normalized": Param(bool, False),
        "once": Param(bool, False),
        "replacement": Param((str, type(None)), None),
    }, frozenset({"match", "year"})),
)

"""Check kinds over required content: topics the Regulation or the format notice asks for."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.checking.diagnostics import Finding
from reportlint.checking.kinds.base import Kind, Param
from reportlint.normalize import norm
from reportlint.reading.model import Paragraph, Report, Section, Span


def mentions(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Each required item (`items`: label and words) whose words the text never uses.

    Only for issuers of `levels` (all when empty). With `section`, only that
    template section is read, and nothing is reported when it is missing (the
    structure rules say so); without it, the whole text is read, and only when it
    reaches the report's last parts (五 or 六), since an excerpt cut short lacks
    much. One finding names every missing item; it points at the first paragraph
    matching `anchor` (a regular expression), else at the section or first heading.
    """
    if params["levels"] and report.issuer_level not in params["levels"]:
        return
    if params["section"]:
        section = _section(report, params["section"])
        if section is None:
            return
        text, where = norm(_section_text(section)), section.heading.span
    elif _reaches_the_end(report):
        text, where = norm(report.source.text), _anchor(report, params["anchor"])
    else:
        return
    missing = [item for item in params["items"]
               if not any(norm(word) in text for word in item["words"])]
    if missing:
        yield Finding(where, {"item": "、".join(f"「{i['label']}」" for i in missing),
                              "words": "；".join("、".join(i["words"]) for i in missing)})


def _reaches_the_end(report: Report) -> bool:
    if report.bounds.cut is not None:
        return False
    return any(spec.id in ("problems", "other") for _, spec, _ in report.matched_sections)


def _section(report: Report, section_id: str) -> Section | None:
    return next((s for s, spec, _ in report.matched_sections if spec.id == section_id), None)


def _section_text(section: Section) -> str:
    parts = []
    for s in section.walk():
        if s.heading:
            parts.append(s.heading.line.content)
        parts.extend(b.text if isinstance(b, Paragraph) else "".join(l.content for l in b.lines)
                     for b in s.blocks)
    return "".join(parts)


def _anchor(report: Report, anchor: str) -> Span:
    if anchor:
        regex = re.compile(anchor)
        for paragraph in report.paragraphs():
            m = regex.search(paragraph.text)
            if m:
                return paragraph.span_of(m.start(), m.end())
    first = next((s for s in report.sections if s.heading), None)
    if first:
        return first.heading.span
    return report.title.span if report.title else Span(1, 1, 1, 1)


KINDS = (
    Kind("mentions", mentions, {
        "items": Param(list),
        "levels": Param(list, []),
        "section": Param(str, ""),
        "anchor": Param(str, "", form="regex"),
    }, frozenset({"item", "words"})),
)

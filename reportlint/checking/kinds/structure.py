"""Check kinds over the outline: document type, title, sections, numbering, empty headings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reportlint import patterns
from reportlint.checking.diagnostics import Finding, Named, joined, phrase
from reportlint.checking.kinds.base import Kind, Param
from reportlint.normalize import cn_int, cn_numeral, norm
from reportlint.reading.model import Heading, Paragraph, Report, Span
from reportlint.templates import SectionSpec, latest, template


def _start(report: Report) -> Span:
    """Where a document-level finding points: the first non-blank line."""
    for number, text in enumerate(report.source.lines, start=1):
        if text.strip():
            stripped = len(text) - len(text.lstrip())
            return Span(number, stripped + 1, number, len(text.rstrip()) + 1)
    return Span(1, 1, 1, 1)


def document_type(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """The document is not an annual report at all."""
    if not report.is_report:
        span = _start(report)
        yield Finding(span, {"first_line": report.source.line(span.line).strip()[:40]})


# One finding for one title, all giving the same fixed title: the year first, then the
# issuer, then the wording.

def title_missing(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """No title line (in a whole text, not an excerpt)."""
    if report.title is None and report.bounds.start is None:
        yield Finding(_start(report), {"expected": _expected_title(report)})


def title_year(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A title without the report year."""
    if report.title is not None and report.title.year is None:
        yield _title_finding(report)


def title_issuer(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A title with a year but no issuer."""
    t = report.title
    if t is not None and not t.issuer and t.year is not None:
        yield _title_finding(report)


def title_wording(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A title with a year and an issuer but not the official wording."""
    t = report.title
    if t is not None and _wording(report) not in norm(t.text) and t.year is not None and t.issuer:
        yield _title_finding(report)


def _title_finding(report: Report) -> Finding:
    return Finding(report.title.span, {"title": report.title.text, "expected": _expected_title(report)})


def _wording(report: Report) -> str:
    """The wording every report's title ends with."""
    return template(report.era or latest()).report_title


def _expected_title(report: Report) -> Named:
    return phrase("phrase.title", issuer=report.issuer or phrase("phrase.no_issuer"),
                  year=report.year or phrase("phrase.no_year"), wording=_wording(report))


def section_missing(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A mandated section of the era's format that no heading stands for (within the excerpt)."""
    matched = report.matched_sections
    found = {spec.id for _, spec, _ in matched}
    for spec in template(report.era or latest()).sections:
        if spec.required and spec.id not in found and not _outside(report, spec.number):
            yield Finding(_missing_anchor(report, matched, spec.number),
                          {"number": Named(cn_numeral(spec.number), str(spec.number)), "title": spec.title})


def section_order(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A section after one that the format puts after it."""
    highest = 0
    for heading, spec, _ in _matched(report):
        if spec.number < highest:
            yield _section_finding(heading, spec)
        highest = max(highest, spec.number)


def section_title(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A section recognised by a keyword only: its title is not the format's."""
    for heading, spec, how in _matched(report):
        if how == "keyword":
            yield _section_finding(heading, spec)


def section_variant(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A section titled with a common variant of the format's title."""
    for heading, spec, how in _matched(report):
        if how == "variant":
            yield _section_finding(heading, spec)


def section_number(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A section numbered otherwise than the format numbers it."""
    for heading, spec, _ in _matched(report):
        if heading.number not in (None, spec.number):
            yield _section_finding(heading, spec)


def _matched(report: Report) -> Iterator[tuple[Heading, SectionSpec, str]]:
    """(heading, spec, how) of each section matched to one of the format, in order."""
    for section, spec, how in report.matched_sections:
        yield section.heading, spec, how


def _section_finding(heading: Heading, spec: SectionSpec) -> Finding:
    number = Named(cn_numeral(spec.number), str(spec.number))
    return Finding(heading.span, {"found": heading.line.content, "title": spec.title, "number": number,
                                  "official": phrase("phrase.section", number=cn_numeral(spec.number),
                                                     title=spec.title)})


def _outside(report: Report, number: int) -> bool:
    """Whether section `number` lies beyond where an excerpt stops or before it begins."""
    bounds = report.bounds
    return ((bounds.cut or bounds.ended) is not None and number > bounds.last) or \
        (bounds.start is not None and number < bounds.first)


def _missing_anchor(report: Report, matched, number: int) -> Span:
    """A missing section is reported where it should have stood."""
    after = [s for s, spec, _ in matched if spec.number > number]
    if after:
        return after[0].heading.span
    if report.sections:
        return report.sections[-1].heading.span
    return _start(report)


def unnumbered(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A section heading without its 一、二、… number."""
    for section in report.sections:
        h = section.heading
        if h is not None and h.number is None:
            position = report.sections.index(section) + 1
            yield Finding(h.span, {"title": h.title, "expected": f"{cn_numeral(position)}、"})


def _marker(level: int, number: int) -> str:
    if level == 1:
        return f"{cn_numeral(number)}、"
    if level == 2:
        return f"（{cn_numeral(number)}）"
    return f"{number}." if level == 3 else f"（{number}）"


def _markers(level: int, numbers: range) -> str:
    return ("" if level <= 2 else " ").join(_marker(level, n) for n in numbers)


def _sequences(report: Report) -> Iterator[list[Heading]]:
    """Every run of sibling headings of one level, top-level sections first."""
    yield [s.heading for s in report.sections if s.heading is not None]
    for parent in report.walk():
        by_level: dict[int, list[Heading]] = {}
        for child in parent.children:
            by_level.setdefault(child.level, []).append(child.heading)
        yield from by_level.values()


# 一、二、…, （一）（二）…, 1. 2. … numbered without gaps, repeats or restarts.

def numbering_start(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A run of headings whose numbers start after 1 (not in an excerpt that begins at a
    later section, nor where the first heading has no number)."""
    for k, (h, previous, unnumbered_first) in _numbered(report):
        if previous is None and h.number != 1 and not unnumbered_first \
                and not (k == 0 and report.bounds.start is not None):
            yield Finding(h.span, {**_numbering_args(h, previous), "missing": _markers(h.level, range(1, h.number))})


def numbering_gap(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A heading numbered more than one after the one before."""
    for _, (h, previous, _) in _numbered(report):
        if previous is not None and h.number > previous.number + 1:
            missing = _markers(h.level, range(previous.number + 1, h.number))
            yield Finding(h.span, {**_numbering_args(h, previous), "missing": missing})


def numbering_repeat(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A heading numbered as the one before."""
    for _, (h, previous, _) in _numbered(report):
        if previous is not None and h.number == previous.number:
            yield Finding(h.span, _numbering_args(h, previous))


def numbering_back(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A heading numbered below the one before: two sets of numbers, or a swap."""
    for _, (h, previous, _) in _numbered(report):
        if previous is not None and h.number < previous.number:
            yield Finding(h.span, _numbering_args(h, previous))


def _numbered(report: Report) -> Iterator[tuple[int, tuple[Heading, Heading | None, bool]]]:
    """(k, (heading, the numbered heading before it, whether the run's first heading has
    no number)) for every numbered heading of the k-th run of siblings."""
    for k, headings in enumerate(_sequences(report)):
        previous: Heading | None = None
        unnumbered_first = bool(headings) and headings[0].number is None
        for h in headings:
            if h.number is not None:
                yield k, (h, previous, unnumbered_first)
                previous = h


def _numbering_args(h: Heading, previous: Heading | None) -> dict:
    return {"found": h.marker, "expected": _marker(h.level, (previous.number + 1) if previous else 1),
            "previous": previous.marker if previous else ""}


def empty_heading(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A heading with nothing under it: no text, no table, no subsection."""
    levels = set(params["levels"])
    for section in report.walk():
        if section.heading is not None and section.level in levels and not section.has_text():
            yield Finding(section.heading.span,
                          {"heading": section.heading.line.content})


_ANNOUNCED = patterns.compile(
    r"(?:由|包括|包含|分为|涵盖)([^。]{0,300}?)等?\s*([0-9一二三四五六七八九十两]{1,3})\s*个?(?:部分|方面|项内容)")


def announced_parts(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A report that says it has N parts but has M top-level sections (not judged in an
    excerpt, which holds only some of them)."""
    bounds = report.bounds
    if bounds.cut is not None or bounds.start is not None or bounds.ended is not None:
        return
    paragraphs = list(report.preamble.blocks)
    if report.sections:
        paragraphs += report.sections[0].blocks[:1]
    present = sum(1 for s in report.sections if s.heading is not None)
    for block in paragraphs:
        m = _ANNOUNCED.search(block.text) if isinstance(block, Paragraph) else None
        if not m:
            continue
        digits = m.group(2)
        announced = int(digits) if digits.isdigit() else cn_int(digits.replace("两", "二"))
        if announced and announced != present:
            yield Finding(block.span_of(m.start(2), m.end()),
                          {"announced": announced, "present": present})
        return


def parse_problem(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A region that belongs to no section: a subsection or item before the first
    section heading (unless the text begins inside the report: they belong to a part
    before it), or text the parser refused."""
    if report.sections and report.bounds.start is None:
        for child in report.preamble.children:
            yield Finding(child.heading.span, {"text": child.heading.line.content})
    for span in report.problems:
        yield Finding(span, {"text": report.source.line(span.line).strip()})


def excerpt_end(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """The text stops inside the report: its last line is cut (reportlint.reading.bounds)."""
    cut = report.bounds.cut
    if cut is not None:
        where = [s for s in report.sections if s.heading and
                 (s.heading.line.number, s.heading.line.start) <= (cut.number, cut.start)]
        part = where[-1].heading.line.content if where else ""
        yield Finding(cut.span, {"part": part or _clip(cut.content), "line": _clip(cut.content)})


def excerpt_early(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """The text ends whole after section N, before the format's last section, with no
    signature under it: the sections after N are not in the text."""
    ended = report.bounds.ended
    if ended is not None:
        due = [spec for spec in template(report.era).sections if spec.number > report.bounds.last]
        last_heading = [s for s in report.sections if s.heading and s.heading.line.number <= ended.number]
        yield Finding(ended.span, {
            "part": last_heading[-1].heading.line.content if last_heading else _clip(ended.content),
            "count": len(due), "from_part": due[0].number,
            "titles": joined([phrase("phrase.section", number=cn_numeral(spec.number), title=spec.title)
                              for spec in due])})


def excerpt_start(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """The text begins inside the report: no title, and a later page or section first."""
    start = report.bounds.start
    if start is not None:
        yield Finding(start.span, {"line": _clip(start.content)})


def _clip(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[:width] + "…"


def undecodable(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Each line holding U+FFFD: a byte that could not be decoded (read as U+FFFD, the
    rest of the file read as usual), or a character a conversion lost before."""
    for number, line in enumerate(report.source.lines, start=1):
        column = line.find("\ufffd")
        if column >= 0:
            yield Finding(Span(number, column + 1, number, column + 2),
                          {"count": line.count("\ufffd"), "encoding": report.source.encoding.upper()})


def _read_problem(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Reading problems are found before there is a report to look at: see linter.py."""
    return iter(())


KINDS = (
    Kind("input", _read_problem, args=frozenset({"reason"})),
    Kind("internal", _read_problem, args=frozenset({"stage", "error"})),
    Kind("limit", _read_problem, args=frozenset({"limit", "remedy"})),
    Kind("undecodable", undecodable, args=frozenset({"count", "encoding"})),
    Kind("parse-problem", parse_problem, args=frozenset({"text"})),
    Kind("document-type", document_type, args=frozenset({"first_line"})),
    Kind("title-missing", title_missing, args=frozenset({"expected"})),
    *(Kind(name, check, args=frozenset({"title", "expected"}))
      for name, check in (("title-year", title_year), ("title-issuer", title_issuer),
                          ("title-wording", title_wording))),
    Kind("section-missing", section_missing, args=frozenset({"number", "title"})),
    *(Kind(name, check, args=frozenset({"found", "official", "number", "title"}))
      for name, check in (("section-order", section_order), ("section-title", section_title),
                          ("section-variant", section_variant), ("section-number", section_number))),
    Kind("unnumbered-heading", unnumbered, args=frozenset({"title", "expected"})),
    Kind("numbering-start", numbering_start, args=frozenset({"found", "expected", "previous", "missing"})),
    Kind("numbering-gap", numbering_gap, args=frozenset({"found", "expected", "previous", "missing"})),
    *(Kind(name, check, args=frozenset({"found", "expected", "previous"}))
      for name, check in (("numbering-repeat", numbering_repeat), ("numbering-back", numbering_back))),
    Kind("empty-heading", empty_heading, {"levels": Param(list, [1, 2])},
         frozenset({"heading"})),
    Kind("announced-parts", announced_parts, args=frozenset({"announced", "present"})),
    Kind("excerpt-end", excerpt_end, args=frozenset({"part", "line"})),
    Kind("excerpt-start", excerpt_start, args=frozenset({"line"})),
    Kind("excerpt-early", excerpt_early, args=frozenset({"part", "count", "from_part", "titles"})),
)

"""Source text → Report: classify lines, parse blocks, detect year, era and issuer."""

from __future__ import annotations

from reportlint.normalize import norm
from reportlint.reading import detect
from reportlint.reading.classify import classify
from reportlint.reading.model import Report, Section
from reportlint.reading.outline import parse_blocks
from reportlint.reading.source import Source
from reportlint.reading.tables import read_tables
from reportlint.templates import ERAS, SectionSpec, era_of_year, template


def parse_report(source: Source, year: int | None = None,
                 issuer_level: str | None = None) -> Report:
    """Parse `source` into a Report; `year` and `issuer_level` override detection."""
    blocks, footers = classify(list(enumerate(source.lines, start=1)))
    preamble, sections, title, problems = parse_blocks(blocks)
    report = Report(source, title, preamble, sections, footers, problems=problems)
    if title is not None:
        title.year, title.issuer = detect.title_year_issuer(title.text)
    report.year = year or (title.year if title else None) or detect.text_year(source.text)
    report.issuer = title.issuer if title else None
    report.era = era_of_year(report.year) or _era_from_evidence(source.text)
    report.issuer_level = issuer_level or detect.issuer_level(report.issuer, source.text)
    report.read_tables = read_tables(report)
    first_line = next((line for line in source.lines if line.strip()), "")
    report.matched_sections = match_sections(report)
    matched = len({spec.id for _, spec, _ in report.matched_sections})
    report.is_report = detect.looks_like_report(
        title.text if title else None, first_line, matched,
        any(True for _ in report.tables()))
    return report


def _era_from_evidence(text: str) -> str | None:
    evidence = detect.format_evidence(text)
    if evidence["2021"] or "〔2021〕30号" in text:
        return "2021"
    if evidence["2019"]:
        return "2019"
    return None


def match_sections(report: Report) -> list[tuple[Section, SectionSpec, str]]:
    """Each top-level section matched to the era's section it stands for.

    Returns (section, spec, how) with how = "exact", "variant" or "keyword"; a spec is
    matched once, an exact or variant title winning over a keyword match.
    """
    specs = template(report.era or ERAS[-1]).sections
    candidates: list[tuple[int, Section, SectionSpec, str]] = []
    for section in report.sections:
        if section.heading is None:
            continue
        title = norm(section.heading.title)
        for spec in specs:
            if title == norm(spec.title):
                candidates.append((0, section, spec, "exact"))
            elif title in {norm(v) for v in spec.variants}:
                candidates.append((1, section, spec, "variant"))
            elif any(k in title for k in spec.keywords):
                candidates.append((2, section, spec, "keyword"))
    chosen: dict[str, tuple[Section, SectionSpec, str]] = {}
    used: set[int] = set()
    for _, section, spec, how in sorted(candidates, key=lambda c: c[0]):
        if spec.id not in chosen and id(section) not in used:
            chosen[spec.id] = (section, spec, how)
            used.add(id(section))
    order = {id(s): i for i, s in enumerate(report.sections)}
    return sorted(chosen.values(), key=lambda c: order[id(c[0])])

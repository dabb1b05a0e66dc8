"""Source → Report: lines cut where breaks were lost, furniture set aside, lines
classified and parsed, year, era and issuer detected, tables read, the excerpt's
bounds found."""

from __future__ import annotations

from dataclasses import replace

from reportlint.normalize import norm
from reportlint.reading import bounds, detect, furniture
from reportlint.reading.classify import classify, is_title_line
from reportlint.reading.lines import physical_lines, unwrap
from reportlint.reading.model import Report, Section, Table
from reportlint.reading.outline import parse_blocks
from reportlint.reading.source import Source
from reportlint.reading.tables import read_tables
from reportlint.templates import SectionSpec, era_of_markers, era_of_year, latest, template


def parse_report(source: Source, year: int | None = None,
                 issuer_level: str | None = None) -> Report:
    """Parse `source` into a Report; `year` and `issuer_level` override detection."""
    lines = unwrap(physical_lines(source.lines))
    marks, body = furniture.mark(lines, is_title_line, source.chrome)
    blocks = classify(lines, marks, body)
    preamble, sections, title, found, masthead, problems = parse_blocks(blocks)
    text = "\n".join(line.matching for i, line in enumerate(lines) if i not in marks)
    if title is not None:
        title_year, title_issuer = detect.title_year_issuer("".join(line.matching for line in title.lines))
        title = replace(title, year=title_year, issuer=title_issuer)
    found_year = year or (title.year if title else None) or detect.text_year(text)
    issuer = title.issuer if title else None
    level = issuer_level or detect.issuer_level(issuer, text)
    report = Report(
        source, title, preamble, sections, problems=problems, furniture=found, masthead=masthead,
        year=found_year, era=era_of_year(found_year) or era_of_markers(norm(text)), issuer=issuer, issuer_level=level,
        year_from="option" if year else "title" if title and title.year else "text" if found_year else None,
        level_from="option" if issuer_level else None if level is None else
        "title" if level == detect.issuer_level(issuer, "") else "text")
    read, stray = read_tables(report)
    era = latest() if report.era is None and _unified(read, sections) else report.era
    matched = match_sections(sections, era)
    # what the tables, the era and the sections tell, set at once (each replace makes the report again)
    report = replace(report, read_tables=tuple(read), stray=tuple(stray), era=era, matched_sections=matched,
                     is_report=detect.looks_like_report(
                         title.text if title else None, _head(report), text,
                         len({spec.id for _, spec, _ in matched}), any(True for _ in report.tables())))
    report = replace(report, bounds=bounds.find(report))
    return bounds.cut_short(report)


def _head(report: Report) -> list[str]:
    """The lines above the report's own text (furniture aside), else its first line."""
    if report.masthead:
        return [line.matching for line in report.masthead]
    for section in report.walk():
        if section.heading is not None:
            return [section.heading.line.matching]
        for block in section.blocks:
            return [block.lines[0].matching]
    return []


def _unified(tables: list[Table], sections: tuple[Section, ...]) -> bool:
    """A report of unknown year in the unified format (2019 on), by the tables read from
    it and its sections: its table 三 or 四, or the section of applications as the format
    names it."""
    if any(t.id in ("t3", "t4") for t in tables):
        return True
    requests = next(s for s in template(latest()).sections if s.id == "requests")
    return any(s.heading and norm(s.heading.title) in {norm(requests.title), *map(norm, requests.variants)}
               for s in sections)


def match_sections(sections: tuple[Section, ...], era: str | None) -> tuple[tuple[Section, SectionSpec, str], ...]:
    """Each top-level section matched to the section of `era` (the latest format when
    None) it stands for.

    Returns (section, spec, how) with how = "exact", "variant" or "keyword"; a spec is
    matched once, an exact or variant title winning over a keyword match.
    """
    specs = [(spec, norm(spec.title), {norm(v) for v in spec.variants}) for spec in template(era or latest()).sections]
    candidates: list[tuple[int, Section, SectionSpec, str]] = []
    for section in sections:
        if section.heading is None:
            continue
        title = norm(section.heading.title)
        for spec, official, variants in specs:
            if title == official:
                candidates.append((0, section, spec, "exact"))
            elif title in variants:
                candidates.append((1, section, spec, "variant"))
            elif any(k in title for k in spec.keywords):
                candidates.append((2, section, spec, "keyword"))
    chosen: dict[str, tuple[Section, SectionSpec, str]] = {}
    used: set[int] = set()
    for _, section, spec, how in sorted(candidates, key=lambda c: c[0]):
        if spec.id not in chosen and id(section) not in used:
            chosen[spec.id] = (section, spec, how)
            used.add(id(section))
    order = {id(s): i for i, s in enumerate(sections)}
    return tuple(sorted(chosen.values(), key=lambda c: order[id(c[0])]))

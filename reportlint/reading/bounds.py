"""Where an excerpt of a report begins and ends.

A text may be part of a report: a web page's opening cut at a size, one page of a
flipbook, a PDF page pasted into a draft. It stops inside a section when its last line
is cut: a paragraph that ends without the mark that ends a sentence (and is not the
signature or the date under a report), a heading with nothing under it, a table that
the text ends in (a row short of values, or without the closing | of its table's other
rows), a broken character. It begins inside a section when it has no title
and opens with a later section's heading, a table, or a later page's header. The
rules then say once where the text stops or begins, instead of calling every part
beyond it missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace

from reportlint import patterns
from reportlint.normalize import norm
from reportlint.templates import known_titles, template, unified
from reportlint.reading.model import Bounds, Cell, Line, Report, Section, TableRegion, read_only

_ENDS = tuple("。！？!?；;…”\"’'）)】]》>.")
_OPEN = tuple("，,、：:（(《“")  # a line ending so goes on
_SHORT = 10  # a last line shorter than this without a full stop may be a short answer, not a cut
_ANSWER = patterns.compile(r"无|未|没有|不涉及|暂|均为|同上")  # 无, 本年度未收费, 不涉及: what a short answer says
_SIGNATURE = patterns.compile(r"^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
                              r"|[\u4e00-\u9fff（）()]{2,30}(?:政府|局|委|委员会|办|办公室|镇|乡|街道|办事处|中心|院|厅|部|会|所|站|队|处|署|馆|公司))$")
_PAGE_NUMBER = patterns.compile(r"(?:page|p\.|第)\s*(\d{1,4})|^[-—–－]\s*(\d{1,4})\s*[-—–－]$|^(\d{1,4})\s*/", re.IGNORECASE)


def find(report: Report) -> Bounds:
    """The bounds of the report's text (no cut, no start for a whole report)."""
    items = _items(report)
    if not items:
        return Bounds()
    numbers = {id(section): spec.number for section, spec, _ in report.matched_sections}

    def number(section: Section | None) -> int:
        if section is None:
            return 0
        return numbers.get(id(section)) or (section.heading.number if section.heading else 0) or 0

    end, cut = _cut(report, items)
    begin, start = _start(report, items)
    ended = None
    if cut is None:
        end = items[-1][2]
        if _early(report, number(end), items):
            ended = items[-1][0]
    if start is not None and begin is None:  # it begins before its first heading
        begin = report.sections[0] if report.sections else None
    return Bounds(first=number(begin) if start else 0, last=number(end) if cut or ended else 0,
                  cut=cut, start=start, ended=ended, cut_from=_unit_start(report, items) if cut else 0)


def _unit_start(report: Report, items) -> int:
    """The first line of the table row the cut line ends (one cell per line puts a row
    over many lines); the heading straight above a cut last line read as an unnumbered
    heading by its wording alone (a paragraph that opens with its section's title, cut
    after it): that heading holds nothing but the cut line; else the cut line itself."""
    cut, what = items[-1][0], items[-1][1]
    if what == "heading" and len(items) > 1 and items[-2][1] == "heading" and _unnumbered(report, cut) \
            and not _has_body(report, items[-2][0]):
        return items[-2][0].number
    for table in report.read_tables:
        for row in table.rows.values():
            lines = [c.line for c in (*row.row.labels, *row.row.values)]
            if cut.number in lines:
                return min(lines)
    return cut.number


def _early(report: Report, last: int, items) -> bool:
    """Whether a text that ends whole ends before the format's last section, with no
    signature or date under it: only the report's first parts are in the text."""
    if not unified(report.era) or not report.matched_sections:
        return False
    final = max(spec.number for spec in template(report.era).sections)
    present = {spec.number for _, spec, _ in report.matched_sections}
    if last >= final or any(n > last for n in present):
        return False
    return not _signed(items)


def _items(report: Report) -> list[tuple[Line, str, Section | None]]:
    """(line, what, section) for every heading, paragraph line and table line, in order;
    `section` is the top-level section it belongs to (None before the first)."""
    out = []
    for top in [report.preamble, *report.sections]:
        owner = top if top.heading is not None else None
        for section in top.walk():
            if section.heading is not None:
                out.append((section.heading.line, "heading", owner))
            for block in section.blocks:
                what = "table" if isinstance(block, TableRegion) else "text"
                out.extend((line, what, owner) for line in block.lines)
    return sorted(out, key=lambda item: (item[0].number, item[0].start))


def _cut(report: Report, items) -> tuple[Section | None, Line | None]:
    """(the section the text stops in, the cut line); no line when it ends whole: with a
    last sentence, with the signature and date under it, or with a full table row."""
    line, what, section = items[-1]
    text = line.matching.rstrip()
    if text.endswith("\ufffd"):
        return section, line
    if what == "table":
        return (None, None) if _full_row(report, line) and not _unclosed(report, line) else (section, line)
    if what == "heading" and not _has_body(report, line) and not text.endswith(("。", "；", ";")):
        return section, line  # a heading with nothing under it (an item written as a sentence has)
    if text.endswith(_OPEN) or not (text.endswith(_ENDS) or what == "text" and (
            _signed(items) or len(norm(text)) < _SHORT and _ANSWER.search(text))):
        return section, line
    return None, None


def _signed(items) -> bool:
    """Whether the text ends with the name or date signed under a report: a last line
    that reads as one (_signature) and stands under text, never straight under a
    heading (a heading's first line that ends in 政府 is its text cut short)."""
    line, what, _ = items[-1]
    return what == "text" and _signature(line.matching.rstrip()) and (len(items) < 2 or items[-2][1] != "heading")


def _signature(text: str) -> bool:
    """Whether `text` reads as the name or date signed under a report; the opening of
    a section's title (收到和处理政府…) is that title cut short, not a name."""
    folded = norm(text)
    return bool(_SIGNATURE.match(folded)) and not any(
        title.startswith(folded) and title != folded for title in known_titles())


def _has_body(report: Report, line: Line) -> bool:
    """Whether the heading on `line` has run-in text after its title."""
    return any(s.heading is not None and s.heading.line is line and s.heading.body for s in report.walk())


def _unnumbered(report: Report, line: Line) -> bool:
    """Whether the heading on `line` has no number of its own (only its wording reads it)."""
    return any(s.heading is not None and s.heading.line is line and s.heading.number is None for s in report.walk())


def _full_row(report: Report, line: Line) -> bool:
    """Whether `line` ends a table row with all its values, or more (a text that is cut
    has fewer), or fewer run together in cells of several digits; a line that ends
    with a label or an empty cell does not."""
    cells = [c for t in report.read_tables for row in t.rows.values() for c in (*row.row.labels, *row.row.values)
             if c.line == line.number] + [c for t in report.read_tables for row, _ in t.unknown
                                          for c in (*row.labels, *row.values) if c.line == line.number]
    filled = [c for c in sorted(cells, key=lambda c: c.column) if c.kind != "blank"]
    if not filled or filled[-1].value is None:
        return False
    for table in report.read_tables:
        for row in table.rows.values():
            cells = [*row.row.labels, *row.row.values]
            if cells and cells[-1].line == line.number:
                found, _, due = row.problem.partition("/")
                # cells of one line may run together (1 2 written 12); cells one per line, never
                values = [c for c in row.row.values if c.value is not None]
                one_line = len({c.line for c in values}) == 1
                run_together = one_line and sum(len(c.text) for c in values) >= int(due or 0)
                return bool(row.cells) and not row.problem or bool(due) and int(found) >= int(due) \
                    or run_together
        if any(row.values and row.values[-1].line == line.number for row, _ in table.unknown):
            return True  # a row under a label of its own, with as many values as columns
    return False


def _unclosed(report: Report, line: Line) -> bool:
    """Whether a table line lacks the mark that closes every other line of its table
    (the | that ends each pipe row): the text stops inside its last cell."""
    region = next((b for s in report.walk() for b in s.blocks if isinstance(b, TableRegion) and line in b.lines), None)
    ends = {other.matching[-1:] for other in region.lines if other is not line} if region else set()
    return len(ends) == 1 and len(region.lines) > 2 and not next(iter(ends)).isalnum() \
        and not line.matching.endswith(tuple(ends))


def cut_short(report: Report) -> Report:
    """The report with the cell the text stops in, the last value of an unclosed cut
    table line (`_unclosed`), read as kind "cut" (its text kept, no value): digits of
    its number may be cut away, so no check compares or sums it. (A layout with no
    closing mark shows no such cut.)"""
    cut = report.bounds.cut
    if cut is None or not _unclosed(report, cut):
        return report
    rows = [*(row for region in report.tables() for row in region.rows), *report.stray]
    for table in report.read_tables:
        rows += [*(r.row for r in table.rows.values()), *(r for r, _ in table.unknown), *(r for r, *_ in table.unplaced)]
    stop = max((c for row in rows for c in row.values if c.line == cut.number), key=lambda c: c.column, default=None)
    if stop is None or stop.value is None:
        return report
    return _swapped(report, stop, replace(stop, kind="cut", value=None))


def _swapped(value, old: Cell, new: Cell):
    """`value` (a part of the model) with each cell equal to `old` made `new`: the
    parts that hold one made again, the others kept as they are."""
    if isinstance(value, Cell):
        return new if value == old else value
    if isinstance(value, tuple):
        items = tuple(_swapped(v, old, new) for v in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    if isinstance(value, Mapping):
        items = {k: _swapped(v, old, new) for k, v in value.items()}
        return value if all(items[k] is v for k, v in value.items()) else read_only(items)
    if is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: _swapped(getattr(value, f.name), old, new) for f in fields(value) if f.init}
        changed = {k: v for k, v in changed.items() if v is not getattr(value, k)}
        return replace(value, **changed) if changed else value
    return value


def _start(report: Report, items) -> tuple[Section | None, Line | None]:
    """(the section the text begins in, its first line) when it begins inside a report:
    no title, and a later page's header, a table, a subsection's heading or a later
    section's heading first."""
    if report.title is not None:
        return None, None
    first_line, what, section = items[0]
    page = next((f for f in report.furniture if f.kind == "page" and f.span.line <= first_line.number), None)
    if page is not None:
        m = _PAGE_NUMBER.search(norm(page.text))
        if m and int(next(g for g in m.groups() if g)) > 1:
            return section, first_line
    if what == "table" and section is None:
        return None, first_line
    if what == "heading" and section is None and report.preamble.children:
        return None, first_line  # a part's subsections before any part's heading
    if what == "heading" and section is not None and (section.heading.number or 1) > 1 \
            and report.sections and report.sections[0] is section:
        return section, first_line
    return None, None

"""`--fix` on a Word document: the safe fixes as tracked changes (修订, author reportlint)
in a copy, for the clerk to accept or reject one by one in Word or WPS.

Each edit on a paragraph's or a cell's text becomes a tracked deletion of the characters
it replaces and a tracked insertion of its replacement, in the format of the text it
replaces. Edits that cannot be placed on one paragraph's runs (across paragraphs, in a
cell of several paragraphs) are left; numbers and numbering are never changed (no safe
fix does).
"""

from __future__ import annotations

import copy
from datetime import datetime, timezone
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from reportlint.checking.diagnostics import Diagnostic
from reportlint.reading.docx import open_document, paragraph_text, text_view
from reportlint.reading.view import clean
from reportlint.reporting.annotate import cell_at, character_range, split_runs

AUTHOR = "reportlint"


def write(data: bytes, diagnostics: list[Diagnostic], out: Path) -> int:
    """Write a copy of the .docx `data` to `out` with the safe fixes of `diagnostics` as
    tracked changes; return the number of changes."""
    document = open_document(data)
    view, anchors = text_view(document)
    edits = sorted({(e["line"], e["column"], e["end_line"], e["end_column"], e["replacement"])
                    for d in diagnostics if d.fix for e in d.fix["edits"]}, reverse=True)  # last first
    stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    changes, taken, cells = 0, [], set()
    for line, column, end_line, end_column, replacement in edits:
        if end_line != line or not 0 < line <= len(anchors) \
                or any(line == l and column < c_end and end_column > c for l, c, c_end in taken):
            continue
        place = _place(anchors, view.lines, line, column, end_column, cells)
        runs = split_runs(place[0], *place[1]) if place else []
        if not runs:
            continue
        _track(runs, replacement, changes * 2 + 1, stamp)
        taken.append((line, column, end_column))
        changes += 1
    document.save(str(out))
    return changes


def _place(anchors: list, lines: list[str], line: int, column: int, end_column: int, cells: set):
    """The paragraph and the character range of an edit on one line of the view: in a
    paragraph, or in a cell of one paragraph (each cell edited once: a merged cell
    stands in several rows); None when it cannot be placed."""
    anchor = anchors[line - 1]
    if isinstance(anchor, Paragraph):
        k = line - 1 - next(i for i, a in enumerate(anchors) if a is anchor)
        found = character_range(anchor, k, lines[line - 1], column, end_column)
        return (anchor, found) if found else None
    cell, start = cell_at(anchor, column)
    if len(cell.paragraphs) != 1 or cell._tc in cells:
        return None
    cells.add(cell._tc)
    paragraph = cell.paragraphs[0]
    found = character_range(paragraph, 0, clean(paragraph_text(paragraph)), column - start + 1, end_column - start + 1)
    return (paragraph, found) if found else None


def _track(runs: list, replacement: str, number: int, stamp: str) -> None:
    """Wrap `runs` in a tracked deletion and put `replacement` after it as a tracked insertion."""
    deleted = _change("w:del", number + 10_000, stamp)
    runs[0]._r.addprevious(deleted)
    for run in runs:
        element = run._r
        deleted.append(element)
        for text in element.findall(qn("w:t")):
            text.tag = qn("w:delText")
    if replacement:
        inserted = _change("w:ins", number + 10_001, stamp)
        new = OxmlElement("w:r")
        properties = runs[0]._r.find(qn("w:rPr"))
        if properties is not None:
            new.append(copy.deepcopy(properties))
        text = OxmlElement("w:t")
        text.text = replacement
        text.set(qn("xml:space"), "preserve")
        new.append(text)
        inserted.append(new)
        deleted.addnext(inserted)


def _change(tag: str, number: int, stamp: str):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(number))
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), stamp)
    return element

"""Word comments (批注): a copy of a .docx with each diagnostic as a comment on the exact
characters it is about (runs split where the finding starts or ends inside one; the text
stays as it was), or on its cell. Comments already in the document are left as they are."""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reportlint.atomic import write_atomically
from reportlint.checking.diagnostics import Diagnostic
from reportlint.i18n import t
from reportlint.reading.docx import Anchor, cell_text, open_document, paragraph_text, runs, text_view
from reportlint.reading.source import Unreadable
from reportlint.reading.view import row_line

_LINE_END = re.compile(r"\r\n|\r|\n")
_PLAIN = {qn("w:rPr"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")}  # a run of text only: safe to split


_MARK = "reportlint-comments"  # the identifier of a copy reportlint wrote


def annotate(data: bytes, diagnostics: list[Diagnostic], out: Path, lang: str = "zh") -> int:
    """Write a copy of the .docx `data` to `out` with one comment per diagnostic on its
    paragraph or cell; return the number of comments. FileExistsError when `out` is
    there and is not a copy reportlint wrote (a symlink never is); written atomically."""
    if os.path.lexists(out) and not _ours(out):
        raise FileExistsError(out)
    document = open_document(data)
    view, anchors = text_view(document)
    for d in diagnostics:
        anchor = _anchor(anchors, d.line)
        if isinstance(anchor, Paragraph):
            first = next(i for i, a in enumerate(anchors) if a is anchor)
            chosen = _characters(anchor, d.line - 1 - first, view.lines[d.line - 1], d)
        elif anchor is not None:
            chosen = _cell_runs(cell_at(anchor, d.column)[0])
        else:
            chosen = []
        if not chosen:
            paragraph = anchor if isinstance(anchor, Paragraph) else (
                document.paragraphs[0] if document.paragraphs else document.add_paragraph())
            chosen = paragraph.runs or [paragraph.add_run("")]
        document.add_comment(chosen, text=_comment(d, lang), author="reportlint", initials="RL")
    document.core_properties.identifier = _MARK
    write_atomically(out, document.save)
    return len(diagnostics)


def _ours(path: Path) -> bool:
    """Whether `path` is a regular file reportlint wrote with comments."""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        return open_document(path.read_bytes()).core_properties.identifier == _MARK
    except Unreadable:
        return False


def _anchor(anchors: list[Anchor], line: int) -> Anchor | None:
    """The paragraph or row of `line` (the last one for a line past the end)."""
    return anchors[min(line, len(anchors)) - 1] if anchors else None


def _characters(paragraph: Paragraph, k: int, line: str, d: Diagnostic) -> list[Run]:
    """The runs that hold exactly the finding's characters on the k-th line of the
    paragraph, split off their neighbours; [] when they cannot be found."""
    end = d.end_column if d.end_line == d.line else len(line) + 1
    found = character_range(paragraph, k, line, d.column, end)
    return split_runs(paragraph, *found) if found else []


def character_range(paragraph: Paragraph, k: int, line: str, column: int, end_column: int) -> tuple[int, int] | None:
    """The offsets in the paragraph's text of columns [column, end_column) of the view's
    `line`, its k-th line; None when they cannot be placed."""
    pieces = _LINE_END.split(paragraph_text(paragraph))
    if k >= len(pieces):
        return None
    start_of_line = sum(len(p) + 1 for p in pieces[:k])  # a break is one character in the runs' text
    where = view_positions(pieces[k])
    begin = min(max(column - 1, 0), len(line))
    if not where or begin >= len(where):
        return None
    end = max(min(end_column - 1, len(line)), begin + 1)
    return start_of_line + where[begin], start_of_line + where[min(end, len(where)) - 1] + 1


def view_positions(raw: str) -> list[int]:
    """For each character of the view's line (blanks collapsed, ends trimmed), its index in `raw`."""
    out, blank = [], False
    stripped = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    for i, ch in enumerate(stripped, start=lead):
        if ch.isspace():
            if not blank:
                out.append(i)
            blank = True
        else:
            out.append(i)
            blank = False
    return out


def split_runs(paragraph: Paragraph, begin: int, end: int) -> list[Run]:
    """The runs covering characters [begin, end) of the paragraph, split at both ends."""
    _cut(paragraph, begin)
    _cut(paragraph, end)
    chosen, at = [], 0
    for r in runs(paragraph):
        size = len(r.text)
        if at < end and at + size > begin or (size == 0 and begin <= at < end):
            chosen.append(Run(r, paragraph))
        at += size
    return chosen


def _cut(paragraph: Paragraph, offset: int) -> None:
    """Split the run that `offset` falls inside into two runs of the same format."""
    at = 0
    for r in runs(paragraph):
        size = len(r.text)
        if at < offset < at + size:
            if any(child.tag not in _PLAIN for child in r):
                return  # a field, a picture, a note: left whole
            text = r.text
            second = copy.deepcopy(r)
            r.text, second.text = text[: offset - at], text[offset - at:]
            r.addnext(second)
            return
        at += size


def _cell_runs(cell: _Cell) -> list[Run]:
    """The runs of a whole cell, first paragraph to last (an empty run in a blank cell)."""
    found = [Run(r, p) for p in cell.paragraphs for r in runs(p)]
    if found:
        return [found[0], found[-1]]
    return [cell.paragraphs[0].add_run("")]


def cell_at(cells: list[_Cell], column: int) -> tuple[_Cell, int]:
    """The cell of a `| a | b |` row line that `column` falls in, and the column it starts at."""
    _, starts = row_line([cell_text(cell) for cell in cells])
    return next(((cell, start) for cell, start in reversed(list(zip(cells, starts))) if start <= column),
                (cells[0], starts[0]))


def _comment(d: Diagnostic, lang: str) -> str:
    return t("annotate.comment", lang, message=d.message, rule=d.rule, name=d.name,
             severity=t("severity." + d.severity, lang))

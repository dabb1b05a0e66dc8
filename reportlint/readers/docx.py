"""Word (.docx): the body's paragraphs and tables in document order as a text view,
and a copy of the document with each diagnostic as a comment (批注)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from reportlint.diagnostics import Diagnostic
from reportlint.i18n import t
from reportlint.readers.view import TextView, join_lines, once_per_cell, row_line
from reportlint.source import Source, Unreadable

# What each line of the view stands for: a paragraph, or the cells of a table row.
Anchor = Paragraph | list[_Cell]


def read_docx(path: str, data: bytes) -> Source:
    """The text view of a .docx file (or Unreadable when it is not one)."""
    document = _open(data)
    try:
        view, _ = _view(document)
    except Exception as error:  # a table python-docx cannot lay out (damaged grid)
        raise Unreadable("docx") from error
    return view.source(path, "docx")


def annotate(data: bytes, diagnostics: list[Diagnostic], out: Path, lang: str = "zh") -> int:
    """Write a copy of the .docx `data` to `out` with one comment per diagnostic on its
    paragraph or cell; return the number of comments."""
    document = _open(data)
    _, anchors = _view(document)
    for d in diagnostics:
        runs = _runs(_anchor(anchors, d.line), d.column, document)
        document.add_comment(runs, text=_comment(d, lang), author="reportlint", initials="RL")
    document.save(str(out))
    return len(diagnostics)


def _open(data: bytes) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise Unreadable("docx") from error


def _view(document: Document) -> tuple[TextView, list[Anchor]]:
    view, anchors = TextView(), []
    paragraphs = tables = 0
    for block in _blocks(document):
        if isinstance(block, Paragraph):
            paragraphs += bool(block.text.strip())  # 第N段 counts the paragraphs a reader sees
            before = len(view.lines)
            view.paragraph(block.text, f"第{paragraphs}段" if block.text.strip() else None)
            anchors += [block] * (len(view.lines) - before)
            continue
        tables += 1
        for number, row in enumerate(block.rows, start=1):
            slots = list(row.cells)  # a merged cell fills every grid column it spans
            cells = once_per_cell([(cell._tc, _cell_text(cell)) for cell in slots])
            view.row(cells, tables, number)
            anchors.append([slots[column - 1] for column, _ in cells])
    return view, anchors


def _blocks(document: Document) -> Iterator[Paragraph | Table]:
    """Body paragraphs and tables in document order, content controls opened."""
    body = document.element.body

    def walk(element) -> Iterator[Paragraph | Table]:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                yield Paragraph(child, document._body)
            elif child.tag == qn("w:tbl"):
                yield Table(child, document._body)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)

    yield from walk(body)


def _anchor(anchors: list[Anchor], line: int) -> Anchor | None:
    """The paragraph or row of `line` (the last one for a line past the end)."""
    return anchors[min(line, len(anchors)) - 1] if anchors else None


def _runs(anchor: Anchor | None, column: int, document: Document) -> list:
    """The runs a comment is anchored on: the paragraph's, or the cell's at `column`."""
    if anchor is None:
        paragraph = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    elif isinstance(anchor, Paragraph):
        paragraph = anchor
    else:
        paragraph = _cell_at(anchor, column).paragraphs[0]
    return paragraph.runs or [paragraph.add_run("")]


def _cell_at(cells: list[_Cell], column: int) -> _Cell:
    """The cell of a `| a | b |` row line that `column` falls in."""
    _, starts = row_line([_cell_text(cell) for cell in cells])
    return next((cell for cell, start in reversed(list(zip(cells, starts))) if start <= column), cells[0])


def _cell_text(cell: _Cell) -> str:
    return join_lines([p.text for p in cell.paragraphs])


def _comment(d: Diagnostic, lang: str) -> str:
    return f"{d.message}（{d.rule} {d.name}，{t('severity.' + d.severity, lang)}）"

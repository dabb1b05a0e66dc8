"""Word (.docx): the body's paragraphs and tables in document order as a text view,
each line knowing the paragraph or the row of cells it stands for.

Text inserted with tracked changes (修订) is read as part of the document, text deleted
with tracked changes is not: the document as it reads once the changes are accepted."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from reportlint.reading.source import Source, Unreadable
from reportlint.reading.view import TextView, join_lines, once_per_cell

# What each line of the view stands for: a paragraph, or the cells of a table row.
Anchor = Paragraph | list[_Cell]


def read_docx(path: str, data: bytes) -> Source:
    """The text view of a .docx file (or Unreadable when it is not one)."""
    document = open_document(data)
    try:
        view, _ = text_view(document)
    except Exception as error:  # a table python-docx cannot lay out (damaged grid)
        raise Unreadable("docx") from error
    return view.source(path, "docx")


def open_document(data: bytes) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise Unreadable("docx") from error


def text_view(document: Document) -> tuple[TextView, list[Anchor]]:
    view, anchors = TextView(), []
    paragraphs = tables = 0
    for block in _blocks(document):
        if isinstance(block, Paragraph):
            text = paragraph_text(block)
            paragraphs += bool(text.strip())  # 第N段 counts the paragraphs a reader sees
            before = len(view.lines)
            view.paragraph(text, f"第{paragraphs}段" if text.strip() else None)
            anchors += [block] * (len(view.lines) - before)
            continue
        tables += 1
        for number, row in enumerate(block.rows, start=1):
            slots = list(row.cells)  # a merged cell fills every grid column it spans
            cells = once_per_cell([(cell._tc, cell_text(cell)) for cell in slots])
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


def cell_text(cell: _Cell) -> str:
    return join_lines([paragraph_text(p) for p in cell.paragraphs])


# The runs a paragraph shows: its own, a hyperlink's, those inserted or moved here with
# tracked changes (those deleted, w:del, are not read).
_RUNS = "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:ins/w:hyperlink/w:r | ./w:moveTo/w:r"


def runs(paragraph: Paragraph) -> list:
    """The w:r elements of the paragraph's text, in document order."""
    return paragraph._p.xpath(_RUNS)


def paragraph_text(paragraph: Paragraph) -> str:
    return "".join(r.text for r in runs(paragraph))

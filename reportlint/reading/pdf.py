"""PDF with a text layer: text in reading order, ruled tables as pipe rows, page
numbers and running headers removed, every line placed on its page (第N页)."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

import pdfplumber

from reportlint.reading.source import Source, TooLarge, Unreadable
from reportlint.reading.view import TextView, clean, join_lines, once_per_cell, row_line

_PAGE_NUMBER = re.compile(
    r"^[-—–－·\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?[-—–－·\s]*$")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_MARGIN = 0.1  # the top and bottom tenth of a page hold its header and footer


@dataclass
class Item:
    """A text line or a table row on a page, and where it stands."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str = ""
    size: float = 10.0
    cells: list[tuple[int, str]] | None = None
    margin: bool = False


def read_pdf(path: str, data: bytes, max_pages: int = 300) -> Source:
    """The text view of a PDF (Unreadable when damaged, or without a text layer;
    TooLarge with more than `max_pages` pages)."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > max_pages:
                raise TooLarge("pages", pages=len(pdf.pages), limit=max_pages)
            if not any(page.chars for page in pdf.pages):
                raise Unreadable("pdf_scan")
            pages = [_page_items(page, number) for number, page in enumerate(pdf.pages, start=1)]
    except (Unreadable, TooLarge):
        raise
    except Exception as error:  # pdfminer raises many kinds on a damaged or encrypted file
        raise Unreadable("pdf") from error
    return view(_without_running_heads(pages)).source(path, "pdf")


def _page_items(page, number: int) -> list[Item]:
    """The page's text lines and table rows, top to bottom, page numbers dropped."""
    rows = [row for table in page.find_tables() for row in table_rows(table, number)]
    height = float(page.height)
    lines = []
    for found in page.extract_text_lines():
        middle = (found["top"] + found["bottom"]) / 2
        if any(row.top <= middle <= row.bottom and row.x0 - 2 <= found["x0"] <= row.x1 for row in rows):
            continue
        line = Item(number, found["top"], found["bottom"], found["x0"], found["x1"],
                    _CJK_GAP.sub("", found["text"]).strip(), found["chars"][0]["size"])
        line.margin = _in_margin(line, height)
        if not (line.margin and _PAGE_NUMBER.match(line.text)):
            lines.append(line)
    return sorted(lines + rows, key=lambda item: item.top)


def _in_margin(item: Item, height: float) -> bool:
    return item.bottom < height * _MARGIN or item.top > height * (1 - _MARGIN)


def table_rows(table, page: int) -> list[Item]:
    """The rows of a ruled table that have two cells or more (a row that is one
    cell the width of the table is text in a box)."""
    grid = _grid(table)
    out = []
    for row, cells in zip(table.rows, grid):
        if sum(cell is not None for cell in row.cells) < 2:
            continue
        x0, top, x1, bottom = row.bbox
        out.append(Item(page, top, bottom, x0, x1, cells=cells))
    return out


def _grid(table) -> list[list[tuple[int, str]]]:
    """The rows of the table's grid, a cell once in its row and in every row it
    spans, as (grid column, text)."""
    tops = [row.bbox[1] for row in table.rows]
    lefts = [column.bbox[0] for column in table.columns]
    slots: dict[tuple[int, int], tuple[object, str]] = {}
    for r, (row, texts) in enumerate(zip(table.rows, table.extract())):
        for bbox, text in zip(row.cells, texts):
            if bbox is None:
                continue
            x0, top, x1, bottom = bbox
            value = _CJK_GAP.sub("", join_lines((text or "").split("\n")))
            for i, row_top in enumerate(tops):
                for j, left in enumerate(lefts):
                    if top - 1 <= row_top < bottom - 1 and x0 - 1 <= left < x1 - 1:
                        slots.setdefault((i, j), (bbox, value))
    return [once_per_cell([slots.get((r, c)) or (object(), "") for c in range(len(lefts))]) for r in range(len(tops))]


def _without_running_heads(pages: list[list[Item]]) -> list[Item]:
    """All items in order, less the margin text that repeats on most pages (digits
    aside: "第3页", a running title)."""
    def key(item: Item) -> str:
        return re.sub(r"\d+", "#", item.text)

    counts = Counter(k for page in pages for k in {key(i) for i in page if i.margin})
    repeated = {k for k, count in counts.items() if count >= 2 and count > len(pages) / 2}
    return [item for page in pages for item in page if not (item.margin and key(item) in repeated)]


def view(items: list[Item]) -> TextView:
    """Text lines joined into paragraphs (a new one after a short line or at an
    indent), table rows one per line; every line placed on its page or pages."""
    out = TextView()
    left, right = _margins(items)
    paragraph: list[Item] = []
    for item in items:
        if item.cells is not None:
            _flush(out, paragraph)
            paragraph = []
            line, _ = row_line([text for _, text in item.cells])
            out.line(line, ((1, f"第{item.page}页"),))
            continue
        if paragraph and (item.x0 > left + item.size * 0.8 or paragraph[-1].x1 < right - item.size * 2.5):
            _flush(out, paragraph)
            paragraph = []
        paragraph.append(item)
    _flush(out, paragraph)
    return out


def _margins(items: list[Item]) -> tuple[float, float]:
    """The usual left and right edges of the text lines."""
    lines = [item for item in items if item.cells is None] or items
    left = Counter(round(item.x0) for item in lines).most_common(1)[0][0] if lines else 0
    right = max((round(item.x1) for item in lines), default=0)
    return left, right


def _flush(out: TextView, paragraph: list[Item]) -> None:
    if not paragraph:
        return
    text, place = "", []
    for item in paragraph:
        text = join_lines([text, item.text])
        if not place or place[-1][1] != f"第{item.page}页":
            place.append((len(text) - len(clean(item.text)) + 1, f"第{item.page}页"))
    out.line(text, tuple(place))

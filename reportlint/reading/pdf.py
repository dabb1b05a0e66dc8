"""PDF with a text layer: text in reading order, ruled tables as pipe rows, page
numbers and running headers removed, every line placed on its page (第N页).

pdfium (pypdfium2) parses the file: its text page gives the characters with their
boxes, the page's path objects give the rules of ruled tables. Positions here are
in points from the page's top left corner, downwards.
"""

from __future__ import annotations

import ctypes
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import attrgetter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reportlint import patterns
from reportlint.reading.source import Source, TooLarge, Unreadable
from reportlint.reading.view import TextView, clean, join_lines, once_per_cell, row_line

_PAGE_NUMBER = patterns.compile(
    r"^[-—–－·\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?[-—–－·\s]*$")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_GAP = patterns.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_MARGIN = 0.1  # the top and bottom tenth of a page hold its header and footer
_DESCENT = 0.12  # of the font's size: how far a Chinese font's glyphs reach below the baseline
_NEAR = 3.0  # points: characters of one line or word; rules of one line, or that meet
# A page with more path segments than this, or with rules that could cross more
# often, is a drawing: read as text only (and in bounded time).
_MAX_SEGMENTS = 20_000
_MAX_CROSSINGS = 5_000
_MAX_DEPTH = 8  # form objects nested deeper than this are not searched for rules

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Ruling = tuple[float, float, float]  # across: (y, x0, x1); down: (x, top, bottom)
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as a PDF writes one
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


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


@dataclass(slots=True)
class Char:
    """A character, its box and its size."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


@dataclass
class Table:
    """A ruled table: its cells, the tops of its rows, the left edges of its columns,
    and the cell over each (row, column) slot of that grid."""

    cells: list[Box]
    tops: list[float]
    lefts: list[float]
    slots: dict[tuple[int, int], Box]


def read_pdf(path: str, data: bytes, max_pages: int = 300) -> Source:
    """The text view of a PDF (Unreadable when damaged, or without a text layer;
    TooLarge with more than `max_pages` pages)."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:  # damaged, encrypted, or not a PDF
        raise Unreadable("pdf") from error
    try:
        if len(document) > max_pages:
            raise TooLarge("pages", pages=len(document), limit=max_pages)
        pages = [_page(document, number) for number in range(1, len(document) + 1)]
    except pdfium.PdfiumError as error:  # a page that does not load
        raise Unreadable("pdf") from error
    finally:
        document.close()
    if not any(chars for chars, _ in pages):
        raise Unreadable("pdf_scan")
    return view(_without_running_heads([items for _, items in pages])).source(path, "pdf")


def _page(document: pdfium.PdfDocument, number: int) -> tuple[bool, list[Item]]:
    """Whether the page has characters; its text lines and table rows, top to
    bottom, page numbers dropped."""
    page = document[number - 1]
    textpage = page.get_textpage()
    try:
        left, bottom, _, top = page.get_bbox()
        chars = _chars(textpage.raw, left, top)
        across, down = _rules(page.raw, left, top)
    finally:
        textpage.close()
        page.close()
    return bool(chars), _page_items(chars, _tables(across, down), number, top - bottom)


def _page_items(chars: list[Char], tables: list[Table], number: int, height: float) -> list[Item]:
    """The table rows, and the text lines outside them, of page `number`."""
    rows = [row for table in tables for row in table_rows(table, _by_cell(chars, table), number)]
    lines = []
    for words in _lines(chars):
        found = [c for word in words for c in word]
        x0, top, bottom = min(c.x0 for c in found), min(c.top for c in found), max(c.bottom for c in found)
        middle = (top + bottom) / 2
        if any(row.top <= middle <= row.bottom and row.x0 - 2 <= x0 <= row.x1 for row in rows):
            continue
        line = Item(number, top, bottom, x0, max(c.x1 for c in found), _CJK_GAP.sub("", _text(words)),
                    found[0].size)
        line.margin = _in_margin(line, height)
        if not (line.margin and _PAGE_NUMBER.match(line.text)):
            lines.append(line)
    return sorted(lines + rows, key=lambda item: item.top)


def _chars(textpage, left: float, top: float) -> list[Char]:
    """The page's characters in the text page's order, blanks that the file holds
    among them (not those pdfium puts in a gap or at a line's end). A box runs from
    the glyph's origin to its advance, and from _DESCENT below the baseline up by
    the font's size (the font's own metrics are not always in the file)."""
    box, matrix, x, y = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX(), ctypes.c_double(), ctypes.c_double()
    loose_box, origin = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
    out, height, size, above, below = [], -1.0, 0.0, 0.0, 0.0
    for i, text in enumerate(_page_text(textpage)):
        if text.isspace():
            if pdfium_c.FPDFText_IsGenerated(textpage, i) == 1:
                continue
            text = " "
        elif not text.isprintable():
            continue
        loose_box(textpage, i, box)
        origin(textpage, i, x, y)
        x0, x1 = box.left, box.right
        if abs(box.top - box.bottom - height) > 0.01:  # a new font or size: asked once a run
            height = box.top - box.bottom
            pdfium_c.FPDFText_GetMatrix(textpage, i, matrix)
            size = pdfium_c.FPDFText_GetFontSize(textpage, i) * math.hypot(matrix.c, matrix.d)
            above, below = (1 - _DESCENT) * size, _DESCENT * size
        if x1 - x0 > 2 * size:  # pdfium's box for a vertical font misses the text's scale: the glyph's
            x0, x1 = _glyph_box(textpage, i)
        baseline = top - y.value
        out.append(Char(text, x0 - left, baseline - above, x1 - left, baseline + below, size))
    return out


def _page_text(textpage) -> str:
    """The text page's characters, one for each of its indexes."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    buffer = (ctypes.c_ushort * (2 * count + 1))()  # UTF-16: a character can take two
    length = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[:2 * max(length - 1, 0)].decode("utf-16-le", errors="replace")
    if len(text) != count:  # pdfium left out or put in a character: ask for each
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    return text


def _glyph_box(textpage, index: int) -> tuple[float, float]:
    """The left and right of the glyph's own box."""
    x0, x1, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(textpage, index, x0, x1, bottom, top)
    return x0.value, x1.value


def _lines(chars: list[Char]) -> list[list[list[Char]]]:
    """The characters in lines, top to bottom (a line: tops within _NEAR of the
    next), each line as its words left to right."""
    line_of, line, last = {}, -1, None
    for top in sorted({c.top for c in chars}):
        if last is None or top > last + _NEAR:
            line += 1
        line_of[top], last = line, top
    lines = defaultdict(list)
    for c in chars:
        lines[line_of[c.top]].append(c)
    return [words for n in sorted(lines) if (words := _words(sorted(lines[n], key=attrgetter("x0"))))]


def _words(chars: list[Char]) -> list[list[Char]]:
    """A line's characters as words: a blank or a gap wider than _NEAR parts them."""
    words, word, last = [], [], None  # last: the word's last character
    for c in chars:
        if c.text == " ":
            if word:
                words.append(word)
            word, last = [], None
        elif last is not None and (c.x0 < last.x0 or c.x0 > last.x1 + _NEAR or abs(c.top - last.top) > _NEAR):
            words.append(word)
            word, last = [c], c
        else:
            word.append(c)
            last = c
    if word:
        words.append(word)
    return words


def _text(words: list[list[Char]]) -> str:
    return " ".join("".join(c.text for c in word) for word in words)


def _in_margin(item: Item, height: float) -> bool:
    return item.bottom < height * _MARGIN or item.top > height * (1 - _MARGIN)


def _rules(page, left: float, top: float) -> tuple[list[Ruling], list[Ruling]]:
    """The page's horizontal rules, as (y, x0, x1), and its vertical ones, as (x,
    top, bottom): the sides of its paths that run across or down (a path thinner
    than _NEAR, a filled rule, is one rule along its middle); none past _MAX_SEGMENTS."""
    across, down = [], []
    budget = _MAX_SEGMENTS

    def side(x0: float, y0: float, x1: float, y1: float) -> None:  # in PDF space, y upwards
        if abs(y1 - y0) < 1 <= abs(x1 - x0):
            across.append((top - (y0 + y1) / 2, min(x0, x1) - left, max(x0, x1) - left))
        elif abs(x1 - x0) < 1 <= abs(y1 - y0):
            down.append(((x0 + x1) / 2 - left, top - max(y0, y1), top - min(y0, y1)))

    for path, matrix in _paths(page):
        segments = pdfium_c.FPDFPath_CountSegments(path)
        budget -= max(segments, 1)
        if budget < 0:
            return [], []
        x0, y0, x1, y1 = _bounds(path, matrix)
        if segments <= 5 and y1 - y0 <= _NEAR:  # a line or a filled rule, across
            side(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)
        elif segments <= 5 and x1 - x0 <= _NEAR:  # down
            side((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)
        elif segments in (4, 5) and pdfium_c.FPDFPathSegment_GetClose(
                pdfium_c.FPDFPath_GetPathSegment(path, segments - 1)):  # a box
            side(x0, y0, x1, y0), side(x0, y1, x1, y1), side(x0, y0, x0, y1), side(x1, y0, x1, y1)
        else:
            _sides(path, segments, _times(_matrix(path), matrix), side)
    return across, down


def _paths(parent, depth: int = 0, matrix: Matrix = _IDENTITY):
    """The path objects on a page (`depth` 0) or in a form object, each with the
    matrix from its space to the page's."""
    count, get = ((pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject) if depth == 0 else
                  (pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject))
    for i in range(count(parent)):
        child = get(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(child)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield child, matrix
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_DEPTH:
            yield from _paths(child, depth + 1, _times(_matrix(child), matrix))


def _sides(path, segments: int, matrix: Matrix, side) -> None:
    """Each straight piece between two points of a path given to `side` (PDF space)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    start = last = (0.0, 0.0)
    for i in range(segments):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = _apply(matrix, x.value, y.value)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        else:
            side(*last, *point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            side(*point, *start)
        last = point


def _matrix(obj) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    return m.a, m.b, m.c, m.d, m.e, m.f


def _times(first: Matrix, then: Matrix) -> Matrix:
    """The matrix that applies `first`, then `then`."""
    a, b, c, d, e, f = first
    A, B, C, D, E, F = then
    return a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _bounds(obj, matrix: Matrix) -> tuple[float, float, float, float]:
    """The object's bounds on the page, as (x0, y0, x1, y1) in PDF space."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    corners = [_apply(matrix, x.value, y.value) for x in (left, right) for y in (bottom, top)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _tables(across: list[Ruling], down: list[Ruling]) -> list[Table]:
    """The ruled tables the rules draw, top to bottom: rules within _NEAR of a line
    are put on it and joined, and each corner where rules meet opens the smallest
    box whose four sides are rules; boxes that share corners make a table."""
    across, down = _joined(across), _joined(down)
    if len(across) * len(down) > _MAX_CROSSINGS:
        return []
    meets: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    by_y = sorted(range(len(across)), key=lambda n: across[n][0])
    ys = [across[n][0] for n in by_y]
    for v, (x, top, bottom) in enumerate(down):
        for h in by_y[bisect_left(ys, top - _NEAR):bisect_right(ys, bottom + _NEAR)]:
            y, x0, x1 = across[h]
            if x0 - _NEAR <= x <= x1 + _NEAR:
                ends = meets.setdefault((x, y), (set(), set()))
                ends[0].add(v)
                ends[1].add(h)
    below, right = defaultdict(list), defaultdict(list)
    for x, y in sorted(meets):
        below[x].append(y)
        right[y].append(x)

    cells = [cell for corner in sorted(meets) if (cell := _box_from(corner, meets, below, right))]
    return [_table(group) for group in _groups(cells) if len(group) > 1]


def _box_from(corner: tuple[float, float], meets: dict, below: dict, right: dict) -> Box | None:
    """The smallest box whose top left corner is `corner` and whose four sides are
    rules (two corners on one rule: they share its number in `meets`)."""
    x, y = corner
    downs, acrosses = meets[corner]
    for y1 in below[x][bisect_right(below[x], y):]:
        if not downs & meets[(x, y1)][0]:
            continue
        for x1 in right[y][bisect_right(right[y], x):]:
            if not acrosses & meets[(x1, y)][1]:
                continue
            far = meets.get((x1, y1))
            if far and far[0] & meets[(x1, y)][0] and far[1] & meets[(x, y1)][1]:
                return x, y, x1, y1
    return None


def _joined(rules: list[Ruling]) -> list[Ruling]:
    """Rules snapped to common lines (positions within _NEAR of the next: their
    mean), then joined along each line where they meet or nearly do; shorter than
    _NEAR dropped."""
    lines: list[list[Ruling]] = []
    for rule in sorted(rules):
        if lines and rule[0] <= lines[-1][-1][0] + _NEAR:
            lines[-1].append(rule)
        else:
            lines.append([rule])
    out = []
    for line in lines:
        at = sum(rule[0] for rule in line) / len(line)
        joined: list[list[float]] = []
        for _, start, end in sorted(line, key=lambda rule: rule[1]):
            if joined and start <= joined[-1][1] + _NEAR:
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, end])
        out += [(at, start, end) for start, end in joined if end - start >= _NEAR]
    return out


def _groups(cells: list[Box]) -> list[list[Box]]:
    """Cells that share a corner, directly or through others, grouped; top to bottom."""
    by_corner = defaultdict(list)
    for n, cell in enumerate(cells):
        for corner in _corners(cell):
            by_corner[corner].append(n)
    seen, groups = set(), []
    for n in range(len(cells)):
        if n in seen:
            continue
        seen.add(n)
        group, todo = [], [n]
        while todo:
            cell = cells[todo.pop()]
            group.append(cell)
            for corner in _corners(cell):
                todo += [m for m in by_corner[corner] if m not in seen]
                seen.update(by_corner[corner])
        groups.append(group)
    return sorted(groups, key=lambda group: min((cell[1], cell[0]) for cell in group))


def _corners(cell: Box) -> tuple[tuple[float, float], ...]:
    x0, top, x1, bottom = cell
    return (x0, top), (x1, top), (x0, bottom), (x1, bottom)


def _table(cells: list[Box]) -> Table:
    tops = sorted({cell[1] for cell in cells})
    lefts = sorted({cell[0] for cell in cells})
    slots: dict[tuple[int, int], Box] = {}
    for cell in sorted(cells, key=lambda cell: (cell[1], cell[0])):
        x0, top, x1, bottom = cell
        for i in range(bisect_left(tops, top - 1), bisect_left(tops, bottom - 1)):
            for j in range(bisect_left(lefts, x0 - 1), bisect_left(lefts, x1 - 1)):
                slots.setdefault((i, j), cell)
    return Table(cells, tops, lefts, slots)


def _by_cell(chars: list[Char], table: Table) -> dict[Box, list[Char]]:
    """The characters of each cell of the table (those whose middle it holds)."""
    top, bottom = table.tops[0], max(cell[3] for cell in table.cells)
    out = defaultdict(list)
    for c in chars:
        y = (c.top + c.bottom) / 2
        if not top <= y < bottom:
            continue
        x = (c.x0 + c.x1) / 2
        cell = table.slots.get((bisect_right(table.tops, y) - 1, bisect_right(table.lefts, x) - 1))
        if cell and cell[0] <= x < cell[2] and cell[1] <= y < cell[3]:
            out[cell].append(c)
    return out


def table_rows(table: Table, chars: dict[Box, list[Char]], page: int) -> list[Item]:
    """The rows of a ruled table that have two cells or more (a row that is one
    cell the width of the table is text in a box), each cell once in its row and in
    every row it spans, as (grid column, text)."""
    texts = {cell: _CJK_GAP.sub("", join_lines([_text(words) for words in _lines(chars.get(cell, []))]))
             for cell in table.cells}
    out = []
    for i, row_top in enumerate(table.tops):
        starting = [cell for cell in table.cells if cell[1] == row_top]
        if len(starting) < 2:
            continue
        slots = [table.slots.get((i, j)) for j in range(len(table.lefts))]
        cells = once_per_cell([(cell or object(), texts[cell] if cell else "") for cell in slots])
        out.append(Item(page, row_top, max(cell[3] for cell in starting), min(cell[0] for cell in starting),
                        max(cell[2] for cell in starting), cells=cells))
    return out


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

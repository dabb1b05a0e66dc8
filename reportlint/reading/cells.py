"""Table lines → cells → rows: the layouts of real tables, their values read with grammar/table.lark.

A line is cut into cells by its layout: pipes (markdown rows, rows joined with " | ",
one cell per line with a trailing "|"), tabs, or runs of two or more spaces (text from
`pdftotext -layout`), where a label followed by single-spaced numbers is cut too. Each
cell is parsed as a value by the grammar (or is label text), and the cells of a region
become rows (`read_rows`). Every cell keeps its text, line and column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from functools import cache, lru_cache

from lark import Lark, Transformer
from lark.exceptions import LarkError
from lark.lexer import Lexer

from reportlint import patterns
from reportlint.normalize import norm
from reportlint.reading.model import Cell, Line, Row
from reportlint.resources import data_dir, lark_parser
from reportlint.templates import table_labels

_FILLER = patterns.compile(r"^[\s|:\-]*$")
_GAP = patterns.compile(r"[ \u3000\xa0]{2,}|\t")
_NUMBER = patterns.compile(r"^[+-]?\d+(?:\.\d+)?$")


class PassThroughLexer(Lexer):
    """Feeds tokens made elsewhere (the classifier's blocks in outline.py) to a parser
    unchanged."""

    def __init__(self, lexer_conf) -> None:  # noqa: D107 - Lark's interface
        pass

    def lex(self, data, parser_state=None):  # noqa: D102 - Lark's interface
        return iter(data)


@cache
def _grammar() -> str:
    return (data_dir("grammar") / "table.lark").read_text(encoding="utf-8")


@cache
def value_parser() -> Lark:
    """The parser of one value cell (grammar/table.lark, rule `value`)."""
    return lark_parser(_grammar(), start="value", parser="lalr")


class _Value(Transformer):
    """A parsed value cell → (kind, value)."""

    def number(self, t):  # noqa: D102 - one method per grammar alternative
        return "number", int(t[0])

    def grouped(self, t):  # noqa: D102
        value = Decimal(str(t[0]).replace(",", ""))
        return ("number", int(value)) if value == value.to_integral_value() else ("fraction", value)

    def fraction(self, t):  # noqa: D102
        if len(t) == 2:
            return "fraction", Decimal(int(t[0])) / Decimal(int(t[1])) if int(t[1]) else None
        value = Decimal(str(t[0]))
        return ("number", int(value)) if value == value.to_integral_value() else ("fraction", value)

    def negative(self, t):  # noqa: D102
        return "negative", _num(t[0])

    def signed(self, t):  # noqa: D102
        return "signed", _num(t[0])

    def increase(self, t):  # noqa: D102
        return "signed", _num(t[0])

    def decrease(self, t):  # noqa: D102
        return "negative", -_num(t[0])

    def annotated(self, t):  # noqa: D102
        return "annotated", _num(t[0])

    def slash(self, _):  # noqa: D102
        return "slash", None

    def dash(self, _):  # noqa: D102
        return "dash", None

    def emdash(self, _):  # noqa: D102
        return "emdash", None

    def none(self, _):  # noqa: D102
        return "none", None

    def spaced(self, _):  # noqa: D102
        return "spaced", None


def _num(text: str) -> int | Decimal:
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else value


@cache
def read_value(text: str) -> tuple[str, int | Decimal | None]:
    """(kind, value) of a cell's text: blank, a value kind, or text."""
    s = unicodedata.normalize("NFKC", text).strip().replace("\u3000", "")
    if not s:
        return "blank", None
    if s.isascii() and s.isdigit():  # the grammar's INT, most cells: read without the parser
        return "number", int(s)
    return parsed_value(s)


def parsed_value(s: str) -> tuple[str, int | Decimal | None]:
    """(kind, value) of a cell's normalised, stripped, non-blank text, as the grammar reads it."""
    try:
        return _Value().transform(value_parser().parse(s))
    except LarkError:
        return "text", None


def _cell(line: Line, start: int, text: str) -> Cell:
    raw = text.strip()
    kind, value = read_value(raw)
    # where the stripped text begins (its first occurrence); a blank cell stands at its gap
    return Cell(raw, kind, value, line.number, start + (text.find(raw) if raw else 0) + 1)


def split_line(line: Line) -> tuple[list[Cell], bool]:
    """The cells of a table line and whether the line is a row of its own (ends a row).

    A line cut from a longer one (a text that lost its breaks) has its cells between
    single spaces; so has a piece of a line whose labels and numbers alternate (規章 0 0 0
    行政规范性文件 2 1 15). A word that runs cells together (规章000) is cut where digits
    meet letters, and a run of labels with no space between them at the known labels."""
    base = line.start
    text = line.text[base:line.end]
    if "|" in text:
        return _split_pipes(line, base, text)
    pieces = [(m.start(), m.group()) for m in re.finditer(r"[^\t]+", text)] if "\t" in text \
        else list(_gap_pieces(text))
    cells = []
    for start, piece in pieces:
        words = _words(piece)
        if line.cut or _interleaved(words):
            cells += [c for at, word in words for c in _run_together(line, base + start + at, word)]
        else:
            cells += _cut_numbers(line, base + start, piece, words)
    cells = [c for c in cells if c.text]
    return cells, len(cells) > 1


def _split_pipes(line: Line, base: int, text: str) -> tuple[list[Cell], bool]:
    if _FILLER.match(text):
        pipes = text.count("|")
        return ([_cell(line, base + text.index("|"), "")], False) if pipes == 1 else ([], True)
    pieces = text.split("|")
    first = 1 if not pieces[0].strip() else 0  # the text before the first pipe, when blank
    end = len(pieces) - 1 if len(pieces) > first and not pieces[-1].strip() else len(pieces)  # after the last
    cells, at = [], base
    for k, piece in enumerate(pieces):
        if first <= k < end:
            cells.append(_cell(line, at, piece))
        at += len(piece) + 1
    return cells, len(cells) > 1


def _gap_pieces(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _GAP.finditer(text):
        if text[start:m.start()].strip():
            yield start, text[start:m.start()]
        start = m.end()
    if text[start:].strip():
        yield start, text[start:]


def _words(piece: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"\S+", piece)]


@lru_cache(maxsize=1 << 12)
def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(unicodedata.normalize("NFKC", word)))


def _interleaved(words: list[tuple[int, str]]) -> bool:
    """Labels and numbers that alternate more than once (the words of a piece): several
    cells in a row."""
    kinds = [_is_number(w) for _, w in words]
    changes = sum(1 for a, b in zip(kinds, kinds[1:]) if a != b)
    return changes >= 2


def _cut_numbers(line: Line, start: int, piece: str, words: list[tuple[int, str]]) -> list[Cell]:
    """A piece "label 0 0 1" (or "1 0 0"), its `words`, as the label cell and one cell per number."""
    first = len(words)
    while first > 0 and _is_number(words[first - 1][1]):
        first -= 1
    if first == len(words) or (first == 0 and len(words) == 1):
        return [_cell(line, start, piece)]
    cells = []
    if first:
        end = words[first - 1][0] + len(words[first - 1][1])
        cells.append(_cell(line, start, piece[:end]))
    cells += [_cell(line, start + at, word) for at, word in words[first:]]
    return cells


# digits that run into a label: 规章000, …申请数量1530010019; a row marker's digit stays
# with its label (…00001.属于国家秘密: the last 1 is the marker of 1.属于…)
_RUN = patterns.compile(r"\d+(?:[.,，]\d+)*(?=\s|$|[^\d.．、,，])|\d+(?=\d[.．、][^\d])")


def _run_together(line: Line, start: int, word: str) -> list[Cell]:
    """A word as the cells it runs together: digits apart from letters, a run of known
    labels apart at each label."""
    if _is_number(word) or not re.search(r"\d", word) and len(word) < 12:
        return [_cell(line, start, word)]
    out, at = [], 0
    for m in _RUN.finditer(word):
        if m.start() == 0 and _marker_at(word, m.end()):
            continue
        if m.start() > at:
            out += _labels_apart(line, start + at, word[at:m.start()])
        out.append(_cell(line, start + m.start(), m.group()))
        at = m.end()
    if at < len(word):
        out += _labels_apart(line, start + at, word[at:])
    return out


def _marker_at(word: str, end: int) -> bool:
    """Whether the digits before `end` are a row marker (1. 2、) that begins a label."""
    return end < len(word) and word[end] in ".．、" and end + 1 < len(word) and not word[end + 1].isdigit()


def _labels_apart(line: Line, start: int, text: str) -> list[Cell]:
    """A run of labels with no space between them, cut at the known labels (longest
    first, from the left); the text between known labels stays a cell of its own."""
    if len(text) < 8:
        return [_cell(line, start, text)]
    known = _known_labels()
    out, at, i = [], 0, 0
    while i < len(text):
        hit = next((j for j in range(min(len(text), i + _LONGEST), i, -1)
                    if _label_key(text[i:j]) in known), None)
        if hit is None:
            i += 1
            continue
        if i > at:
            out.append(_cell(line, start + at, text[at:i]))
        out.append(_cell(line, start + i, text[i:hit]))
        at = i = hit
    if at < len(text):
        out.append(_cell(line, start + at, text[at:]))
    return out if len(out) > 1 else [_cell(line, start, text)]


_LONGEST = 48


def _label_key(text: str) -> str:
    return norm(text).replace('"', "").replace("'", "")


@cache
def _known_labels() -> frozenset[str]:
    rows, headers = table_labels()
    return frozenset(_label_key(x) for x in rows | headers | {"第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项",
                                                           "第二十条第(八)项", "第二十条第(九)项"})


def read_rows(lines: list[Line]) -> list[Row]:
    """The rows of a table region (never fails: every sequence of cells makes rows).

    A row is the label cells that run together (a label broken over lines, one character
    per line) and the value cells that follow them, up to the next label or the end of
    a line that holds a row of its own (several cells: pipes, tabs, aligned columns; or
    a filler line of pipes). Which template row a row is, is decided by its label
    against the templates (rules/templates/*.yaml), not here."""
    rows: list[Row] = []
    labels: list[Cell] = []
    values: list[Cell] = []
    for line in lines:
        cells, is_row = split_line(line)
        for k, cell in enumerate(cells):
            is_value = cell.is_value
            if values and (not is_value or is_row and k == 0):  # a label, or a row line, begins a row
                rows.append(Row(tuple(labels), tuple(values)))
                labels, values = [], []
            (values if is_value else labels).append(cell)
        if is_row and (labels or values):
            rows.append(Row(tuple(labels), tuple(values)))
            labels, values = [], []
    if labels or values:
        rows.append(Row(tuple(labels), tuple(values)))
    return rows

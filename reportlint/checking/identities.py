"""The identities of the format's tables (勾稽关系), and the rows read another way.

An identity (rules/templates/*.yaml, `identities`) holds between cells of one table:
per column (第一项加第二项之和，等于第三项加第四项之和) or per row (总计 = the applicant
columns). It is evaluated only where every cell is a number; a group row counts as the
sum of its sub-rows.

A row whose values do not fit its columns may be read another way when exactly one way
makes every identity over it hold: two adjacent cells joined (a number split in two),
one cell split in two (two numbers merged), or the digits of cells that a converter ran
together (规章000, 1530010019) cut into as many numbers as the row has columns. Such a
reading is what the report's table says, read through its conversion damage; it is
computed once per report and shared by the rules that need the table's values.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from reportlint.checking.analyses import once_per_report
from reportlint.reading.model import Cell, Report, Table, TableRow
from reportlint.reading.tables import is_empty, specs, trim
from reportlint.templates import table_spec

_MAX_WAYS = 5000  # readings looked at for one row, at the most
_MAX_PART = 6  # digits of one number, at the most


@dataclass(frozen=True)
class Reading:
    """A row read another way: how (joined, split or run-together), the cells as
    written, and the cells it reads them as (one per column)."""

    how: str
    written: tuple[Cell, ...]
    cells: tuple[Cell, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.cells)


def identities(table: Table) -> list[dict]:
    """The identities the template of the table carries."""
    return list(table_spec(table.era, table.id).get("identities", ()))


Readings = dict[tuple[str, str], Reading]


def cells_of(table: Table, row: TableRow, readings: Readings) -> dict[str, Cell]:
    """A row's cells by column: as read, or as its reading reads them."""
    reading = readings.get((table.id, row.id))
    if reading is not None:
        return dict(zip(specs(table.era)[table.id].column_ids, reading.cells))
    return row.cells


Trial = tuple[str, dict[str, Cell]]  # a row id and the cells it is tried with
Value = tuple[int | Decimal, list[Cell]] | None  # a number and the cells it is read from
Memo = dict[tuple[str, str], Value]  # (row id, column) → value_of, under one table's readings


def value_of(table: Table, row_id: str, col: str, readings: Readings | None = None,
             trial: Trial | None = None, memo: Memo | None = None) -> Value:
    """A cell's number, or a group row's (its sub-rows' sum); None when any is not a
    number. `readings` gives the rows read another way, `trial` the cells one row is
    tried with (a candidate reading, not the table's). `memo` holds the values of the
    table already found under these same readings; it is not used with a trial."""
    if memo is None or trial is not None:
        return _value_of(table, row_id, col, readings, trial, memo)
    found = memo.get((row_id, col), memo)
    if found is memo:
        found = memo[(row_id, col)] = _value_of(table, row_id, col, readings, None, memo)
    return found


def _value_of(table: Table, row_id: str, col: str, readings: Readings | None, trial: Trial | None,
              memo: Memo | None) -> Value:
    readings = readings or {}
    row = table.rows.get(row_id)
    tried = trial is not None and trial[0] == row_id
    cells = trial[1] if tried else {} if row is None else cells_of(table, row, readings) if readings else row.cells
    c = cells.get(col)
    if c is not None:
        return (c.value, [c]) if c.value is not None and not is_empty(c) else None
    children = _children(table.era, table.id).get(row_id, ())
    if row is not None and row.problem and (table.id, row.id) not in readings and not tried or not children:
        return None
    total, found = 0, []
    for child in children:
        part = value_of(table, child, col, readings, trial, memo)
        if part is None:
            return None
        total += part[0]
        found += part[1]
    return total, found


@cache
def _children(era: str, table_id: str) -> dict[str, tuple[str, ...]]:
    """Each group row of a template table → its sub-rows' ids, in template order."""
    out: dict[str, tuple[str, ...]] = {}
    for r in specs(era)[table_id].rows:
        if r.get("parent"):
            out[r["parent"]] = (*out.get(r["parent"], ()), r["id"])
    return out


def evaluate(table: Table, identity: dict, left: list, right: list, readings: Readings | None = None,
             trial: Trial | None = None, memo: Memo | None = None) -> tuple[list, bool] | None:
    """Both sides' values (number, cells) and whether the identity holds; None when a
    cell of it is not a number. `memo` as for value_of."""
    sides, sums = [], []
    for side in (left, right):
        values = [value_of(table, r, c, readings, trial, memo) for r, c in side]
        if None in values:
            return None
        sides.append(values)
        sums.append(sum(v[0] for v in values))
    lsum, rsum = sums
    return sides, (lsum <= rsum if identity.get("relation") == "le" else lsum == rsum)


def instances(table: Table, identity: dict, row_id: str | None = None) -> list[tuple[list, list, str]]:
    """Each (left cells, right cells, where) the identity is checked on: every column,
    or every row; only those that involve `row_id` when it is given."""
    spec = specs(table.era)[table.id]
    if identity["over"] == "rows":
        rows = [row_id] if row_id else list(table.rows)
        return [([(r, c) for c in identity["left"]], [(r, c) for c in identity["right"]], r) for r in rows]
    if row_id is not None:
        by_id = {r["id"]: r for r in spec.rows}
        line = [row_id]
        while by_id[line[-1]].get("parent"):
            line.append(by_id[line[-1]]["parent"])
        if not set(line) & set(identity["left"] + identity["right"]):
            return []
    return [([(r, c["id"]) for r in identity["left"]], [(r, c["id"]) for r in identity["right"]], c["id"])
            for c in spec.columns]


# ---- readings, computed once per report ----

@once_per_report
def readings(report: Report) -> Readings:
    """Every row of the report's tables that is read another way (shared by the rules)."""
    found: Readings = {}
    for table in report.read_tables:
        waiting = {row.id: _candidates(table, row) for row in table.rows.values() if row.problem}
        while waiting:  # a row read lets the column identities read another
            read = {}
            for row_id, candidates in waiting.items():
                reading = _choose(table, table.rows[row_id], candidates, found)
                if reading is not None:
                    read[row_id] = reading
            if not read:
                break
            found.update({(table.id, row_id): reading for row_id, reading in read.items()})
            waiting = {k: v for k, v in waiting.items() if k not in read}
    return found


def run_together(table: Table, row: TableRow) -> bool:
    """Whether a row's values are fewer than its columns because cells ran together:
    one cell holds more digits than one count has, and there are digits enough."""
    width = len(specs(table.era)[table.id].columns)
    values = trim(row.row.values, width)
    digits = [_digits(c) for c in values]
    return len(values) < width - 1 and all(digits) and sum(map(len, digits)) >= width \
        or len(values) < width and any(len(d) > 1 and d.startswith("0") for d in digits)


def _candidates(table: Table, row: TableRow) -> list[Reading]:
    """The readings of a row under which the identities over the row alone hold (all
    of them for a table with none, and then no more than two)."""
    columns = [c["id"] for c in specs(table.era)[table.id].columns]
    index = {c: k for k, c in enumerate(columns)}
    values = trim(row.row.values, len(columns))
    sums = [([index[c] for c in r["left"]], [index[c] for c in r["right"]])
            for r in identities(table) if r["over"] == "rows"]
    out = []
    for how, written, parts in _ways(values, len(columns)):
        numbers = [int(text) for text, _, _ in parts]
        if any(sum(numbers[i] for i in left) != sum(numbers[i] for i in right) for left, right in sums):
            continue
        cells = tuple(_number(text, line, column) for text, line, column in parts)
        out.append(Reading(how, written, cells))
        if not identities(table) and len(out) > 1:
            break
    return out


def _choose(table: Table, row: TableRow, candidates: list[Reading], known: Readings) -> Reading | None:
    """The one candidate under which every identity over the row that can be evaluated
    holds (for a table with no identity: the one reading there is)."""
    rules = identities(table)
    columns = [c["id"] for c in specs(table.era)[table.id].columns]
    fits = []
    for reading in candidates:
        trial = (row.id, dict(zip(columns, reading.cells)))
        results = [evaluate(table, rule, left, right, known, trial)
                   for rule in rules for left, right, _ in instances(table, rule, row.id)]
        results = [ok for _, ok in filter(None, results)]
        if rules and (not results or not all(results)):
            continue
        fits.append(reading)
        if len(fits) > 1:
            return None
    return fits[0] if fits else None


def _ways(values: list[Cell], width: int) -> Iterator[tuple[str, tuple[Cell, ...], list[tuple[str, int, int]]]]:
    """Each way of making `width` numbers of the row's cells: two adjacent digit cells
    joined (one too many), or the digits of its cells cut into more numbers (too few);
    as (how, the cells written, each number's (text, line, column))."""
    if len(values) == width + 1:
        if not all(_digits(c) for c in values):  # every number of a reading is written in digits
            return
        for i, (a, b) in enumerate(zip(values, values[1:])):
            first, second = _digits(a), _digits(b)
            if first and second and first[0] != "0":
                parts = [(c.text, c.line, c.column) for c in values]
                yield "joined", (a, b), parts[:i] + [(first + second, a.line, a.column)] + parts[i + 2:]
        return
    if len(values) >= width or not all(_digits(c) for c in values):
        return
    lengths = [len(_digits(c)) for c in values]
    if sum(lengths) < width:
        return
    seen = 0
    extra = width - len(values)
    for counts in _splits(lengths, extra):
        pieces = [list(_cuts(_digits(cell), count + 1)) for cell, count in zip(values, counts)]
        if not all(pieces):
            continue
        written = tuple(cell for cell, count in zip(values, counts) if count)
        for choice in _product(pieces):
            seen += 1
            if seen > _MAX_WAYS:
                return
            yield ("split" if extra == 1 else "run-together", written,
                   [(text, cell.line, cell.column + offset) for part, cell in zip(choice, values)
                    for text, offset in part])


def _splits(lengths: list[int], extra: int) -> Iterator[tuple[int, ...]]:
    """How many more numbers each cell gives (at most its digits less one), `extra` in all."""
    if not lengths:
        if extra == 0:
            yield ()
        return
    for k in range(min(extra, lengths[0] - 1), -1, -1):
        for rest in _splits(lengths[1:], extra - k):
            yield (k, *rest)


def _cuts(digits: str, parts: int) -> Iterator[tuple[tuple[str, int], ...]]:
    """The ways to cut `digits` into `parts` numbers (no leading zero but in 0 itself),
    each as (text, offset in the cell)."""
    def go(at: int, left: int):
        if left == 1:
            piece = digits[at:]
            if len(piece) <= _MAX_PART and (piece == "0" or not piece.startswith("0")):
                yield ((piece, at),)
            return
        for end in range(at + 1, min(len(digits) - left + 1, at + _MAX_PART) + 1):
            piece = digits[at:end]
            if piece != "0" and piece.startswith("0"):
                break
            for rest in go(end, left - 1):
                yield ((piece, at), *rest)
    yield from go(0, parts)


def _product(parts: list[list]) -> Iterator[tuple]:
    if not parts:
        yield ()
        return
    for first in parts[0]:
        for rest in _product(parts[1:]):
            yield (first, *rest)


def _digits(c: Cell) -> str:
    """The cell's digits when it is a whole number written as digits ("" otherwise)."""
    text = unicodedata.normalize("NFKC", c.text)
    return text if c.kind == "number" and text.isdigit() else ""


def _number(text: str, line: int, column: int) -> Cell:
    return Cell(text, "number", int(text), line, column)

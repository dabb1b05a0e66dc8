"""The format's tables (二, 三, 四) read from the rows of a report's table regions.

Rows are anchored by label against the era's template (rules/templates/*.yaml): the
shortest run of trailing label cells that is an official label or a known variant, then
a truncated or similar label. A row of values with no label takes the next row of the
template ("position"). Captions, the corner note and the 行政复议 header set which table
the rows that follow belong to; table 四's fifteen numbers fill its one row. Values are
never changed: a row whose values do not fit the columns keeps none and says why, with
its values as written; reportlint.checking.identities reads such a row another way where
exactly one way makes the table's identities hold.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache

from reportlint import patterns
from reportlint.normalize import norm
from reportlint.reading.model import (
    Cell,
    Report,
    Row,
    Table,
    TableColumn,
    TableRow,
    read_only,
)
from reportlint.templates import latest, table_spec, template, unified

# a table's caption (第二十条第(一)项) in norm()'d text; group 1: the item's numeral
CAPTION = patterns.compile(r"第二十条第\(([一二三四五六七八九十]+)\)项")
_CAPTION_IDS = {"一": "t2_1", "五": "t2_5", "六": "t2_6", "八": "t2_8", "九": "t2_9"}
_T4_OFFSETS = {"行政复议": 0, "未经复议直接起诉": 5, "复议后起诉": 10}
_MARKER = patterns.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)")
_EMPTY = ("blank", "slash", "dash", "emdash", "none")
_DIGITS = patterns.compile(r"[0-9]+")


@lru_cache(maxsize=1 << 12)
def key(label: str) -> str:
    """A label as compared: normalised, "1、" read as "1.", quotes and brackets unified."""
    return re.sub(r"^(\d+)、", r"\1.", norm(label)).replace('"', "").replace("'", "")


@dataclass(frozen=True)
class _Spec:
    """What the reader needs of one template table."""

    id: str
    era: str
    rows: tuple[dict, ...]
    columns: tuple[dict, ...]

    @cached_property
    def data_rows(self) -> list[dict]:
        return [r for r in self.rows if r.get("label") and not r.get("group")]

    @cached_property
    def row(self) -> dict[str, dict]:
        """The template's rows by id."""
        return {r["id"]: r for r in reversed(self.rows)}

    @cached_property
    def position(self) -> dict[str, int]:
        """Each row id → where it stands among the template's rows (its first place)."""
        return {r["id"]: n for n, r in reversed([*enumerate(self.rows)])}

    @cached_property
    def column(self) -> dict[str, dict]:
        """The template's columns by id."""
        return {c["id"]: c for c in self.columns}

    @cached_property
    def row_labels(self) -> dict[str, str]:
        """The template's row labels by row id (rows without one left out)."""
        return {r["id"]: r["label"] for r in self.rows if r.get("label")}

    @cached_property
    def column_ids(self) -> list[str]:
        """The template's column ids, in order."""
        return [c["id"] for c in self.columns]

    @cached_property
    def _after(self) -> dict[str | None, str | None]:
        """Each row id → the data row after it in template order; None → the first."""
        out, due = {}, None
        for r in reversed(self.rows):
            out[r["id"]] = due
            if r.get("label") and not r.get("group"):
                due = r["id"]
        out[None] = due
        return out

    def after(self, row_id: str | None) -> str | None:
        """The data row after `row_id` in template order (the first when None)."""
        return self._after.get(row_id, self._after[None])


@cache
def specs(era: str) -> dict[str, _Spec]:
    """The era's tables by id."""
    return {t["id"]: _Spec(t["id"], era, tuple(t["rows"]), tuple(t["columns"]))
            for t in template(era).tables}


@cache
def _labels(era: str) -> dict[str, tuple[str, str, str]]:
    """key → (table id, row id, how) for every official label and variant of the era."""
    out: dict[str, tuple[str, str, str]] = {}
    for spec in specs(era).values():
        for row in spec.rows:
            if row.get("label"):
                for variant in row.get("variants", ()):
                    out.setdefault(key(variant), (spec.id, row["id"], "variant"))
                out[key(row["label"])] = (spec.id, row["id"], "exact")
    bare: dict[str, list[tuple[str, str, str]]] = {}
    for k, (table_id, row_id, _) in out.items():
        stripped = _MARKER.sub("", k)
        if stripped != k and len(stripped) >= 4:
            bare.setdefault(stripped, []).append((table_id, row_id, "variant"))
    for k, hits in bare.items():
        if len({h[1] for h in hits}) == 1 and k not in out:
            out[k] = hits[0]
    return out


def other_era(era: str) -> str:
    return template(era).confused_with or era


@lru_cache(maxsize=1 << 12)
def _anchor(text: str) -> str | None:
    """The table a caption, corner note or header cell starts."""
    n = norm(text)
    m = CAPTION.search(n)
    if m:
        return _CAPTION_IDS.get(m.group(1))
    if "勾稽关系" in n or n.startswith("申请人情况"):
        return "t3"
    if n.startswith("行政复议") or n.startswith("行政诉讼") or n.startswith("结果维持"):
        return "t4"
    return None


@dataclass
class _Draft:
    """A table being read: what becomes its Table, filled in row by row."""

    id: str
    era: str
    anchor: Cell
    rows: dict[str, TableRow] = field(default_factory=dict)
    unknown: list[tuple[Row, str]] = field(default_factory=list)
    headers: list[list[Cell]] = field(default_factory=list)
    unplaced: list[tuple[Row, str, str]] = field(default_factory=list)

    def finish(self) -> Table:
        """The table as read, its header runs read as columns."""
        runs = [read_columns(run, specs(self.era)[self.id]) for run in self.headers]
        return Table(self.id, self.era, self.anchor, read_only(self.rows), tuple(self.unknown),
                     tuple(map(tuple, self.headers)), tuple(tuple(run) for run in runs if any(c.id for c in run)),
                     tuple(self.unplaced))


class _Reader:
    """Walks the rows of every region in order, filling the tables it finds."""

    def __init__(self, era: str) -> None:
        self.era = era
        self.tables: dict[str, _Draft] = {}
        self.stray: list[Row] = []  # rows of numbers before any table of the format
        self.wrapping: TableRow | None = None  # a row whose label was cut: its rest may follow
        self.wrapping_in: str = ""  # the table of that row
        self.context: str | None = None
        self.last: dict[str, str] = {}  # table id → the last row filled
        self.marks: dict[str, int] = {}  # table id → its row count at its last header cell

    def spec(self, table_id: str) -> _Spec:
        table = self.tables.get(table_id)
        return specs(table.era if table else self.era)[table_id]

    def table(self, table_id: str, anchor: Cell) -> _Draft:
        if table_id not in self.tables:
            era = self.era if table_id in specs(self.era) else other_era(self.era)
            self.tables[table_id] = _Draft(table_id, era, anchor)
        return self.tables[table_id]

    def read(self, row: Row) -> None:
        row = self._continued(row)
        pending: list[Cell] = []  # label cells that may be column headers
        for i, cell in enumerate(row.labels):
            if self._header(cell):
                pending = []
            if not (i < len(row.labels) - 1 and self._label_only(cell)):
                pending.append(cell)
        if self.context == "t4":
            self._add_header("t4", pending)
            if _numbers(row.values) or len(trim(row.values, 15)) in (5, 15):
                self._t4(row)
            return
        if row.labels and not _numbers(row.values) and (
                _anchor(row.labels[-1].text) or all(key(c.text) in _header_keys(self.era) for c in row.labels)):
            self._add_header(self.context, pending)  # a caption or header row: 第二十条第(一)项 | | |
            return
        found = self._match(row)
        if found is not None:
            table_id, row_id, how, text = found
            self.context = table_id
            labels = _tail(row.labels, text)
            self.table(table_id, (labels or row.values)[0])
            self._add_header(table_id, [c for c in pending if c not in labels])
            self._fill(table_id, row_id, how, text, labels, row.values)
        elif self.context in self.tables and self._no_data(row):
            self._add_header(self.context, pending)
        elif self.context in specs(self.era) or self.context in self.tables:
            self._unlabelled(row)
        elif _numbers(row.values):
            self.stray.append(row)

    def _continued(self, row: Row) -> Row:
        """The rest of the last row's label, wrapped onto the lines after its values (PDF
        text): taken from this row's first label cells and given to that row."""
        last = self.wrapping
        self.wrapping = None
        if last is None or not row.labels:
            return row
        official = key(last.official)
        for k in range(1, min(len(row.labels), 4) + 1):
            joined = key(last.found + "".join(c.text for c in row.labels[:k]))
            if official.startswith(joined) and len(joined) > len(key(last.found)):
                wrapped = replace(last, found=last.found + "".join(c.text for c in row.labels[:k]), how="wrapped",
                                  row=Row(last.row.labels + row.labels[:k], last.row.values))
                rows = self.tables[self.wrapping_in].rows
                if rows.get(last.id) is last:  # not read again since
                    rows[last.id] = wrapped
                if joined != official:
                    self.wrapping = wrapped
                return Row(row.labels[k:], row.values)
        return row

    def _no_data(self, row: Row) -> bool:
        """A row with no number and not as many cells as columns: header text."""
        width = len(self.spec(self.context).columns)
        return not any(c.value is not None for c in row.values) and len(trim(row.values, width)) != width

    def _add_header(self, table_id: str, cells: list[Cell]) -> None:
        """Header cells of a table: a new run when rows were read since the last ones."""
        table = self.tables.get(table_id)
        if not cells or table is None:
            return
        if table.headers and self.marks.get(table_id) == len(table.rows):
            table.headers[-1] += cells
        else:
            table.headers.append(list(cells))
        self.marks[table_id] = len(table.rows)

    def _label_only(self, cell: Cell) -> bool:
        """A label cell inside a run of labels: a row written with no values at all."""
        era = self.tables[self.context].era if self.context in self.tables else self.era
        hit = _labels(era).get(key(cell.text))
        if hit and hit[2] == "exact" and (self.context == hit[0] or hit[0] != "t3"):
            self.context = hit[0]
            self.table(hit[0], cell)
            self._fill(hit[0], hit[1], "exact", cell.text, (cell,), ())
            return True
        return False

    def _header(self, cell: Cell) -> bool:
        """A caption, corner note or header cell that starts a table (True when it is another
        table than the one being read), or a 2019 column that sets the era."""
        table_id = _anchor(cell.text)
        if table_id is not None:
            changed, self.context = table_id != self.context, table_id
            self.table(table_id, cell)
            return changed
        if self.context in self.tables and self.context.startswith("t2"):
            table = self.tables[self.context]
            other = specs(other_era(self.era)).get(self.context)
            mine = specs(self.era).get(self.context)
            if other and table.era == self.era and not table.rows and key(cell.text) in \
                    {key(c["label"]) for c in other.columns} - {key(c["label"]) for c in mine.columns}:
                table.era = other.era
        return False

    def _match(self, row: Row) -> tuple[str, str, str, str] | None:
        labels = row.labels
        if not labels:
            return None
        era = self.tables[self.context].era if self.context in self.tables else self.era
        index = _labels(era)
        for k in range(1, min(len(labels), 12) + 1):
            text = "".join(c.text for c in labels[-k:])
            hit = index.get(key(text))
            if hit:
                return self._stacked(row, hit) or (*hit, text)
        words = labels[-1].text.split()
        for w in range(1, len(words)):  # a piece of another label before it: （四）无 1.本机关…
            text = "".join(words[w:])
            hit = index.get(key(text))
            if hit and hit[2] == "exact":
                return (*hit, text)
        for k in range(1, min(len(labels), 3) + 1):
            text = "".join(c.text for c in labels[-k:])
            hit = _truncated(key(text), era) or self._fragment(key(text), era) \
                or _similar(key(text), era, self.context)
            if hit:
                return (*hit, text)
        return None

    def _fragment(self, text: str, era: str) -> tuple[str, str, str] | None:
        """A piece from inside a label that conversion cut apart (行政机关不再处理其政府信息公):
        the one row of the table being read not yet read whose label holds it, the row
        due next when several do."""
        table_id = self.context
        if len(text) < 6 or table_id not in specs(era):
            return None
        spec = specs(era)[table_id]
        read = self.tables[table_id].rows if table_id in self.tables else {}
        hits = [r["id"] for r in spec.data_rows if r["id"] not in read and text in key(r["label"])]
        due = spec.after(self.last.get(table_id))
        if len(hits) == 1 or due in hits:
            return table_id, due if due in hits else hits[0], "fragment"
        return None

    def _stacked(self, row: Row, hit: tuple[str, str, str]) -> tuple[str, str, str, str] | None:
        """Several labels stacked over one row of values: the values go to the next row due."""
        table_id, row_id, _ = hit
        due = self.spec(table_id).after(self.last.get(table_id))
        if due is None or due == row_id or table_id not in self.tables:
            return None
        label = self.spec(table_id).row[due]["label"]
        joined = key(row.label)
        if key(label)[:6] in joined and row.values:
            return table_id, due, "position", ""
        return None

    def _fill(self, table_id: str, row_id: str, how: str, text: str, labels: tuple[Cell, ...],
              values: Sequence[Cell]) -> None:
        """The template row `row_id` found: the row of these label cells and values."""
        table = self.tables[table_id]
        spec = self.spec(table_id)
        official = spec.row[row_id]
        if official.get("group") and not values:
            return
        row = Row(labels, tuple(values))
        if row_id in table.rows:
            before = table.rows[row_id]
            if not _numbers(values) or (before.row.values and not (before.how == "position" and how != "position")):
                if _numbers(values):
                    table.unplaced.append((row, "repeated", row_id))
                return
            if _numbers(before.row.values):  # values placed by position, before the row's own label
                table.unplaced.append((before.row, "unplaced", ""))
            elif before.how == "exact":  # its label written in full on a line of its own above
                how, text = before.how, before.found
        columns = spec.column_ids
        values = tuple(trim(values, len(columns)))
        chunks = [values]
        if len(values) > len(columns) and len(values) % len(columns) == 0:
            chunks = [values[i:i + len(columns)] for i in range(0, len(values), len(columns))]
        fits = len(chunks[0]) == len(columns)
        found = TableRow(row_id, official["label"], text, how, row,
                         read_only(dict(zip(columns, chunks[0])) if fits else {}),
                         "" if fits else f"{len(chunks[0])}/{len(columns)}")
        table.rows[row_id] = found
        self.last[table_id] = row_id
        if how == "truncated":
            self.wrapping, self.wrapping_in = found, table_id
        if len(chunks) > 1:
            table.unplaced.append((Row(labels, values), "moved", row_id))
        for chunk in chunks[1:]:
            self._unlabelled(Row((), chunk))

    def _unlabelled(self, row: Row) -> None:
        table_id = self.context
        values = trim(row.values, len(self.spec(table_id).columns))
        width = len(self.spec(table_id).columns)
        if row.labels and values and len(values) == width:
            self.table(table_id, row.labels[0]).unknown.append(
                (row, _nearest(row.labels[-1].text, self.spec(table_id))))
            return
        if not values or len(values) % width or not any(c.value is not None for c in values):
            if _numbers(values):
                self.table(table_id, (row.labels or values)[0]).unplaced.append((row, "unplaced", ""))
            return
        due = self.spec(table_id).after(self.last.get(table_id))
        if due is not None:
            self.table(table_id, values[0])
            self._fill(table_id, due, "position", "", (), values)
        else:
            self.table(table_id, values[0]).unplaced.append((row, "unplaced", ""))

    def _t4(self, row: Row) -> None:
        table = self.table("t4", (row.labels or row.values)[0])
        columns = self.spec("t4").column_ids
        found = table.rows.setdefault("cases", TableRow("cases", "", "", "position", row, read_only({})))
        values = trim(row.values, 15)
        if len(values) == 15 and not found.cells:
            table.rows["cases"] = replace(found, cells=read_only(dict(zip(columns, values))), problem="")
        elif len(values) == 5 and not (found.cells.keys() & set(columns[_t4_offset(row, found):][:5])):
            offset = _t4_offset(row, found)
            cells = dict(found.cells)
            cells.update(zip(columns[offset:offset + 5], values))
            table.rows["cases"] = replace(found, cells=read_only(cells),
                                          problem="" if len(cells) == 15 else f"{len(cells)}/15")
        elif not found.cells:
            table.rows["cases"] = replace(found, problem=f"{len(values)}/15")
        elif _numbers(values):
            table.unplaced.append((row, "repeated" if len(values) in (5, 15) else "unplaced", "cases"))


def _numbers(cells: Sequence[Cell]) -> bool:
    return any(c.value is not None for c in cells)


def _t4_offset(row: Row, found: TableRow) -> int:
    """Where five numbers of table 四 go: the one group their header names, else the next free."""
    text = norm(row.label)
    named = [g for g in _T4_OFFSETS if g in text]
    if len(named) == 1:
        return _T4_OFFSETS[named[0]]
    return min(len(found.cells) // 5 * 5, 10)


def _tail(labels: tuple[Cell, ...], text: str) -> tuple[Cell, ...]:
    """The trailing label cells that make up `text` (all of them when it is "")."""
    k, length = 0, 0
    while text and k < len(labels) and length + len(labels[-k - 1].text) <= len(text):
        length += len(labels[-k - 1].text)
        k += 1
    return labels[-k:] if k else labels


def trim(values: Sequence[Cell], width: int) -> list[Cell]:
    """Values without the empty cells of padding columns after the last column, and
    without empty cells before the first value while there are too many: the rest of a
    row label merged across label columns (Word, web and PDF tables leave it empty)."""
    values = list(values)
    while len(values) > width and values[-1].kind == "blank":
        values.pop()
    while len(values) > width and values[0].kind == "blank":
        values.pop(0)
    return values


def _truncated(text: str, era: str) -> tuple[str, str, str] | None:
    if len(text) < 4:
        return None
    hits = {v for k, v in _labels(era).items() if k.startswith(text) and v[2] == "exact"}
    return (*next(iter(hits))[:2], "truncated") if len(hits) == 1 else None


def _similar(text: str, era: str, context: str | None) -> tuple[str, str, str] | None:
    hit = _closest(text, era)
    return hit if hit and context in (None, hit[0]) else None


@cache
def _closest(text: str, era: str) -> tuple[str, str, str] | None:
    """The official label `text` is close to (difflib ratio ≥ 0.8), if any; cached, as the
    same odd labels recur in every report of a batch."""
    if len(text) < 4:
        return None
    index = _labels(era)
    close = difflib.get_close_matches(text, list(index), n=1, cutoff=0.8)
    if not close:
        return None
    table_id, row_id, _ = index[close[0]]
    return table_id, row_id, "similar"


def _nearest(text: str, spec: _Spec) -> str:
    labels = [r["label"] for r in spec.rows if r.get("label")]
    close = difflib.get_close_matches(key(text), [key(x) for x in labels], n=1, cutoff=0)
    return next(x for x in labels if key(x) == close[0]) if close else ""


def read_tables(report: Report) -> tuple[list[Table], list[Row]]:
    """The format's tables found in the report, in the order they start, and the rows
    of numbers that stand before any of them."""
    if report.era is not None and not unified(report.era):
        return [], []
    reader = _Reader(report.era or latest())
    for region in report.tables():
        for row in region.rows:
            reader.read(row)
    for draft in reader.tables.values():
        if draft.headers and reader.marks[draft.id] == len(draft.rows):
            draft.headers.pop()  # a header no row follows: an excerpt that stops there
    tables = [draft.finish() for draft in reader.tables.values()]
    return sorted(tables, key=lambda t: (t.anchor.line, t.anchor.column)), reader.stray


@cache
def _header_keys(era: str) -> frozenset[str]:
    """The keys of every column label and header text of the tables of both formats
    (本年处理决定数量, 总计, 信息内容 …): a row of them alone is a header row."""
    return frozenset(k for e in (era, other_era(era)) for tid in specs(e) for k in _column_labels(e, tid))


@cache
def _column_labels(era: str, table_id: str) -> dict[str, list[tuple[str | None, str, str]]]:
    """key → [(column id, official label, how)] for the columns, their variants and the
    other header text of the table (corner, caption, group headers: column id None)."""
    spec = specs(era)[table_id]
    out: dict[str, list[tuple[str | None, str, str]]] = {}
    for col in spec.columns:
        out.setdefault(key(col["label"]), []).append((col["id"], col["label"], "exact"))
        for variant in col.get("variants", ()):
            out.setdefault(key(variant), []).append((col["id"], col["label"], "variant"))
    t = table_spec(spec.era, spec.id)
    for text in [t.get("corner"), t.get("caption"), "信息内容", *t.get("header_labels", ())]:
        if text:
            out.setdefault(key(text), [(None, text, "exact")])
    return out


def read_columns(cells: list[Cell], spec: _Spec) -> list[TableColumn]:
    """Header cells as columns: pieces of a label broken over lines or written one
    character per line are joined (the longest run that is a label wins)."""
    labels = _column_labels(spec.era, spec.id)
    prefixes = _prefixes(spec.era, spec.id)
    cells = _not_merged_down(cells)
    out: list[TableColumn] = []
    taken: set[str] = set()
    i = 0
    while i < len(cells):
        j, hit = _longest(cells, i, labels, prefixes)
        text = "".join(c.text for c in cells[i:j])
        if hit is not None:
            free = [h for h in hit if h[0] not in taken]
            if not free and all(h[0] for h in hit):  # a column already read, written again
                i = j
                continue
            col_id, official, how = (free or hit)[0]
            taken.add(col_id or "")
            if col_id is not None:
                out.append(TableColumn(col_id, official, text, how, tuple(cells[i:j])))
        else:
            out.append(_unknown(cells, i, j, text, spec))
        i = j
    return out


def _not_merged_down(cells: list[Cell]) -> list[Cell]:
    """Header cells without those that repeat the cell above them (the same place in the
    header line before): Word, web pages and PDFs repeat a cell merged down in each row."""
    lines: dict[int, list[Cell]] = {}
    for cell in cells:
        lines.setdefault(cell.line, []).append(cell)
    out, above = [], []
    for line in lines.values():
        out += [c for k, c in enumerate(line) if not (k < len(above) and key(above[k].text) == key(c.text))]
        above = line
    return out


@cache
def _prefixes(era: str, table_id: str) -> frozenset[str]:
    """Every beginning of a key of `_column_labels`."""
    return frozenset(k[:n] for k in _column_labels(era, table_id) for n in range(len(k) + 1))


def _longest(cells: list[Cell], i: int, labels: dict, prefixes: frozenset[str]) -> tuple[int, list | None]:
    """The end of the longest run from cell i that is a label (else the longest that
    begins one, when it is four characters or more and begins a single column label)."""
    best, prefix = (i + 1, None), i + 1
    text = ""
    for j in range(i + 1, min(len(cells), i + 12) + 1):
        text += cells[j - 1].text
        k = key(text)
        if k in labels:
            best = (j, labels[k])
        if k not in prefixes:
            break
        prefix = j
    if best[1] is not None:
        return best
    k = key("".join(c.text for c in cells[i:prefix]))
    starts = [h for other, hits in labels.items() if other.startswith(k) for h in hits if h[0]]
    if len(k) >= 4 and len({h[1] for h in starts}) == 1:
        return prefix, [(starts[0][0], starts[0][1], "truncated")]
    return best


@cache
def _header_words(era: str, table_id: str) -> tuple[str, ...]:
    """The keys of the column, row and header labels of the table."""
    spec = specs(era)[table_id]
    return (*_column_labels(era, table_id), *(key(r["label"]) for r in spec.rows if r.get("label")))


def _unknown(cells: list[Cell], i: int, j: int, text: str, spec: _Spec) -> TableColumn:
    """Header text that is no column: pieces of labels that could not be joined (each
    word part of a column, row or header label of the table), or other text."""
    labels = _header_words(spec.era, spec.id)
    fragment = all(any(key(word) in label for label in labels) for word in text.split())
    return TableColumn(None, "", text, "fragment" if fragment else "unknown", tuple(cells[i:j]))


def opens_with(text: str, labels: frozenset[str]) -> bool:
    """Whether `text` begins with one of `labels`."""
    return any(text[:k] in labels for k in _lengths(labels))


def opens(text: str, labels: frozenset[str]) -> bool:
    """Whether one of `labels` begins with `text`."""
    return text in _beginnings(labels)


@cache
def _lengths(labels: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(x) for x in labels}))


@cache
def _beginnings(labels: frozenset[str]) -> frozenset[str]:
    return frozenset(x[:k] for x in labels for k in range(len(x) + 1))


def is_empty(cell: Cell) -> bool:
    """A cell where a number is due but none is written."""
    return cell.kind in _EMPTY

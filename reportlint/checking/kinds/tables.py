"""Check kinds over the tables read from a report (reportlint/tables.py).

`cell`: a cell where a count is due holds none, or not a count; `table-shape`: tables,
rows and labels against the era's template; `table-arith`: the identities the templates
carry (rules/templates/*.yaml, `identities`), each checked where every cell is a number;
`issuer-rules`: an issuer that cannot make 规章 reports some.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from reportlint import patterns
from reportlint.checking.analyses import once_per_report
from reportlint.checking.diagnostics import Edit, Finding, Named, joined, phrase
from reportlint.checking.kinds.base import Kind, Param
from reportlint.reading.model import Cell, Report, Span, Table, TableColumn, TableRow
from reportlint.checking.identities import cells_of, identities, readings, run_together
from reportlint.checking.suspects import evaluations, instance, suspects
from reportlint.reading.tables import is_empty, specs
from reportlint.templates import english, table_spec, template, unified

_SHOW = {"blank": phrase("phrase.blank"), "slash": Named("/", "/"), "dash": Named("-", "-"),
         "emdash": Named("—", "—"), "none": phrase("phrase.none")}
_NO_RULES = ("township", "street", "county", "county_dept")


def _columns(table: Table) -> dict[str, dict]:
    """The table's template columns by id (shared by every report: not to be changed)."""
    return specs(table.era)[table.id].column


def table_number(era: str, table_id: str) -> Named:
    """A table's number (二, 三, 四) in both languages."""
    number = table_spec(era, table_id)["number"]
    return Named(number, english("numbers", number) or number)


@cache
def table_name(era: str, table_id: str, form: str = "phrase.table_captioned") -> Named:
    """A table's name in messages (表二第二十条第（一）项, 表三; with `form`
    phrase.table_item, 二（第二十条第（一）项）), in both languages: the same in every
    report, made once."""
    spec = table_spec(era, table_id)
    if not spec.get("caption"):
        return table_number(era, table_id) if form == "phrase.table_item" else \
            phrase("phrase.table", number=table_number(era, table_id))
    caption = Named(spec["caption"], english("captions", table_id) or f'"{spec["caption"]}"')
    return phrase(form, number=table_number(era, table_id), caption=caption)


def _name(table: Table) -> Named:
    return table_name(table.era, table.id)


@cache
def label_named(kind: str, key: str, label: str) -> Named:
    """A row's or a column's label with its English name (or the label quoted), made
    once: the same in every report."""
    return Named(label, english(kind, key) or f'"{label}"')


def _quoted(text: str) -> Named:
    """Report text: as it is in Chinese, quoted in English."""
    return Named(text, f'"{text}"')


def _column(column: dict) -> Named:
    return label_named("columns", column["id"], column["label"])


def _where(table: Table, row: TableRow) -> Named:
    return label_named("rows", row.id, row.official) if row.official else _name(table)


_TRAILING_NOTE = patterns.compile(r"（[^（）]*）$")


def _short(label: str) -> str:
    """A row label without its trailing note: （二）部分公开（区分处理的…） → （二）部分公开."""
    return _TRAILING_NOTE.sub("", label) or label


# ---- cell ----

def empty_cells(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Cells that hold no number, outside the columns blank in every row of a table of
    `rows` rows or more (see `blank_cells`): a row's blanks on one line are one finding,
    its columns listed."""
    read = readings(report)
    blank = {table.id: _blank_columns(table, read, params["rows"]) for table in report.read_tables}
    lines: dict[tuple[str, str, int], list] = {}  # (table, row, line) → its empty cells
    for table, row, col, c in _not_numbers(report):
        if is_empty(c) and col not in blank[table.id]:
            lines.setdefault((table.id, row.id, c.line), []).append((table, row, col, c))
    for same in lines.values():
        table, row, _, _ = same[0]
        first, last = same[0][3].span, same[-1][3].span
        yield Finding(Span(first.line, first.column, last.end_line, last.end_column), {
            "table": _name(table), "row": _where(table, row),
            "column": joined([_column(_columns(table)[col]) for _, _, col, _ in same]),
            "text": joined(list(dict.fromkeys(_SHOW[c.kind] for *_, c in same)))},
            tuple(c.span for *_, c in same[1:]))


def value_count(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A row with more or fewer values than the table has columns, that no reading of
    the identities resolves (rows run together aside, see `cells_run_together`)."""
    read = readings(report)
    for table in report.read_tables:
        for row in table.rows.values():
            if row.problem and read.get((table.id, row.id)) is None and not run_together(table, row):
                yield _count_finding(table, row, _columns(table))


def split_cells(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Cells that the identities read as one number split in two, or two merged in one."""
    read = readings(report)
    for table in report.read_tables:
        for row in table.rows.values():
            reading = read.get((table.id, row.id))
            if reading is not None and reading.how in ("joined", "split"):
                yield _reading_finding(table, reading, row)


def split_number(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A cell whose digits are spaced apart, like a number split in two."""
    yield from _cells_where(report, lambda column, c: c.kind == "spaced")


def not_count(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A negative or fractional number where a count is due."""
    yield from _cells_where(report, lambda column, c: column.get("type") == "count"
                            and c.kind in ("negative", "fraction"))


def _cells_where(report: Report, test) -> Iterator[Finding]:
    for table, row, col, c in _not_numbers(report):
        column = _columns(table)[col]
        if test(column, c):
            yield Finding(c.span, {"table": _name(table), "row": _where(table, row),
                                   "column": _column(column), "text": c.text or _SHOW["blank"]})


@once_per_report
def _not_numbers(report: Report) -> list[tuple[Table, TableRow, str, Cell]]:
    """The cells of the report's tables (as read, or as a reading reads them) that hold
    no plain number, in order, with their table, row and column: the few that the rules
    testing one cell at a time look at."""
    read = readings(report)
    return [(table, row, col, c) for table in report.read_tables for row in table.rows.values()
            for col, c in cells_of(table, row, read).items() if c.kind != "number"]


def blank_cells(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Columns left blank in every row of a table (the columns of legal persons, say):
    once per table, with the columns and every cell related (other blank cells one by
    one, see `cell`)."""
    read = readings(report)
    for table in report.read_tables:
        blanks = _blank_columns(table, read, params["rows"])
        if not blanks:
            continue
        columns = _columns(table)
        cells = [(row, c) for row in table.rows.values()
                 for col, c in cells_of(table, row, read).items() if col in blanks]
        row, first = cells[0]
        yield Finding(first.span, {
            "table": _name(table), "count": len(cells), "rows": len({r.id for r, _ in cells}),
            "columns": joined([_column(columns[col]) for col in blanks]), "row": _where(table, row),
            "text": joined(list(dict.fromkeys(_SHOW[c.kind] for _, c in cells)))},
            tuple(c.span for _, c in cells[1:]))


def _blank_columns(table: Table, read, rows: int) -> list[str]:
    """The columns of `table` blank (or /, —, 无) in every one of its rows, when it has
    `rows` rows or more."""
    grid = [cells_of(table, row, read) for row in table.rows.values()]
    if len(grid) < rows:
        return []
    columns = dict.fromkeys(col for cells in grid for col in cells)
    return [col for col in columns if all(col in cells and is_empty(cells[col]) for cells in grid)]


def _count_finding(table: Table, row: TableRow, columns: dict[str, dict]) -> Finding:
    found, due = row.problem.split("/")
    return Finding(row.span, {"table": _name(table), "row": _where(table, row),
                              "found": found, "due": due,
                              "columns": joined([_column(c) for c in columns.values()])})


def _reading_finding(table: Table, reading, row: TableRow) -> Finding:
    """Cells that look like one number split in two, or two numbers merged in one."""
    written = reading.written
    values = [c.text for c in reading.cells if any(c.line == w.line and w.column <= c.column < w.column
                                                   + max(len(w.text), 1) for w in written)]
    if reading.how == "joined":
        values = [written[0].text + written[1].text]
    return Finding(written[0].span, {"table": _name(table), "row": _where(table, row),
                                     "found": "".join(f"「{c.text}」" for c in written),
                                     "suggested": "".join(f"「{v}」" for v in values)},
                   tuple(c.span for c in written[1:]))


def cells_run_together(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Rows whose numbers ran together in cells of several digits (规章000): once per
    table, with how many of them the identities read and how many they could not."""
    read = readings(report)
    for table in report.read_tables:
        rows = [row for row in table.rows.values() if row.problem and run_together(table, row)
                and (read.get((table.id, row.id)) is None or read[(table.id, row.id)].how == "run-together")]
        if rows:
            unread = [row for row in rows if (table.id, row.id) not in read]
            first = (unread or rows)[0]
            yield Finding(first.span, {
                "table": _name(table), "count": len(rows), "read": len(rows) - len(unread),
                "unread": len(unread), "row": _where(table, first),
                "found": "".join(f"「{c.text}」" for c in first.row.values)},
                tuple(row.span for row in rows if row is not first))


def _values(row) -> str:
    return "".join(f"「{c.text}」" for c in row.values if c.text)


def unplaced_values(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Values the reader could not put in any cell: no row of the table takes them, or
    they stand before any table of the format. Once per table, every row related."""
    groups = [(t, [row for row, why, _ in t.unplaced if why == "unplaced"]) for t in report.read_tables]
    groups.append((None, list(report.stray)))
    for table, rows in groups:
        if rows:
            first = rows[0]
            yield Finding((first.labels or first.values)[0].span, {
                "table": _name(table) if table else phrase("phrase.any_table"), "count": len(rows),
                "label": first.label, "values": _values(first)},
                tuple((r.labels or r.values)[0].span for r in rows[1:]))


def repeated_rows(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Rows of a table written twice: the values of the second are not read. Once per table."""
    for table in report.read_tables:
        rows = [(row, row_id) for row, why, row_id in table.unplaced if why == "repeated"]
        if rows:
            row, row_id = rows[0]
            read = table.rows[row_id]
            yield Finding((row.labels or row.values)[0].span, {
                "table": _name(table), "count": len(rows), "row": _where(table, read),
                "first": read.span.line, "values": _values(row)},
                tuple((r.labels or r.values)[0].span for r, _ in rows[1:]))


def unlabelled_rows(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Rows of values with no label of their own, read by the format's order as the next
    row due: once per table (table 四, whose one row has no label, aside)."""
    for table in report.read_tables:
        rows = [row for row in table.rows.values() if row.how == "position" and table.id != "t4"]
        if rows:
            first = rows[0]
            yield Finding(first.span, {"table": _name(table), "count": len(rows), "row": _where(table, first),
                                       "values": _values(first.row)},
                          tuple(row.span for row in rows[1:]))


def moved_values(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A row with as many values as several rows: read as it and the rows after it."""
    for table in report.read_tables:
        width = len(specs(table.era)[table.id].columns)
        for row, why, row_id in table.unplaced:
            if why == "moved":
                count = len([c for c in row.values if c.text])
                yield Finding((row.labels or row.values)[0].span, {
                    "table": _name(table), "row": _where(table, table.rows[row_id]),
                    "count": count, "width": width, "rows": count // width})


# ---- table-shape ----

# Tables, rows and labels against the template of the report's era.

def table_era(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A table of another era's format than the report's (table 二's columns)."""
    for table in report.read_tables:
        if table.era != report.era and unified(report.era):
            mine = specs(report.era).get(table.id)
            yield Finding(table.anchor.span, {
                "table": _name(table), "found_era": table.era, "year": report.year or "",
                "expected": joined([_column(c) for c in mine.columns]) if mine else phrase("phrase.deleted")})


def row_label(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A row label written as a variant, truncated, or like the official one."""
    for table in report.read_tables:
        for row in table.rows.values():
            if row.how in ("variant", "truncated", "similar"):
                yield _relabel(table, row.row.labels, row.found, row.official, row.how != "similar")


def column_label(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A column label written as a variant or truncated."""
    for table in report.read_tables:
        for run in table.columns:
            yield from _column_labels(table, run)


def columns_shape(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A header whose columns are missing, extra or out of order."""
    for table in report.read_tables:
        if table.columns:
            yield from _column_shape(table, specs(table.era)[table.id])


def unknown_row(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A labelled row of values that is no row of the format, with the nearest one."""
    for table in report.read_tables:
        for row, nearest in table.unknown:
            yield Finding(row.labels[-1].span, {"table": _name(table),
                                                "found": row.labels[-1].text, "official": nearest})


def _relabel(table: Table, cells: list[Cell], found: str, official: str, safe: bool = True) -> Finding:
    """A label that differs from the official one. A known variant or a truncated label
    (`safe`) written in one cell carries the fix that writes the official label."""
    span = cells[0].span
    fix = (Edit(span, official),) if safe and len(cells) == 1 and cells[0].text == found else ()
    return Finding(span, {"table": _name(table), "found": found, "official": official}, fix=fix)


def _column_labels(table: Table, run: list[TableColumn]) -> Iterator[Finding]:
    """Column labels written as a variant or truncated, in a header that could be read
    (where pieces of labels are left over, a short label may be one wrapped in PDF text)."""
    if not any(c.how == "fragment" for c in run):
        for col in run:
            if col.how in ("variant", "truncated"):
                yield _relabel(table, col.cells, col.found, col.official)


def _column_shape(table: Table, spec) -> Iterator[Finding]:
    """The header against the official columns, once per table: a label found in no
    header run (a split table writes its columns over several), other text in the first
    run, and its order. Not judged where pieces of labels could not be joined."""
    runs = table.columns
    if any(c.how == "fragment" for run in runs for c in run):
        return
    first = runs[0][1:] if runs[0][0].how == "unknown" else runs[0]  # the corner: 类别, 项目
    found = {c.official for run in runs for c in run if c.id}
    labels = {c["label"]: _column(c) for c in spec.columns}
    problems = [phrase("phrase.column_missing", label=name) for label, name in labels.items() if label not in found]
    problems += [phrase("phrase.column_extra", label=_quoted(c.found)) for c in first if not c.id]
    problems += _order(spec, [c.id for c in first if c.id])
    if problems:
        yield Finding((first or runs[0])[0].span, {
            "table": _name(table), "found": joined(problems, "phrase.problems"),
            "expected": joined([_column(c) for c in spec.columns])})


def _order(spec, ids: list[str]) -> list[str]:
    """Columns out of order among those of the same group (a two-level header reads
    自然人, 总计 before 商业企业: only the order inside each level is checked)."""
    columns = {c["id"]: (n, c.get("under") or c.get("group"), _column(c)) for n, c in enumerate(spec.columns)}
    out = []
    for n, col in enumerate(ids):
        at, group, label = columns[col]
        later = [columns[c] for c in ids[:n] if columns[c][1] == group and columns[c][0] > at]
        if later:
            out.append(phrase("phrase.column_order", label=label, before=later[0][2]))
    return out


def row_order(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A row after one that the format puts after it."""
    for table in report.read_tables:
        spec = specs(table.era)[table.id]
        highest = -1
        for row in _in_order(table):
            at = spec.position[row.id]
            if at < highest:
                yield Finding(row.span, {"table": _name(table), "found": row.official,
                                         "official": spec.rows[highest]["label"]})
            highest = max(highest, at)


def missing_row(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A row of the format missing before the last row written (a group written as one
    row stands for its sub-rows)."""
    for table in report.read_tables:
        spec = specs(table.era)[table.id]
        order = [r["id"] for r in spec.rows]
        last = max((spec.position[row_id] for row_id in table.rows), default=0)
        for at, row in enumerate(spec.rows[:last]):
            parent = table.rows.get(row.get("parent", ""))
            if row.get("label") and not row.get("group") and row["id"] not in table.rows \
                    and not (parent and parent.cells):
                after = next(table.rows[r] for r in order[at:] if r in table.rows)
                yield Finding(after.span, {"table": _name(table), "found": row["label"],
                                           "official": row["label"]})


def _in_order(table: Table) -> list[TableRow]:
    return sorted(table.rows.values(), key=_place)


def _place(row: TableRow) -> tuple[int, int]:
    """Where a row begins (the line and column of its span)."""
    first = (row.row.labels or row.row.values)[0]
    return first.line, first.column


def missing_table(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A table of the format missing, only for a report that reaches section 五: an
    excerpt may stop before a table."""
    if not report.read_tables or not unified(report.era):
        return
    later = [s for s, spec, _ in report.matched_sections if spec.id in ("problems", "other")]
    if not later:
        return
    have = {t.id for t in report.read_tables}
    bounds = report.bounds
    parts = {s.id: s.number for s in template(report.era).sections}
    for table_id in specs(report.era):
        part = parts[table_spec(report.era, table_id)["section"]]  # the section it stands in
        if ((bounds.cut or bounds.ended) is not None and part > bounds.last) \
                or (bounds.start is not None and part < bounds.first):
            continue  # beyond where an excerpt stops, or before it begins
        if table_id not in have:
            yield Finding(later[0].heading.span, {"table": table_name(report.era, table_id), "found": "",
                                                  "official": table_name(report.era, table_id)})


# ---- table-arith ----

def arith(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """One identity of a template table, wherever all its cells are numbers."""
    for key, (table, identity, sides, described) in _broken_instances(report).items():
        if key[:2] == (params["table"], params["identity"]):
            yield _arith_finding(report, key, table, identity, sides, described)


def _arith_finding(report: Report, key: tuple, table: Table, identity: dict, sides: list,
                   described: dict) -> Finding:
    _, _, left, right = key
    target_row, target_col = next(
        ((r, c) for r, c in left + right if identity.get("target") in (r, c)), left[0])
    target = cells_of(table, table.rows[target_row], readings(report))[target_col]
    cells = [c for side in sides for v in side for c in v[1]]
    suspect = suspects(report).get(key)
    at = left[0][1] if identity["over"] == "columns" else left[0][0]  # the instance's column, or its row
    return Finding(target.span, {**described, "where": _at(table, identity, at)},
                   tuple(c.span for c in cells if c is not target), mistake=suspect.key if suspect else None)


@once_per_report
def _broken_instances(report: Report) -> dict[tuple, tuple[Table, dict, list, dict]]:
    """Each broken identity instance of the report's tables, in the order they are
    checked: its table, identity, both sides' values and message values (its sides,
    their difference, the table). table-arith reports them, and suspect-cell describes
    again those that a suspect explains."""
    out = {}
    for table in report.read_tables:
        by_id = {identity["id"]: identity for identity in identities(table)}
        for key, result in evaluations(report, table).items():
            if result is not None and not result[1]:
                _, identity, left, right = key
                out[key] = (table, by_id[identity], result[0],
                            _broken(table, by_id[identity], list(left), list(right), result[0]))
    return out


def _broken(table: Table, identity: dict, left: list, right: list, sides: list) -> dict:
    lsum, rsum = (sum(v[0] for v in side) for side in sides)
    return {"left": _side(table, identity, left, sides[0]), "right": _side(table, identity, right, sides[1]),
            "difference": abs(lsum - rsum), "table": _name(table)}


def _at(table: Table, identity: dict, at: str) -> Named:
    """Where an identity instance is: its column, or its row."""
    if identity["over"] == "columns":
        column = _column(_columns(table)[at])
        return phrase("phrase.at_column", column=column)
    if identity.get("name"):
        return Named(identity["name"], english("identities", identity["name"]) or f'"{identity["name"]}"')
    row = label_named("rows", at, _short(table.rows[at].official))
    return phrase("phrase.at_row", row=row)


def suspect_cell(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A cell that, corrected, makes every broken identity of its table hold: one
    finding, the broken identities its evidence (they are not reported apart)."""
    seen = set()
    for suspect in suspects(report).values():
        if suspect.key in seen:
            continue
        seen.add(suspect.key)
        table = suspect.table
        evidence = [(identity, left, right, sides, at) for identity, left, right, sides, at in suspect.explains]
        related = {c.span for *_, sides, _ in evidence for side in sides for v in side for c in v[1]}
        described = _broken_instances(report)
        broken = [(described[instance(table, identity, left, right)][3], _at(table, identity, at))
                  for identity, left, right, sides, at in evidence]
        yield Finding(suspect.cell.span, {
            "table": _name(table), "row": label_named("rows", suspect.row, _short(table.rows[suspect.row].official)),
            "column": _column(_columns(table)[suspect.column]), "value": suspect.cell.text,
            "expected": suspect.expected, "count": len(evidence),
            "evidence": Named("；".join(f"{a['left']} ≠ {a['right']}（{at}）" for a, at in broken),
                              "; ".join(f"{a['left'].en} ≠ {a['right'].en} ({at.en})" for a, at in broken))},
            tuple(sorted(related - {suspect.cell.span}, key=lambda s: (s.line, s.column))), mistake=suspect.key, leads=True)


def _side(table: Table, identity: dict, keys: list, values: list) -> Named:
    names = identity.get("names", {})
    rows, columns = specs(table.era)[table.id].row_labels, _columns(table)
    parts = []
    for (row, col), (value, _) in zip(keys, values):
        given = names.get(row) or names.get(col)
        name = Named(given, english("identities", given) or f'"{given}"') if given else (
            label_named("rows", row, _short(rows[row])) if identity["over"] == "columns" else _column(columns[col]))
        parts.append((f"{name} {value}", f"{name.en} {value}"))
    zh, en = (" + ".join(p[i] for p in parts) for i in (0, 1))
    total = sum(v for v, _ in values)
    return Named(f"{zh} = {total}", f"{en} = {total}") if len(parts) > 1 else Named(zh, en)


# ---- issuer-rules ----

def issuer_rules(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A township, street office or county-level issuer reports 规章 it cannot make."""
    if report.issuer_level not in _NO_RULES:
        return
    for table in report.read_tables:
        row = table.rows.get("rules") if table.id == "t2_1" else None
        for c in (cells_of(table, row, readings(report)).values() if row else ()):
            if c.value:
                yield Finding(c.span, {"value": c.value, "issuer": report.issuer or ""})
                return


_TABLE = Param(str)
KINDS = (
    Kind("empty-cells", empty_cells, {"rows": Param(int)}, frozenset({"table", "row", "column", "text"})),
    Kind("value-count", value_count, {}, frozenset({"table", "row", "found", "due", "columns"})),
    Kind("split-number", split_number, {}, frozenset({"table", "row", "column", "text"})),
    Kind("not-count", not_count, {}, frozenset({"table", "row", "column", "text"})),
    Kind("split-cells", split_cells, {}, frozenset({"table", "row", "found", "suggested"})),
    Kind("blank-cells", blank_cells, {"rows": Param(int)},
         frozenset({"table", "count", "rows", "columns", "row", "text"})),
    Kind("missing-table", missing_table, {}, frozenset({"table", "found", "official"})),
    *(Kind(name, check, {}, frozenset({"table", "found", "official"}))
      for name, check in (("missing-row", missing_row), ("row-order", row_order), ("row-label", row_label),
                          ("unknown-row", unknown_row), ("column-label", column_label))),
    Kind("table-era", table_era, {}, frozenset({"table", "found_era", "year", "expected"})),
    Kind("columns-shape", columns_shape, {}, frozenset({"table", "found", "expected"})),
    Kind("unplaced-values", unplaced_values, {}, frozenset({"table", "count", "label", "values"})),
    Kind("repeated-rows", repeated_rows, {}, frozenset({"table", "count", "row", "first", "values"})),
    Kind("unlabelled-rows", unlabelled_rows, {}, frozenset({"table", "count", "row", "values"})),
    Kind("moved-values", moved_values, {}, frozenset({"table", "row", "count", "width", "rows"})),
    Kind("cells-run-together", cells_run_together, {},
         frozenset({"table", "count", "read", "unread", "row", "found"})),
    Kind("table-arith", arith, {"table": _TABLE, "identity": Param(str)},
         frozenset({"left", "right", "difference", "where", "table"})),
    Kind("suspect-cell", suspect_cell, {},
         frozenset({"table", "row", "column", "value", "expected", "count", "evidence"})),
    Kind("issuer-rules", issuer_rules, {}, frozenset({"value", "issuer"})),
)

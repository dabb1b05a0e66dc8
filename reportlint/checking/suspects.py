"""One wrong cell behind several broken identities.

When the identities of a table that fail all go through one cell, and one value of
that cell makes every one of them hold (and breaks none that holds), that cell is the
suspect: one mistake, reported once. When no cell, or more than one, would do it, each
broken identity stands on its own. Computed once per report, shared by the rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlint.checking.analyses import once_per_report
from reportlint.checking.identities import cells_of, evaluate, identities, instances, readings
from reportlint.reading.model import Cell, Report, Table

Instance = tuple[str, str, tuple, tuple]  # table id, identity id, left and right (row, column) keys


@dataclass(frozen=True)
class Suspect:
    """The cell that, set to `expected`, makes the broken identities in `explains` hold."""

    table: Table
    row: str
    column: str
    cell: Cell
    expected: int
    explains: tuple[tuple[dict, list, list, list, str], ...]  # (identity, left, right, sides, at) of each

    @property
    def key(self) -> tuple:
        return ("suspect", self.table.id, self.row, self.column)


Evaluation = tuple[list, bool] | None  # identities.evaluate of an instance


def suspects(report: Report) -> dict[Instance, Suspect]:
    """Each broken identity instance explained by a suspect cell, and that suspect."""
    return _analysed(report)[0]


def evaluations(report: Report, table: Table) -> dict[Instance, Evaluation]:
    """Each identity instance of one of the report's tables, evaluated with the rows
    read another way (identities.evaluate): the same for every rule that checks them."""
    return _analysed(report)[1][id(table)]


@once_per_report
def _analysed(report: Report) -> tuple[dict[Instance, Suspect], dict[int, dict[Instance, Evaluation]]]:
    found: dict[Instance, Suspect] = {}
    evaluated: dict[int, dict[Instance, Evaluation]] = {}
    read = readings(report)
    for table in report.read_tables:
        memo = {}  # the table's values under its readings, shared by its identities
        checked = [(identity, left, right, evaluate(table, identity, left, right, read, memo=memo), at)
                   for identity in identities(table) for left, right, at in instances(table, identity)]
        evaluated[id(table)] = {instance(table, identity, left, right): result
                                for identity, left, right, result, _ in checked}
        suspect = _suspect(table, read, checked)
        if suspect is not None:
            found.update({(table.id, identity["id"], tuple(left), tuple(right)): suspect
                          for identity, left, right, _, _ in suspect.explains})
    return found, evaluated


def instance(table: Table, identity: dict, left: list, right: list) -> Instance:
    return table.id, identity["id"], tuple(left), tuple(right)


def _suspect(table: Table, read, checked: list) -> Suspect | None:
    broken = [(identity, left, right, result[0], at) for identity, left, right, result, at in checked
              if result is not None and not result[1]]
    if len(broken) < 2 or any(identity.get("relation") == "le" for identity, *_ in broken):
        return None
    places = [{(c.line, c.column): c for side in sides for v in side for c in v[1]} for *_, sides, _ in broken]
    common = set(places[0]).intersection(*places[1:])
    fits = [s for s in (_fit(table, read, places[0][p], broken, checked) for p in sorted(common)) if s]
    return fits[0] if len(fits) == 1 else None


def _fit(table: Table, read, cell: Cell, broken: list, checked: list) -> Suspect | None:
    """The suspect `cell` is, when one value of it makes every identity hold."""
    wanted = set()
    for _, _, _, sides, _ in broken:
        counts = [sum(c is cell for v in side for c in v[1]) for side in sides]
        weight = counts[0] - counts[1]
        lsum, rsum = (sum(v[0] for v in side) for side in sides)
        if weight == 0 or (rsum - lsum) % weight:
            return None
        wanted.add(cell.value + (rsum - lsum) // weight)
    if len(wanted) != 1 or min(wanted) < 0:
        return None
    expected = wanted.pop()
    place = next(((row.id, col) for row in table.rows.values()
                  for col, c in cells_of(table, row, read).items() if c is cell), None)
    if place is None:
        return None
    row, column = place
    cells = dict(cells_of(table, table.rows[row], read))
    cells[column] = Cell(str(expected), "number", expected, cell.line, cell.column)
    for identity, left, right, before, _ in checked:
        if before is not None and not any(c is cell for side in before[0] for v in side for c in v[1]):
            continue  # evaluated as before, and held: every broken instance goes through the cell
        result = evaluate(table, identity, left, right, read, (row, cells))
        if result is not None and not result[1]:
            return None
    return Suspect(table, row, column, cell, expected, tuple(broken))

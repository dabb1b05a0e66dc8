"""`reportlint tables`: the tables as read, failing cells marked, each row with its line."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from reportlint.checking.analyses import checking
from reportlint.checking.identities import Readings, cells_of, readings
from reportlint.checking.kinds.tables import table_name
from reportlint.checking.linter import FileResult
from reportlint.checking.suspects import suspects
from reportlint.i18n import t
from reportlint.reading.model import Cell, Table
from reportlint.reading.tables import is_empty
from reportlint.templates import english, table_spec


def print_tables(result: FileResult, console: Console, lang: str) -> None:
    """Every table read from the report, with the cells that diagnostics point at in red."""
    report = result.report
    if report is None:
        for d in result.diagnostics:
            console.print(Text(f"{d.path}: {d.message}", style="bold red"))
        return
    failing = {place for d in result.diagnostics for place in d.places()}
    reported = {(d.line, d.column) for d in result.diagnostics}
    with checking(report):  # the suspects are found from the readings: read once
        suspect = {(s.cell.line, s.cell.column): s.expected for s in suspects(report).values()
                   if (s.cell.line, s.cell.column) in reported}
        read = readings(report)
    if not report.read_tables:
        console.print(Text(t("tables.none", lang, path=result.path), style="yellow"))
    for table in report.read_tables:
        console.print(_table(table, failing, lang, read, suspect))


def print_text_view(result: FileResult, console: Console) -> None:
    """The text that line and column numbers refer to, one line of output per line,
    `N │ text`, never wrapped. For a text file that holds a web page, each line of the
    page's text view is numbered with the line of the file it comes from."""
    source = result.report.source if result.report else None
    lines = source.lines if source else []
    numbers = [source.in_file(n, 1)[0] for n in range(1, len(lines) + 1)] if source else []
    width = len(str(max(numbers, default=0)))
    for number, line in zip(numbers, lines):
        console.file.write(f"{number:>{width}} │ {line}\n")


def _table(table: Table, failing: set[tuple[int, int]], lang: str, read: Readings,
           suspect: dict[tuple[int, int], int]) -> RichTable:
    spec = table_spec(table.era, table.id)
    grouped = any(c.get("group") for c in spec["columns"])
    labels: dict[str, dict] = {}  # each label, with the first column that has it
    for c in spec["columns"]:
        labels.setdefault(c["label"], c)
    title = table_name(table.era, table.id).en if lang == "en" else spec["name"]
    out = RichTable(title=Text(t("tables.title", lang, name=title, era=table.era), style="bold"),
                    title_justify="left", show_lines=False)
    out.add_column(t("tables.line", lang), justify="right", style="dim")
    out.add_column(t("tables.row", lang))
    for label, c in labels.items():
        name = english("groups", label) if grouped else english("columns", c["id"])
        out.add_column(Text(_english(label, name, lang)), justify="right")
    for row in table.rows.values():
        name = Text(_english(row.official or "", english("rows", row.id), lang))
        if row.found and row.how != "exact":
            name.append(t("tables.found", lang, found=row.found), style="yellow")
        reading = read.get((table.id, row.id))
        if row.problem and reading is None:
            out.add_row(str(row.span.line), name, Text(t("tables.unfit", lang, problem=row.problem), style="red"))
            continue
        if reading is not None:
            written = "「" + "」「".join(c.text for c in reading.written) + "」"
            name.append(" " + t("tables.reading", lang, written=written, values=t("phrase.list", lang).join(reading.values)),
                        style="yellow")
        cells = cells_of(table, row, read)
        if grouped:  # table 四: one line per group (行政复议, 未经复议直接起诉, 复议后起诉)
            for group in dict.fromkeys(c["group"] for c in spec["columns"]):
                group_cells = [cells.get(c["id"]) for c in spec["columns"] if c["group"] == group]
                out.add_row(str(row.span.line), Text(_english(group, english("groups", group), lang)),
                            *[_cell(c, failing, suspect) for c in group_cells])
        else:
            out.add_row(str(row.span.line), name, *[_cell(cells.get(c["id"]), failing, suspect)
                                                   for c in spec["columns"]])
    for row, nearest in table.unknown:
        out.add_row(str((row.labels or row.values)[0].line),
                    Text(t("tables.unknown", lang, label=row.label, nearest=nearest), style="red"),
                    *[_cell(c, failing, suspect) for c in row.values[: len(labels)]])
    return out


def _english(label: str, name: str | None, lang: str) -> str:
    """A label of the format in `lang`: in English its name, else the label quoted."""
    return label if lang != "en" or not label else name or f'"{label}"'


def _cell(cell: Cell | None, failing: set[tuple[int, int]], suspect: dict[tuple[int, int], int]) -> Text:
    """A cell: the suspect of broken identities as `6→5` (what it is → what fits), the
    cells of failing findings in red, blanks and text in yellow."""
    if cell is None:
        return Text("")
    if (cell.line, cell.column) in suspect:
        return Text(f"{cell.text}→{suspect[cell.line, cell.column]}", style="bold white on magenta")
    if (cell.line, cell.column) in failing:
        return Text(cell.text or "□", style="bold white on red")
    if is_empty(cell) or cell.kind == "text":
        return Text(cell.text or "□", style="bold yellow")
    return Text(cell.text)

"""The text view of a document: a paragraph per line, a table row per line as
`| cell | cell |`, each line with its place in the original.

A merged cell stands once in its row however many columns it spans, and in every
row it spans (so row labels like 三、本年度办理结果 stand in each of their rows):
the layout of examples/clean.txt, which the table reader reads.
"""

from __future__ import annotations

from reportlint import patterns
from reportlint.reading.source import Place, Source

_LINE_END = patterns.compile(r"\r\n|\r|\n")
_SPACE = patterns.compile(r"\s+")  # blanks, full-width spaces and any line end
_ASCII = patterns.compile(r"[0-9A-Za-z.,%]")


def clean(text: str) -> str:
    """Cell or paragraph text on one line: runs of blanks made one space, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def join_lines(parts: list[str]) -> str:
    """Lines of one cell or paragraph joined: no space between Chinese characters
    ("商业" + "企业"), one space where Latin letters or digits meet ("12" + "3")."""
    out = ""
    for part in (clean(p) for lines in parts for p in _LINE_END.split(lines)):
        if not part:
            continue
        if out and _ASCII.match(out[-1]) and _ASCII.match(part[0]):
            out += " "
        out += part
    return out


def once_per_cell(slots: list[tuple[object, str]]) -> list[tuple[int, str]]:
    """A row's cells from its grid slots, given as (cell, text): neighbouring slots
    of one cell (a column span) give one cell. Returns (first grid column, text)."""
    return [(n + 1, text) for n, (cell, text) in enumerate(slots) if n == 0 or slots[n - 1][0] is not cell]


def row_line(cells: list[str]) -> tuple[str, list[int]]:
    """A table row as `| a | b |` and the 1-based column where each cell starts."""
    line, starts = "|", []
    for cell in cells:
        line += " "
        starts.append(len(line) + 1)
        line += cell.replace("|", "｜") + " |"
    return line, starts


class TextView:
    """Lines and their places, built paragraph by paragraph and row by row."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.places: list[Place] = []
        self.origins: list[int] = []  # the line of the file each line comes from (0: unknown)
        self.chrome: set[int] = set()  # the lines (1-based) a page's chrome holds (its nav, header, footer)

    def paragraph(self, text: str, label: str | None, origin: int = 0, chrome: bool = False) -> None:
        """One paragraph; a line break inside it starts a new line with the same
        place (none for an empty paragraph: `label` None); `chrome`: of the page's chrome."""
        for line in _LINE_END.split(text):
            if chrome:
                self.chrome.add(len(self.lines) + 1)
            self.lines.append(clean(line))
            self.places.append(((1, label),) if label else ())
            self.origins.append(origin)

    def line(self, text: str, place: Place, origin: int = 0) -> None:
        """One line with its place as given (no line break inside `text`)."""
        self.lines.append(text)
        self.places.append(place)
        self.origins.append(origin)

    def row(self, cells: list[tuple[int, str]], table: int, row: int, origin: int = 0) -> None:
        """One table row: its cells as (grid column, text); numbers are 1-based."""
        line, starts = row_line([clean(text) for _, text in cells])
        self.lines.append(line)
        self.origins.append(origin)
        self.places.append(tuple((start, f"表{table} 第{row}行 第{column}列")
                                 for (column, _), start in zip(cells, starts)))

    def source(self, path: str, encoding: str) -> Source:
        """The view as a Source whose lines are exactly these lines."""
        return Source(path, "".join(line + "\n" for line in self.lines), encoding, tuple(self.places),
                      origins=tuple(self.origins), chrome=frozenset(self.chrome))

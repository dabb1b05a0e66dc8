"""The typed model of a parsed report: every node knows where it stands in the file.

A report is not changed once parsed: its nodes are frozen and hold tuples, and the
cells of a table's row and the rows of a table by id are read-only mappings
(read_only: a view of a dict the reader built and let go)."""

from __future__ import annotations

import copyreg
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType

from reportlint.reading.source import Source


@dataclass(frozen=True)
class Span:
    """A stretch of the file: 1-based lines and columns, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Line:
    """A line of the text as read: a whole line of the file, or the part of one that
    stands for a line of its own (a heading or a table row in text that lost its
    line breaks). `text` is the whole line as written; this line is text[start:end].
    `folded` is the same line for matching (traditional script as simplified, same
    length), empty when it equals `text`. A line is never changed once made: its
    `content` (the line without its leading indentation or markdown heading marks) and
    `matching` (`content` as it is matched: folded to simplified characters, same
    length) are computed when it is made."""

    number: int
    text: str
    start: int  # 0-based index of the first significant character
    end: int | None = None  # index after the last character (None: the end of the line)
    folded: str = ""
    cut: bool = False  # cut from a longer line of the file (reportlint.reading.lines)
    content: str = field(init=False, repr=False, compare=False)
    matching: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        content = self.text[self.start:self.end].rstrip()
        object.__setattr__(self, "content", content)
        object.__setattr__(self, "matching",
                           self.folded[self.start:self.start + len(content)] if self.folded else content)

    @property
    def whole(self) -> bool:
        """Whether this line is the whole line of the file."""
        return self.end is None or not self.text[self.end:].strip()

    @property
    def span(self) -> Span:
        end = self.start + len(self.content)
        return Span(self.number, self.start + 1, self.number, max(end, self.start) + 1)

    def part(self, start: int, end: int | None, cut: bool = False) -> Line:
        """The line text[start:end] of the same line of the file."""
        return Line(self.number, self.text, start, end, self.folded, cut)


@dataclass(frozen=True)
class Heading:
    """A numbered (or recognisably unnumbered) heading line.

    `marker` is the numbering as written ("一、", "（二）", "3.", "" when missing),
    `number` its value (None when missing), `title` the heading text and `body` any
    run-in text after it on the same line.
    """

    level: int
    number: int | None
    marker: str
    title: str
    body: str
    line: Line

    @property
    def span(self) -> Span:
        """The numbering and the title (not the run-in text after it)."""
        whole = self.line.span
        at = self.line.text.find(self.title, self.line.start) if self.title else -1
        end = at + len(self.title) + 1 if at >= 0 else whole.end_column
        return Span(whole.line, whole.column, whole.line, max(end, whole.column + 1))

    @property
    def is_sentence(self) -> bool:
        """A heading line that is itself a complete sentence (a list item, say)."""
        return self.line.content.rstrip().endswith(("。", "；", ";", "！"))


@dataclass(frozen=True)
class Paragraph:
    """Consecutive text lines (a paragraph may wrap over several lines); its text is
    computed once, on first use."""

    lines: tuple[Line, ...]

    @cached_property
    def text(self) -> str:
        return "".join(line.content for line in self.lines)

    @cached_property
    def folded(self) -> str:
        """`text` as it is matched (simplified characters), same length."""
        return "".join(line.matching for line in self.lines)

    @cached_property
    def _ends(self) -> list[int]:
        """The offset in `text` after each line."""
        ends, end = [], 0
        for line in self.lines:
            end += len(line.content)
            ends.append(end)
        return ends

    @property
    def span(self) -> Span:
        return _span(self.lines)

    def span_of(self, start: int, end: int) -> Span:
        """The span of text[start:end] (offsets into `text`) in the file."""
        (l1, c1), (l2, c2) = self._position(start), self._position(max(start, end - 1))
        return Span(l1, c1, l2, c2 + 1)

    def _position(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._ends, offset)  # the first line that ends after `offset`
        if i < len(self.lines):
            line = self.lines[i]
            return line.number, line.start + offset - (self._ends[i - 1] if i else 0) + 1
        last = self.lines[-1]
        return last.number, last.start + len(last.content) + 1


@dataclass(frozen=True, init=False)
class Cell:
    """One table cell as written: raw text, kind, value and where it stands.

    kind is number, fraction, negative, signed, annotated (a number with a bracketed
    note), spaced (digits split by a space: "1 2"), blank, slash ("/"), dash ("-"),
    emdash ("—"), none ("无"), cut (the value an excerpt's text stops in, its digits
    perhaps cut away: reportlint.reading.bounds) or text; value is
    the number read (None when there is none: a blank is never 0).
    """

    text: str
    kind: str
    value: int | Decimal | None
    line: int
    column: int  # 1-based

    def __init__(self, text: str, kind: str, value: int | Decimal | None, line: int, column: int) -> None:
        # its fields set at once, not one frozen __setattr__ each: a report makes hundreds of cells
        self.__dict__.update(text=text, kind=kind, value=value, line=line, column=column)

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.column + max(len(self.text), 1))

    @property
    def is_value(self) -> bool:
        """A cell that stands where a number is due (anything but label text)."""
        return self.kind != "text"


@dataclass(frozen=True, init=False)
class Row:
    """A row as the table grammar reads it: label cells, then the value cells after them."""

    labels: tuple[Cell, ...]
    values: tuple[Cell, ...]

    def __init__(self, labels: tuple[Cell, ...], values: tuple[Cell, ...]) -> None:
        self.__dict__.update(labels=labels, values=values)  # as Cell: rows are made by the hundred

    @property
    def label(self) -> str:
        return "".join(c.text for c in self.labels)


@dataclass(frozen=True)
class TableRegion:
    """Consecutive lines that belong to a table, in whatever layout, and the rows read."""

    lines: tuple[Line, ...]
    rows: tuple[Row, ...] = ()

    @property
    def span(self) -> Span:
        return _span(self.lines)


@dataclass(frozen=True, init=False)
class TableRow:
    """A template row found in a report: how its label matched and its cells by column id.

    how is exact, variant (a known wording), similar (close to an official label),
    truncated (its end missing), wrapped (its end on the lines after its values, as PDF
    text has it), fragment (a piece from inside it, the rest cut away by conversion) or
    position (no label: placed by template order); `found` is the label as written ("" when
    placed by position).
    `problem` says why `cells` is empty although values were there (e.g. "3/7": 3 of 7;
    reportlint.checking.identities may read such a row another way).
    """

    id: str
    official: str
    found: str
    how: str
    row: Row
    cells: Mapping[str, Cell]
    problem: str = ""

    def __init__(self, id: str, official: str, found: str, how: str, row: Row, cells: Mapping[str, Cell],
                 problem: str = "") -> None:
        self.__dict__.update(id=id, official=official, found=found, how=how, row=row, cells=cells,
                             problem=problem)  # as Cell

    @property
    def span(self) -> Span:
        first = (self.row.labels or self.row.values)[0]
        return first.span


@dataclass(frozen=True)
class Table:
    """One table of the format (template id and era) as read from the report."""

    id: str
    era: str
    anchor: Cell
    rows: Mapping[str, TableRow]  # by row id, in the order they were read
    # rows with values whose label matches no official one: (row, nearest official label)
    unknown: tuple[tuple[Row, str], ...] = ()
    # the header cells as read, one run per place the header is written (it may repeat)
    headers: tuple[tuple[Cell, ...], ...] = ()
    # each run read as columns (runs with no official column label are left out)
    columns: tuple[tuple[TableColumn, ...], ...] = ()
    # rows of values not placed in the table as written: (row, why, row id): "repeated"
    # (a row read before), "moved" (more values than columns, given to the rows after
    # it), "unplaced" (no row of the table to put them in)
    unplaced: tuple[tuple[Row, str, str], ...] = ()


@dataclass(frozen=True)
class TableColumn:
    """A column header found in a report: the cells it is written over and how it matched.

    how is exact, variant (a known wording), truncated, unknown (no official column:
    a placeholder such as 数据1, or a corner label) or fragment (a piece of an official
    label that could not be joined with the rest, as in wrapped PDF text); `id` is the
    template column (None unless matched) and `found` the label as written.
    """

    id: str | None
    official: str
    found: str
    how: str
    cells: tuple[Cell, ...]

    @property
    def span(self) -> Span:
        first, last = self.cells[0], self.cells[-1]
        end = last.span if last.line == first.line else first.span
        return Span(first.line, first.column, end.end_line, end.end_column)


Block = Paragraph | TableRegion

def read_only(items: dict) -> Mapping:
    """`items` as a table's rows or a row's cells hold them: a view that cannot change
    them (whoever built the dict lets it go)."""
    return MappingProxyType(items)


# a report crosses to and from the processes that lint in parallel: its read-only
# mappings are pickled as the dicts they show
copyreg.pickle(MappingProxyType, lambda mapping: (read_only, (dict(mapping),)))


@dataclass(frozen=True)
class Section:
    """A heading with what stands under it; level 0 is the text before the first heading."""

    level: int
    heading: Heading | None
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()

    def walk(self):
        """This section and every section below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def has_text(self) -> bool:
        """True when anything (run-in text, a block, a subsection) stands under the heading."""
        heading = self.heading
        return bool((heading and (heading.body or heading.is_sentence)) or self.blocks or self.children)


@dataclass(frozen=True)
class Furniture:
    """A run of page furniture lines (reportlint.reading.furniture): what it is
    (metadata, breadcrumb, menu, widget, page, attachments, contents, site) and its lines."""

    kind: str
    lines: tuple[Line, ...]

    @property
    def span(self) -> Span:
        return _span(self.lines)

    @property
    def text(self) -> str:
        """Its first line, as the block is quoted."""
        return self.lines[0].content


@dataclass(frozen=True)
class Bounds:
    """Where an excerpt of a report begins and ends, when it is one: `start` is its first
    line when it begins inside the report, `first` the number of the section it begins
    in; `cut` is its last line when it stops inside the report, `ended` its last line
    when it ends whole but before the format's last section with no signature under
    it, and `last` the number of the section it stops or ends in (0: before the first)."""

    first: int = 0
    last: int = 0
    cut: Line | None = None
    start: Line | None = None
    ended: Line | None = None
    cut_from: int = 0  # the first line of the row or paragraph the cut line ends


@dataclass(frozen=True)
class Title:
    """The report's title line(s) with what was read from them."""

    lines: tuple[Line, ...]
    text: str
    year: int | None
    issuer: str | None

    @property
    def span(self) -> Span:
        return _span(self.lines)


@dataclass(frozen=True)
class Report:
    """A parsed document with what was detected about it."""

    source: Source
    title: Title | None
    preamble: Section
    sections: tuple[Section, ...]
    year: int | None = None
    era: str | None = None
    issuer: str | None = None
    issuer_level: str | None = None
    year_from: str | None = None  # where the year and the level come from: "option", "title" or "text"
    level_from: str | None = None
    is_report: bool = True
    # regions the grammar could not place in the structure
    problems: tuple[Span, ...] = ()
    # page furniture around and inside the report (reportlint.reading.furniture)
    furniture: tuple[Furniture, ...] = ()
    # short lines around the title: a site's name, the issuer, a date
    masthead: tuple[Line, ...] = ()
    # where an excerpt begins and ends (reportlint.reading.bounds)
    bounds: Bounds = field(default_factory=Bounds)
    # the format's tables read from the table regions (reportlint.reading.tables)
    read_tables: tuple[Table, ...] = ()
    # rows of numbers in table regions before any table of the format
    stray: tuple[Row, ...] = ()
    # top-level sections matched to the era's sections: (section, spec, how) (reportlint.reading.parse)
    matched_sections: tuple[tuple, ...] = ()

    def walk(self):
        """Every section at every level, the preamble first."""
        yield from self.preamble.walk()
        for section in self.sections:
            yield from section.walk()

    def paragraphs(self):
        """Every paragraph in document order."""
        for section in self.walk():
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    yield block

    def tables(self):
        """Every table region in document order."""
        for section in self.walk():
            for block in section.blocks:
                if isinstance(block, TableRegion):
                    yield block


def _span(lines: tuple[Line, ...]) -> Span:
    first, last = lines[0].span, lines[-1].span
    return Span(first.line, first.column, last.end_line, last.end_column)

"""Check kinds over the prose against the tables: numbers the text gives for what a
table holds, and statements ("未收到申请", "均获维持", "所有申请均已办结") the table denies.

Prose rules are humble. A number is read only inside its clause, with the words
between it and the clause's (or the previous number's) start as its label; bracketed
text, approximate counts (余, 约) and changes (增加, 同比) are never read. A label that
names a table quantity (本年新收, 上年结转, 予以公开 …) is compared with that quantity;
a verb alone (受理, 收到, 办理, 答复 …) may mean the new applications, new + carried
in, the results' 总计, or 总计 + carried out, and is compared with each before
anything is said. In a 其中 breakdown a named count may be one applicant column's;
verbs there, and in sentences with withdrawn applications, are not read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from reportlint import patterns
from reportlint.checking.analyses import once_per_report
from reportlint.checking.diagnostics import Finding, Named, joined, phrase
from reportlint.checking.kinds.base import Kind, prose
from reportlint.checking.sentences import clauses, mask_brackets, sentences
from reportlint.reading.model import Cell, Paragraph, Report, Table
from reportlint.checking.identities import readings, value_of
from reportlint.reading.tables import specs
from reportlint.templates import latest
from reportlint.checking.kinds.tables import label_named, table_number



@dataclass(frozen=True)
class Quantity:
    """What a table holds, as a sum of cells (table id, row id, column id)."""

    name: Named
    cells: tuple[tuple[str, str, str], ...]

    def __add__(self, other: Quantity) -> Quantity:
        return Quantity(phrase("phrase.plus", first=self.name, second=other.name), self.cells + other.cells)

    def column(self, col: str) -> Quantity:
        """The same rows of table 三 in one applicant column."""
        label = next(c["label"] for c in specs(latest())["t3"].columns if c["id"] == col)
        return replace(self, name=phrase("phrase.in_column", name=self.name, column=label_named("columns", col, label)),
                       cells=tuple((t, r, col) for t, r, _ in self.cells))


def _q(key: str, *cells: tuple[str, str, str]) -> Quantity:
    """A quantity named by its `quantity.…` phrase of i18n."""
    return Quantity(phrase(f"quantity.{key}"), cells)


NEW = _q("new", ("t3", "new", "total"))
CARRIED_IN = _q("carried_in", ("t3", "carried_in", "total"))
DONE = _q("done", ("t3", "grand_total", "total"))
CARRIED_OUT = _q("carried_out", ("t3", "carried_out", "total"))
GRANTED = _q("granted", ("t3", "granted", "total"))
PARTIAL = _q("partial", ("t3", "partial", "total"))
REVIEW = _q("review", ("t4", "cases", "review.total"))
LITIGATION = _q("litigation", ("t4", "cases", "direct.total"), ("t4", "cases", "after.total"))

# (label pattern, the quantities it may mean, whether it names one unambiguously);
# the named pattern nearest the number wins, and a verb only when no name is there
_NAMED = (
    (patterns.compile(r"予以公开[及和与]部分公开"), (GRANTED + PARTIAL,)),
    (patterns.compile(r"本年度?新收"), (NEW,)),
    (patterns.compile(r"上一?年度?结转"), (CARRIED_IN,)),
    (patterns.compile(r"结转(?:至|到)?下一?年度?|转(?:入|至|到)?下一?年度|顺延(?:到|至)下一?年度?"), (CARRIED_OUT,)),
    (patterns.compile(r"(?<!不)予以公开|同意公开"), (GRANTED,)),
    (patterns.compile(r"部分公开"), (PARTIAL,)),
    (patterns.compile(r"不予公开"), (_q("denied", ("t3", "denied", "total")),)),
    (patterns.compile(r"无法提供"), (_q("unable", ("t3", "unable", "total")),)),
    (patterns.compile(r"不予处理"), (_q("not_processed", ("t3", "not_processed", "total")),)),
    (patterns.compile(r"其他处理"), (_q("other_handling", ("t3", "other_handling", "total")),)),
    (patterns.compile(r"行政复议"), (REVIEW,)),
    (patterns.compile(r"行政诉讼"), (LITIGATION,)),
)
# a label that none of them names, found in one search (the union matches where one of them does)
_ANY_NAMED = patterns.compile("|".join(f"(?:{p.pattern})" for p, _ in _NAMED))
_BOTH_CASES = patterns.compile(r"行政复议[和及与或]行政诉讼")
_NORMATIVE = patterns.compile(r"(?:制发|印发|出台)[^□]*规范性文件|规范性文件[^□]*(?:制发|印发|出台)")
_VERB = patterns.compile(r"受理|收到|接收|接到|办理|办结|答复|处理")
_APPLICATIONS = (NEW, NEW + CARRIED_IN, DONE, DONE + CARRIED_OUT)
_COUNT = patterns.compile(r"(?P<pre>近|约|超过|逾|不到)?(?<![\d.第])(?P<num>\d+)\s*+(?P<approx>余|多)?\s*+(?:件|条)(?!\s*[%％])")
# a count's last digit and its unit: every count _COUNT finds ends so, and this has no
# lookaround nor anchor, so a sentence or a clause without it has no count (found fast:
# a pattern that opens with a digit is looked for in C)
_COUNT_END = patterns.compile(r"\d\s*+(?:余|多)?\s*+(?:件|条)")
_CHANGE = patterns.compile(r"增|减|同比|较|比上年|下降|上升|提高")
_WITHDRAWN = patterns.compile(r"撤回|撤销|撤诉|撤申")
_STOP = patterns.compile(r"[；;]")


@dataclass
class Claim:
    """A count in the prose and the table quantities it may stand for."""

    paragraph: Paragraph
    start: int
    end: int
    value: int
    phrase: str
    quantities: tuple[Quantity, ...]
    named: bool


def named_count(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Counts in the prose naming one table quantity that the table does not show."""
    yield from _not_in_table(report, named=True)


def ambiguous_count(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Counts in the prose equal to none of the table quantities they may stand for."""
    yield from _not_in_table(report, named=False)


def _not_in_table(report: Report, named: bool) -> Iterator[Finding]:
    """The claims that name one quantity (`named`), or else the ambiguous ones, whose
    count is none of the table quantities they may stand for."""
    tables = tables_of(report)
    known: dict[tuple, tuple[int, list[Cell]] | None] = {}  # each quantity's value by its cells: claims share them
    for claim in claims(report):
        if claim.named != named:
            continue
        values = []
        for q in claim.quantities:
            if q.cells not in known:
                known[q.cells] = _value(tables, q, report)
            values.append((q, known[q.cells]))
        if any(v is None for _, v in values) or any(v[0] == claim.value for _, v in values):
            continue
        shown = dict.fromkeys(phrase("phrase.quantity_count", name=q.name, count=v[0]) for q, v in values)
        first = values[0]
        yield Finding(claim.paragraph.span_of(claim.start, claim.end), {
            "said": phrase("phrase.count", count=claim.value), "phrase": claim.phrase,
            "table": table_number(latest(), first[0].cells[0][0]),
            "values": joined(list(shown))},
            related=tuple(c.span for c in first[1][1]))


@once_per_report
def claims(report: Report) -> tuple[Claim, ...]:
    """Every count in the prose whose label names a table quantity or a verb of handling."""
    found = []
    for paragraph in prose(report):
        text = mask_brackets(paragraph.text)
        for s, e in sentences(text):
            if not _COUNT_END.search(text, s, e):
                continue
            sentence = _Sentence(text, s, e)
            for cs, ce in clauses(text, s, e):
                if _COUNT_END.search(text, cs, ce):
                    found += _clause_claims(paragraph, text, sentence, cs, ce)
    return tuple(found)


class _Sentence:
    """A sentence of the prose: where its ； and the words _meaning asks about stand,
    found once, so that what stands before each of its numbers is looked up."""

    WORDS = ("其中", "信息公开", "申请")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start = start
        self.stops = [m.start() for m in _STOP.finditer(text, start, end)]
        self.withdrawn = bool(_WITHDRAWN.search(text, start, end))
        self.words = {w: _occurrences(text, w, start, end) for w in self.WORDS}

    def before(self, at: int) -> Callable[[str], bool]:
        """Whether a word stands in the sentence before `at`, from its last ； before `at`."""
        k = bisect_left(self.stops, at)
        begin = self.stops[k - 1] + 1 if k else self.start

        def has(word: str) -> bool:
            starts = self.words[word]
            i = bisect_left(starts, begin)
            return i < len(starts) and starts[i] + len(word) <= at
        return has


def _occurrences(text: str, word: str, start: int, end: int) -> list[int]:
    """Where `word` starts in text[start:end], overlaps included."""
    found, at = [], text.find(word, start, end)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1, end)
    return found


def _clause_claims(paragraph: Paragraph, text: str, sentence: _Sentence,
                   start: int, end: int) -> Iterator[Claim]:
    """The claims of the clause text[start:end] of `sentence`."""
    label_start = start
    for m in _COUNT.finditer(text, start, end):
        label = text[label_start:m.start()]
        label_start = m.end()
        if m.group("pre") or m.group("approx") or _CHANGE.search(label):
            continue
        found = _meaning(label, sentence.before(m.start()), sentence.withdrawn)
        if found:
            quantities, named = found
            yield Claim(paragraph, m.start("num"), m.end(), int(m.group("num")),
                        text[start:m.end()].strip(), quantities, named)


def _meaning(label: str, before: Callable[[str], bool],
             withdrawn: bool) -> tuple[tuple[Quantity, ...], bool] | None:
    """The quantities a label may mean and whether it names one; None when it names none.
    `before(word)` says whether a word of _Sentence.WORDS stands in the sentence up to the
    number, from its last ；; `withdrawn` whether the sentence speaks of withdrawn applications."""
    breakdown = before("其中")
    if _BOTH_CASES.search(label):
        return (REVIEW, LITIGATION, REVIEW + LITIGATION), False
    hits = [(m.end(), -i, q) for i, (p, q) in enumerate(_NAMED) for m in p.finditer(label)] \
        if _ANY_NAMED.search(label) else ()
    if hits:
        quantities = max(hits)[2]
        if quantities[0].cells[0][0] == "t4":
            return quantities, before("信息公开") and not breakdown
        if breakdown:
            columns = [c["id"] for c in specs(latest())["t3"].columns]
            return tuple(q.column(c) for q in quantities for c in columns), False
        return quantities, True
    if _NORMATIVE.search(label):
        return (_q("normative", ("t2_1", "normative", "issued")),), False
    if _VERB.search(label) and before("申请") and not breakdown and not withdrawn:
        return _APPLICATIONS, False
    return None


def tables_of(report: Report) -> dict[str, Table]:
    """The first table read of each id."""
    out: dict[str, Table] = {}
    for table in report.read_tables:
        out.setdefault(table.id, table)
    return out


def _value(tables: dict[str, Table], q: Quantity, report: Report) -> tuple[int, list[Cell]] | None:
    """The quantity's number and cells; None when a table or a number is missing."""
    total, cells = 0, []
    for table_id, row, col in q.cells:
        table = tables.get(table_id)
        found = value_of(table, row, col, readings(report)) if table else None
        if found is None:
            return None
        total += found[0]
        cells += found[1]
    return total, cells


_NONE_RECEIVED = (
    patterns.compile(r"(?:未|没有)(?:收到|接到|受理|接收)[^□\d]{0,16}?申请|(?:无|没有)(?:依申请|政府信息公开申请)"),
    patterns.compile(r"复议|诉讼|投诉|举报|咨询|除|其他|\d"))
_ALL_COMPLETED = (
    patterns.compile(r"(?:所有|全部)[^□]{0,12}?申请[^□]{0,10}?(?:办结|办理完成|办理完毕|处理完毕)"
                     r"|申请[^□]{0,4}(?:均|全部)(?:已|已经)?(?:办结|办理完成|办理完毕)"),
    patterns.compile(r"结转|上一?年|顺延|除|下一?年"))
_ALL_UPHELD = (patterns.compile(r"(?:均|全部|都)(?:获|被|予以|已|得到)?(?:依法)?维持"), patterns.compile(r"未|没有"))


def none_received(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """The prose says no application came in; table 三's 本年新收 is not 0."""
    yield from _denied(report, *_NONE_RECEIVED, lambda tables, _: _row_cells(tables, "t3", "new", None))


def all_completed(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """The prose says every application was completed; table 三's 结转下年度 is not 0."""
    yield from _denied(report, *_ALL_COMPLETED, lambda tables, _: _row_cells(tables, "t3", "carried_out", None))


def all_upheld(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """The prose says every review or suit upheld the decision; table 四 shows others."""
    yield from _denied(report, *_ALL_UPHELD, _not_upheld)


def _denied(report: Report, pattern: re.Pattern, exclude: re.Pattern,
            denying: Callable[[dict[str, Table], str], list[tuple[str, str, Cell]]]) -> Iterator[Finding]:
    """Clauses of the prose matching `pattern` (and not `exclude`) where a cell of
    `denying(tables, sentence)`, the cells that must all be 0 for them to hold, is not 0."""
    tables = tables_of(report)
    for paragraph in prose(report):
        text = mask_brackets(paragraph.text)
        if not pattern.search(text):
            continue  # `pattern` has no lookaround nor anchor: what it finds in a clause it finds in the text
        for s, e in sentences(text):
            for cs, ce in clauses(text, s, e):
                m = pattern.search(text, cs, ce)
                if not m or exclude.search(text, cs, ce):
                    continue
                cells = [c for c in denying(tables, text[s:e]) if c[2].value]
                if cells:
                    yield Finding(paragraph.span_of(m.start(), m.end()), {
                        "phrase": m.group(),
                        "cells": joined([phrase("phrase.quantity_count", name=w, count=c.value) for _, w, c in cells])},
                        related=tuple(c.span for _, _, c in cells))


def _not_upheld(tables: dict[str, Table], sentence: str) -> list[tuple[str, str, Cell]]:
    """Table 四's 结果纠正 and 其他结果 cells of the reviews (复议) or suits (诉讼) the sentence names."""
    if "复议" not in sentence and "诉讼" not in sentence:
        return []
    groups = [g for g, word in (("review", "复议"), ("direct", "诉讼"), ("after", "诉讼")) if word in sentence]
    return _row_cells(tables, "t4", "cases", {f"{g}.{r}" for g in groups for r in ("corrected", "other")})


def _row_cells(tables: dict[str, Table], table_id: str, row_id: str,
               columns: set[str] | None) -> list[tuple[str, str, Cell]]:
    """The number cells of a row (of `columns` only, when given), described; for a table
    三 row, the 总计 alone when it is a number."""
    table = tables.get(table_id)
    row = table.rows.get(row_id) if table else None
    if row is None:
        return []
    labels = {c["id"]: c.get("group", "") + c["label"] for c in specs(table.era)[table_id].columns}
    cells = [(col, _where(table_id, row_id, row.official, col, labels[col]), c)
             for col, c in row.cells.items() if (columns is None or col in columns) and c.value is not None]
    total = [c for c in cells if c[0] == "total"]
    return total if total and columns is None else cells


def _where(table_id: str, row_id: str, row: str, col: str, column: str) -> Named:
    """表三「四、结转下年度继续办理」自然人; table 四's one row has no label."""
    number, column = table_number(latest(), table_id), label_named("columns", col, column)
    if row:
        return phrase("phrase.row_cell", number=number, row=label_named("rows", row_id, row), column=column)
    return phrase("phrase.table_cell", number=number, column=column)


KINDS = (
    Kind("named-count", named_count, {}, frozenset({"said", "phrase", "table", "values"})),
    Kind("ambiguous-count", ambiguous_count, {}, frozenset({"said", "phrase", "table", "values"})),
    Kind("none-received", none_received, {}, frozenset({"phrase", "cells"})),
    Kind("all-completed", all_completed, {}, frozenset({"phrase", "cells"})),
    Kind("all-upheld", all_upheld, {}, frozenset({"phrase", "cells"})),
)

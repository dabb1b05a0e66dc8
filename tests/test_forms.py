"""Real published texts in every form read as the clean report they stand for.

Each property renders a generated report (tests/forms.py) in one form and asserts the
same title, sections, tables and cell values as its clean rendering, and the same
diagnostics apart from those the form itself earns (page furniture, a web page saved as
text, an excerpt that stops)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.checking.linter import Options, lint_bytes
from reportlint.checking.rules import load_rules
from reportlint.normalize import norm
from tests import forms

RULES = load_rules()
# what a form earns: furniture, a web page's source in a text file, an excerpt's bounds
EARNED = {"H103", "H104", "H107", "S004", "S005", "S006", "Y101"}
# rules that need the issuer's level, which the title names (C101: what a people's government reports)
ISSUER_RULES = {"C101", "D104"}


def _lint(text: str, path: str = "report.txt"):
    return lint_bytes(path, text.encode("utf-8"), RULES, Options())


def reading(result) -> tuple:
    """What was read: the title, the top-level headings, every cell's value."""
    report = result.report
    title = norm(report.title.text) if report.title else None
    headings = [(s.heading.number, norm(s.heading.title)) for s in report.sections if s.heading]
    cells = {(t.id, r.id, c): cell.value for t in report.read_tables for r in t.rows.values()
             for c, cell in r.cells.items()}
    return title, headings, cells


def diagnosed(result) -> list[str]:
    return sorted(d.rule for d in result.diagnostics if d.rule not in EARNED)


def expected(g: forms.Generated) -> tuple:
    return (norm(g.title), [(s.number, norm(s.title)) for s in forms.SECTIONS], g.cells())


@settings(max_examples=25, deadline=None)
@given(forms.reports(), st.sampled_from(sorted(forms.LAYOUTS)))
def test_every_table_layout_reads_the_report(g, layout):
    result = _lint(forms.clean(g, forms.LAYOUTS[layout]))
    assert reading(result) == expected(g)
    assert diagnosed(result) == diagnosed(_lint(forms.clean(g)))


@settings(max_examples=25, deadline=None)
@given(forms.reports(), st.integers(0, len(forms.FURNITURE_ABOVE) - 1),
       st.integers(0, len(forms.FURNITURE_BELOW) - 1))
def test_furniture_above_and_below_is_set_aside(g, above, below):
    clean = _lint(forms.clean(g))
    result = _lint(forms.furnished(g, above, below))
    assert reading(result) == reading(clean) == expected(g)
    assert diagnosed(result) == diagnosed(clean)
    assert [d.rule for d in result.diagnostics if d.rule == "H103"] == ["H103", "H103"]


@settings(max_examples=25, deadline=None)
@given(forms.reports(), st.sampled_from(sorted(forms.TITLE_FORMS)))
def test_the_title_is_read_wherever_and_however_it_stands(g, form):
    """Over two or three lines, repeated, in brackets, or worded 工作报告 / 年报 (a wording
    finding, never a missing title)."""
    clean = _lint(forms.clean(g))
    result = _lint(forms.titled(g, form))
    _, headings, cells = reading(result)
    assert result.report.title is not None and result.report.issuer == g.issuer
    assert result.report.year == g.year and (headings, cells) == expected(g)[1:]
    earned = forms.TITLE_FORMS[form][1]
    assert [r for r in diagnosed(result) if r != earned] == diagnosed(clean)
    assert earned is None or earned in diagnosed(result)


@settings(max_examples=25, deadline=None)
@given(forms.reports())
def test_a_title_run_into_the_first_sentence_reads_the_same(g):
    clean = _lint(forms.clean(g))
    result = _lint(forms.run_in_title(g))
    assert reading(result) == expected(g)
    assert diagnosed(result) == diagnosed(clean)


@settings(max_examples=25, deadline=None)
@given(forms.reports())
def test_a_report_without_its_title_is_a_report_with_a_missing_title(g):
    clean = _lint(forms.clean(g))
    result = _lint(forms.untitled(g))
    assert result.report.is_report and reading(result)[1:] == expected(g)[1:]
    # with the title goes the issuer: checks of what its level requires have nothing to go on
    found, before = diagnosed(result), diagnosed(clean)
    assert "S010" in found and "S003" not in found
    assert [r for r in found if r != "S010"] == [r for r in before if r not in ISSUER_RULES or r in found]


@settings(max_examples=25, deadline=None)
@given(forms.reports(), st.sampled_from(["", " "]))
def test_a_report_on_one_line_reads_the_same(g, joiner):
    clean = _lint(forms.clean(g))
    result = _lint(forms.one_line(g, joiner))
    assert reading(result) == expected(g)
    assert diagnosed(result) == diagnosed(clean)


@settings(max_examples=25, deadline=None)
@given(forms.reports(), st.sampled_from(["utf-8", "big5", "gb18030"]))
def test_traditional_script_reads_the_same(g, encoding):
    """In traditional characters, saved in UTF-8 or in the Big5 of mirror sites."""
    clean = _lint(forms.clean(g))
    text = forms.traditional(forms.clean(g), "s2tw" if encoding == "big5" else "s2t")
    result = lint_bytes("report.txt", text.encode(encoding), RULES, Options())
    assert reading(result) == expected(g)
    assert diagnosed(result) == diagnosed(clean)


@settings(max_examples=25, deadline=None)
@given(forms.reports())
def test_a_web_page_saved_as_text_reads_the_same(g):
    clean = _lint(forms.clean(g))
    result = _lint(forms.web_page(g))
    assert reading(result) == expected(g)
    assert diagnosed(result) == diagnosed(clean)
    assert [d.rule for d in result.diagnostics if d.rule == "H107"] == ["H107"]


def read_through(result) -> dict:
    """Every cell's value as the checks see it: rows read another way included."""
    from reportlint.checking.identities import cells_of, readings
    report = result.report
    read = readings(report)
    return {(t.id, r.id, c): cell.value for t in report.read_tables for r in t.rows.values()
            for c, cell in cells_of(t, r, read).items()}


@settings(max_examples=25, deadline=None)
@given(forms.reports(), st.sampled_from(["", " "]))
def test_cells_run_together_are_read_by_the_identities_or_reported(g, joiner):
    result = _lint(forms.one_line(g, joiner, cells=""))
    cells = read_through(result)
    model = g.cells()
    wrong = {k: (v, model[k]) for k, v in cells.items() if v != model.get(k)}
    assert not wrong, "a value read from run-together cells is never a wrong one"
    assert not [d for d in result.diagnostics if d.category == "table-arith"]
    unread = {(t, r) for t, r, _ in model} - {(t, r) for t, r, _ in cells}
    reported = [d for d in result.diagnostics if d.rule in ("N106", "N102")]
    assert bool(unread) <= bool(reported), f"rows not read and not reported: {unread}"
    assert len([d for d in result.diagnostics if d.rule == "N106"]) <= len(result.report.read_tables)


MUTATIONS = ("duplicate", "drop_label", "drop_value", "extra_row", "merge_rows")


def _mutate(rows: list[list[str]], how: str, at: int) -> list[list[str]]:
    """Table 三's rows (three header rows, then data rows) damaged as conversions do."""
    head, data = rows[:3], [list(r) for r in rows[3:]]
    k = at % len(data)
    width = 7
    if how == "duplicate":
        data.insert(k + 1, list(data[k]))
    elif how == "drop_label":
        data[k] = data[k][-width:]
    elif how == "drop_value":
        del data[k][-1 - at % width]
    elif how == "extra_row":
        data.insert(k, ["合计情况", *map(str, range(1, width + 1))])
    elif how == "merge_rows" and k + 1 < len(data):
        data[k] = data[k] + data[k + 1][-width:]
        del data[k + 1]
    return head + data


@settings(max_examples=40, deadline=None)
@given(forms.reports(), st.sampled_from(sorted(forms.LAYOUTS)), st.sampled_from(MUTATIONS), st.integers(0, 99))
def test_a_value_the_reader_drops_or_moves_comes_with_a_diagnostic(g, layout, how, at):
    from reportlint.checking.identities import cells_of, readings
    from reportlint.reading.model import TableRegion

    tables = forms.table_rows(g)
    tables["t3"] = _mutate(tables["t3"], how, at)
    text = "\n".join(forms.lines_of(g, forms.LAYOUTS[layout], tables)) + "\n"
    result = _lint(text)
    report = result.report
    read = readings(report)
    placed = {(c.line, c.column): (t.id, r.id) for t in report.read_tables for r in t.rows.values()
              for c in cells_of(t, r, read).values()}
    model = {(t, r) for t, r, _ in g.cells()}
    noted = {d.line for d in result.diagnostics if d.category in ("cell", "table-shape")} | \
        {rel["line"] for d in result.diagnostics if d.category in ("cell", "table-shape") for rel in d.related}
    for region in (b for s in report.walk() for b in s.blocks if isinstance(b, TableRegion)):
        for row in region.rows:
            lines = {c.line for c in (*row.labels, *row.values)}
            for cell in row.values:
                if cell.value is None:
                    continue
                where = placed.get((cell.line, cell.column))
                dropped = where is None and not any((cell.line, c) in placed for c in range(cell.column, cell.column + len(cell.text)))
                assert not dropped or lines & noted, f"value {cell.text!r} at {cell.line}:{cell.column} dropped silently ({how})"
                assert where is None or where in model


@settings(max_examples=40, deadline=None)
@given(forms.reports(), st.floats(0.15, 0.95), st.sampled_from(["pipes", "cell_lines", "aligned"]))
def test_an_excerpt_says_once_where_it_stops(g, at, layout):
    """A page that keeps only the opening of a report: one finding says where the text
    stops, no part after it is called missing, and nothing else is said that the whole
    report would not earn (but on the cut line). A text cut inside a table's last
    cell says so where a mark closes the cells (| in pipe rows); in the aligned layout
    nothing does, and the cut is taken at the end of the number it falls in."""
    text = forms.clean(g, forms.LAYOUTS[layout])
    whole, part = _lint(text), forms.excerpt(text, at)
    if layout == "aligned" and part[-1:].isdigit():  # no mark closes its cells: a number cut short is not seen
        part += re.match(r"\d*", text[len(part):]).group()
    result = _lint(part)
    stops = [d for d in result.diagnostics if d.rule in ("S004", "S006")]
    assert len(stops) == 1
    cut = stops[0].line
    assert not [d for d in result.diagnostics if d.rule in ("S020", "S041", "T101", "S010")]
    extra = {d.rule for d in result.diagnostics if d.line != cut} - {d.rule for d in whole.diagnostics} - EARNED
    assert not extra, (extra, [(d.line, d.rule) for d in result.diagnostics], result.report.bounds.cut_from)

"""A parsed report is not changed by checking it: every rule, on every form a report
takes (text, Word, web page), leaves the report as the parse made it."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from reportlint.checking.linter import Options, lint_across, lint_bytes, lint_report
from reportlint.reading.documents import read
from reportlint.reading.parse import parse_report
from tests import forms
from tests.test_readers_docx import build_docx

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def snapshot(value):
    """`value` as nested tuples of plain values: every field of every node (those the
    parse computes, such as a line's content, too), every item of every container."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *((f.name, snapshot(getattr(value, f.name)))
                                        for f in dataclasses.fields(value)))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, *(snapshot(v) for v in value))
    if isinstance(value, Mapping):
        return ("mapping", *((k, snapshot(v)) for k, v in value.items()))
    return value


def _unchanged_by_lint(path: str, data: bytes, rules) -> None:
    report = parse_report(read(path, data))
    before = snapshot(report)
    lint_report(report, rules)
    assert snapshot(report) == before


@pytest.mark.parametrize("name", ["defects.txt", "clean.txt", "last-year.txt"])
@pytest.mark.parametrize("form", ["txt", "docx", "html"])
def test_linting_a_report_leaves_it_as_parsed(rules, name, form):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    data = {"txt": text.encode("utf-8"), "docx": build_docx(text) if form == "docx" else b"",
            "html": ("<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines())
                     + "</body></html>").encode("utf-8")}[form]
    _unchanged_by_lint(f"r.{form}", data, rules)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(forms.reports())
def test_linting_generated_reports_leaves_them_as_parsed(rules, g):
    for text in (forms.clean(g), forms.furnished(g, 3, 2), forms.one_line(g)):
        _unchanged_by_lint("r.txt", text.encode("utf-8"), rules)
    _unchanged_by_lint("r.html", forms.web_page(g).encode("utf-8"), rules)


def test_the_checks_across_reports_leave_both_as_parsed(rules):
    now, last = (parse_report(read(n, (EXAMPLES / n).read_bytes())) for n in ("clean.txt", "last-year.txt"))
    before = snapshot(now), snapshot(last)
    assert lint_across(now, last, "previous", rules) and not lint_across(now, last, "peer", rules)
    assert (snapshot(now), snapshot(last)) == before


def test_a_parsed_report_cannot_be_changed(rules):
    report = lint_bytes("r.txt", (EXAMPLES / "defects.txt").read_bytes(), rules, Options()).report
    paragraph = next(report.paragraphs())
    for node, name in ((report, "year"), (report.source, "text"), (report.sections[0], "heading"),
                       (paragraph, "lines"), (paragraph.lines[0], "text"), (report.title, "year"),
                       (next(report.tables()), "rows")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(node, name, None)
    assert isinstance(report.sections, tuple) and isinstance(report.sections[0].blocks, tuple)


def test_the_tables_read_cannot_be_changed(rules):
    report = lint_bytes("r.txt", (EXAMPLES / "defects.txt").read_bytes(), rules, Options()).report
    table = next(t for t in report.read_tables if t.columns)
    row = next(iter(table.rows.values()))
    column = table.columns[0][0]
    for node, name in ((table, "rows"), (table, "era"), (table, "unplaced"), (row, "cells"), (row, "problem"),
                       (row, "how"), (row.row, "labels"), (row.row, "values"), (column, "cells"),
                       (next(iter(row.cells.values())), "value"), (report.stray[0] if report.stray else row.row, "values")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(node, name, None)
    with pytest.raises(TypeError):
        table.rows["extra"] = row
    with pytest.raises(TypeError):
        row.cells["extra"] = row.row.values[0]
    for held in (table.unknown, table.headers, table.columns, table.unplaced, table.headers[0], table.columns[0],
                 row.row.labels, row.row.values, column.cells, next(report.tables()).rows[0].labels):
        assert isinstance(held, tuple)


def test_a_parsed_report_crosses_processes_whole(rules):
    """Reports go to and from the processes that lint in parallel: pickled, they are the same."""
    for name in ("defects.txt", "clean.txt"):
        report = parse_report(read(name, (EXAMPLES / name).read_bytes()))
        assert report.read_tables and snapshot(pickle.loads(pickle.dumps(report))) == snapshot(report)

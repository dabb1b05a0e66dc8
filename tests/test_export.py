"""`reportlint export`: every cell of a generated report's tables under its official
labels, read back with openpyxl; a blank stays blank; csv and json carry the same figures."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import given, settings

from reportlint.cli.main import main
from reportlint.reporting.export import columns, indicators
from tests import forms

BLANK = ("t3", "carried_in", "business")  # the cell left blank in the report


def _report(g: forms.Generated) -> str:
    tables = forms.table_rows(g)
    row = next(r for r in tables["t3"] if r[0] == forms.T3_LABELS[BLANK[1]])
    row[1 + [c["id"] for c in forms.T3["columns"]].index(BLANK[2])] = ""
    return "\n".join(forms.lines_of(g, forms.pipes, tables)) + "\n"


def _export(folder: Path, suffix: str, *extra: str) -> Path:
    out = folder / f"figures.{suffix}"
    assert main(["export", str(folder / "reports"), "-o", str(out), *extra]) == 0
    return out


def _sheet(path: Path) -> tuple[list, list[list]]:
    sheet = openpyxl.load_workbook(path).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert sheet.freeze_panes == "B2", "the header row (and the path) stay in view"
    return rows[0], rows[1:]


@settings(max_examples=5, deadline=None)
@given(forms.reports())
def test_every_cell_of_a_report_under_its_official_labels(g):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "reports").mkdir()
        (folder / "reports" / "a.txt").write_text(_report(g), encoding="utf-8")
        (folder / "reports" / "b.txt").write_bytes(b"\x00\x01\x02 not a report")
        head, rows = _sheet(_export(folder, "xlsx"))
        with open(_export(folder, "csv"), encoding="utf-8-sig", newline="") as f:
            csv_rows = list(csv.reader(f))
        doc = json.loads(_export(folder, "json").read_text(encoding="utf-8"))
    report, unreadable = rows
    assert report[:5] == [str(folder / "reports" / "a.txt"), g.issuer, g.level, g.year, "2021"]
    at = {c.cells.get("2021"): head.index(c.header) for c in columns()}
    for key, value in g.cells().items():
        expected = None if key == BLANK else value
        assert report[at[key]] == expected, f"{head[at[key]]}: {report[at[key]]!r} is not {expected!r}"
        assert isinstance(report[at[key]], (int, type(None))), "numbers are typed"
    others = [k for c, k in at.items() if c is None]
    assert others and all(report[k] is None for k in others), "the 2019 format's cells are blank"
    assert all(v == "未读出" for v in unreadable[5:5 + len(columns())]), "nothing read: marked"
    t3, t4 = g.t3, g.t4
    figures = dict(zip(head, report))
    names = {i["id"]: i["name"]["zh"] for i in indicators()}
    total = t3["new"][-1] + t3["carried_in"][-1]
    assert figures[names["requests"]] == total
    done = t3["grand_total"][-1]
    assert figures[names["granted_share"]] == (round(t3["granted"][-1] / done, 4) if done else None)
    assert figures[names["partial_share"]] == (round(t3["partial"][-1] / done, 4) if done else None)
    assert figures[names["review_corrected"]] == (round(t4[1] / t4[4], 4) if t4[4] else None)
    sued = t4[9] + t4[14]
    assert figures[names["litigation_corrected"]] == (round((t4[6] + t4[11]) / sued, 4) if sued else None)
    assert figures[names["carried_out_share"]] == (round(t3["carried_out"][-1] / total, 4) if total else None)
    assert csv_rows[0] == head and doc["columns"] == head
    assert len(csv_rows) == len(doc["rows"]) + 1 == len(rows) + 1
    for xlsx_row, csv_row, json_row in zip(rows, csv_rows[1:], doc["rows"]):
        assert list(map(_plain, csv_row)) == list(map(_plain, xlsx_row)), "csv: the same figures"
        assert list(map(_plain, json_row)) == list(map(_plain, xlsx_row)), "json: the same figures"


def _plain(value) -> object:
    """A figure as the three formats can all say it: a number as a float, a blank as None."""
    if value in (None, ""):
        return None
    try:
        return float(value)
    except ValueError:
        return value


def test_a_bad_output_name_is_a_usage_error(tmp_path, capsys):
    assert main(["export", str(tmp_path), "-o", str(tmp_path / "figures.txt")]) == 2
    assert ".xlsx" in capsys.readouterr().err


def test_english_headers(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "b.txt").write_bytes(b"\x00\x01")
    head, rows = _sheet(_export(tmp_path, "xlsx", "--lang", "en"))
    assert head[:5] == ["path", "issuer", "issuer level", "year", "format"]
    assert rows[0][5] == "unread" and head[-1] == indicators()[-1]["name"]["en"]

"""`--format xlsx -o FILE`: the findings workbook, read back with openpyxl."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from reportlint.cli.main import main
from tests import forms
from tests.test_batch_page import run_batch


@settings(max_examples=2, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.lists(forms.reports(), min_size=3, max_size=6))
def test_every_file_and_finding_in_the_workbook(generated):
    with tempfile.TemporaryDirectory() as tmp:
        files, out, code = run_batch(Path(tmp), generated, "xlsx", binary=True)
        book = openpyxl.load_workbook(out)
    assert code == 1
    sheet_files, sheet_findings = book.worksheets
    rows = list(sheet_files.iter_rows(values_only=True))
    assert rows[0] == ("单位", "文件", "报告年度", "格式", "错误", "警告", "提示")
    assert [r[:4] for r in rows[1:]] == [(f["issuer"], f["path"], f["report_year"], f["era"]) for f in files]
    assert [r[4:] for r in rows[1:]] == [tuple(sum(d["severity"] == s for d in f["diagnostics"])
                                               for s in ("error", "warning", "info")) for f in files]
    findings = list(sheet_findings.iter_rows(values_only=True))
    assert findings[0][-2:] == ("确认", "整改情况")
    expected = [(f["issuer"], f["path"], d["rule"], d["name"], {"error": "错误", "warning": "警告", "info": "提示"}
                 [d["severity"]], d["category"], d["location"] or f"{d['line']}:{d['column']}", d["message"],
                 d["basis"], None, None) for f in files for d in f["diagnostics"]]
    assert findings[1:] == expected
    for sheet in book.worksheets:
        assert sheet.auto_filter.ref == sheet.dimensions and sheet.freeze_panes == "A2"


def test_xlsx_needs_an_output_file(capsys):
    assert main(["--format", "xlsx", "examples"]) == 2
    assert "-o" in capsys.readouterr().err

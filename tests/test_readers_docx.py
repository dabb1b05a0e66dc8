"""Word documents: the text view, locations, merged cells, damaged files and --annotate."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from reportlint.checking.linter import Options, lint_bytes
from reportlint.cli.main import main
from reportlint.cli.template import word_document
from reportlint.reading.documents import read

ROOT = Path(__file__).resolve().parent.parent


def build_docx(text: str) -> bytes:
    """A .docx of `text` with Word tables and merged cells (reportlint template's writer)."""
    return word_document(text)


@pytest.fixture(scope="module", params=["clean.txt", "defects.txt"])
def fixture(request) -> str:
    return (ROOT / "examples" / request.param).read_text(encoding="utf-8")


def test_docx_view_is_the_text(fixture):
    assert list(read("r.docx", build_docx(fixture)).lines) == fixture.splitlines()


def test_docx_gives_the_diagnostics_of_the_text(fixture, rules):
    as_text = lint_bytes("r.txt", fixture.encode("utf-8"), rules, Options())
    as_docx = lint_bytes("r.docx", build_docx(fixture), rules, Options())
    assert [(d.rule, d.line, d.column) for d in as_docx.diagnostics] == \
        [(d.rule, d.line, d.column) for d in as_text.diagnostics]
    assert as_docx.report.era == as_text.report.era


def test_locations_name_paragraphs_and_cells(rules):
    text = (ROOT / "examples" / "defects.txt").read_text(encoding="utf-8")
    source = read("r.docx", build_docx(text))
    assert source.location(1, 1) == "第1段"
    assert source.location(2, 1) is None  # an empty paragraph
    row = next(n for n, line in enumerate(source.lines, start=1) if "本年新收" in line)
    line = source.lines[row - 1]
    assert source.location(row, 1) == "表5 第4行 第1列"
    assert source.location(row, line.index("| 1") + 3) == "表5 第4行 第4列"  # the grid column, after a label 3 wide
    result = lint_bytes("r.docx", build_docx(text), rules, Options())
    assert all(d.location for d in result.diagnostics if d.line == 1)


def test_merged_cells_stand_once_in_a_row_and_in_every_row():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "三、本年度办理结果"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "（一）予以公开"
    table.cell(1, 1).text, table.cell(1, 2).text = "商业", "\u3000\u3000"
    table.cell(2, 1).text = "1"
    table.cell(2, 1).add_paragraph("2")
    table.cell(2, 2).paragraphs[0].text = "科研"
    table.cell(2, 2).add_paragraph("机构")
    table.cell(1, 2).paragraphs[0].add_run("尚未").add_break()
    table.cell(1, 2).paragraphs[0].add_run("审结")
    out = io.BytesIO()
    document.save(out)
    source = read("t.docx", out.getvalue())
    assert list(source.lines) == [
        "| 三、本年度办理结果 | （一）予以公开 |",
        "| 三、本年度办理结果 | 商业 | 尚未审结 |",
        "| 三、本年度办理结果 | 1 2 | 科研机构 |",
    ]
    assert source.location(3, len(source.lines[2]) - 2) == "表1 第3行 第3列"


@pytest.mark.parametrize(("name", "data", "words"), [
    ("r.docx", b"PK\x03\x04 not really a zip", "Word"),
    ("r.docx", "一、总体情况\n".encode("utf-8"), ".docx"),
    ("r.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".doc"),
])
def test_damaged_or_false_word_files_are_unreadable(rules, name, data, words):
    result = lint_bytes(name, data, rules, Options())
    assert [d.name for d in result.diagnostics] == ["unreadable-input"]
    assert words in result.diagnostics[0].message


def test_damaged_package_with_a_document_part_is_unreadable(rules):
    out = io.BytesIO()
    import zipfile
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", "<not xml")
    result = lint_bytes("r.docx", out.getvalue(), rules, Options(lang="en"))
    assert [d.name for d in result.diagnostics] == ["unreadable-input"]
    assert "damaged" in result.diagnostics[0].message


def test_a_txt_that_holds_a_word_document_is_read_as_word(rules):
    text = (ROOT / "examples" / "clean.txt").read_text(encoding="utf-8")
    result = lint_bytes("misnamed.txt", build_docx(text), rules, Options())
    assert result.report is not None and result.report.year == 2024


def test_stdin_filename_docx_reads_word(monkeypatch, capsys):
    data = build_docx((ROOT / "examples" / "defects.txt").read_text(encoding="utf-8"))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    main(["-", "--stdin-filename", "draft.docx", "--format", "json", "--no-config"])
    record = json.loads(capsys.readouterr().out)["files"][0]
    assert record["path"] == "draft.docx" and record["report_year"] == 2024
    assert all(d["location"] for d in record["diagnostics"] if d["line"] == 1)


# --annotate: a copy of the document with one comment per diagnostic


def test_annotate_writes_one_comment_per_diagnostic(tmp_path, capsys):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(build_docx((ROOT / "examples" / "defects.txt").read_text(encoding="utf-8")))
    before = draft.read_bytes()
    main([str(draft), "--annotate", "--format", "json", "--no-config"])
    diagnostics = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    annotated = docx.Document(str(tmp_path / "draft.reportlint.docx"))
    comments = list(annotated.comments)
    assert diagnostics and len(comments) == len(diagnostics)
    assert {c.text for c in comments} >= {f"{d['message']}（{d['rule']} {d['name']}，{_severity(d)}）"
                                          for d in diagnostics}
    assert draft.read_bytes() == before


def test_annotate_anchors_cell_findings_in_their_cell(tmp_path):
    text = (ROOT / "examples" / "defects.txt").read_text(encoding="utf-8")
    draft = tmp_path / "draft.docx"
    draft.write_bytes(build_docx(text))
    main([str(draft), "--annotate", "--select", "table-arith", "--no-config", "--format", "json"])
    annotated = docx.Document(str(tmp_path / "draft.reportlint.docx"))
    body = annotated.element.body.xml
    assert annotated.comments and "commentRangeStart" in "".join(
        cell._tc.xml for table in annotated.tables for row in table.rows for cell in row.cells)
    assert body.count("commentReference") == len(list(annotated.comments))


def test_annotate_skips_files_that_are_not_word(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n", encoding="utf-8")
    main([str(report), "--annotate", "--no-config"])
    assert not list(tmp_path.glob("*.reportlint.*"))


def _severity(d: dict) -> str:
    return {"error": "错误", "warning": "警告", "info": "提示"}[d["severity"]]

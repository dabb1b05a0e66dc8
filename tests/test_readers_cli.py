"""Folders of reports in every form: the walk, --exclude, --jobs (same order as one job);
any bytes under any name give a result."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.checking.linter import Options, lint_bytes
from reportlint.checking.rules import load_rules
from reportlint.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
DEFECTS = (ROOT / "examples" / "defects.txt").read_text(encoding="utf-8")


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "web").mkdir(parents=True)
    (folder / "old").mkdir()
    (folder / "a.txt").write_text(DEFECTS, encoding="utf-8")
    (folder / "b.md").write_text(DEFECTS, encoding="utf-8")
    document = docx.Document()
    for line in DEFECTS.splitlines()[:20]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    (folder / "c.docx").write_bytes(out.getvalue())
    (folder / "c.reportlint.docx").write_bytes(out.getvalue())  # an --annotate copy
    (folder / "web" / "d.htm").write_text(f"<html><body><div class='zoom'><p>{DEFECTS.splitlines()[0]}</p>"
                                          "</div></body></html>", encoding="utf-8")
    (folder / "web" / "e.pdf").write_bytes(b"%PDF-1.4 damaged")
    (folder / "old" / "f.txt").write_text(DEFECTS, encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return folder


def _run(capsys, *args: str) -> dict:
    main([*args, "--format", "json", "--no-config"])
    return json.loads(capsys.readouterr().out)


def test_folders_are_walked_for_every_form(tmp_path, capsys):
    folder = _folder(tmp_path)
    paths = [Path(f["path"]).relative_to(folder).as_posix() for f in _run(capsys, str(folder))["files"]]
    assert paths == ["a.txt", "b.md", "c.docx", "old/f.txt", "web/d.htm", "web/e.pdf"]


def test_exclude_globs_skip_files_and_folders(tmp_path, capsys):
    folder = _folder(tmp_path)
    record = _run(capsys, str(folder), "--exclude", "old", "--exclude", "*.pdf", "--exclude", "web/*.htm")
    paths = [Path(f["path"]).relative_to(folder).as_posix() for f in record["files"]]
    assert paths == ["a.txt", "b.md", "c.docx"]


def test_jobs_print_in_the_order_of_one_job(tmp_path, capsys):
    folder = _folder(tmp_path)
    one = _run(capsys, str(folder), "--jobs", "1")
    many = _run(capsys, str(folder), "--jobs", "3")
    assert many == one and len(one["files"]) == 6
    assert one["files"][2]["diagnostics"] and one["files"][2]["diagnostics"][0]["location"]


HTML_PIECES = st.sampled_from(["<p>", "</p>", "<table>", "<tr>", "<td rowspan='3' colspan='2'>", "</td>",
                               "<div class='zoom'>", "</div>", "<br>", "&nbsp;", "<o:p> </o:p>", "一、总体情况",
                               "| 1 | 2 |", "<meta charset='gbk'>", "<script>x</script>", "<!-- c -->", "<"])


@settings(max_examples=150, deadline=None)
@given(st.lists(HTML_PIECES, max_size=40), st.sampled_from(["utf-8", "gb18030"]))
def test_any_page_gives_a_result(pieces, encoding):
    result = lint_bytes("p.html", "".join(pieces).encode(encoding), load_rules(), Options())
    assert result.report is not None or [d.name for d in result.diagnostics] == ["unreadable-input"]


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["x.docx", "x.pdf", "x.html", "x.htm"]),
       st.sampled_from([b"", b"PK\x03\x04", b"%PDF-1.7\n"]))
def test_any_bytes_under_any_name_give_a_result(data, name, head):
    result = lint_bytes(name, head + data, load_rules(), Options())
    assert result.report is not None or [d.name for d in result.diagnostics] == ["unreadable-input"]

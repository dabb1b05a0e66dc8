"""The clerk's loop in Word: a draft built with python-docx (merged cells, a paragraph of
several runs, a tracked insertion and deletion, a comment already there) is linted; the
places, the reading of tracked changes and the --annotate comment anchors are checked."""

from __future__ import annotations

import io
import re
import json
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from reportlint.checking.linter import Options, lint_bytes
from reportlint.cli.main import main
from reportlint.reading.docx import open_document, text_view
from tests.test_readers_docx import build_docx

DEFECTS = (Path(__file__).resolve().parent.parent / "examples" / "defects.txt").read_text(encoding="utf-8")
RUNS = ("本年度共收到", "申请X", "X件，办结率达到百分之百。")  # a placeholder XX across two runs
INSERTED, DELETED = "XX", "五十"


def draft() -> bytes:
    """examples/defects.txt as Word tables and paragraphs, with two paragraphs of runs
    and tracked changes after 一、总体情况 and a comment already on the title."""
    document = docx.Document(io.BytesIO(build_docx(DEFECTS)))
    heading = next(p for p in document.paragraphs if p.text == "一、总体情况")
    after = heading._p.getnext()
    runs = docx.text.paragraph.Paragraph(after, heading._parent).insert_paragraph_before("")
    for text in RUNS:
        runs.add_run(text)
    tracked = docx.text.paragraph.Paragraph(after, heading._parent).insert_paragraph_before("全年主动公开政府信息")
    tracked._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="901" w:author="clerk" w:date="2026-01-05T00:00:00Z">'
                                f'<w:r><w:t>{INSERTED}</w:t></w:r></w:ins>'))
    tracked._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="902" w:author="clerk" w:date="2026-01-05T00:00:00Z">'
                                f'<w:r><w:delText>{DELETED}</w:delText></w:r></w:del>'))
    tracked.add_run("条。")
    document.add_comment(document.paragraphs[0].runs, text="已核对标题", author="科员", initials="KY")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_tracked_insertions_are_read_and_deletions_are_not(rules):
    source = lint_bytes("draft.docx", draft(), rules, Options()).report.source
    assert "全年主动公开政府信息XX条。" in source.lines
    assert "".join(RUNS) in source.lines
    assert DELETED not in source.text


def test_text_output_leads_with_the_paragraph_and_the_cell(tmp_path, capsys):
    path = tmp_path / "draft.docx"
    path.write_bytes(draft())
    main([str(path), "--no-config"])
    out = capsys.readouterr().out
    placeholder = [line for line in out.splitlines() if " H101 " in line]
    assert len(placeholder) == 3 and all(line.startswith(f"{path} 第") and "段 (" in line for line in placeholder)
    assert any(line.startswith(f"{path} 表") and "行 第" in line for line in out.splitlines() if " A10" in line
               or " S060 " in line or " N10" in line)


def _commented(document: docx.document.Document) -> dict[str, str]:
    """The text each comment is anchored on, by comment id (deleted text aside)."""
    open_ids: set[str] = set()
    found: dict[str, str] = {}
    for element in document.element.body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(element.get(qn("w:id")))
            found.setdefault(element.get(qn("w:id")), "")
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(element.get(qn("w:id")))
        elif element.tag == qn("w:t"):
            for i in open_ids:
                found[i] += element.text or ""
    return found


def test_annotate_anchors_each_comment_on_the_exact_characters(tmp_path, capsys):
    path = tmp_path / "draft.docx"
    path.write_bytes(draft())
    main([str(path), "--annotate", "--format", "json", "--no-config"])
    diagnostics = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    before = open_document(path.read_bytes())
    view, anchors = text_view(before)
    annotated = docx.Document(str(tmp_path / "draft.reportlint.docx"))
    assert text_view(annotated)[0].lines == view.lines, "the text stays identical"
    comments = {c.comment_id: c for c in annotated.comments}
    assert any(c.text == "已核对标题" and c.author == "科员" for c in comments.values()), "earlier comments stay"
    assert len(comments) == len(diagnostics) + 1
    anchored = _commented(annotated)
    ours = sorted((c for c in comments.values() if c.author == "reportlint"), key=lambda c: c.comment_id)
    in_paragraphs = 0
    for d, comment in zip(diagnostics, ours):
        line = view.lines[d["line"] - 1]
        if line.startswith("|"):
            continue  # a cell: the whole cell
        in_paragraphs += 1
        end = d["end_column"] - 1 if d["end_line"] == d["line"] else len(line)
        assert anchored[str(comment.comment_id)] == line[d["column"] - 1:max(end, d["column"])], d["rule"]
    assert in_paragraphs >= 3
    placeholders = [anchored[str(c.comment_id)] for d, c in zip(diagnostics, ours) if d["rule"] == "H101"]
    assert placeholders[:2] == ["XX", "XX"], "across two runs, and inside a tracked insertion"


def test_annotate_puts_a_cell_finding_on_its_cell(tmp_path, capsys):
    path = tmp_path / "draft.docx"
    path.write_bytes(draft())
    main([str(path), "--annotate", "--select", "S060,A101,A102,A103", "--format", "json", "--no-config"])
    diagnostics = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    annotated = docx.Document(str(tmp_path / "draft.reportlint.docx"))
    anchored = _commented(annotated)
    ours = sorted((c for c in annotated.comments if c.author == "reportlint"), key=lambda c: c.comment_id)
    view = text_view(annotated)[0]
    assert diagnostics and len(ours) == len(diagnostics)
    for d, comment in zip(diagnostics, ours):
        line = view.lines[d["line"] - 1]
        assert anchored[str(comment.comment_id)] == line[d["column"] - 1:].split(" |")[0].strip()


def test_fix_writes_the_safe_fixes_as_tracked_changes_and_leaves_every_digit(tmp_path, capsys):
    path = tmp_path / "draft.docx"
    path.write_bytes(draft())
    before = path.read_bytes()
    main([str(path), "--fix", "--no-config", "--format", "json"])
    assert "draft.reportlint.docx" in capsys.readouterr().err
    assert path.read_bytes() == before, "the draft itself is left alone"
    fixed = docx.Document(str(tmp_path / "draft.reportlint.docx"))
    body = fixed.element.body
    deletions, insertions = body.findall(".//" + qn("w:del")), body.findall(".//" + qn("w:ins"))
    ours = [e for e in deletions + insertions if e.get(qn("w:author")) == "reportlint"]
    assert ours and all(e.get(qn("w:date")) for e in ours)
    old, new = text_view(open_document(before))[0].lines, text_view(fixed)[0].lines
    assert "2024年，青山县市场监督管理局认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，推进政府信息公开工作规范开展。" in new
    assert "| 行政规范性文件 | 2 | 1 | 15 |" in new, "a label variant in its cell"
    assert [re.findall(r"\d", line) for line in new] == [re.findall(r"\d", line) for line in old]
    assert len(new) == len(old) and new != old


def test_template_writes_a_word_document_of_the_years_format_with_merged_cells(tmp_path, capsys):
    out = tmp_path / "draft.docx"
    assert main(["template", "--year", "2024", "-o", str(out)]) == 0
    assert main(["template", "--year", "2024"]) == 0
    text = capsys.readouterr().out
    document = docx.Document(str(out))
    assert list(text_view(document)[0].lines) == text.splitlines()
    xml = document.element.body.xml
    assert "w:gridSpan" in xml and "w:vMerge" in xml, "merged across and down, as the official table 三"
    main(["--format", "json", "--no-config", str(out)])
    names = {d["name"] for d in json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]}
    assert names == {"blank-cell", "blank-columns", "placeholder"}

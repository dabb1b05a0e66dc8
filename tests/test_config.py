"""Configuration: discovery, selection, severities, per-file settings, user rules, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.checking.rules import load_rules
from reportlint.cli.config import ConfigError, find, load
from reportlint.cli.main import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DEFECTS = (EXAMPLES / "defects.txt").read_bytes()


def lint_json(capsys, *argv):
    code = main(["--format", "json", *map(str, argv)])
    doc = json.loads(capsys.readouterr().out)
    return code, [(d["rule"], d["severity"]) for f in doc["files"] for d in f["diagnostics"]]


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "r.txt").write_bytes(DEFECTS)
    return tmp_path


def test_closest_yaml_config_applies(capsys, tree):
    (tree / ".reportlint.yaml").write_text("select: [S020]\n", encoding="utf-8")
    assert {r for r, _ in lint_json(capsys, tree / "sub" / "r.txt")[1]} == {"S020"}
    (tree / "sub" / ".reportlint.yaml").write_text("select: [S013]\n", encoding="utf-8")
    assert {r for r, _ in lint_json(capsys, tree / "sub" / "r.txt")[1]} == {"S013"}


def test_pyproject_section_applies_and_is_skipped_without_it(capsys, tree):
    (tree / "pyproject.toml").write_text("[tool.reportlint]\nignore = ['structure']\n", encoding="utf-8")
    (tree / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find(tree / "sub" / "r.txt") == (tree / "pyproject.toml").resolve()
    structure = {rule.id for rule in load_rules() if rule.category == "structure"}
    assert not any(r in structure for r, _ in lint_json(capsys, tree / "sub" / "r.txt")[1])


@pytest.mark.parametrize("toml", [
    "[tool.reportlint]\nignore = ['structure']\n",
    "[ tool . \"reportlint\" ]\nignore = ['structure']\n",
    "[tool]\nreportlint = { ignore = ['structure'] }\n",
    "tool.reportlint.ignore = ['structure']\n",
    "tool = { reportlint = { ignore = ['structure'] } }\n",
    "[tool.reportlint.per-file]\n",
])
def test_pyproject_section_found_in_every_spelling(tree, toml):
    (tree / "pyproject.toml").write_text(toml + "[project]\nname = 'x'\n", encoding="utf-8")
    assert find(tree / "sub" / "r.txt") == (tree / "pyproject.toml").resolve()


def test_pyproject_naming_reportlint_elsewhere_is_not_a_config(tree):
    (tree / "pyproject.toml").write_text(
        "[project]\nname = 'x'\ndependencies = ['reportlint']\n[project.scripts]\nreportlint = 'x:y'\n"
        "[tool.other]\nreportlint = 1\n", encoding="utf-8")
    assert find(tree / "sub" / "r.txt") is None


def test_severity_override_and_fail_on(capsys, tree):
    (tree / ".reportlint.yaml").write_text(
        "select: [structure]\nseverity: {missing-section: info, S022: warning, S013: error}\nfail-on: error\n",
        encoding="utf-8")
    code, found = lint_json(capsys, tree / "sub" / "r.txt")
    assert ("S020", "info") in found and ("S022", "warning") in found and ("S013", "error") in found
    assert code == 1
    (tree / ".reportlint.yaml").write_text("select: [S020]\nseverity: {S020: info}\n", encoding="utf-8")
    assert lint_json(capsys, tree / "sub" / "r.txt")[0] == 0


def test_command_line_wins_over_config(capsys, tree):
    (tree / ".reportlint.yaml").write_text("select: [S020]\n", encoding="utf-8")
    assert {r for r, _ in lint_json(capsys, "--select", "S013", tree / "sub" / "r.txt")[1]} == {"S013"}
    assert len(lint_json(capsys, "--no-config", tree / "sub" / "r.txt")[1]) > 2


def test_per_file_settings(capsys, tree):
    (tree / ".reportlint.yaml").write_text(
        "per-file:\n  - files: ['sub/*.txt']\n    ignore: [S020]\n    year: 2020\n", encoding="utf-8")
    found = {r for r, _ in lint_json(capsys, tree / "sub" / "r.txt")[1]}
    assert "S020" not in found
    assert "S051" in found, "the configured year 2020 makes the 2021 table labels premature"


def test_user_rules_folder(capsys, tree):
    (tree / "our-rules").mkdir()
    rule = (Path(__file__).resolve().parent.parent / "rules" / "S052.yaml").read_text(encoding="utf-8")
    rule = rule.replace("id: S052", "id: U001").replace("name: superseded-notice", "name: no-training-xx")
    rule = rule.replace("    - '年度报告格式\\s*[（(]\\s*试行\\s*[）)]'\n", "")
    (tree / "our-rules" / "U001.yaml").write_text(rule, encoding="utf-8")
    (tree / ".reportlint.yaml").write_text("rules: [our-rules]\nselect: [U001]\n", encoding="utf-8")
    assert {r for r, _ in lint_json(capsys, tree / "sub" / "r.txt")[1]} == {"U001"}
    (tree / "our-rules" / "U001.yaml").write_text(rule.replace("kind: pattern", "kind: nonsense"),
                                                 encoding="utf-8")
    assert main([str(tree / "sub" / "r.txt")]) == 2
    assert "U001.yaml:" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "key"), [
    ("selekt: [S020]\n", "selekt"),
    ("fail-on: fatal\n", "fail-on"),
    ("severity: {S020: fatal}\n", "severity"),
    ("year: last\n", "year"),
    ("per-file:\n  - ignore: [S020]\n", "per-file[0]"),
    ("rules: [missing-folder]\n", "rules"),
])
def test_bad_config_names_file_and_key(capsys, tree, text, key):
    path = tree / ".reportlint.yaml"
    path.write_text(text, encoding="utf-8")
    assert main([str(tree / "sub" / "r.txt")]) == 2
    err = capsys.readouterr().err
    assert f"{path.resolve()}: {key}:" in err or f"{path}: {key}:" in err


def test_explicit_config_file(capsys, tree):
    other = tree / "strict.yaml"
    other.write_text("select: [S013]\nfail-on: warning\n", encoding="utf-8")
    code, found = lint_json(capsys, "--config", other, tree / "sub" / "r.txt")
    assert {r for r, _ in found} == {"S013"} and code == 1


def test_unreadable_config_is_an_error(tree):
    path = tree / ".reportlint.yaml"
    path.write_text("select: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load(path.resolve())


def test_baseline_survives_edits_elsewhere_and_reports_new_findings(capsys, tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(DEFECTS)
    recorded = tmp_path / "baseline.json"
    assert main(["--baseline", str(recorded), str(report)]) == 0
    assert "基线" in capsys.readouterr().err
    assert lint_json(capsys, "--baseline", recorded, report) == (0, [])
    text = DEFECTS.decode("utf-8")
    text = text.replace("一、总体情况\n", "一、总体情况\n\n本年度新增一段说明文字。\n\n", 1)
    text = text.replace("（五）政府信息公开平台建设", "（七）政府信息公开平台建设")
    report.write_text(text, encoding="utf-8")
    code, found = lint_json(capsys, "--baseline", recorded, report)
    assert sorted(r for r, _ in found) == ["S032", "S034"], "only the new gap (三)→(七) and (七)→(六)"
    recorded.write_text("{}", encoding="utf-8")
    assert main(["--baseline", str(recorded), str(report)]) == 2


@pytest.mark.parametrize("key", ["params", "rules"])
def test_rule_params_in_the_config(capsys, tree, key):
    """`params: {K204: {...}}`, or `rules:` as a mapping (like yamllint): set a rule's params;
    a wrong one names the file and its line, exit 2."""
    path = tree / ".reportlint.yaml"
    path.write_text("select: [S040]\n", encoding="utf-8")
    assert lint_json(capsys, tree / "sub" / "r.txt")[1] == [("S040", "warning")]  # a heading （三）
    path.write_text(f"select: [S040]\n{key}:\n  S040: {{levels: [1]}}\n", encoding="utf-8")
    assert lint_json(capsys, tree / "sub" / "r.txt")[1] == []
    path.write_text(f"select: [K204]\n{key}:\n  S020: {{}}\n  K204: {{factor: x}}\n", encoding="utf-8")
    assert main([str(tree / "sub" / "r.txt")]) == 2
    err = capsys.readouterr().err
    assert f"{path.resolve()}:4:" in err or f"{path}:4:" in err
    assert "int | float" in err

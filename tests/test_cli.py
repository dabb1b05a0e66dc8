"""The command line: formats, exit codes, stdin, selection, languages, rules and explain."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.cli.main import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CLEAN, DEFECTS = str(EXAMPLES / "clean.txt"), str(EXAMPLES / "defects.txt")


def run(capsys, *argv, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_0(capsys):
    code, out, _ = run(capsys, CLEAN)
    assert code == 0
    assert "未发现问题" in out


def test_errors_exit_1_and_text_shows_source_and_caret(capsys):
    code, out, _ = run(capsys, DEFECTS)
    assert code == 1
    assert "defects.txt:85:1: 错误 S020 [missing-section] 缺少第五部分「存在的主要问题及改进情况」" in out
    assert "   85 │ 五、其他需要报告的事项" in out
    caret_line = out.splitlines()[out.splitlines().index("   85 │ 五、其他需要报告的事项") + 1]
    assert caret_line == "      │ " + "^" * 22, "ten CJK characters and 、 are 22 cells wide"
    assert out.rstrip().splitlines()[-1].startswith("共检查 1 个文件：")


def test_fail_on_warning(capsys):
    assert run(capsys, "--select", "title-wording", DEFECTS)[0] == 0
    assert run(capsys, "--select", "title-wording", "--fail-on", "warning", DEFECTS)[0] == 1


def test_json_document(capsys):
    code, out, _ = run(capsys, "--format", "json", DEFECTS, CLEAN)
    doc = json.loads(out)
    assert code == 1
    assert doc["reportlint"] == "0.1.0"
    first, second = doc["files"]
    assert (first["era"], first["report_year"], first["issuer"]) == ("2021", 2024, "青山县市场监督管理局")
    assert second["diagnostics"] == []
    record = first["diagnostics"][0]
    assert set(record) >= {"path", "line", "column", "end_line", "end_column", "location", "rule",
                           "name", "category", "severity", "message", "basis", "fix"}
    assert doc["summary"]["files"] == 2
    assert doc["summary"]["error"] == sum(d["severity"] == "error" for d in first["diagnostics"])


def test_concise_and_english(capsys):
    _, out, _ = run(capsys, "--format", "concise", "--lang", "en", DEFECTS)
    assert f"{DEFECTS}:85:1: error S020 [missing-section] part 5, \"存在的主要问题及改进情况\", is missing" in out
    assert "error(s)" in out.splitlines()[-1]


def test_select_and_ignore_by_id_name_or_category(capsys):
    def rules_in(*argv):
        out = run(capsys, "--format", "json", *argv, DEFECTS)[1]
        return {d["rule"] for d in json.loads(out)["files"][0]["diagnostics"]}
    assert rules_in("--select", "S020") == {"S020"}
    assert rules_in("--select", "missing-section,title-wording") == {"S020", "S013"}
    assert "S020" not in rules_in("--ignore", "structure")
    assert rules_in("--select", "structure", "--ignore", "S020,S022") >= {"S013", "S032"}


def test_stdin_with_filename(capsys, monkeypatch):
    text = Path(DEFECTS).read_bytes()
    code, out, _ = run(capsys, "--format", "json", "--stdin-filename", "draft.txt", "-",
                       stdin=text, monkeypatch=monkeypatch)
    assert code == 1
    assert json.loads(out)["files"][0]["path"] == "draft.txt"


def test_missing_file_is_reported_not_raised(capsys):
    code, out, _ = run(capsys, "--format", "json", "no/such/file.txt")
    diagnostics = json.loads(out)["files"][0]["diagnostics"]
    assert code == 2, "no file checked is no success"
    assert [d["name"] for d in diagnostics] == ["unreadable-input"]
    assert "文件不存在" in diagnostics[0]["message"]


def test_directories_are_walked(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.txt").write_bytes(Path(CLEAN).read_bytes())
    (tmp_path / "b.md").write_bytes(Path(DEFECTS).read_bytes())
    (tmp_path / "notes.csv").write_text("x")
    out = run(capsys, "--format", "json", str(tmp_path))[1]
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["r.txt", "b.md"]


def test_year_override(capsys):
    out = run(capsys, "--format", "json", "--year", "2020", CLEAN)[1]
    names = {d["name"] for d in json.loads(out)["files"][0]["diagnostics"]}
    assert "premature-format" in names


def test_usage_errors_exit_2(capsys):
    assert run(capsys)[0] == 2
    with pytest.raises(SystemExit) as info:
        main(["--format", "xml", CLEAN])
    assert info.value.code == 2


def test_rules_lists_every_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert "S020" in out and "missing-section" in out


def test_explain(capsys):
    code, out, _ = run(capsys, "explain", "missing-section")
    assert code == 0
    assert "S020 missing-section" in out and "依据" in out and "正确示例" in out
    code, out, _ = run(capsys, "explain", "S020", "--lang", "en")
    assert "Basis" in out
    assert run(capsys, "explain", "S999")[0] == 2


def test_bad_rule_file_exits_2(capsys, monkeypatch, tmp_path):
    from reportlint.checking import rules
    from reportlint.cli import run as cli

    (tmp_path / "X001.yaml").write_text("id: X001\nname: [oops\n", encoding="utf-8")
    monkeypatch.setattr(cli, "load_rules", lambda: rules.load_rules(tmp_path))
    code, _, err = run(capsys, CLEAN)
    assert code == 2
    assert "X001.yaml:" in err


def test_python_m_runs(tmp_path):
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "reportlint", "--format", "concise", CLEAN],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr


def test_tables_command_shows_the_tables_read(capsys):
    import os

    os.environ["COLUMNS"] = "200"
    try:
        code, out, _ = run(capsys, "tables", DEFECTS)
    finally:
        del os.environ["COLUMNS"]
    assert code == 0
    assert "收到和处理政府信息公开申请情况（2021）" in out
    assert "行政规范性文件（规范性文件）" in out, "a label variant shows the official label and what was written"
    assert "│ 53 │ 二、上年结转政府信息公开申请数量" in out and "□" in out, "the blank cell is shown, not 0"
    assert "未经复议直接起诉" in out


def test_tables_text_view(capsys):
    code, out, _ = run(capsys, "tables", "--text", CLEAN)
    assert code == 0
    assert out.splitlines()[0] == "  1 │ 青山县市场监督管理局2024年政府信息公开工作年度报告"


def test_tables_text_view_is_the_text_exactly_and_never_wrapped(tmp_path):
    long = "一、总体情况" + "全年主动公开政府信息五十条，" * 40
    path = tmp_path / "r.txt"
    path.write_text("青山县统计局2023年政府信息公开工作年度报告\n" + long + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reportlint", "tables", "--text", str(path)],
                         capture_output=True, text=True, encoding="utf-8", env={**os.environ, "COLUMNS": "40"}).stdout
    assert out.splitlines() == ["1 │ 青山县统计局2023年政府信息公开工作年度报告", f"2 │ {long}"]


@pytest.mark.parametrize(("year", "era_label"), [(2019, "本年新制作数量"), (2021, "本年制发件数"), (2025, "本年制发件数")])
def test_template_lints_clean_except_blank_cells(capsys, tmp_path, year, era_label):
    assert main(["template", "--year", str(year), "--issuer", "青山县统计局"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"青山县统计局{year}年政府信息公开工作年度报告")
    assert era_label in text
    path = tmp_path / "blank.txt"
    path.write_text(text, encoding="utf-8")
    main(["--format", "json", str(path)])
    names = {d["name"] for d in json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]}
    assert names == {"blank-cell", "blank-columns", "placeholder"}, \
        "a blank template: its blank cells, whole columns once, and its guidance sentences still to replace"


def test_template_needs_a_format_year(capsys):
    assert main(["template", "--year", "2015"]) == 2
    assert "统一格式" in capsys.readouterr().err


def test_init_writes_a_config_that_loads(capsys, tmp_path, monkeypatch):
    from reportlint.cli.config import load

    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    settings = load(tmp_path / ".reportlint.yaml")
    assert settings.fail_on == "error" and settings.lang == "zh"
    assert main(["init"]) == 2
    assert main(["init", "--force"]) == 0


def test_colour_follows_no_color_and_force_color(capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(capsys, DEFECTS)[1], "FORCE_COLOR colours even when not a terminal"
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[3" not in run(capsys, DEFECTS)[1], "NO_COLOR wins: no colour codes"
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" not in run(capsys, DEFECTS)[1], "no colour when stdout is not a terminal"


def test_every_option_has_its_chinese_help():
    from reportlint.cli.main import _lint_parser
    from reportlint.i18n import HELP_ZH
    assert {a.dest for a in _lint_parser("zh")._actions} <= set(HELP_ZH)

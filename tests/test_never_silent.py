"""Never pass silently: unknown rules, no file checked, formats it cannot read, lock files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.cli.main import main

CLEAN = str(Path(__file__).resolve().parent.parent / "examples" / "clean.txt")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("option, typo, meant", [
    ("--select", "S02O", "S020"), ("--select", "s020x", "S020"), ("--ignore", "typografy", "typography"),
    ("--select", "missing-sectoin", "missing-section"),
])
def test_an_unknown_rule_on_the_command_line_exits_2_with_the_closest_names(capsys, option, typo, meant):
    code, out, err = run(capsys, option, typo, CLEAN)
    assert code == 2 and out == ""
    assert f"「{typo}」" in err and meant in err.split("是否要用")[1]


def test_the_unknown_rule_message_is_english_under_lang_en(capsys):
    code, _, err = run(capsys, "--lang", "en", "--select", "S02O", CLEAN)
    assert code == 2
    assert 'no rule has the id, name or category "S02O"; did you mean S020' in err


def test_a_name_far_from_every_rule_points_to_the_rule_list(capsys):
    code, _, err = run(capsys, "--ignore", "zzzzzz", CLEAN)
    assert code == 2 and "reportlint rules" in err


@pytest.mark.parametrize("config", [
    "select: [S02O]\n", "ignore: [typografy]\n", "severity: {S02O: info}\n", "params: {K2O4: {factor: 3}}\n",
    "per-file:\n  - files: ['*.txt']\n    ignore: [S9999]\n",
])
def test_an_unknown_rule_in_the_configuration_exits_2_naming_the_file_and_key(capsys, tmp_path, config):
    (tmp_path / ".reportlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "r.txt").write_text(Path(CLEAN).read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run(capsys, tmp_path / "r.txt")
    assert code == 2
    assert ".reportlint.yaml" in err and "没有编号、名称或类别" in err


def test_an_empty_folder_is_no_success(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path)
    assert code == 2 and "没有找到可检查的文件" in err


@pytest.mark.parametrize("name, data, says", [
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "另存为 .docx"),
    ("a.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "另存为 .docx"),
    ("a.odt", b"PK\x03\x04" + bytes(64), "另存为 .docx"),
    ("a.rtf", b"{\\rtf1\\ansi report}", "另存为 .docx"),
    ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "不是报告"),
])
def test_a_folder_of_files_it_cannot_read_lists_them_and_exits_2(capsys, tmp_path, name, data, says):
    (tmp_path / name).write_bytes(data)
    code, out, err = run(capsys, "--format", "json", tmp_path)
    files = json.loads(out)["files"]
    assert code == 2 and "都无法读取" in err
    assert [Path(f["path"]).name for f in files] == [name]
    assert files[0]["diagnostics"][0]["name"] == "unreadable-input" and says in files[0]["diagnostics"][0]["message"]


def test_lock_files_and_hidden_files_are_skipped_in_a_folder(capsys, tmp_path):
    text = Path(CLEAN).read_text(encoding="utf-8")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "~$r.docx").write_bytes(b"\x00lock")
    (tmp_path / ".r.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--format", "json", tmp_path)
    assert code == 0
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["r.txt"]


def test_an_unreadable_file_beside_a_report_does_not_make_the_run_fail_to_check(capsys, tmp_path):
    (tmp_path / "r.txt").write_text(Path(CLEAN).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    code, out, _ = run(capsys, tmp_path)
    assert code == 1 and "old.doc:1:1" in out


@pytest.mark.parametrize("argv, shows", [
    (["--lang", "en", "rules"], "category"), (["--lang=en", "rules"], "category"),
    (["--lang", "en", "explain", "S020"], "Basis"),
])
def test_options_before_a_subcommand_apply_to_it(capsys, argv, shows):
    code, out, _ = run(capsys, *argv)
    assert code == 0 and shows in out


def test_help_is_chinese_by_default_and_english_with_lang_en(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    zh = capsys.readouterr().out
    assert zh.startswith("用法：reportlint") and "只用这些规则" in zh and "reportlint template --year N  输出" in zh
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    en = capsys.readouterr().out
    assert en.startswith("usage: reportlint") and "only these rules" in en and "reportlint rules              list" in en

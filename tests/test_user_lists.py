"""Word lists are data: a `lists/` folder next to a user's rules extends (or replaces)
the bundled lists, and a bad list file is refused with its file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint import wordlists
from reportlint.cli.main import main

REPORT = "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n本局网站首页被挂上了幸运飞艇链接和百家乐广告。\n"
OWN_RULE = """id: X201
name: own-words
category: hygiene
severity: warning
kind: listed
params: {list: %s}
basis: 本单位规定
message: {zh: "本单位不用的词「{match}」", en: "a word we do not use: {match}"}
description: {zh: 本单位不用的词。, en: Words we do not use.}
examples: {good: ["正文。"], bad: ["赋能。"]}
"""


@pytest.fixture
def own_lists(monkeypatch):
    """The user's list folders of a test, forgotten after it."""
    monkeypatch.setattr(wordlists, "_folders", [])
    yield
    for cached in (wordlists.names, wordlists.load, wordlists.regex, wordlists.normalized):
        cached.cache_clear()


def setup(folder: Path, lists: dict[str, str], rules: dict[str, str] | None = None) -> Path:
    """A rules folder `ours` with these list files (and rule files), named in the
    folder's configuration; the report to lint."""
    (folder / "ours" / "lists").mkdir(parents=True)
    for name, text in lists.items():
        (folder / "ours" / "lists" / name).write_text(text, encoding="utf-8")
    for name, text in (rules or {}).items():
        (folder / "ours" / name).write_text(text, encoding="utf-8")
    (folder / ".reportlint.yaml").write_text("rules: [ours]\n", encoding="utf-8")
    (folder / "r.txt").write_text(REPORT, encoding="utf-8")
    return folder / "r.txt"


def spam(capsys, path: Path, rule: str = "H102") -> list[str]:
    main(["--format", "json", str(path)])
    return [d["message"] for d in json.loads(capsys.readouterr().out)["files"][0]["diagnostics"] if d["rule"] == rule]


def test_a_users_spam_word_is_caught_with_the_bundled_ones(capsys, tmp_path, own_lists):
    path = setup(tmp_path, {"spam.yaml": "words:\n  - 幸运飞艇\n"})
    assert [m for m in spam(capsys, path) if "幸运飞艇" in m] and [m for m in spam(capsys, path) if "本行共2处" in m]


def test_without_the_users_list_the_word_is_not_caught(capsys, tmp_path, own_lists):
    path = setup(tmp_path, {})
    assert [m for m in spam(capsys, path) if "本行共1处" in m and "百家乐" in m]


def test_replace_puts_the_users_words_for_the_bundled_ones(capsys, tmp_path, own_lists):
    path = setup(tmp_path, {"spam.yaml": "replace: true\nwords: [幸运飞艇]\n"})
    found = spam(capsys, path)
    assert len(found) == 1 and "幸运飞艇" in found[0] and "本行共1处" in found[0]


def test_a_list_of_its_own_for_a_users_rule(capsys, tmp_path, own_lists):
    path = setup(tmp_path, {"ours.yaml": "words: [幸运飞艇]\n"}, {"X201.yaml": OWN_RULE % "ours"})
    assert spam(capsys, path, "X201") == ["本单位不用的词「幸运飞艇」"]


@pytest.mark.parametrize(("text", "line", "words"), [
    ("words:\n  - 幸运飞艇\n  - 365\n", 3, "365"),  # a word that is not a string
    ("words: [幸运飞艇\n", 2, "YAML"),  # not YAML
    ("- 幸运飞艇\n", 1, "mapping"),  # not a mapping
    ("replace: true\nword: [幸运飞艇]\n", 2, "no key 'word'"),  # a key the list does not have
    ("words: 幸运飞艇\n", 1, "must be a list"),
    ("replace: yes please\n", 1, "replace"),
])
def test_a_bad_list_names_its_file_and_line(capsys, tmp_path, own_lists, text, line, words):
    path = setup(tmp_path, {"spam.yaml": text})
    assert main(["--lang", "en", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"spam.yaml:{line}:" in err and words in err


def test_a_bad_pattern_in_a_list_names_its_line(capsys, tmp_path, own_lists):
    path = setup(tmp_path, {"placeholders.yaml": "patterns:\n  - 'x{2}'\n  - '(未填'\n"})
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert "placeholders.yaml:3:" in err and "不是正则表达式" in err


def test_a_rule_naming_a_list_that_does_not_exist_is_refused(capsys, tmp_path, own_lists):
    path = setup(tmp_path, {}, {"X201.yaml": OWN_RULE % "nosuch"})
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert "X201.yaml:6:" in err and "nosuch" in err and "spam" in err

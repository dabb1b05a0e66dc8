"""Eras are data: a template in a user's rules folder adds an era, inheriting what it
does not change, and rules that name a range of eras run on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint import templates
from reportlint.checking.rules import load_rules
from reportlint.cli.main import main

DEFECTS = (Path(__file__).resolve().parent.parent / "examples" / "defects.txt").read_text(encoding="utf-8")


@pytest.fixture
def own_eras(monkeypatch):
    """The user's template folders of a test, forgotten after it."""
    monkeypatch.setattr(templates, "_folders", [])
    yield
    for cached in (templates._files, templates.eras, templates.template, templates.known_titles,
                   templates.known_topics, templates.table_labels):
        cached.cache_clear()


def own_era(folder: Path, template: str) -> None:
    """A rules folder `ours` with the template `2030.yaml`, named in the folder's configuration."""
    (folder / "ours" / "templates").mkdir(parents=True)
    (folder / "ours" / "templates" / "2030.yaml").write_text(template, encoding="utf-8")
    (folder / ".reportlint.yaml").write_text("rules: [ours]\n", encoding="utf-8")


def lint_json(capsys, path: Path) -> dict:
    main(["--format", "json", str(path)])
    return json.loads(capsys.readouterr().out)["files"][0]


def test_a_made_up_era_from_a_users_folder_is_linted_like_the_one_it_extends(capsys, tmp_path, own_eras):
    own_era(tmp_path, 'extends: "2021"\nfirst_year: 2030\n')
    (tmp_path / "then.txt").write_text(DEFECTS, encoding="utf-8")
    (tmp_path / "later.txt").write_text(DEFECTS.replace("2024", "2030").replace("2023", "2029"), encoding="utf-8")
    then, later = lint_json(capsys, tmp_path / "then.txt"), lint_json(capsys, tmp_path / "later.txt")
    assert (then["era"], later["era"]) == ("2021", "2030")
    assert templates.era_of_year(2029) == "2021" and templates.era_of_year(2031) == "2030"
    assert "A104" in {d["rule"] for d in later["diagnostics"]}, "the table rules (eras: >=2019) run on it"
    assert [(d["rule"], d["line"]) for d in later["diagnostics"]] == [(d["rule"], d["line"]) for d in then["diagnostics"]]


def test_a_bad_template_names_its_file_and_line(capsys, tmp_path, own_eras):
    own_era(tmp_path, 'first_year: 2030\nextends: "1999"\n')
    (tmp_path / "r.txt").write_text(DEFECTS, encoding="utf-8")
    assert main([str(tmp_path / "r.txt")]) == 2
    assert "2030.yaml:2:" in capsys.readouterr().err


def test_the_2019_template_is_the_2021_one_with_what_differs():
    old, new = templates.template("2019"), templates.template("2021")
    assert old.sections == new.sections and old.wording == new.wording
    assert [t["id"] for t in old.tables] == ["t2_1", "t2_5", "t2_6", "t2_8", "t2_9", "t3", "t4"]
    assert templates.table_spec("2019", "t4") == templates.table_spec("2021", "t4")
    assert old.markers != new.markers, "an era's own labels are never inherited"


def test_rules_name_eras_by_range_or_set():
    rules = {rule.id: rule for rule in load_rules()}
    assert rules["A101"].eras == ("2019", "2021")  # eras: ">=2019"
    assert rules["A107"].eras == ("2019",)
    assert rules["K205"].eras == templates.eras() and rules["K205"].applies_to(None)
    assert not rules["A101"].applies_to(None)

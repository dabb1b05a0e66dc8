"""The bundled example reports: the clean one lints clean, the other shows typical defects."""

from __future__ import annotations

from pathlib import Path

from reportlint.checking.linter import Options, lint_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _lint(name, rules):
    path = EXAMPLES / name
    return lint_bytes(str(path), path.read_bytes(), rules, Options())


def test_clean_example_has_no_diagnostic(rules):
    result = _lint("clean.txt", rules)
    assert result.report.year == 2024
    assert result.report.era == "2021"
    assert result.report.issuer == "青山县市场监督管理局"
    assert result.report.issuer_level == "county_dept"
    assert [f"{d.line}:{d.rule} {d.message}" for d in result.diagnostics] == []


def test_defects_example_shows_the_structure_defects(rules):
    found = {(d.rule, d.line) for d in _lint("defects.txt", rules).diagnostics}
    for expected in [("S013", 1), ("S052", 3), ("S041", 3), ("S040", 17), ("S032", 19),
                     ("S020", 85), ("S022", 85)]:
        assert expected in found

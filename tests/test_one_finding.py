"""One finding per mistake: a suspect cell behind several broken identities, rows of blanks, floods."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.cli.main import main
from tests.forms import clean, reports

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = yaml.safe_load((ROOT / "rules" / "S060.yaml").read_text(encoding="utf-8"))["examples"]
ONE_WRONG_TOTAL = EXAMPLES["bad"][0]["text"]  # the 总计 cell of （七）总计 is 6 where 5 fits
TWO_MISTAKES = EXAMPLES["good"][1]


def findings(capsys, tmp_path, text, *options):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    main(["--format", "concise", "--select", "table-arith", *options, str(path)])
    return [line for line in capsys.readouterr().out.splitlines() if re.search(r" [AS]\d{3} ", line)]


def test_one_wrong_cell_is_one_error_naming_the_cell_with_the_identities_as_evidence(capsys, tmp_path):
    found = findings(capsys, tmp_path, ONE_WRONG_TOTAL)
    assert len(found) == 1, found
    assert ":26:35: 错误 S060 [suspect-cell] 表三「（七）总计」行「总计」栏的 6 使 3 处勾稽关系不成立，改为 5 则全部成立" in found[0]
    assert found[0].count("≠") == 3 and "（总计列）" in found[0] and "（（七）总计行）" in found[0]


def test_without_the_suspect_rule_each_broken_identity_stands(capsys, tmp_path):
    found = findings(capsys, tmp_path, ONE_WRONG_TOTAL, "--ignore", "S060")
    assert [line.split()[2] for line in found] == ["A101", "A102", "A103"]


def test_when_no_single_cell_explains_it_the_identities_are_reported_as_today(capsys, tmp_path):
    found = findings(capsys, tmp_path, TWO_MISTAKES)
    assert "S060" not in " ".join(found)
    assert {line.split()[2] for line in found} == {"A101", "A102", "A103"}


def test_identities_broken_through_no_common_cell_stand_apart(capsys, tmp_path):
    text = ONE_WRONG_TOTAL.replace("| （七）总计 | 5 | 0 | 0 | 0 | 0 | 0 | 6 |", "| （七）总计 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |")
    text = text.replace("| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "| 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |")
    found = findings(capsys, tmp_path, text)
    assert [line.split()[2] for line in found] == ["A102", "A102"], "自然人 and 总计 columns, no cell in common"


def test_the_tables_view_marks_the_suspect_cell_with_the_number_that_fits(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(ONE_WRONG_TOTAL, encoding="utf-8")
    main(["tables", str(path)])
    out = capsys.readouterr().out
    assert "6→5" in out and out.count("→") == 1


def test_the_same_halfwidth_punctuation_is_reported_once_per_document(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("某县统计局2023年政府信息公开工作年度报告\n一、总体情况\n" +
                    "".join(f"本局第{i}项工作,按期完成;成效明显。\n" for i in range(1, 30)), encoding="utf-8")
    main(["--format", "concise", "--select", "Y101", str(path)])
    assert capsys.readouterr().out.count("Y101") == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(g=reports(), row=st.sampled_from(["grand_total", "new", "carried_out"]),
       column=st.integers(0, 6), delta=st.integers(1, 9))
def test_any_one_wrong_cell_of_table_3_is_one_finding_that_names_it_and_its_number(lint, g, row, column, delta):
    right = g.t3[row][column]
    g.t3[row][column] = right + delta
    found = [d for d in lint(clean(g)).diagnostics if d.category == "table-arith"]
    assert [d.rule for d in found] == ["S060"], [d.message for d in found]
    assert f"改为 {right} 则全部成立" in found[0].message

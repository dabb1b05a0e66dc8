"""Safe fixes: --fix writes them atomically, --diff shows them, a second --fix is a no-op."""

from __future__ import annotations

import json

from reportlint.checking.diagnostics import Diagnostic
from reportlint.cli.fix import apply
from reportlint.cli.main import main

REPORT = ("某某县统计局2023年政府信息公开工作年度报告\r\n一、总体情况\r\n2023年，本局主动公开\r\n"
          "- 2 -\r\n政府信息50条，办结申请12件。\r\n— 3 —\r\n")


def _diag(*edits) -> Diagnostic:
    return Diagnostic("x", 1, 1, 1, 1, "X001", "x", "hygiene", "warning", "m", "b",
                      fix={"applicability": "safe", "edits": [
                          {"line": a, "column": b, "end_line": c, "end_column": d, "replacement": r}
                          for a, b, c, d, r in edits]})


def test_apply_edits_in_order_and_skips_overlaps():
    text = "第一行\r\n第二行\r第三行"
    assert apply(text, [_diag((2, 1, 3, 1, ""))]) == "第一行\r\n第三行"
    assert apply(text, [_diag((1, 2, 1, 3, "二"), (1, 1, 1, 4, "整行"))]) == "整行\r\n第二行\r第三行"
    assert apply(text, [_diag((3, 1, 4, 1, "末行"))]) == "第一行\r\n第二行\r末行"


def test_fix_then_lint_leaves_no_fixable_finding(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT.encode("gb18030"))
    assert main(["--fix", "--format", "json", str(path)]) in (0, 1)
    doc = json.loads(capsys.readouterr().out)
    assert not any(d["fix"] for d in doc["files"][0]["diagnostics"])
    fixed = path.read_bytes().decode("gb18030")
    assert fixed == REPORT.replace("- 2 -\r\n", "").replace("— 3 —\r\n", ""), "only the footers go"
    assert "50条" in fixed and "12件" in fixed and "一、总体情况" in fixed
    before = path.read_bytes()
    main(["--fix", str(path)])
    assert path.read_bytes() == before, "a second --fix changes nothing"


def test_diff_shows_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8", newline="")
    assert main(["--diff", str(path)]) == 1
    out = capsys.readouterr().out
    removed = [line for line in out.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert removed == ["-- 2 -", "-— 3 —"]
    assert path.read_bytes().decode("utf-8") == REPORT
    path.write_text(REPORT.replace("- 2 -\r\n", "").replace("— 3 —\r\n", ""), encoding="utf-8")
    assert main(["--diff", str(path)]) == 0


def test_fix_record_in_json(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8", newline="")
    main(["--format", "json", "--select", "page-footer", str(path)])
    (diagnostic,) = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert diagnostic["fix"] == {"applicability": "safe", "edits": [
        {"line": 4, "column": 1, "end_line": 5, "end_column": 1, "replacement": ""},
        {"line": 6, "column": 1, "end_line": 7, "end_column": 1, "replacement": ""}]}


SCRAPED = ("首页 > 政务公开 > 年度报告\n发布时间：2024-01-30　浏览次数：12\n【打印】【关闭】\n"
           "某某县统计局2023年政府信息公开工作年度报告\n一、总体情况\n"
           "[bookmark: _GoBack]2023年,本局主动公开政府信息50条;办结申请12件。\n")


def test_fix_removes_chrome_and_widens_punctuation_only(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_text(SCRAPED, encoding="utf-8")
    main(["--fix", str(path)])
    fixed = path.read_text(encoding="utf-8")
    assert fixed == ("某某县统计局2023年政府信息公开工作年度报告\n一、总体情况\n"
                     "2023年，本局主动公开政府信息50条；办结申请12件。\n")
    capsys.readouterr()
    main(["--format", "json", str(path)])
    doc = json.loads(capsys.readouterr().out)
    assert not any(d["fix"] for d in doc["files"][0]["diagnostics"]), "nothing fixable is left"

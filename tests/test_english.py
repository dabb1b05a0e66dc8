"""--lang en is English everywhere: a report linted in both languages, no Han character
in the English output but quoted report text (and the report's own lines under each finding)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportlint.cli.main import main
from tests.test_one_finding import ONE_WRONG_TOTAL
from tests.test_readers_docx import build_docx

DEFECTS = (Path(__file__).resolve().parent.parent / "examples" / "defects.txt").read_text(encoding="utf-8")
_QUOTED = re.compile(r'"[^"]*"|「[^」]*」|“[^”]*”')
_HAN = re.compile(r"[\u4e00-\u9fff]")


def unquoted_han(out: str) -> list[str]:
    """The output lines with Han characters outside quotes (the excerpt lines `  N │ …` aside)."""
    return [line for line in out.splitlines() if " │ " not in line and _HAN.search(_QUOTED.sub("", line))]


@pytest.mark.parametrize("name, data", [
    ("defects.txt", DEFECTS.encode("utf-8")), ("defects.docx", build_docx(DEFECTS)),
    ("total.txt", ONE_WRONG_TOTAL.encode("utf-8")),
])
@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_english_output_has_no_chinese_but_quoted_report_text(capsys, tmp_path, name, data, fmt):
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["--no-config", "--format", fmt, str(path)]) == 1
    chinese = capsys.readouterr().out
    assert main(["--no-config", "--format", fmt, "--lang", "en", str(path)]) == 1
    english = capsys.readouterr().out
    assert len(english.splitlines()) == len(chinese.splitlines()), "the same findings in both languages"
    assert unquoted_han(chinese), "the Chinese output is Chinese"
    assert unquoted_han(english) == []


def test_english_names_of_the_format(capsys, tmp_path):
    path = tmp_path / "total.txt"
    path.write_text(ONE_WRONG_TOTAL, encoding="utf-8")
    main(["--no-config", "--format", "concise", "--lang", "en", "--select", "S060", str(path)])
    out = capsys.readouterr().out
    assert "table 3, row (7) total, column total: 6 breaks 3 identities, which all hold with 5" in out
    assert "(total column)" in out and "(row (7) total)" in out


def test_every_rules_finding_in_english_has_no_chinese_but_quoted_text(rules):
    """Each rule's bad examples, linted under --lang en: every message (whichever rule
    gives it) is English but for quoted text of the report or of the format."""
    from reportlint.checking import kinds
    from tests.conftest import lint_text

    seen = set()
    for rule in rules:
        if kinds.get(rule.kind).across:
            continue
        for example in rule.bad:
            options = {k: v for k, v in (("year", example.year), ("issuer_level", example.issuer_level)) if v}
            for d in lint_text(example.text, rules, lang="en", **options).diagnostics:
                seen.add(d.rule)
                assert not _HAN.search(_QUOTED.sub("", d.message)), (rule.id, d.rule, d.message)
    assert len(seen) > 60, "the examples give findings of most rules"


def test_a_report_with_many_findings_in_english(capsys, tmp_path):
    """A report in the wrong era's columns, with headings, labels and a title astray."""
    text = (DEFECTS.replace("青山县市场监督管理局2024年政府信息公开年度报告", "2024年政府信息公开年度报告")
            .replace("本年制发件数", "本年新制作数量").replace("一、总体情况", "总体情况")
            .replace("三、收到和处理政府信息公开申请情况", "三、依申请公开情况"))
    path = tmp_path / "many.txt"
    path.write_text(text, encoding="utf-8")
    main(["--no-config", "--format", "concise", "--lang", "en", str(path)])
    english = capsys.readouterr().out
    assert len(english.splitlines()) > 15
    assert unquoted_han(english) == []


@pytest.mark.parametrize("name", ["defects.txt", "total.txt"])
def test_tables_in_english_have_no_chinese_but_quoted_text(capsys, tmp_path, monkeypatch, name):
    monkeypatch.setenv("COLUMNS", "400")  # no quoted label wrapped over two lines
    path = tmp_path / name
    path.write_text(DEFECTS if name == "defects.txt" else ONE_WRONG_TOTAL, encoding="utf-8")
    main(["tables", "--lang", "en", str(path)])
    english = capsys.readouterr().out
    assert "table 3" in english and "natural persons" in english
    assert unquoted_han(english) == []


def test_prose_against_the_tables_in_english(lint):
    """The quantities, counts and cells that K101–K105 name are English under --lang en,
    the Chinese messages as they were."""
    head = "青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n"
    table = ("三、收到和处理政府信息公开申请情况\n"
             "| 一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8 |\n"
             "| 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n")
    text = head + "本年新收政府信息公开申请9件。所有申请均已办结。\n" + table
    zh = {d.rule: d.message for d in lint(text).diagnostics}
    en = {d.rule: d.message for d in lint(text, lang="en").diagnostics}
    assert zh["K101"].endswith("表中本年新收 8件")
    assert en["K101"].endswith("but table 3 has new requests this year: 8")
    assert zh["K105"].endswith("而表三「四、结转下年度继续办理」总计 2件")
    assert en["K105"].endswith("but table 3, row 4. carried over to next year, column total: 2")


def test_dates_in_english(lint):
    text = ("青山县统计局2023年政府信息公开工作年度报告\n"
            "本报告中所列数据的统计期限自2023年1月1日起至2023年6月30日止。\n")
    chinese = [d.message for d in lint(text).diagnostics if d.rule == "D102"]
    assert chinese == ["统计期限「2023年1月1日起至2023年6月30日」不是整个年度：应为「2023年1月1日至2023年12月31日」"]
    english = [d.message for d in lint(text, lang="en").diagnostics if d.rule == "D102"]
    assert english == ['the statistical period "2023年1月1日起至2023年6月30日" is not the whole year: '
                       'it should read "1 January to 31 December 2023"']

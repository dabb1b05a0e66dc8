"""Where a finding is: the place in the original first, the detection header, the blank-cell caret."""

from __future__ import annotations

from pathlib import Path

from reportlint.cli.main import main
from tests.test_readers_docx import build_docx

DEFECTS = (Path(__file__).resolve().parent.parent / "examples" / "defects.txt").read_text(encoding="utf-8")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().out


def test_docx_findings_lead_with_the_place_in_the_document_then_the_text_view(capsys, tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(build_docx(DEFECTS))
    _, text = run(capsys, path)
    _, concise = run(capsys, "--format", "concise", path)
    assert f"{path} 第1段 (1:1): 警告 S013" in text
    assert any(line.startswith(f"{path} 表") and " 第" in line and "列 (" in line for line in text.splitlines())
    assert f"{path} 第1段 (1:1): 警告 S013" in concise


def test_docx_places_are_english_under_lang_en(capsys, tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(build_docx(DEFECTS))
    _, text = run(capsys, "--lang", "en", path)
    assert f"{path} paragraph 1 (1:1): warning S013" in text
    assert any(line.startswith(f"{path} table ") and " row " in line and " column " in line
               for line in text.splitlines())


def test_text_files_keep_path_line_column(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(DEFECTS, encoding="utf-8")
    _, text = run(capsys, path)
    assert f"{path}:1:1: 警告 S013" in text


def test_each_file_starts_with_what_was_detected_and_how_to_correct_it(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(DEFECTS, encoding="utf-8")
    _, text = run(capsys, path)
    first = text.splitlines()[0]
    assert first.startswith(f"{path}: 青山县市场监督管理局 · 2024年度（据标题） · 2021年格式 · 县级部门（据标题）")
    assert "--year" in first and "--issuer-level" in first
    _, text = run(capsys, "--year", "2023", "--issuer-level", "township", path)
    assert "2023年度（据设置）" in text.splitlines()[0] and "乡镇（据设置）" in text.splitlines()[0]
    _, english = run(capsys, "--lang", "en", path)
    assert english.splitlines()[0].startswith(
        f'{path}: "青山县市场监督管理局" · report year 2024 (from the title) · 2021 format · county department')


def test_a_title_without_year_or_level_says_so_and_where_the_year_came_from(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("年度报告\n本报告统计期限为2023年1月1日至12月31日。\n", encoding="utf-8")
    _, text = run(capsys, path)
    assert "2023年度（据正文）" in text.splitlines()[0] and "层级未识别" in text.splitlines()[0]


BLANKS = ("某县某镇人民政府2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
          "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 |  | 0 | 0 |\n"
          "| 行政规范性文件 |  |  |  |\n| 其他 | 0 | 0 | 0 |\n")


def test_the_blank_cell_caret_points_at_the_gap(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(BLANKS, encoding="utf-8")
    _, text = run(capsys, "--select", "N101", path)
    lines = text.splitlines()
    row = lines.index("    5 │ | 规章 |  | 0 | 0 |")
    assert lines[row + 1] == "      │ " + " " * 8 + "^", "under the gap after 「| 规章 |」, eight cells wide"


def test_a_row_of_blank_cells_is_one_finding_listing_its_columns(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(BLANKS, encoding="utf-8")
    _, text = run(capsys, "--format", "concise", "--select", "N101", path)
    findings = [line for line in text.splitlines() if "N101" in line]
    assert len(findings) == 2
    assert "「行政规范性文件」的「本年制发件数、本年废止件数、现行有效件数」栏" in findings[1]


def test_fixable_findings_are_marked_in_every_listing_format(capsys, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(DEFECTS, encoding="utf-8")
    _, page = run(capsys, "--format", "html", "--select", "Y101,S020", path)
    assert "halfwidth-punctuation: [*] " in page and "missing-section: [*]" not in page
    for fmt in ("text", "concise", "github"):
        _, out = run(capsys, "--format", fmt, "--select", "Y101,S020", path)
        y101 = [line for line in out.splitlines() if "Y101" in line and "halfwidth" in line]
        s020 = [line for line in out.splitlines() if "S020" in line and "missing-section" in line]
        assert y101 and all("[*]" in line for line in y101), fmt
        assert s020 and not any("[*]" in line for line in s020), fmt


def test_rules_piped_is_one_rule_a_line_with_every_column_whole(tmp_path):
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "reportlint", "rules"], capture_output=True, text=True,
                         encoding="utf-8").stdout.splitlines()
    assert out[0].split("\t") == ["编号", "名称", "类别", "级别", "适用格式", "说明"]
    s060 = next(line.split("\t") for line in out if line.startswith("S060\t"))
    assert s060[:4] == ["S060", "suspect-cell", "table-arith", "错误"] and len(s060[5]) > 20

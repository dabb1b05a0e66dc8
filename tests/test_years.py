"""Across years and across units: pairing a report with last year's (in one run, with
--previous, through renamed-issuers), the checks across years on authored pairs in
several layouts, and copied reports found in a generated batch."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.checking.across import check_run, issuer_key
from reportlint.checking.linter import FileResult, Options, lint_bytes
from reportlint.cli.main import main
from tests.forms import T3_DATA, Generated, clean, excerpt, one_line, reports, traditional, web_page
from tests.test_readers_docx import build_docx

ZERO = [0] * 6


def unit(issuer: str = "青山县统计局", year: int = 2024, carried_in=ZERO, carried_out=ZERO,
         granted=(6, 1, 0, 0, 0, 0), normative=None, licensing: int = 120, seed: int = 0,
         notes: dict[str, str] | None = None) -> Generated:
    """A consistent report: table 三 from its carried-in, granted and carried-out
    applications, table 二's 行政规范性文件 (issued, repealed, in force: by default 2 a
    year, none repealed), and prose of its own (random words from `seed`) unless `notes`
    says otherwise."""
    normative = normative or (2, 0, 2 * (year - 2018))
    rows = {r["id"]: list(ZERO) for r in T3_DATA}
    rows["carried_in"], rows["carried_out"], rows["granted"] = list(carried_in), list(carried_out), list(granted)
    rows["grand_total"] = list(granted)
    rows["new"] = [g + o - i for g, o, i in zip(granted, carried_out, carried_in)]
    assert min(rows["new"]) >= 0
    t3 = {rid: values + [sum(values)] for rid, values in rows.items()}
    t2 = {"t2_1": {"rules": [0, 0, 0], "normative": list(normative)}, "t2_5": {"licensing": [licensing]},
          "t2_6": {"penalty": [30], "coercion": [2]}, "t2_8": {"fees": [0]}}
    g = Generated(issuer, "county_dept", year, t2, t3, [0] * 15)
    g.notes = notes if notes is not None else own_words(seed)
    return g


def own_words(seed: int, sections=("overview", "proactive", "problems", "other")) -> dict[str, str]:
    """A text of its own for each section: random characters, so no two seeds share words."""
    rng = random.Random(seed)
    return {s: "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(80)) + "。" for s in sections}


def lint(text: str | bytes, path: str, rules, **options) -> FileResult:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return lint_bytes(path, data, rules, Options(**options))


def across(now: FileResult, before: FileResult | None, rules, renames=None) -> list[str]:
    """The rule ids found across the run [before, now] (or [now] alone)."""
    results = [r for r in (before, now) if r is not None]
    check_run(results, [rules] * len(results), "zh", renames or {})
    return sorted(d.rule for d in now.diagnostics if d.rule.startswith("K2"))


# ---- pairing ----

def test_issuer_names_are_normalised_and_renames_followed():
    assert issuer_key("青山县 统计局", {}) == issuer_key("青山县统计局", {})
    assert issuer_key("青山縣統計局", {}) == issuer_key("青山县统计局", {})
    renames = {"青山县文化广电旅游体育局": "青山县文化旅游局", "青山县文化旅游局": "青山县文化和旅游局"}
    assert issuer_key("青山县文化广电旅游体育局", renames) == issuer_key("青山县文化和旅游局", {})


def _write(tmp_path: Path, name: str, g: Generated) -> str:
    path = tmp_path / name
    path.write_text(clean(g), encoding="utf-8")
    return str(path)


def test_consecutive_years_of_one_issuer_are_paired_in_a_run(tmp_path, capsys):
    before = _write(tmp_path, "a2023.txt", unit(year=2023, carried_out=(2, 0, 0, 0, 0, 0), seed=1))
    now = _write(tmp_path, "a2024.txt", unit(year=2024, carried_in=(1, 0, 0, 0, 0, 0), seed=2))
    other = _write(tmp_path, "b2023.txt", unit(issuer="白水县统计局", year=2023, seed=3))
    main(["--format", "json", "--select", "consistency", before, now, other])
    files = {Path(f["path"]).name: f for f in json.loads(capsys.readouterr().out)["files"]}
    assert files["a2024.txt"]["previous"] == {"path": before, "report_year": 2023, "issuer": "青山县统计局"}
    assert files["a2023.txt"]["previous"] is None and files["b2023.txt"]["previous"] is None
    assert [d["rule"] for d in files["a2024.txt"]["diagnostics"]] == ["K201", "K201"]
    main(["--select", "K201", before, now])
    out = capsys.readouterr().out
    assert f"{now}（2024年度）与上年报告 {before}（2023年度）对照检查" in out.splitlines()
    main(["--format", "html", "--select", "K201", before, now])
    assert f"<td>{before}</td>" in capsys.readouterr().out


def test_jobs_check_across_reports_in_the_workers_as_one_job_does(tmp_path, capsys):
    """With --jobs 2 each pair of reports is read again and checked in a worker: the same
    findings across years and across units, the same lines quoted, as with one job."""
    paths = [_write(tmp_path, "a2023.txt", unit(year=2023, carried_out=(2, 0, 0, 0, 0, 0), seed=1)),
             _write(tmp_path, "a2024.txt", unit(year=2024, carried_in=(1, 0, 0, 0, 0, 0), seed=2)),
             _write(tmp_path, "b2024.txt", unit(issuer="白水县统计局", seed=3)),
             _write(tmp_path, "c2024.txt", unit(issuer="金沙县统计局", seed=3))]
    outputs = []
    for jobs in ("1", "2"):
        for fmt in ("json", "text"):
            main(["--format", fmt, "--jobs", jobs, *paths])
            outputs.append(capsys.readouterr().out)
    assert outputs[:2] == outputs[2:]
    files = {Path(f["path"]).name: f for f in json.loads(outputs[0])["files"]}
    assert {"K201", "K207"} <= {d["rule"] for f in files.values() for d in f["diagnostics"]}
    assert "K207" in {d["rule"] for d in files["b2024.txt"]["diagnostics"]}
    (k201, *_) = [d for d in files["a2024.txt"]["diagnostics"] if d["rule"] == "K201"]
    quoted = Path(paths[1]).read_text(encoding="utf-8").splitlines()[k201["line"] - 1].strip()
    assert quoted and quoted in outputs[1]  # the line a finding across years points at, under it


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_report_near_last_years_is_checked_against_it_once_read(tmp_path, capsys, monkeypatch, jobs):
    """Linted near each other, a report and last year's are checked across years while
    both are whole: neither is read again, and the run says what it says when each has
    to be read again (the same issuer's reports twice on the year before: the first is
    the one paired)."""
    from reportlint.cli import files

    paths = [_write(tmp_path, "a2023.txt", unit(year=2023, carried_out=(2, 0, 0, 0, 0, 0), seed=1)),
             _write(tmp_path, "a2023-copy.txt", unit(year=2023, carried_out=(3, 0, 0, 0, 0, 0), seed=4)),
             _write(tmp_path, "a2024.txt", unit(year=2024, carried_in=(1, 0, 0, 0, 0, 0), seed=2)),
             _write(tmp_path, "b2023.txt", unit(issuer="白水县统计局", year=2023, seed=3)),
             _write(tmp_path, "b2024.txt", unit(issuer="白水县统计局", year=2024, carried_in=(1, 0, 0, 0, 0, 0),
                                                seed=5))]
    read_again = []
    reread = files.reread
    monkeypatch.setattr(files, "reread", lambda path, options: read_again.append(path) or reread(path, options))
    outputs = {}
    for near in (files._NEAR, 0):
        monkeypatch.setattr(files, "_NEAR", near)
        for fmt in ("json", "text"):
            main(["--format", fmt, "--jobs", jobs, "--select", "K201,K204,K205", *paths])
            outputs[near, fmt] = capsys.readouterr().out
        if jobs == "1":
            assert bool(read_again) == (near == 0)
    assert outputs[files._NEAR, "json"] == outputs[0, "json"] and outputs[files._NEAR, "text"] == outputs[0, "text"]
    found = json.loads(outputs[0, "json"])["files"]
    assert found[2]["previous"]["path"] == paths[0] and found[4]["previous"]["path"] == paths[3]
    assert [d["rule"] for d in found[2]["diagnostics"]] == [d["rule"] for d in found[4]["diagnostics"]] == ["K201"] * 2


def test_a_report_without_its_predecessor_is_not_checked_across_years(tmp_path, capsys):
    now = _write(tmp_path, "a2024.txt", unit(year=2024, carried_in=(1, 0, 0, 0, 0, 0), seed=2))
    gap = _write(tmp_path, "a2022.txt", unit(year=2022, carried_out=(2, 0, 0, 0, 0, 0), seed=1))
    other = _write(tmp_path, "b2023.txt", unit(issuer="白水县统计局", year=2023,
                                               carried_out=(2, 0, 0, 0, 0, 0), seed=3))
    assert main(["--format", "json", "--select", "consistency", now, gap, other]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert all(f["previous"] is None and not f["diagnostics"] for f in doc["files"])


def test_previous_names_last_years_report_of_one_file(tmp_path, capsys):
    before = _write(tmp_path, "old-name.txt", unit(issuer="青山县统计调查局", year=2023,
                                                   carried_out=(2, 0, 0, 0, 0, 0), seed=1))
    now = _write(tmp_path, "now.txt", unit(year=2024, carried_in=(1, 0, 0, 0, 0, 0), seed=2))
    assert main(["--select", "K201", "--previous", before, now]) == 0
    out = capsys.readouterr().out
    assert "与上年报告" in out and out.count("K201") == 2
    assert main(["--previous", before, now, before]) == 2
    assert "--previous" in capsys.readouterr().err
    assert main(["--previous", str(tmp_path / "missing.txt"), now]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_renamed_issuers_pair_through_the_config_key(tmp_path, capsys):
    before = _write(tmp_path, "a2023.txt", unit(issuer="青山县文化广电旅游体育局", year=2023,
                                                carried_out=(2, 0, 0, 0, 0, 0), seed=1))
    now = _write(tmp_path, "a2024.txt", unit(issuer="青山县文化和旅游局", year=2024,
                                             carried_in=(1, 0, 0, 0, 0, 0), seed=2))
    main(["--format", "json", "--select", "K201", "--no-config", before, now])
    assert json.loads(capsys.readouterr().out)["files"][1]["previous"] is None
    (tmp_path / ".reportlint.yaml").write_text(
        "renamed-issuers:\n  青山县文化广电旅游体育局: 青山县文化和旅游局\n", encoding="utf-8")
    main(["--format", "json", "--select", "K201", before, now])
    files = json.loads(capsys.readouterr().out)["files"]
    assert files[1]["previous"]["path"] == before
    assert [d["rule"] for d in files[1]["diagnostics"]] == ["K201", "K201"]


def test_a_name_with_or_without_its_city_pairs_when_only_one_fits(rules):
    def report(issuer: str, year: int) -> FileResult:
        return lint(clean(unit(issuer=issuer, year=year, seed=year)), f"{issuer}{year}.txt", rules)

    before, now = report("白水区人民政府", 2023), report("青山市白水区人民政府", 2024)
    check_run([before, now], [[]] * 2, "zh", {})
    assert now.previous is before
    one, other, now = report("青山市白水区人民政府", 2023), report("金沙市白水区人民政府", 2023), report("白水区人民政府", 2024)
    check_run([one, other, now], [[]] * 3, "zh", {})
    assert now.previous is None


def test_renamed_issuers_must_map_names(tmp_path, capsys):
    (tmp_path / ".reportlint.yaml").write_text("renamed-issuers: [a, b]\n", encoding="utf-8")
    now = _write(tmp_path, "a2024.txt", unit(seed=2))
    assert main([now]) == 2
    assert "renamed-issuers" in capsys.readouterr().err


# ---- the checks across years, on authored pairs in several layouts ----

LAYOUTS = {
    "text": (lambda g: clean(g), ".txt"),
    "docx": (lambda g: build_docx(clean(g)), ".docx"),
    "web": (lambda g: web_page(g), ".html"),
}
STOCK = own_words(1)  # last year's words
PROBLEMS = dict(own_words(2), problems=STOCK["problems"])  # this year's, the problems section repeated
CASES = {
    "consistent": ({}, {}, []),
    "carried": ({"carried_out": (2, 0, 0, 1, 0, 0)}, {"carried_in": (2, 0, 0, 0, 0, 0)}, ["K201", "K201"]),
    "roll-forward": ({"normative": (1, 0, 9)}, {"normative": (3, 1, 12)}, ["K202"]),
    "jump": ({"licensing": 120}, {"licensing": 1300}, ["K204"]),
    "small-change": ({"licensing": 0}, {"licensing": 3}, []),
    "repeated": ({}, {"notes": STOCK}, ["K205", "K206", "K206", "K206", "K206"]),
    "section": ({}, {"notes": PROBLEMS}, ["K206"]),
}


SLOW = {"docx": ("consistent", "carried", "roll-forward", "jump", "repeated")}  # Word is slow to read


@pytest.mark.parametrize(("layout", "case"), [(layout, case) for layout in LAYOUTS for case in CASES
                                              if case in SLOW.get(layout, CASES)])
def test_each_check_fires_when_it_should_and_not_otherwise(rules, layout, case):
    before_args, now_args, expected = CASES[case]
    render, suffix = LAYOUTS[layout]
    before = lint(render(unit(year=2023, seed=1, **before_args)), "before" + suffix, rules)
    now = lint(render(unit(year=2024, **{"seed": 2, **now_args})), "now" + suffix, rules)
    assert across(now, before, rules) == expected
    assert now.previous is before


def test_a_finding_across_years_gives_both_cells_both_files_and_the_difference(rules):
    before = lint(clean(unit(year=2023, carried_out=(2, 0, 0, 1, 0, 0), seed=1)), "2023.txt", rules)
    now = lint(clean(unit(year=2024, carried_in=(2, 0, 0, 0, 0, 0), seed=2)), "2024.txt", rules)
    across(now, before, rules)
    found = [d for d in now.diagnostics if d.rule == "K201"]
    text = clean(unit(year=2024, carried_in=(2, 0, 0, 0, 0, 0), seed=2)).splitlines()
    assert text[found[0].line - 1].startswith("| 二、上年结转政府信息公开申请数量 |")
    assert [d.message.split("，")[0] for d in found] == [
        "表三「二、上年结转政府信息公开申请数量」社会公益组织为0", "表三「二、上年结转政府信息公开申请数量」总计为2"]
    last = clean(unit(year=2023, carried_out=(2, 0, 0, 1, 0, 0), seed=1)).splitlines()
    line = next(i for i, l in enumerate(last, 1) if l.startswith("| 四、结转下年度继续办理"))
    assert f"上年报告 2023.txt 第{line}行「四、结转下年度继续办理」总计为3，相差1" in found[1].message


def test_repeated_passages_are_quoted_with_their_lines_in_both_files(rules):
    words = dict(own_words(2), problems=STOCK["problems"])
    before = lint(clean(unit(year=2023, seed=1)), "2023.txt", rules)
    now = lint(clean(unit(year=2024, notes=words)), "2024.txt", rules)
    across(now, before, rules)
    (found,) = [d for d in now.diagnostics if d.rule == "K206"]
    lines = clean(unit(year=2024, notes=words)).splitlines()
    here = next(i for i, l in enumerate(lines, 1) if l == STOCK["problems"])
    there = next(i for i, l in enumerate(clean(unit(year=2023, seed=1)).splitlines(), 1) if l == STOCK["problems"])
    assert lines[found.line - 1] == "五、存在的主要问题及改进情况"
    assert f"「{STOCK['problems'][:40]}…」 {here}↔{there}" in found.message
    assert "一节100%" in found.message


def test_the_formats_own_wording_is_not_repeated_text(rules):
    """Two reports in the stock wording of forms.py and the format: only the format's
    sentences and table labels are shared, which do not count."""
    stock = {"overview": "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
                         "存在的主要问题及改进情况、其他需要报告的事项六部分组成。坚持以公开为常态、不公开为例外。"}
    before = lint(clean(unit(year=2023, notes={**own_words(1), **stock})), "2023.txt", rules)
    now = lint(clean(unit(year=2024, notes={**own_words(2), **stock})), "2024.txt", rules)
    assert across(now, before, rules) == []


# ---- copied across units, in a batch ----

def batch_text(issuer: str, paragraphs: list[str], year: int = 2024) -> str:
    """A cheap report: the title, two sections and its paragraphs."""
    half = len(paragraphs) // 2
    return "\n".join([f"{issuer}{year}年政府信息公开工作年度报告", "一、总体情况", *paragraphs[:half],
                      "五、存在的主要问题及改进情况", *paragraphs[half:]]) + "\n"


def batch(size: int, seed: int = 7) -> tuple[list[str], set[tuple[int, int]]]:
    """`size` reports of different units, a few copying another (three of four
    paragraphs, names changed) and a few sharing one paragraph of four (no copy)."""
    rng = random.Random(seed)

    def paragraph() -> str:
        return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(60)) + "。"

    texts = [[paragraph() for _ in range(4)] for _ in range(size)]
    copies = {(10, 900), (250, 1999), (1200, 1201), (77, 78)}
    for source, copy in copies:
        texts[copy] = texts[source][:3] + [paragraph()]
    for source, sharer in ((5, 6), (300, 1500)):
        texts[sharer][1] = texts[source][1]
    return [batch_text(f"第{i}号单位", t) for i, t in enumerate(texts)], copies


def test_a_batch_of_2000_reports_finds_the_copies_and_no_false_pair(rules):
    k207 = [r for r in rules if r.id == "K207"]
    texts, copies = batch(2000)
    results = [lint(text, f"{i}.txt", k207) for i, text in enumerate(texts)]
    check_run(results, [k207] * len(results), "zh", {})
    found = {tuple(sorted((i, int(d.message.split(" ")[1].split(".")[0]))))
             for i, r in enumerate(results) for d in r.diagnostics}
    assert found == copies
    assert all(len(r.diagnostics) == (1 if any(i in pair for pair in copies) else 0) for i, r in enumerate(results))


def test_signatures_made_where_the_reports_are_linted_propose_the_same_pairs():
    """The workers of a large run give each report's signature with its result: the
    index proposes from them what it proposes from the texts alone."""
    from reportlint.checking import similarity

    rng = random.Random(3)
    words = ["".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(200)) for _ in range(300)]
    words[78], words[250] = words[77][:150] + words[78][150:], words[10]
    assert similarity.searched(len(words))
    given = [similarity.signature(w) if i % 3 else None for i, w in enumerate(words)]
    found = similarity.candidate_pairs(words, given)
    assert found == similarity.candidate_pairs(words) and {(77, 78), (10, 250)} <= found
    assert similarity.signature("") == ()


def test_each_worker_lints_its_own_segment_in_order_then_the_others_last_chunks():
    """The plan of a run across years: every chunk linted once; a worker goes through
    its segment front to back, then takes the last chunk of the segment with the most left."""
    import multiprocessing

    from reportlint.cli import files

    bounds = multiprocessing.Array("i", [0, 5, 5, 10])
    taken = []
    try:
        for own in (0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0):
            files._PLAN[:] = [None, bounds, own]
            taken.append(files._next_chunk())
    finally:
        files._PLAN[:] = []
    assert taken == [0, 5, 6, 7, 8, 9, 4, 3, 1, 2, None]


def test_two_jobs_check_a_long_run_across_years_as_one_job_does(tmp_path, capsys):
    """Thirty reports, each issuer's years apart or together, in chunks and segments
    of two workers: the same output as one job."""
    paths = []
    for k in range(10):
        issuer = f"第{k}号县统计局"
        for year in (2022, 2023, 2024) if k % 2 else (2023, 2024, 2022):
            carried = (k % 3, 0, 0, 0, 0, 0)
            paths.append(_write(tmp_path, f"{k:02d}-{year}.txt", unit(
                issuer=issuer, year=year, carried_in=carried if year > 2022 else ZERO, carried_out=carried,
                seed=k * 10 + year)))
    order = sorted(paths, key=lambda p: (Path(p).name[3:], Path(p).name))  # by year: far apart
    for run in (paths, order):
        outputs = []
        for jobs in ("1", "2"):
            main(["--format", "json", "--jobs", jobs, "--select", "K201,K204,K205", *run])
            outputs.append(capsys.readouterr().out)
        assert outputs[0] == outputs[1]
        assert sum(f["previous"] is not None for f in json.loads(outputs[0])["files"]) == 20


def test_a_units_own_reports_of_two_years_are_not_copies_of_another_unit(rules):
    k207 = [r for r in rules if r.id == "K207"]
    words = list(own_words(5).values())
    results = [lint(batch_text("青山县统计局", words, year), f"{year}.txt", k207) for year in (2023, 2024)]
    check_run(results, [k207] * 2, "zh", {})
    assert not any(r.diagnostics for r in results)


def test_the_params_config_key_sets_a_rules_threshold(tmp_path, capsys):
    before = _write(tmp_path, "a2023.txt", unit(year=2023, licensing=100, seed=1))
    now = _write(tmp_path, "a2024.txt", unit(year=2024, licensing=350, seed=2))
    main(["--format", "json", "--select", "K204", before, now])
    assert not json.loads(capsys.readouterr().out)["files"][1]["diagnostics"]
    (tmp_path / ".reportlint.yaml").write_text("params: {figure-jumps-from-last-year: {factor: 3}}\n", encoding="utf-8")
    main(["--format", "json", "--select", "K204", before, now])
    (found,) = json.loads(capsys.readouterr().out)["files"][1]["diagnostics"]
    assert "变化超过3倍" in found["message"]
    (tmp_path / ".reportlint.yaml").write_text("params: {K204: {factor: 2.5, floor: 1}}\n", encoding="utf-8")
    fees = [clean(unit(year=year, seed=year)).replace("| 行政事业性收费 | 0 |", f"| 行政事业性收费 | {fee} |")
            for year, fee in ((2023, "1.5"), (2024, "12.75"))]
    for name, text in zip(("a2023.txt", "a2024.txt"), fees):
        (tmp_path / name).write_text(text, encoding="utf-8")
    main(["--format", "json", "--select", "K204", before, now])
    assert [d["message"].split("，")[0] for d in json.loads(capsys.readouterr().out)["files"][1]["diagnostics"]] == [
        "表二（第二十条第（八）项）「行政事业性收费」本年收费金额（单位：万元）为12.75"]
    (tmp_path / ".reportlint.yaml").write_text("params: {K204: {factor: many}}\n", encoding="utf-8")
    assert main([now]) == 2
    assert "factor" in capsys.readouterr().err


def test_the_example_pair_of_the_readme(capsys):
    examples = Path(__file__).resolve().parent.parent / "examples"
    assert main([str(examples / "last-year.txt")]) == 0
    capsys.readouterr()
    main(["--format", "json", "--previous", str(examples / "last-year.txt"), str(examples / "clean.txt")])
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert report["previous"]["report_year"] == 2023
    assert [(d["rule"], d["line"]) for d in report["diagnostics"]] == [("K201", 55), ("K201", 55), ("K206", 97)]


def test_a_small_run_compares_the_shingles_of_every_pair(rules):
    """Up to 100 reports, no index is loaded: the copies are found all the same."""
    k207 = [r for r in rules if r.id == "K207"]
    words = [list(own_words(seed).values()) for seed in range(3)]
    texts = [batch_text("白水县统计局", words[0]), batch_text("金沙县统计局", words[0][:3] + words[1][:1]),
             batch_text("石门县统计局", words[2])]
    results = [lint(text, f"{i}.txt", k207) for i, text in enumerate(texts)]
    check_run(results, [k207] * 3, "zh", {})
    assert [len(r.diagnostics) for r in results] == [1, 1, 0]
    assert "0.txt" in results[1].diagnostics[0].message


def test_explain_shows_the_report_an_example_is_checked_against(capsys):
    main(["explain", "K201"])
    out = capsys.readouterr().out
    assert "对照的报告" in out and "青山镇2023年政府信息公开工作年度报告" in out


def test_reports_of_unknown_or_the_same_issuer_are_no_copies_of_another_unit(rules):
    """A mirror of a report (its issuer unread, or the name with its city before it) is no copy."""
    k207 = [r for r in rules if r.id == "K207"]
    words = list(own_words(3).values())
    texts = [batch_text("白水区人民政府", words), batch_text("青山市白水区人民政府", words),
             "\n".join(words) + "\n"]
    results = [lint(text, f"{i}.txt", k207) for i, text in enumerate(texts)]
    assert results[2].report.issuer is None
    check_run(results, [k207] * 3, "zh", {})
    assert not any(r.diagnostics for r in results)


FORMS = st.sampled_from([clean, web_page, one_line, lambda g: traditional(clean(g)),
                         lambda g: excerpt(clean(g), 0.6)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(reports(), FORMS), min_size=2, max_size=4), st.text(max_size=300))
def test_any_run_of_reports_in_any_form_is_checked_across_without_failing(rules, run, noise):
    """Generated reports of any issuers and years, whole, cut or garbled, with a text
    that is no report: the checks across them never raise, and every finding is placed."""
    texts = [form(g) for g, form in run] + [noise]
    results = [lint(t, f"{i}.txt", rules) for i, t in enumerate(texts)]
    check_run(results, [rules] * len(results), "en", {})
    for result in results:
        lines = len(result.report.source.lines) if result.report else 1
        assert all(1 <= d.line <= max(lines, 1) for d in result.diagnostics)

"""The html page of a run over many generated reports: every file and finding once, every
link resolves, nothing a report says is markup on the page, --lang en is English."""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from reportlint.cli.main import main
from tests import forms

CLEAN = Path(__file__).resolve().parent.parent / "examples" / "clean.txt"
SCRIPT = '<script>alert("x")</script>'
IMG = '"><img src=x onerror=alert(1)>'


def hostile(g: forms.Generated) -> str:
    """The report with markup in a paragraph (with a placeholder, so that it is quoted)
    and in two cells of table 三."""
    tables = forms.table_rows(g)
    row = next(r for r in tables["t3"] if r[0] == forms.T3_LABELS["new"])
    row[-3], row[-5] = IMG, SCRIPT
    lines = forms.lines_of(g, forms.pipes, tables)
    lines.insert(6, f"本年度××{SCRIPT}工作稳步推进{IMG}。")
    return "\n".join(lines) + "\n"


def broken(g: forms.Generated) -> str:
    """The report with a sum of table 三 that does not hold and a section left out."""
    g.t3["new"][0] += 1
    lines = forms.lines_of(g)
    at = next(k for k, line in enumerate(lines) if line.endswith(forms.SECTIONS[4].title))
    return "\n".join(lines[:at] + lines[at + 4:]) + "\n"


FORMS = [forms.clean, hostile, broken]


def run_batch(tmp: Path, generated: list[forms.Generated], fmt: str, binary: bool = False) -> tuple[list[dict], Path, int]:
    """Write the reports (in turn each of FORMS, and a binary file last when `binary`) in
    tmp/reports and lint them with --format json and with `fmt`: the JSON files, the
    output of `fmt` and its exit code."""
    folder = tmp / "reports"
    folder.mkdir()
    for i, g in enumerate(generated):
        (folder / f"r{i:03}.txt").write_text(FORMS[i % len(FORMS)](g), encoding="utf-8")
    if binary:
        (folder / "zz.txt").write_bytes(b"\x00\x01 binary")
    main(["--format", "json", "-o", str(tmp / "out.json"), str(folder)])
    code = main(["--format", fmt, "-o", str(tmp / f"out.{fmt}"), str(folder)])
    return json.loads((tmp / "out.json").read_text(encoding="utf-8"))["files"], tmp / f"out.{fmt}", code


class Page(HTMLParser):
    """The ids, links, tags and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.links: list[str] = []
        self.tags: Counter[str] = Counter()
        self.handlers: list[str] = []
        self.text: list[str] = []
        self.by_id: dict[str, list[str]] = {}
        self._open: list[tuple[str, str]] = []  # (tag, id) of elements with an id

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        attrs = dict(attrs)
        self.handlers += [k for k in attrs if k.startswith("on")]
        if "id" in attrs:
            self.ids[attrs["id"]] += 1
            self.by_id[attrs["id"]] = []
            self._open.append((tag, attrs["id"]))
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data):
        self.text.append(data)
        for _, id_ in self._open:
            self.by_id[id_].append(data)


def page_of(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@settings(max_examples=3, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.lists(forms.reports(), min_size=6, max_size=12))
def test_the_page_of_many_reports(generated):
    with tempfile.TemporaryDirectory() as tmp:
        files, out, _ = run_batch(Path(tmp), generated, "html")
        page = page_of(out)
    assert len(files) == len(generated)
    assert all(n == 1 for n in page.ids.values()), "every id once"
    assert all(link.startswith("#") and link[1:] in page.ids for link in page.links), "every link resolves"
    for i, f in enumerate(files):
        assert page.ids[f"f{i}"] == 1 and f["path"] in "".join(page.by_id[f"f{i}"])
        assert sum(1 for id_ in page.ids if re.fullmatch(rf"f{i}-\d+", id_)) == len(f["diagnostics"])
        for k, d in enumerate(f["diagnostics"]):
            assert d["message"] in "".join(page.by_id[f"f{i}-{k}"]), "each finding once, with its message"
            assert f"#f{i}-{k}" in page.links
    assert page.tags["script"] == 1 and page.tags["img"] == 0 and not page.handlers, "nothing unescaped"
    text = "".join(page.text)
    assert SCRIPT in text and IMG in text, "what a report says is shown as text"
    hostile_files = [f for i, f in enumerate(files) if FORMS[i % len(FORMS)] is hostile]
    assert min(text.count(IMG), text.count(SCRIPT)) >= 2 * len(hostile_files), "in the prose and in the table's cells"


@settings(max_examples=2, deadline=None)
@given(forms.reports())
def test_clean_files_are_listed_not_expanded_and_tables_only_where_concerned(g):
    html = _page(broken(g), str(CLEAN))
    assert '<li id="f0">' in html and '<details class="file" id="f1">' in html, "the clean file is a line"
    assert "<details open" not in html, "files are folded"
    assert html.count("<caption>") == 1 and f"<caption>{forms.T3['name']}</caption>" in html, \
        "only table 三, the one a finding concerns, is shown"


@settings(max_examples=2, deadline=None)
@given(forms.reports())
def test_the_english_page(g):
    html = _page(broken(g), "--lang", "en")
    cjk = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    chrome = re.findall(r"<header>.*?</header>|<thead>.*?</thead>|<option[^>]*>[^<]*</option>|<h[23][^>]*>[^<]*", html)
    assert chrome and not any(cjk.search(part) for part in chrome), "the page's own words are English"
    assert '<html lang="en">' in html and "Findings by file" in html


def _page(text: str, *argv: str) -> str:
    """The page of a report with this text, and of the other paths and options in `argv`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "page.html"
        (Path(tmp) / "b.txt").write_text(text, encoding="utf-8")
        main(["--format", "html", "-o", str(out), *argv, str(Path(tmp) / "b.txt")])
        return out.read_text(encoding="utf-8")

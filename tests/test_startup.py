"""Start-up and batch: --version and --help import nothing of the pipeline; what is
prepared from the YAML data is kept in a private cache folder, written atomically and
read back only while its key holds; a batch keeps only what its output reads."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import classes, patterns, resources
from reportlint.checking.linter import Options
from reportlint.checking.rules import load_rules
from reportlint.cli import main as cli
from reportlint.cli.files import Slim, lint_all

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HEAVY = ("yaml", "lark", "rich", "reportlint.checking", "reportlint.reading", "reportlint.reporting",
         "charset_normalizer", "openpyxl", "docx", "pypdfium2", "numpy", "opencc")


def _modules_after(*args: str) -> set[str]:
    code = ("import sys, runpy\nsys.argv = ['reportlint', *sys.argv[1:]]\ntry:\n"
            "    runpy.run_module('reportlint', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(' '.join(sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    return set(proc.stderr.split())


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("--lang", "en", "--help")])
def test_version_and_help_import_nothing_heavy(args):
    loaded = _modules_after(*args)
    assert "reportlint.cli.main" in loaded
    assert not {m for m in loaded if m.split(".")[0] in HEAVY or m.startswith(HEAVY)}


# what one report in UTF-8 and simplified characters does without, its output JSON
NOT_FOR_ONE_REPORT = ("rich", "yaml", "openpyxl", "docx", "pypdfium2", "lxml", "charset_normalizer", "opencc",
                      "datasketch", "zipfile", "reportlint.reading.docx", "reportlint.reading.pdf",
                      "reportlint.reading.html", "reportlint.checking.across", "reportlint.checking.similarity",
                      "reportlint.checking.baseline", "reportlint.cli.fix")


@pytest.mark.parametrize("example", ["clean.txt", "defects.txt"])
def test_one_json_report_imports_only_what_it_reads(tmp_path, monkeypatch, example):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _modules_after("--format", "json", str(EXAMPLES / example))  # the first run prepares the cache
    loaded = _modules_after("--format", "json", str(EXAMPLES / example))
    assert "reportlint.checking.linter" in loaded
    assert not {m for m in loaded if m.split(".")[0] in NOT_FOR_ONE_REPORT or m in NOT_FOR_ONE_REPORT}


def test_patterns_are_compiled_in_the_first_run_only(tmp_path, monkeypatch):
    """What re makes of reportlint's patterns is kept in the private cache at the end of
    the first run and read back by the next one, which compiles none of them."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    code = ("import sys, runpy\nsys.argv = ['reportlint', *sys.argv[1:]]\ntry:\n"
            "    runpy.run_module('reportlint', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "from reportlint import patterns\nsys.stderr.write(f'{len(patterns._made)} {len(patterns._programs())}')")
    runs = [subprocess.run([sys.executable, "-c", code, "--format", "json", str(EXAMPLES / "defects.txt")],
                           capture_output=True, text=True).stderr.split() for _ in range(2)]
    (made, kept), (made_again, read) = runs
    assert int(made) == int(kept) > 100
    assert made_again == "0" and read == kept


def test_kept_pattern_is_the_pattern_re_compiles():
    for pattern, flags in ((r"[\u4e00-\u9fff]{2,}(?P<tail>局|委)", 0), (r"(?<![a-z])xx+", re.IGNORECASE), (rb"<meta", re.I)):
        program = patterns._program(pattern, int(flags))
        patterns._programs()[(pattern, int(flags))] = program
        assert patterns.compile.__wrapped__(pattern, flags) == re.compile(pattern, flags)


def test_option_choices_are_those_of_their_modules():
    from reportlint.checking.diagnostics import SEVERITIES
    from reportlint.reading.detect import LEVELS
    from reportlint.cli import commands

    assert cli.SEVERITIES == SEVERITIES and cli.LEVELS == LEVELS
    assert all(callable(getattr(commands, f"{name}_command")) for name in cli.COMMANDS)


# -- the private cache -----------------------------------------------------------------------

@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "home-cache"))
    return resources.cache_folder()


def _built(calls: list):
    def build():
        calls.append(1)
        return {"value": len(calls)}
    return build


def test_cache_folder_is_made_private_and_entries_read_back(cache):
    calls = []
    assert resources.prepared("test", [b"source"], _built(calls)) == {"value": 1}
    assert resources.prepared("test", [b"source"], _built(calls)) == {"value": 1}
    assert calls == [1]
    if os.name != "nt":
        assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700
        assert all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in cache.iterdir())
    assert not [p for p in cache.iterdir() if p.name.startswith(".")]  # written through a renamed temp file


def test_changed_source_is_built_again(cache):
    calls = []
    resources.prepared("test", [b"one"], _built(calls))
    assert resources.prepared("test", [b"two"], _built(calls)) == {"value": 2}
    assert calls == [1, 1]


def test_changed_rule_file_is_read_again(cache, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    original = load_rules()[0]
    text = original.path.read_text(encoding="utf-8")
    (rules / original.path.name).write_text(text, encoding="utf-8")
    assert load_rules(rules)[0].basis == original.basis
    (rules / original.path.name).write_text(text.replace("basis:", "basis: 另见说明；", 1), encoding="utf-8")
    assert load_rules(rules)[0].basis.startswith("另见说明；")


def test_damaged_entry_is_built_again(cache):
    calls = []
    resources.prepared("test", [b"source"], _built(calls))
    for entry in cache.iterdir():
        entry.write_bytes(b"not a pickle")
    assert resources.prepared("test", [b"source"], _built(calls)) == {"value": 2}


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs permissions that bind this user")
def test_read_only_cache_is_done_without(cache):
    cache.parent.mkdir(parents=True)
    cache.parent.chmod(0o500)
    try:
        calls = []
        assert resources.prepared("test", [b"source"], _built(calls)) == {"value": 1}
        assert resources.prepared("test", [b"source"], _built(calls)) == {"value": 2}
    finally:
        cache.parent.chmod(0o700)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_cache_folder_others_can_enter_is_not_used(cache):
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    calls = []
    resources.prepared("test", [b"source"], _built(calls))
    resources.prepared("test", [b"source"], _built(calls))
    assert calls == [1, 1] and not list(cache.iterdir())


def test_cache_folder_that_is_a_file_is_not_used(cache):
    cache.parent.mkdir(parents=True)
    cache.write_text("a file", encoding="utf-8")
    calls = []
    assert resources.prepared("test", [b"source"], _built(calls)) == {"value": 1}
    assert load_rules()  # the rules load without the cache


def test_no_grammar_pickle_in_the_shared_temp_folder(cache, tmp_path, monkeypatch):
    shared = tmp_path / "tmp"
    shared.mkdir()
    monkeypatch.setenv("TMPDIR", str(shared))
    code = "import sys, tempfile; tempfile.tempdir = None; from reportlint.cli.main import main; sys.exit(main(sys.argv[1:]))"
    subprocess.run([sys.executable, "-c", code, "--format", "json", str(EXAMPLES / "clean.txt")],
                   capture_output=True, env={**os.environ})
    assert not list(shared.iterdir())
    assert any(p.suffix == ".lark" for p in cache.iterdir())


# -- a batch keeps only what its output reads --------------------------------------------------

@pytest.mark.parametrize("workers", [1, 2])
def test_batch_results_are_slim(tmp_path, workers):
    paths = []
    for i in range(4):
        path = tmp_path / f"r{i}.txt"
        path.write_bytes((EXAMPLES / ("clean.txt", "defects.txt")[i % 2]).read_bytes())
        paths.append(str(path))
    rules = load_rules()
    whole = list(lint_all([(p, rules, Options()) for p in paths], None, 1))
    slim = list(lint_all([(p, rules, Options()) for p in paths], None, workers, Slim()))
    for full, kept in zip(whole, slim):
        assert kept.diagnostics == full.diagnostics
        assert (kept.report.issuer, kept.report.year, kept.report.era) == \
            (full.report.issuer, full.report.year, full.report.era)
        pointed = {d.line for d in full.diagnostics}  # the lines the outputs quote, the others blank
        expected = [line if n in pointed else "" for n, line in enumerate(full.report.source.lines, 1)]
        assert list(kept.report.source.lines) == expected
        assert kept.report.source.text == "\n".join(expected) + "\n"  # nothing but those lines
        assert not kept.report.source.places
        assert full.report.sections and full.report.read_tables
        assert not kept.report.sections and not kept.report.read_tables


def test_a_python_whose_re_is_built_otherwise_still_gets_its_patterns(monkeypatch):
    """The kept programs go through re's private compiler: where it is not what this
    module expects, compile is re.compile, and nothing is kept."""
    def moved(pattern, flags):
        raise AttributeError("re._compiler has no _code")
    monkeypatch.setattr(patterns, "_program", moved)
    pattern = r"[\u4e00-\u9fff]+(?P<n>\d+)件"
    assert patterns.compile.__wrapped__(pattern, 0) == re.compile(pattern)
    assert (pattern, 0) not in patterns._made and (pattern, 0) not in patterns._programs()


# -- dataclasses' methods compiled once ----------------------------------------------------------


def _made_in(counted: list[str]):
    """A frozen dataclass with defaults and a factory, made inside compiled_once; its
    methods' texts compiled are appended to `counted`."""
    from dataclasses import dataclass, field

    with classes.compiled_once():
        @dataclass(frozen=True)
        class Cell:
            row: str
            column: int
            raw: str = ""
            notes: tuple = field(default_factory=tuple)

    return Cell


def test_dataclass_methods_are_compiled_in_the_first_run_only(cache, monkeypatch):
    counted: list[str] = []
    monkeypatch.setattr(classes, "compile", lambda text, *a: counted.append(text) or compile(text, *a), raising=False)
    first = _made_in(counted)
    assert len(counted) >= 5  # __init__, __repr__, __eq__, __hash__, __setattr__, __delattr__
    counted.clear()
    again = _made_in(counted)
    assert counted == []  # read back from the private cache
    import dataclasses
    for made in (first, again):
        cell = made("一、总体情况", 2)
        assert cell == made("一、总体情况", 2, "", ()) and hash(cell) == hash(made("一、总体情况", 2))
        assert repr(cell) == "_made_in.<locals>.Cell(row='一、总体情况', column=2, raw='', notes=())"
        assert dataclasses.replace(cell, raw="12").raw == "12" and cell.raw == ""
        with pytest.raises(dataclasses.FrozenInstanceError):
            cell.raw = "3"
    assert "exec" not in vars(dataclasses)  # the builtin is dataclasses' own again


def test_damaged_dataclass_methods_are_compiled_again(cache, monkeypatch):
    _made_in([])
    for entry in cache.iterdir():
        entry.write_bytes(b"not a pickle")
    counted: list[str] = []
    monkeypatch.setattr(classes, "compile", lambda text, *a: counted.append(text) or compile(text, *a), raising=False)
    assert _made_in(counted)("a", 1).column == 1 and counted

"""Start-up and batch: --version and --help import nothing of the pipeline; what is
prepared from the YAML data is kept in a private cache folder, written atomically and
read back only while its key holds; a batch keeps only what its output reads."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import resources
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


def test_json_output_imports_no_rich_nor_yaml(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _modules_after("--format", "json", str(EXAMPLES / "clean.txt"))  # the first run prepares the cache
    loaded = _modules_after("--format", "json", str(EXAMPLES / "clean.txt"))
    assert "reportlint.checking.linter" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("rich", "yaml", "openpyxl", "docx", "pypdfium2")}


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
        assert kept.report.source.lines == [line if n in pointed else ""
                                            for n, line in enumerate(full.report.source.lines, 1)]
        assert not kept.report.source.text
        assert full.report.sections and full.report.read_tables
        assert not kept.report.sections and not kept.report.read_tables

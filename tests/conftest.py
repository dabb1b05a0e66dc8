"""Shared fixtures: the loaded rules and a helper that lints a text."""

from __future__ import annotations

import pytest

from reportlint.checking.linter import FileResult, Options, lint_bytes
from reportlint.checking.rules import Rule, load_rules


@pytest.fixture(scope="session")
def rules() -> list[Rule]:
    return load_rules()


def lint_text(text: str, rules: list[Rule], path: str = "report.txt", **options) -> FileResult:
    """Lint `text` (a str, encoded as UTF-8) with `rules`."""
    return lint_bytes(path, text.encode("utf-8"), rules, Options(**options))


@pytest.fixture(scope="session")
def lint(rules):
    def run(text: str, **options) -> FileResult:
        return lint_text(text, rules, **options)
    return run

"""The word lists reading and the rules use (spam words, page chrome, furniture …):
YAML data in rules/lists/."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from reportlint import patterns
from reportlint.normalize import norm
from reportlint.resources import data_dir, data_file, prepared


def _path(name: str) -> Path:
    return data_dir("rules") / "lists" / f"{name}.yaml"


@cache
def load(name: str) -> dict:
    """The mapping in rules/lists/`name`.yaml."""
    return data_file(_path(name))


@cache
def normalized(name: str) -> dict[str, tuple[str, ...]]:
    """The lists in rules/lists/`name`.yaml, each entry in its norm form, longest first:
    prepared once (a list's traditional characters would load OpenCC in every run)."""
    def build() -> dict[str, tuple[str, ...]]:
        return {key: tuple(sorted((norm(w) for w in entries), key=len, reverse=True)) for key, entries in load(name).items()}
    return prepared(f"normalized {_path(name)}", [_path(name).read_bytes()], build)


@cache
def regex(name: str, key: str, literal: bool = False) -> re.Pattern:
    """One alternation of the entries under `key` in list `name` (escaped when literal)."""
    entries = load(name)[key]
    parts = [re.escape(e) if literal else f"(?:{e})" for e in entries]
    return patterns.compile("|".join(parts), re.IGNORECASE)

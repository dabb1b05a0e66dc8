"""The word lists reading and the rules use (spam words, page chrome, furniture …):
YAML data in rules/lists/."""

from __future__ import annotations

import re
from functools import cache

from reportlint.resources import data_dir, data_file


@cache
def load(name: str) -> dict:
    """The mapping in rules/lists/`name`.yaml."""
    path = data_dir("rules") / "lists" / f"{name}.yaml"
    return data_file(path)


@cache
def regex(name: str, key: str, literal: bool = False) -> re.Pattern:
    """One alternation of the entries under `key` in list `name` (escaped when literal)."""
    entries = load(name)[key]
    parts = [re.escape(e) if literal else f"(?:{e})" for e in entries]
    return re.compile("|".join(parts), re.IGNORECASE)

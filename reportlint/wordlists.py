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
    return alternation([re.escape(e) if literal else e for e in entries], re.IGNORECASE)


def alternation(patterns: list[str], flags: int = 0) -> re.Pattern:
    """The regular expression that matches where any of `patterns` does, as their
    alternation would; led, when it can be told, by a look-ahead for the characters a
    match can begin with, so that a search passes over the others at once (Python's
    engine otherwise tries every alternative, look-behinds first, at every position)."""
    body = "|".join(f"(?:{p})" for p in patterns)
    try:
        first = _first_class(re._parser.parse(body, flags).data)
    except AttributeError:  # re's parser is private: where a Python has moved it, no look-ahead
        first = None
    return re.compile(f"(?=[{first}])(?:{body})" if first else body, flags)


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _first_class(items: list) -> str | None:
    """The body of a character class holding every character a match of the parsed
    pattern `items` can begin with (None when a match may be empty, or the pattern
    holds what is not told apart here)."""
    found = _first(items)
    return "".join(found[0]) if found is not None and not found[1] else None


def _first(items: list) -> tuple[list[str], bool] | None:
    """(class items a match can begin with, whether it can be empty), or None."""
    c = re._constants
    out: list[str] = []
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # takes no character
            continue
        if op is c.LITERAL:
            return out + [re.escape(chr(av))], False
        if op is c.IN:
            part = _class_items(av)
            return None if part is None else (out + part, False)
        if op is c.BRANCH:
            found = [_first(alternative) for alternative in av[1]]
            if any(f is None for f in found):
                return None
            out += [x for f in found for x in f[0]]
            if not any(f[1] for f in found):
                return out, False
            continue
        if op is c.SUBPATTERN and not av[1] and not av[2]:  # a group, its flags unchanged
            found, repeat = _first(av[3]), False
        elif op is c.ATOMIC_GROUP:
            found, repeat = _first(av), False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            found, repeat = _first(av[2]), av[0] == 0
        else:  # any character, a back reference, a group that sets flags …
            return None
        if found is None:
            return None
        out += found[0]
        if not (found[1] or repeat):
            return out, False
    return out, True


def _class_items(items: list) -> list[str] | None:
    c = re._constants
    out = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and str(av) in _CATEGORIES:
            out.append(_CATEGORIES[str(av)])
        else:  # a negated class
            return None
    return out

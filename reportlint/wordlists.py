"""The word lists reading and the rules use (spam words, page chrome, furniture …):
YAML data in rules/lists/, and in the `lists/` folder of a user's rules folder.

A user's list of the same name as a bundled one extends it: each of its keys adds its
entries to the bundled key's (a number, such as chrome's short_length, replaces it);
with `replace: true` at the top, the entries of each key the file gives replace the
bundled ones (the keys it does not give stay as bundled). A list of a new name is a
list of its own, for the rules of kind `listed` (`words` or `patterns`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from reportlint import patterns
from reportlint.normalize import norm
from reportlint.resources import DataFileError, data_dir, data_file, prepared, read_yaml

# keys whose entries are regular expressions (the others are literal words)
_PATTERNS = ("patterns", "anywhere")
_folders: list[Path] = []  # the users' lists folders, in the order they were added


def add_folder(folder: Path) -> None:
    """Let the lists in `folder` (a user's rules folder's `lists/`) extend or replace
    the bundled ones. Call it before any report is read. Raises DataFileError for a
    list that cannot be used (the file and the line)."""
    if folder in _folders or not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yaml")):
        _user_list(path)
    _folders.append(folder)
    for cached in (names, load, regex, normalized):
        cached.cache_clear()


@cache
def names() -> tuple[str, ...]:
    """The names of every list, bundled and the users'."""
    return tuple(sorted({p.stem for f in (data_dir("rules") / "lists", *_folders) for p in f.glob("*.yaml")}))


@cache
def load(name: str) -> dict:
    """The mapping of list `name`: rules/lists/`name`.yaml with the users' lists of that name."""
    bundled = data_dir("rules") / "lists" / f"{name}.yaml"
    out = dict(data_file(bundled)) if bundled.is_file() else {}
    for folder in _folders:
        path = folder / f"{name}.yaml"
        if path.is_file():
            raw = _user_list(path)
            for key, value in raw.items():
                if key != "replace":
                    extend = isinstance(value, list) and not raw.get("replace")
                    out[key] = [*out.get(key, []), *value] if extend else value
    return out


@cache
def regex(name: str, key: str, literal: bool = False) -> re.Pattern:
    """One alternation of the entries under `key` in list `name` (escaped when literal)."""
    entries = load(name)[key]
    return alternation([re.escape(e) if literal else e for e in entries], re.IGNORECASE)


@cache
def normalized(name: str) -> dict[str, tuple[str, ...]]:
    """Each key of list `name` with its entries norm()'d, the longest first: prepared
    once (a list's traditional characters would load OpenCC in every run)."""
    def build() -> dict[str, tuple[str, ...]]:
        return {key: tuple(sorted((norm(w) for w in words), key=len, reverse=True))
                for key, words in load(name).items()}
    files = [f / f"{name}.yaml" for f in (data_dir("rules") / "lists", *_folders)]
    return prepared(f"normalized list {name}", [f.read_bytes() for f in files if f.is_file()], build)


def _user_list(path: Path) -> dict:
    """A user's list file, checked: a mapping of keys to lists of words (a number where
    the bundled list has one), the patterns regular expressions, and `replace`."""
    raw, node = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(path, 1, "list_mapping")
    lines = {k.value: (k.start_mark.line + 1, v) for k, v in node.value}
    bundled_path = data_dir("rules") / "lists" / path.name
    bundled = data_file(bundled_path) if bundled_path.is_file() else {"words": [], "patterns": []}
    for key, value in raw.items():
        line, value_node = lines.get(key, (1, None))
        if key == "replace":
            if not isinstance(value, bool):
                raise DataFileError(path, line, "list_replace")
        elif key not in bundled:
            raise DataFileError(path, line, "list_key", name=repr(key), keys=", ".join(map(str, bundled)))
        elif not isinstance(bundled[key], list):
            if type(value) is not type(bundled[key]):
                raise DataFileError(path, line, "list_value", name=repr(key), value=repr(value)[:60])
        elif not isinstance(value, list):
            raise DataFileError(path, line, "list_words", name=repr(key))
        else:
            for k, word in enumerate(value):
                at = value_node.value[k].start_mark.line + 1
                if not isinstance(word, str) or not word:
                    raise DataFileError(path, at, "list_word", name=repr(key), word=repr(word)[:60])
                if key in _PATTERNS:
                    try:
                        re.compile(word)
                    except re.error as error:
                        raise DataFileError(path, at, "list_pattern", word=repr(word)[:60],
                                            error=str(error)) from error
    return raw


def alternation(alternatives: list[str], flags: int = 0) -> re.Pattern:
    """The regular expression that matches where any of `patterns` does, as their
    alternation would; led, when it can be told, by a look-ahead for the characters a
    match can begin with, so that a search passes over the others at once (Python's
    engine otherwise tries every alternative, look-behinds first, at every position)."""
    body = "|".join(f"(?:{p})" for p in alternatives)

    def lead() -> str | None:  # parsing the whole alternation takes milliseconds: once, kept
        try:
            return _first_class(re._parser.parse(body, flags).data)
        except AttributeError:  # re's parser is private: where a Python has moved it, no look-ahead
            return None
    first = prepared("alternation lead", [body.encode(), str(int(flags)).encode()], lead)
    return patterns.compile(f"(?=[{first}])(?:{body})" if first else body, flags)


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

"""Regular expressions compiled once per installation, not once per run.

Python's re takes a millisecond or more to compile a class of Chinese characters
([\\u4e00-\\u9fff]: it fills its table one code point at a time), and reportlint's
couple of hundred patterns took a run longer than linting the report. `compile` is
re.compile that keeps what re makes of each pattern for its engine (the program: code
words, flags and groups) in the private cache (reportlint.resources), under a key of
Python's version and reportlint's, so a later run turns it back into the same pattern
in microseconds. This takes re's compiler apart (re._parser, re._compiler, _sre), as
re.compile itself does.
"""

from __future__ import annotations

import _sre
import atexit
import re
from array import array
from functools import cache
from re import _compiler, _parser

from reportlint import resources

_WHAT = "regular-expression programs"
_made: set[tuple[str, int]] = set()  # the programs made in this run, not read from the cache


@cache
def _programs() -> dict[tuple[str, int], tuple]:
    """(pattern, flags) → program: those kept in the private cache, and those made since."""
    return resources.kept(_WHAT) or {}


@cache
def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), its program read from the private cache when kept there."""
    key = (pattern, int(flags))
    programs = _programs()
    try:
        if key not in programs:
            programs[key] = _program(*key)
            _made.add(key)
        flags, code, groups, groupindex, indexgroup = programs[key]
        return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)
    except (AttributeError, TypeError, ValueError, RuntimeError):  # a Python whose re is built otherwise
        programs.pop(key, None)
        _made.discard(key)
        return re.compile(pattern, flags)


def _program(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands _sre.compile for `pattern`, the code words as bytes."""
    tree = _parser.parse(pattern, flags)
    code = array("I", _compiler._code(tree, flags))
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, i in tree.state.groupdict.items():
        indexgroup[i] = name
    return flags | tree.state.flags, code.tobytes(), tree.state.groups - 1, dict(tree.state.groupdict), tuple(indexgroup)


@atexit.register
def _keep() -> None:
    if _made:
        resources.keep(_WHAT, _programs())

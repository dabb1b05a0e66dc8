"""The lines of a report in which a regular expression can match, found without trying
it on every line.

Python's engine tries a pattern at each position of each line it is given, and the
per-line kinds (listed words, page chrome, patterns) search every line for patterns
that most lines do not hold. Yet a match cannot do without some text: a run of
literals, one of a small class, what one branch or another needs; what a lookaround
needs too, since it looks inside the line, never what a negative one refuses. Of a
sequence's items the one that looks rarest is taken (_rarity), so that each pattern
comes to a few strings (its anchors, read once off the parsed pattern) one of which a
line must hold. One search of the whole text for them, an alternation of literals
that re passes over the other characters for, gives the lines to try the pattern on.

The text is looked at lowercased, which covers case-insensitive patterns: re matches a
cased character x case-insensitively when x's simple lowercase is the pattern's or one
of its extra cases (re._casefix), and str.lower() of a text holds each character's
simple lowercase (İ's lowercase begins with it, and a final Σ's, ς, is one of σ's
extra cases); a character with extra cases is an anchor of its own, never part of a
run (tests/test_anchors.py checks this of every character).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import accumulate

import _sre

from reportlint import patterns
from reportlint.checking.analyses import once_per_report
from reportlint.reading.model import Report
from reportlint.resources import prepared

_LARGEST_CLASS = 64  # a class of more characters than this is too common to look for
_FEW = 8  # a sequence's class of more characters than this is looked for only if it has nothing else


@once_per_report
def _joined(report: Report) -> tuple[str, list[int]]:
    """The report's lines as one lowercased text, and where each begins in it (a
    line's lowercase may be longer than the line: İ)."""
    text = "\n".join(report.source.lines).lower()
    return text, list(accumulate((len(part) + 1 for part in text.split("\n")), initial=0))


def lines(report: Report, regex: re.Pattern) -> Iterator[tuple[int, str]]:
    """(number, text) of each line of the report in which `regex` may match, in order:
    every line it matches in, and some others."""
    source = report.source.lines
    finder = _finder(regex.pattern, regex.flags)
    if finder is None:
        yield from enumerate(source, start=1)
        return
    text, starts = _joined(report)
    found = finder.search(text)
    while found:
        number = bisect_right(starts, found.start())
        yield number, source[number - 1]
        found = finder.search(text, starts[number]) if number < len(source) else None


@cache
def _finder(pattern: str, flags: int) -> re.Pattern | None:
    """A regex of the strings of `_need` (literals only: re passes over the others at
    once), or None where every line must be searched."""
    need = _need(pattern, flags)
    return None if need is None else patterns.compile("|".join(map(re.escape, need)))


@cache
def _need(pattern: str, flags: int) -> tuple[str, ...] | None:
    """Strings one of which a line must hold (lowercased) for `pattern` to match in it,
    or None when that cannot be told (a match may be empty, or hold only what is too
    common to look for)."""
    def build() -> tuple[str, ...] | None:  # parsing a long alternation takes milliseconds: once, kept
        try:
            return _sequence(re._parser.parse(pattern, flags).data)
        except (AttributeError, ImportError):  # re's parser is private: where a Python has moved it, every line
            return None
    return prepared("line anchors", [pattern.encode(), str(int(flags)).encode()], build)


def _sequence(items: list) -> tuple[str, ...] | None:
    """The need of a sequence: that of one of its items (a run of literals as a whole),
    the one least often met by the look of it."""
    needs: list[tuple[str, ...]] = []
    run = ""
    for item in [*items, None]:
        need = None if item is None else _item(item)
        if need is not None and len(need) == 1 and item[0] is re._constants.LITERAL:
            run += need[0]
            continue
        if run:
            needs.append((run,))
            run = ""
        if need is not None:
            needs.append(need)
    # a class of many digits or Chinese characters is met on most lines, one of Latin letters (pinyin's) is not
    few = [need for need in needs if len(need) <= _FEW or _rarity(need) > 1]
    return max(reversed(few or needs), key=_rarity, default=None)


def _rarity(need: tuple[str, ...]) -> float:
    """How seldom a line holds one of these strings, by the look of them: the longer
    the rarer; a digit weighs least (a report's tables are full of them), a Latin
    letter, half-width, full-width or with a tone mark, most (a Chinese report has few)."""
    return min(sum(map(_weight, string)) for string in need)


def _weight(char: str) -> float:
    if "\uff01" <= char <= "\uff5e":  # a full-width form of ASCII
        char = chr(ord(char) - 0xfee0)
    return 0.25 if char.isdigit() else 1.5 if char.isalpha() and char < "\u0250" else 1


def _item(item: tuple) -> tuple[str, ...] | None:
    c = re._constants
    op, av = item
    if op is c.LITERAL:
        return _chars([av])
    if op is c.IN:
        return _chars(_class(av))
    if op is c.BRANCH:
        needs = [_sequence(alternative) for alternative in av[1]]
        return None if None in needs else tuple(sorted({string for need in needs for string in need}))
    if op is c.SUBPATTERN:
        return _sequence(av[3])
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return _sequence(av[2]) if av[0] > 0 else None
    if op is c.ASSERT:  # a lookaround looks inside the line
        return _sequence(av[1])
    return None  # a negative lookaround, an anchor, any character, a back reference …


def _class(items: list) -> list[int] | None:
    """The code points of a class, or None for a negated one or one of a category."""
    c = re._constants
    points: list[int] = []
    for op, av in items:
        if op is c.LITERAL:
            points.append(av)
        elif op is c.RANGE and av[1] - av[0] < _LARGEST_CLASS:
            points.extend(range(av[0], av[1] + 1))
        else:
            return None
    return points


def _chars(points: list[int] | None) -> tuple[str, ...] | None:
    """The need of one of these code points, each as it stands in a lowercased text."""
    if points is None:
        return None
    chars: set[str] = set()
    for point in points:
        if not _sre.unicode_iscased(point):
            chars.add(chr(point))
        elif point > 0xFFFF:  # matched case-insensitively otherwise than below
            return None
        else:
            lower = _sre.unicode_tolower(point)
            chars.update(map(chr, (lower, *_extra_cases().get(lower, ()))))
    return tuple(sorted(chars)) if len(chars) <= _LARGEST_CLASS else None


@cache
def _extra_cases() -> dict[int, tuple[int, ...]]:
    from re import _casefix
    return _casefix._EXTRA_CASES

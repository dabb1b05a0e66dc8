"""The lines a per-line pattern is looked for in (reportlint.checking.anchors): every
line it matches in is among them, so the kinds find what a search of every line finds."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

import _sre
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint import wordlists
from reportlint.checking import anchors
from reportlint.checking.kinds.text import _regex
from reportlint.checking.linter import Options, lint_bytes
from reportlint.checking.rules import load_rules

RULES = load_rules()


def _searched() -> list[re.Pattern]:
    """The regular expression of each bundled rule that searches the lines as given."""
    found = [wordlists.regex("chrome", "anywhere")]
    for rule in RULES:
        if rule.kind == "listed":
            literal = "words" in wordlists.load(rule.params["list"])
            found.append(wordlists.regex(rule.params["list"], "words" if literal else "patterns", literal))
        elif rule.kind == "pattern" and not rule.params["normalized"]:
            found.append(_regex(tuple(rule.params["patterns"]), rule.params["literal"], False))
    return found


SEARCHED = _searched()
NEEDS = sorted({s for regex in SEARCHED for s in anchors._need(regex.pattern, regex.flags) or ()})
EXAMPLES = [line for rule in RULES if rule.kind in ("listed", "pattern", "chrome")
            for example in rule.bad for line in example.text.splitlines()]
PIECES = st.one_of(
    st.sampled_from(NEEDS), st.sampled_from(NEEDS).map(str.upper), st.sampled_from(EXAMPLES),
    st.sampled_from(EXAMPLES).map(lambda line: line[: len(line) // 2]),
    st.sampled_from(EXAMPLES).map(lambda line: line[len(line) // 2:]),
    st.text(st.sampled_from("İıKſΣσςＸｘXx0123456789 \t.（）()年月日百千〇二一*_【】<>:："), max_size=6),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=6),
)
LINES = st.lists(st.lists(PIECES, max_size=6).map("".join), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_every_line_a_pattern_matches_in_is_searched(lines):
    report = SimpleNamespace(source=SimpleNamespace(lines=tuple(lines)))
    for regex in SEARCHED:
        matched = [n for n, line in enumerate(lines, start=1) if regex.search(line)]
        given_ = list(anchors.lines(report, regex))
        numbers = [n for n, _ in given_]
        assert numbers == sorted(set(numbers))
        assert all(text == lines[n - 1] for n, text in given_)
        assert set(matched) <= set(numbers), regex.pattern


TEXTS = st.lists(st.one_of(st.sampled_from(EXAMPLES), st.just(""), st.just("　"),
                           st.lists(PIECES, max_size=4).map("".join)), max_size=30).map("\n".join)


@contextmanager
def _every_line() -> Iterator[None]:
    """A while in which no pattern has anchors: every line is searched, as before them."""
    real = anchors._finder
    anchors._finder = lambda pattern, flags: None
    try:
        yield
    finally:
        anchors._finder = real


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_diagnostics_are_those_of_searching_every_line(text):
    data = ("青山县统计局2023年政府信息公开工作年度报告\n一、总体情况\n" + text).encode("utf-8", "surrogatepass")
    found = lint_bytes("x.txt", data, RULES, Options()).diagnostics
    with _every_line():
        assert lint_bytes("x.txt", data, RULES, Options()).diagnostics == found


def test_a_lowercased_text_holds_what_re_matches_case_insensitively():
    """What the anchors of a cased character rest on: each character's lowercase in
    str.lower(), alone or after a letter (final Σ), holds its simple lowercase (re's) or
    one of that one's extra cases; and one whose lowercase is longer than one
    character lowercases to one with extra cases, which never joins a run of literals."""
    extra = anchors._extra_cases()
    for point in range(sys.maxunicode + 1):
        if 0xD800 <= point < 0xE000:
            continue
        lower = _sre.unicode_tolower(point)
        accepted = {chr(lower), *map(chr, extra.get(lower, ()))}
        for text in (chr(point), "a" + chr(point)):
            assert accepted & set(text.lower()), hex(point)
        if len(chr(point).lower()) > 1:
            assert lower in extra, hex(point)

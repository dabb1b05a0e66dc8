"""Text normalisation for matching labels, traditional script folded to simplified,
and Chinese numerals."""

from __future__ import annotations

import importlib.util
import os
import unicodedata
from functools import cache, lru_cache
from itertools import chain

from reportlint import patterns
from reportlint.resources import prepared

_SPACE = patterns.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERALS = "一二三四五六七八九十"


@cache
def _converter():
    import opencc
    return opencc.OpenCC("t2s")


@cache
def _t2s_characters() -> dict[int, int]:
    """Code point → the one other character OpenCC's t2s makes of it, for the characters
    of the CJK blocks of the BMP that it changes: built once and kept under the size and
    time of OpenCC's module (an install writes it anew), so that a text in simplified
    characters never loads OpenCC."""
    def build() -> dict[int, int]:
        table = {}
        for point in chain(range(0x3400, 0xa000), range(0xf900, 0xfb00)):
            converted = _converter().convert(chr(point))
            if len(converted) == 1 and converted != chr(point):
                table[point] = ord(converted)
        return table
    return prepared("t2s characters", _opencc_stamp(), build)


@cache
def _opencc_stamp() -> list[bytes]:
    module = os.stat(importlib.util.find_spec("opencc").origin)
    return [repr((module.st_size, module.st_mtime_ns)).encode()]


class _Simplified(dict):
    """Code point → simplified character, each looked up once in OpenCC's t2s table."""

    def __missing__(self, point: int) -> int:
        value = point
        if 0x3400 <= point < 0xa000 or 0xf900 <= point < 0xfb00:
            value = _t2s_characters().get(point, point)
        elif point >= 0x20000:
            converted = _converter().convert(chr(point))
            value = ord(converted) if len(converted) == 1 else point
        self[point] = value
        return value


_SIMPLIFIED = _Simplified()


@cache
def _foldable():
    """The characters fold may change: those of the t2s table, and any beyond the BMP
    (the class prepared with the table, so that a text with none never loads it)."""
    def build() -> str:
        runs: list[list[int]] = []  # [first, last] of each run of consecutive code points
        for point in sorted(_t2s_characters()):
            if runs and runs[-1][1] == point - 1:
                runs[-1][1] = point
            else:
                runs.append([point, point])
        ranges = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)
        return f"[{ranges}\U00020000-\U0010ffff]"
    return patterns.compile(prepared("t2s characters as a class", _opencc_stamp(), build))


def foldable(text: str) -> bool:
    """Whether `text` holds a character fold may change (looked up in C, not per
    character): a text without one is its own fold, and so is each of its lines."""
    return _foldable().search(text) is not None


def fold(text: str) -> str:
    """`text` in simplified characters, for matching only: 總體情況 → 总体情况, 反覆 →
    反复. Same length, so every offset into the fold is an offset into the text as
    written: OpenCC's phrases where they keep the length, else one character at a time."""
    if not foldable(text):  # most lines: nothing to fold
        return text
    folded = text.translate(_SIMPLIFIED)
    if folded == text:
        return text
    phrases = _converter().convert(text)
    return phrases if len(phrases) == len(text) else folded


# "規(guī)章": mirror sites gloss characters with pinyin in brackets
PINYIN_GLOSS = patterns.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")


# the glosses' brackets without the character before them: a pattern that begins with its
# brackets is searched many times faster than one that begins by looking behind
GLOSS_BRACKETS = patterns.compile(PINYIN_GLOSS.pattern.removeprefix(r"(?<=[\u4e00-\u9fff])"))
_CURLY = patterns.compile("[" + "".join(map(chr, _QUOTES)) + "]")  # what _QUOTES translates


@lru_cache(maxsize=1 << 12)
def norm(text: str) -> str:
    """NFKC, simplified characters, no whitespace, ASCII quotes, no table pipes, no
    pinyin glosses: the form labels are compared in (a text with no curly quote is
    not translated, one with no bracketed word not searched for a gloss: most are not)."""
    text = fold(unicodedata.normalize("NFKC", text))
    if _CURLY.search(text):
        text = text.translate(_QUOTES)
    if GLOSS_BRACKETS.search(text):
        text = PINYIN_GLOSS.sub("", text)
    return _SPACE.sub("", text).strip("|")


def cn_int(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None for anything else."""
    if not numeral or any(c not in _DIGITS and c != "十" for c in numeral):
        return None
    if "十" not in numeral:
        if len(numeral) != 1:
            return None
        return _DIGITS[numeral]
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (1 to 9999; other numbers in digits)."""
    units = "一二三四五六七八九"
    if not 0 < n < 10000:
        return str(n)
    if n < 10:
        return units[n - 1]
    if n < 100:
        tens, unit = divmod(n, 10)
        return ("" if tens == 1 else units[tens - 1]) + "十" + (units[unit - 1] if unit else "")
    head, rest = divmod(n, 100) if n < 1000 else divmod(n, 1000)
    mark, width = ("百", 100) if n < 1000 else ("千", 1000)
    if not rest:
        return units[head - 1] + mark
    tail = ("一" if 10 <= rest < 20 else "") + cn_numeral(rest)  # 一百一十, not 一百十
    return units[head - 1] + mark + ("零" if rest < width // 10 else "") + tail

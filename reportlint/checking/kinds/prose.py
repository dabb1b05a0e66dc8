"""Check kinds over arithmetic in the prose: parts against their stated total, percentages.

A partition is read only inside one sentence: a total, then 其中 and the parts
("共受理申请10件，其中自然人8件、法人2件"), or the parts, then 总计/合计/共计 and the
total. A 其中 opening a sentence takes its total from the end of the sentence before.
Parts stop at a nested breakdown (包括, 含, 内有), at a new total (共, 另, 此外), at a
clause without a number, at a count of a third unit after two parts (专栏6个), at a
semicolon after a list of two parts or more, and at the sentence's end; text in brackets
is never a part. Parts
are the numbers of the total's unit, or all of one other unit counting documents
(101条，其中工作动态70件…); a partition needs two parts or more, and parts among
counts of other units (规章11部，规范性文件83件) are never taken for all of them. Where several counts
of the unit stand before 其中 ("收到9件，上年结转1件，其中…"), the total may be any of
them or their sum: the parts exceed it only when they exceed every one, and fall short
only when they fall short of every one. A 合计 after an item's own name (图片新闻合计
20条) is that item's count, not the total of the items before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from reportlint import patterns
from reportlint.checking.analyses import once_per_report
from reportlint.checking.diagnostics import Finding
from reportlint.checking.kinds.base import Kind, prose
from reportlint.checking.sentences import mask_brackets, sentences
from reportlint.reading.model import Paragraph, Report

_UNITS = {"條": "条", "項": "项", "個": "个", "場": "场", "戶": "户"}
# no match starts inside a run of spaces (one would start where the run does), and no space
# is given back: linear in long runs of spaces
_NUMBER = patterns.compile(
    r"(?:(?P<pre>近|约|超过|超|逾|大约|不到)|(?<!\s))\s*+(?<![\d.第])(?P<num>\d+(?:\.\d+)?)\s*+(?P<mult>万|萬|亿|億)?"
    r"\s*+(?P<approx>余|多|餘)?\s*+(?P<unit>人次|万元|元|条|條|件|篇|项|項|个|個|次|期|场|場|家|份|户|戶|名|部)")
_MULTIPLES = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}
# a count's last digit and what follows it in _NUMBER (its 万, 余 and unit): where a count
# may stand, found fast (a pattern that opens with a digit is looked for in C)
_COUNT_END = patterns.compile(
    r"\d\s*+(?:万|萬|亿|億)?\s*+(?:余|多|餘)?\s*+(?:人次|万元|元|条|條|件|篇|项|項|个|個|次|期|场|場|家|份|户|戶|名|部)")
_TOTAL_AFTER = patterns.compile(r"(?:总计|合计|共计|累计)\s*[为:：]?\s*$")
_STOP = ("包括", "含", "内有", "内含", "另", "此外", "同时", "共", "合计", "总计", "累计", "其中")
_CLAUSE = patterns.compile(r"[，,；;、：:]")
_SENTENCE_CLAUSE = patterns.compile(r"[，,；;：:]")  # clauses of the sentence: 、 parts one list
_SEMICOLON = patterns.compile(r"[；;]")
_DIGIT = patterns.compile(r"\d")
_AMOUNT = patterns.compile(r"\d+(?:\.\d+)?")
# units that count documents: parts may be counted in another one than their total
_DOCUMENT_UNITS = frozenset({"条", "件", "篇", "份"})
# what may stand before 合计 when it sums the items before it: 以上合计, 全年共计 …
_SUMMING = ("以上", "上述", "全年", "全部", "各类", "各项", "总", "共", "两项", "三项", "四项")
_CHANNELS = ("网站", "网页", "微信", "微博", "公众号", "客户端", "app", "APP", "抖音", "头条", "视频号",
             "公开栏", "宣传栏", "公告栏", "新媒体", "报刊", "报纸", "电视", "广播", "平台", "热线")
# parts that count attendances or involvements, which overlap: 其中主要领导出席6场，分管领导出席8场
_OVERLAP = ("出席", "参加", "参与", "涉及", "同时", "兼", "既")
_PERCENT = patterns.compile(r"\s*+(?:[（(]\s*|[，,、]?\s*占(?:比)?[^，。；%％]{0,8}?)(\d+(?:\.\d+)?)\s*[%％]")


@dataclass
class Number:
    """A count in the prose: its value, unit and where it stands in the paragraph."""

    value: float
    text: str
    unit: str
    start: int
    end: int
    label: str
    thousand: bool  # written with 万 or 亿
    approx: bool    # 余, 多, 近, 约 …

    @property
    def bare(self) -> float:
        """The number as written, without its 万 or 亿."""
        return float(_AMOUNT.search(self.text).group())


@dataclass
class Partition:
    """A stated total and the parts the same sentence breaks it into."""

    paragraph: Paragraph
    total: Number
    parts: list[Number]
    exhaustive: bool
    # the other readings of the total: each count before 其中 of its unit, and their sum
    alternatives: tuple[float, ...] = ()

    @property
    def sum(self) -> float:
        return sum(p.value for p in self.parts)

    def args(self) -> dict:
        unit = self.total.unit
        return {"total": f"{_fmt(self.total.value)}{unit}", "text": self.total.text,
                "addends": " + ".join(_fmt(p.value) for p in self.parts),
                "sum": f"{_fmt(self.sum)}{unit}", "diff": _fmt(abs(self.sum - self.total.value))}

    def finding(self, **extra) -> Finding:
        end = max(p.end for p in self.parts)
        return Finding(self.paragraph.span_of(min(self.total.start, self.parts[0].start), end),
                       {**self.args(), **extra})


def _is_unit_slip(p: Partition) -> bool:
    """Exact parts adding up to the bare number of a total written with 万 or 余."""
    exact = not any(n.approx for n in p.parts)
    return exact and (p.total.thousand or p.total.approx) and abs(p.sum - p.total.bare) < 1e-9


def _addable(p: Partition) -> bool:
    """A total and parts all exact and none in 万 or 亿: their sum can be held to the total."""
    return not (p.total.approx or any(n.approx for n in p.parts) or _is_unit_slip(p)
                or any(n.thousand for n in p.parts))


def parts_exceed(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Parts that add up to more than their total (more than every reading of it)."""
    for p in partitions(report):
        if _addable(p) and p.sum > max((p.total.value, *p.alternatives)) \
                and not _overlapping(p.parts) and not _prefix_holds(p):
            yield p.finding()


def parts_short(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Parts meant to cover their total that add up to less than it (less than every reading of it)."""
    for p in partitions(report):
        if _addable(p) and p.sum < min((p.total.value, *p.alternatives)) and p.exhaustive:
            yield p.finding()


def unit_slip(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A total in 万 or 余 whose exact parts add up to its bare number."""
    for p in partitions(report):
        if _is_unit_slip(p):
            yield p.finding(bare=_fmt(p.total.bare))


def percent(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A part's percentage that is not part ÷ total, within the rounding it shows."""
    for p in partitions(report):
        if p.total.approx:
            continue
        text = p.paragraph.text
        for part in p.parts:
            m = _PERCENT.match(text, part.end)
            if not m or p.total.value == 0:
                continue
            shown = float(m.group(1))
            decimals = len(m.group(1).partition(".")[2])
            actual = part.value / p.total.value * 100
            if not _agrees(actual, shown, decimals):
                yield Finding(p.paragraph.span_of(part.start, m.end()), {
                    "count": f"{_fmt(part.value)}{part.unit}", "base": f"{_fmt(p.total.value)}{part.unit}",
                    "shown": f"{m.group(1)}%", "actual": f"{actual:.{max(decimals, 2)}f}%"})


def _agrees(actual: float, shown: float, decimals: int) -> bool:
    """Rounded or truncated to the decimals shown."""
    scale = 10 ** decimals
    return abs(actual - shown) <= 0.5 / scale + 1e-9 or int(actual * scale + 1e-9) == round(shown * scale)


@once_per_report
def partitions(report: Report) -> tuple[Partition, ...]:
    """Every partition stated in the prose."""
    found = []
    for paragraph in prose(report):
        text = mask_brackets(paragraph.folded)
        previous: list[Number] = []
        for start, end in sentences(text):
            numbers = _numbers(text, start, end)
            partition = _after_qizhong(paragraph, text, start, end, numbers, previous) \
                or _before_total(paragraph, text, start, numbers)
            if partition:
                found.append(partition)
            previous = numbers
    return tuple(found)


def _after_qizhong(paragraph, text, start, end, numbers, previous) -> Partition | None:
    at = text.find("其中", start, end)
    if at < 0:
        return None
    before = [n for n in numbers if n.end <= at]
    if not before and not text[start:at].strip(" ，,。"):
        before = previous
    if not before:
        return None
    total = before[-1]
    parts, rest, open_list = _parts(text, at + 2, end, numbers, total.unit)
    if len(parts) < 2:
        return None
    opening = text[at + 2:at + 6]
    exhaustive = not opening.lstrip("：:，, ").startswith(("包括", "主要", "有")) \
        and not rest.lstrip().startswith("等") and parts[0].unit == total.unit and not open_list
    counts = [n.value for n in before if n.unit == total.unit]
    alternatives = (*counts, sum(counts)) if len(counts) > 1 else ()
    return Partition(paragraph, total, parts, exhaustive, alternatives)


def _parts(text: str, begin: int, end: int, numbers: list[Number],
           unit: str) -> tuple[list[Number], str, bool]:
    """The parts after `begin`, the text after the last one, and whether the list is
    open: counts of other units among the parts (规章11部，规范性文件83件), or a list that
    goes on to other things (a clause without a number, a third unit, a new statement
    after a semicolon): then the parts are not all of the total."""
    parts: list[Number] = []
    clause_start = begin
    run, open_list = 0, False  # parts since the last semicolon; whether the list is open
    for n in (n for n in numbers if n.start >= begin):
        between = text[clause_start:n.start]
        clauses = _CLAUSE.split(between)
        wordy = any(c.strip() and not _DIGIT.search(c) for c in _SENTENCE_CLAUSE.split(between)[1:-1])
        listed = len(parts) >= 2 and n.unit not in (unit, parts[-1].unit)  # 专栏6个 after 4792条, 5403条
        semicolon = bool(_SEMICOLON.search(between))
        if clauses[-1].lstrip(" □").startswith(_STOP):
            break
        if parts and wordy or listed or run >= 2 and semicolon:
            open_list = True  # the list goes on to other things: what it covers is open
            break
        if semicolon:  # a semicolon after a list of parts ends it
            run = 0
        parts.append(n)
        run += 1
        clause_start = n.end
    units = {n.unit for n in parts}
    open_list = open_list or len(units) > 1
    if unit not in units and len(units) == 1 and units <= _DOCUMENT_UNITS and unit in _DOCUMENT_UNITS:
        unit = units.pop()  # counted in another unit: never exhaustive (see _after_qizhong)
    parts = [n for n in parts if n.unit == unit]
    last = parts[-1].end if parts else begin
    return parts, text[last:end], open_list


def _before_total(paragraph, text, start, numbers) -> Partition | None:
    if "其中" in text[start:numbers[-1].end if numbers else start]:
        return None
    for i, n in enumerate(numbers):
        if _total_before(text, start, n.start) and i >= 2:
            parts = [m for m in numbers[:i] if m.unit == n.unit]
            between = text[parts[-1].end:n.start] if parts else ""
            named = _CLAUSE.split(_TOTAL_AFTER.split(between)[0])[-1].strip()
            if len(parts) >= 2 and _TOTAL_AFTER.search(between) \
                    and (not named or named.startswith(_SUMMING)):
                return Partition(paragraph, n, parts, exhaustive=True)
    return None


def _total_before(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends in what _TOTAL_AFTER finds (合计, 共计为 …), read
    from its end: each number of a long sentence costs only the text just before it."""
    at = end
    while at > start and text[at - 1].isspace():
        at -= 1
    if at > start and text[at - 1] in "为:：":
        at -= 1
        while at > start and text[at - 1].isspace():
            at -= 1
    return _TOTAL_AFTER.search(text, max(start, at - 2), end) is not None


def _numbers(text: str, start: int, end: int) -> list[Number]:
    found, label_start = [], start
    for m in _counts(text, start, end):
        value = float(m.group("num")) * _MULTIPLES.get(m.group("mult"), 1)
        unit = _UNITS.get(m.group("unit"), m.group("unit"))
        label = _CLAUSE.split(text[label_start:m.start()])[-1]
        found.append(Number(value, m.group(0).strip(), unit, m.start("num"), m.end(), label,
                            bool(m.group("mult")), bool(m.group("approx") or m.group("pre"))))
        label_start = m.end()
    return found


def _counts(text: str, start: int, end: int) -> Iterator[re.Match]:
    """What _NUMBER.finditer(text, start, end) finds, each search begun near the next
    place a count may stand (_COUNT_END) instead of scanning the words before it: a
    match ending with that count begins no earlier than its run of digits and points,
    the spaces before it and a word of two characters (近, 超过 …), and none begins
    before that place without it (what stands between a match's start and its number
    is a word and spaces, never a digit). Lookbehinds see the text before a search's
    start, so each search finds what the scan would."""
    pos = start
    while (near := _COUNT_END.search(text, pos, end)) is not None:
        at = near.start()
        while at > pos and (text[at - 1].isdecimal() or text[at - 1] == "."):
            at -= 1
        while at > pos and text[at - 1].isspace():
            at -= 1
        m = _NUMBER.search(text, max(pos, at - 2), end)
        if m is None:
            return
        yield m
        pos = m.end()


def _prefix_holds(p: Partition) -> bool:
    """The first two parts or more already make the total: what follows is another statement."""
    running = p.parts[0].value
    for part in p.parts[1:-1]:
        running += part.value
        if abs(running - p.total.value) < 1e-9:
            return True
    return False


def _overlapping(parts: list[Number]) -> bool:
    """Parts that may overlap: every one a channel (网站, 微信 …: one item goes out on
    several), or any one an attendance or involvement (出席, 涉及 …)."""
    return all(any(c in p.label for c in _CHANNELS) for p in parts) \
        or any(w in p.label for p in parts for w in _OVERLAP)


def _fmt(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


KINDS = (
    Kind("parts-exceed", parts_exceed, {}, frozenset({"total", "text", "addends", "sum", "diff"})),
    Kind("parts-short", parts_short, {}, frozenset({"total", "text", "addends", "sum", "diff"})),
    Kind("unit-slip", unit_slip, {}, frozenset({"total", "text", "addends", "sum", "diff", "bare"})),
    Kind("percent", percent, {}, frozenset({"count", "base", "shown", "actual"})),
)

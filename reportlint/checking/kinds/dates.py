"""Check kinds over dates: statistical period, carry-over year, other years, deadline."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from itertools import islice
from typing import Any

from reportlint import patterns
from reportlint.checking.analyses import once_per_report
from reportlint.checking.diagnostics import Finding, Named, phrase
from reportlint.checking.kinds.base import Kind, prose
from reportlint.checking.sentences import sentences
from reportlint.reading.model import Paragraph, Report, Span
from reportlint.templates import english, template

_Y = r"((?:19|20)\d{2})\s*年"
_MD = r"(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_RANGE = patterns.compile(rf"{_Y}\s*度?\s*{_MD}\s*起?\s*(?:至|到|—|－|-|～|~)\s*(?:{_Y}\s*)?{_MD}")
_PERIOD_WORDS = ("统计", "涵盖", "所列数据")  # a sentence stating the period, not any range
_CARRY = patterns.compile(rf"(?:结转|转结|转入|转至|转到)(?:至|到|入)?\s*{_Y}\s*度?\s*(?:继续)?(?:办理|办结|处理|答复)")
_CARRIED_IN = patterns.compile(r"上一?年度?|去年|(?:19|20)\d{2}\s*年")  # 上年结转至2024年: carried in, not out
_OPENING = patterns.compile(rf"^\s*{_Y}\s*度?\s*(?:以来)?\s*[，,]")
_COUNT = patterns.compile(r"\d+\s*(?:条|件|篇|次|个|项|期|场|人次)")
_COMPARE = patterns.compile(r"同比|较|相比|比上年|上年|去年|增长|下降|减少|增加|持平|以来|整改|问题")
_PLAN = patterns.compile(r"将|计划|拟|继续")
_PUBLISHED = patterns.compile(r"(?:发布|发文|公开|成文|印发)(?:日期|时间)\s*[:：]\s*"
                              r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_SIGNED = patterns.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
DEPARTMENTS = ("ministry", "province_dept", "city_dept", "county_dept")
GOVERNMENTS = ("province", "city", "county")


@once_per_report
def _sentences_of(report: Report) -> tuple[tuple[Paragraph, int, int, str], ...]:
    """(paragraph, start, end, text) for every sentence of every paragraph."""
    return tuple((paragraph, start, end, paragraph.text[start:end])
                 for paragraph in prose(report) for start, end in sentences(paragraph.text))


@once_per_report
def _periods(report: Report) -> tuple[tuple[Span, str, bool, bool], ...]:
    """(span, text, of another year, not 1 January to 31 December) for every statistical
    period the prose states."""
    if report.year is None:
        return ()
    found = []
    for paragraph, start, _, sentence in _sentences_of(report):
        if not any(w in sentence for w in _PERIOD_WORDS) or _COMPARE.search(sentence):
            continue
        for m in _RANGE.finditer(sentence):
            y1, m1, d1, y2, m2, d2 = (int(g) if g else None for g in m.groups())
            y2 = y2 or y1
            found.append((paragraph.span_of(start + m.start(), start + m.end()), m.group(0),
                          report.year not in (y1, y2) or y1 != y2, (m1, d1, m2, d2) != (1, 1, 12, 31)))
    return tuple(found)


def _period_args(report: Report, found: str) -> dict:
    return {"found": found, "year": report.year, "expected": phrase("phrase.whole_year", year=report.year)}


def period_year(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A statistical period of another year than the report's."""
    for span, found, wrong_year, _ in _periods(report):
        if wrong_year:
            yield Finding(span, _period_args(report, found))


def period_span(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A statistical period of the report year that is not 1 January to 31 December."""
    for span, found, wrong_year, wrong_span in _periods(report):
        if wrong_span and not wrong_year:
            yield Finding(span, _period_args(report, found))


def carry_over(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """Applications carried over to a year other than the next one ("转结2024年办结" in 2024)."""
    if report.year is None:
        return
    for paragraph, start, _, sentence in _sentences_of(report):
        for m in _CARRY.finditer(sentence):
            carried_in = _CARRIED_IN.search(sentence[max(0, m.start() - 8):m.start()])
            if int(m.group(1)) != report.year + 1 and not carried_in:
                yield Finding(paragraph.span_of(start + m.start(), start + m.end()),
                              {"found": m.group(0), "year": report.year, "next": report.year + 1})


def other_year(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A sentence that opens with another year: last year's figures told as this year's
    work, or a plan ("…将…") dated in the report year or before."""
    if report.year is None:
        return
    for paragraph, start, _, sentence in _sentences_of(report):
        m = _OPENING.match(sentence)
        if not m:
            continue
        year = int(m.group(1))
        rest = sentence[m.end():]
        past = year == report.year - 1 and _COUNT.search(rest) and not _COMPARE.search(sentence)
        plan = year <= report.year and rest.lstrip().startswith(("我", "本")) and _PLAN.search(rest[:8])
        if past or plan:
            yield Finding(paragraph.span_of(start + m.start(1), start + m.end()),
                          {"found": sentence.strip()[:30], "year": report.year, "other": year})


def deadline(report: Report, params: Mapping[str, Any]) -> Iterator[Finding]:
    """A publication date in the text later than the deadline for the issuer's level."""
    due = _due(report)
    if due is None:
        return
    found = _publication_date(report)
    if found and found[0] > due:
        published, span = found
        yield Finding(span, {"published": published.isoformat(), "deadline": due.isoformat(),
                             "year": report.year, "basis": _deadline_basis(report)})


def _due(report: Report) -> date | None:
    """The statutory deadline: 3月31日 for 2008–2018 reports (第三十一条); from 2019, 1月31日 for
    县级以上人民政府部门 and 3月31日 for 县级以上地方人民政府 (第四十九条); none for 乡镇 and 街道."""
    if report.year is None or report.era is None:
        return None
    if template(report.era).deadline:
        return date(report.year + 1, 3, 31)
    if report.issuer_level in DEPARTMENTS:
        return date(report.year + 1, 1, 31)
    if report.issuer_level in GOVERNMENTS:
        return date(report.year + 1, 3, 31)
    return None


def _deadline_basis(report: Report) -> Named:
    basis = template(report.era).deadline
    if basis:
        return Named(basis, english("bases", basis) or f'"{basis}"')
    return phrase("phrase.deadline_departments" if report.issuer_level in DEPARTMENTS
                  else "phrase.deadline_governments")


def _publication_date(report: Report) -> tuple[date, Span] | None:
    """The page's 发布日期, else a date standing alone on one of the last lines (the signature)."""
    lines = report.source.lines
    # _PUBLISHED has no anchor nor lookaround: what it finds in a line it finds in the text
    for number, text in enumerate(lines if _PUBLISHED.search(report.source.text) else (), start=1):
        m = _PUBLISHED.search(text)
        if m:
            return _date_at(m, number)
    tail = islice(((n, t) for n, t in zip(range(len(lines), 0, -1), reversed(lines)) if t.strip()), 4)
    for number, text in tail:
        m = _SIGNED.match(text)
        if m:
            return _date_at(m, number)
    return None


def _date_at(m: re.Match, number: int) -> tuple[date, Span] | None:
    try:
        found = date(*(int(g) for g in m.groups()))
    except ValueError:
        return None
    return found, Span(number, m.start(1) + 1, number, m.end() + 1)


KINDS = (
    Kind("period-year", period_year, {}, frozenset({"found", "year", "expected"})),
    Kind("period-span", period_span, {}, frozenset({"found", "year", "expected"})),
    Kind("carry-over", carry_over, {}, frozenset({"found", "year", "next"})),
    Kind("other-year", other_year, {}, frozenset({"found", "year", "other"})),
    Kind("deadline", deadline, {}, frozenset({"published", "deadline", "year", "basis"})),
)

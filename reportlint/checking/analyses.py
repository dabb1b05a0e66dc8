"""What the rules share about a report, computed once while it is checked: the memo
belongs to the check, never to the report, which is not changed once parsed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TypeVar

from reportlint.reading.model import Report

T = TypeVar("T")

# id(report) → {analysis: result}, for the reports being checked (each held by its
# check meanwhile, so that its id is not reused)
_open: dict[int, dict] = {}


@contextmanager
def checking(*reports: Report) -> Iterator[None]:
    """While the block runs, each analysis of these reports is computed once."""
    opened = [id(r) for r in reports if id(r) not in _open]
    for key in opened:
        _open[key] = {}
    try:
        yield
    finally:
        for key in opened:
            del _open[key]


def once_per_report(analysis: Callable[[Report], T]) -> Callable[[Report], T]:
    """`analysis(report)` computed on first use while the report is checked (see
    checking), so that the rules sharing it compute it once: it must be pure and its
    result never changed. Outside a check it is computed each time."""
    @wraps(analysis)
    def shared(report: Report) -> T:
        memo = _open.get(id(report))
        if memo is None:
            return analysis(report)
        if analysis not in memo:
            memo[analysis] = analysis(report)
        return memo[analysis]
    return shared

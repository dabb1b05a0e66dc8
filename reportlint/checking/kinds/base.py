"""What a check kind is: a function, the params it takes and the message args it fills."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reportlint.checking.analyses import once_per_report
from reportlint.checking.diagnostics import Finding
from reportlint.checking.sentences import prose_blocks
from reportlint.reading.model import Paragraph, Report

REQUIRED = object()


@dataclass(frozen=True)
class Param:
    """A kind's parameter: its type, default (REQUIRED if none) and allowed values;
    `form` what its text is, checked when the rule loads: "regex" (a regular
    expression, or a list of them; literal text when the param `unless` is true) or
    "list" (the name of a word list)."""

    type: type | tuple[type, ...]
    default: Any = REQUIRED
    choices: tuple = ()
    form: str = ""
    unless: str = ""


@dataclass(frozen=True)
class Kind:
    """A check kind: a function, the params it takes and the message args it fills."""

    name: str
    check: Callable[[Report, Mapping[str, Any]], Iterable[Finding]]
    params: Mapping[str, Param] = field(default_factory=dict)
    args: frozenset[str] = frozenset()
    # "previous": check(report, params, last year's report); "peer": check(report,
    # params, another unit's report) (reportlint.checking.across pairs them)
    across: str = ""


@once_per_report
def prose(report: Report) -> tuple[Paragraph, ...]:
    """The report's prose (reportlint.checking.sentences.prose_blocks), the same
    paragraphs for every kind that reads it."""
    return tuple(prose_blocks(report))

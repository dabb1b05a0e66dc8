"""Findings (what a check kind reports) and diagnostics (what the user sees)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from reportlint.i18n import t
from reportlint.reading.model import Span

SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("structure", "table-shape", "table-arith", "cell", "prose-arith",
              "consistency", "date", "content", "hygiene", "typography")


def severity_rank(severity: str) -> int:
    """error 3, warning 2, info 1: higher is more severe."""
    return len(SEVERITIES) - SEVERITIES.index(severity)


class Named(str):
    """A name the format gives (a table, a row, a column, a part) as a message argument:
    the Chinese name as a str, `en` its English form (used under --lang en)."""

    en: str

    def __new__(cls, zh: str, en: str) -> Named:
        named = super().__new__(cls, zh)
        named.en = en
        return named


def phrase(key: str, **args: object) -> Named:
    """A piece of a message (`phrase.…` in i18n) in both languages, each Named arg in
    the language's form."""
    return Named(t(key, "zh", **args), t(key, "en", **{k: getattr(v, "en", v) for k, v in args.items()}))


def joined(names: list, key: str = "phrase.list") -> Named:
    """Names (or report text) listed, in both languages."""
    return Named(t(key, "zh").join(names), t(key, "en").join(getattr(n, "en", n) for n in names))


@dataclass(frozen=True)
class Edit:
    """Replace the text at `span` with `replacement` (a safe fix is a tuple of these)."""

    span: Span
    replacement: str

    def to_dict(self) -> dict:
        s = self.span
        return {"line": s.line, "column": s.column, "end_line": s.end_line,
                "end_column": s.end_column, "replacement": self.replacement}


@dataclass(frozen=True)
class Finding:
    """What a check kind found: where, the values its message is filled with, and
    the edits of a safe fix when there is one."""

    span: Span
    args: dict = field(default_factory=dict)
    related: tuple[Span, ...] = ()
    fix: tuple[Edit, ...] = ()
    # one mistake found by several rules: the finding that `leads` stands for the others
    mistake: tuple | None = None
    leads: bool = False


@dataclass
class Diagnostic:
    """One finding of one rule in one file: the record of the contract."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: str
    message: str
    basis: str
    location: str | None = None
    fix: dict | None = None
    related: list[dict] = field(default_factory=list)

    def places(self) -> list[tuple[int, int]]:
        """(line, column) of the diagnostic and of each related location."""
        return [(self.line, self.column), *((r["line"], r["column"]) for r in self.related)]

    def sort_key(self) -> tuple:
        return (self.line, self.column, -severity_rank(self.severity), self.rule)

    def to_dict(self) -> dict:
        """The JSON record: the contract's fields, related locations last."""
        record = {name: getattr(self, name) for name in _DIAGNOSTIC_FIELDS}
        if record["fix"] is not None:
            record["fix"] = {**self.fix, "edits": [dict(edit) for edit in self.fix["edits"]]}
        if self.related:
            record["related"] = [dict(place) for place in self.related]
        else:
            del record["related"]
        return record


_DIAGNOSTIC_FIELDS = tuple(f.name for f in fields(Diagnostic))

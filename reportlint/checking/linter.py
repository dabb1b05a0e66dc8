"""The pipeline: bytes → source → report → rules → sorted diagnostics. It never raises on input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlint import patterns
from reportlint.checking import kinds
from reportlint.checking.analyses import checking
from reportlint.checking.diagnostics import Diagnostic, Finding, Named
from reportlint.checking.rules import Rule
from reportlint.i18n import place, reason_text, t
from reportlint.reading.documents import read
from reportlint.reading.model import Report, Span
from reportlint.reading.parse import parse_report
from reportlint.reading.source import Limits, Source, TooLarge, Unreadable, megabytes


@dataclass
class Options:
    """What the command line (or a caller) sets for a run."""

    lang: str = "zh"
    year: int | None = None
    issuer_level: str | None = None
    limits: Limits = Limits()


@dataclass
class FileResult:
    """The outcome for one file: what was detected and the diagnostics."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    report: Report | None = None
    previous: FileResult | None = None  # last year's report it is checked against
    # the text of the report's own words (reportlint.checking.similarity), kept when the
    # report is slimmed for the checks across units
    own_words: str | None = None
    signature: tuple[int, ...] | None = None  # and their signature, for a run searched with the index
    # the diagnostics across years against the report of each path, found while both
    # reports were whole (reportlint.cli.files: linted near each other)
    compared: dict[str, list[Diagnostic]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        r = self.report
        return {
            "path": self.path,
            "era": r.era if r else None,
            "report_year": r.year if r else None,
            "issuer": r.issuer if r else None,
            "previous": self.previous.identity() if self.previous else None,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    def identity(self) -> dict:
        """The path, report year and issuer of the file."""
        r = self.report
        return {"path": self.path, "report_year": r.year if r else None, "issuer": r.issuer if r else None}


def lint_bytes(path: str, data: bytes, rules: list[Rule], options: Options) -> FileResult:
    """Lint the bytes of one file with `rules`; an error of reportlint's own is an
    internal-error diagnostic on the file, never an exception."""
    stage = "read"
    try:
        try:
            if len(data) > options.limits.size:
                raise TooLarge("size", size=megabytes(len(data)), limit=megabytes(options.limits.size))
            source = read(path, data, options.limits)
        except TooLarge as err:
            return FileResult(path, too_large(path, err, rules, options.lang))
        except Unreadable as err:
            return FileResult(path, unreadable(path, reason_text(err.reason, options.lang, **err.args_),
                                               rules, options.lang))
        stage = "check"
        report = parse_report(source, year=options.year, issuer_level=options.issuer_level)
        return FileResult(path, lint_report(report, rules, options.lang), report)
    except (Exception, RecursionError, MemoryError) as error:
        return FileResult(path, internal_error(path, stage, error, rules, options.lang))


# Kinds that judge whether a heading, a label or a row is complete: on the cut last line
# of an excerpt they would only see that it is cut.
_CUT_BLIND = ("empty-heading", "section-missing", "section-order", "section-title", "section-variant",
              "section-number", "unnumbered-heading", "missing-table", "missing-row", "row-order", "table-era",
              "row-label", "unknown-row", "column-label", "columns-shape", "empty-cells", "value-count",
              "split-number", "not-count", "split-cells", "cells-run-together", "brackets")


def lint_report(report: Report, rules: list[Rule], lang: str = "zh") -> list[Diagnostic]:
    """Run every applicable rule on a parsed report."""
    with checking(report):
        found = _findings(report, rules)
    led = {f.mistake for _, f in found if f.leads}
    diagnostics = [_diagnostic(report.source.path, rule, f, lang, report.source) for rule, f in found
                   if f.leads or f.mistake not in led]
    return sorted(diagnostics, key=Diagnostic.sort_key)


def _findings(report: Report, rules: list[Rule]) -> list[tuple[Rule, Finding]]:
    found = []
    cut = report.bounds.cut
    for rule in rules:
        kind = kinds.get(rule.kind)
        if (rule.scope == "report" and not report.is_report) or not rule.applies_to(report.era) or kind.across:
            continue
        for finding in kind.check(report, rule.params):
            if cut is not None and rule.kind in _CUT_BLIND and report.bounds.cut_from <= finding.span.line \
                    and (finding.span.line < cut.number or finding.span.column >= cut.start + 1):
                continue
            found.append((rule, finding))
    return found


def lint_across(report: Report, other: Report, relation: str, rules: list[Rule],
                lang: str = "zh") -> list[Diagnostic]:
    """The rules across two reports: `other` is last year's report (`relation`
    "previous") or another unit's ("peer")."""
    diagnostics = []
    with checking(report, other):
        for rule in rules:
            kind = kinds.get(rule.kind)
            if kind.across != relation or not rule.applies_to(report.era) or not (report.is_report and other.is_report):
                continue
            diagnostics += [_diagnostic(report.source.path, rule, f, lang, report.source)
                            for f in kind.check(report, rule.params, other)]
    return diagnostics


def _diagnostic(path: str, rule: Rule, finding: Finding, lang: str, source: Source | None = None) -> Diagnostic:
    s = finding.span
    line, column = source.in_file(s.line, s.column) if source else (s.line, s.column)
    end_line, end_column = source.in_file(s.end_line, s.end_column) if source else (s.end_line, s.end_column)
    if (line, column) != (s.line, s.column):  # a page in a text file: the element's line
        end_line, end_column = max(end_line, line), column + 1 if end_line <= line else end_column
    return Diagnostic(
        location=place(source.location(s.line, s.column), lang) if source else None,
        path=path, line=line, column=column, end_line=end_line, end_column=end_column,
        rule=rule.id, name=rule.name, category=rule.category, severity=rule.severity,
        message=rule.message[lang].format(**_args(finding.args, lang, rule.message[lang])), basis=rule.basis,
        related=[{"line": r.line, "column": r.column, "end_line": r.end_line,
                  "end_column": r.end_column} for r in finding.related],
        fix={"applicability": "safe", "edits": [e.to_dict() for e in finding.fix]}
        if finding.fix and not (source and source.html_in_text) else None,
    )


_HAN = patterns.compile(r"[\u4e00-\u9fff]")


def _args(args: dict, lang: str, template: str) -> dict:
    """A finding's args for a message in `lang`: in English, a name of the format in its
    English form, and Chinese text (quoted from the report) in quotes unless the
    template quotes it already."""
    if lang != "en":
        return args
    out = {}
    for key, value in args.items():
        if isinstance(value, Named):
            value = value.en
        elif isinstance(value, str) and _HAN.search(value) and not re.search(
                rf"[\"「“']\{{{key}\}}|\{{{key}\}}[\"」”']", template):
            value = f'"{value}"'
        out[key] = value
    return out


def unreadable(path: str, reason: str, rules: list[Rule], lang: str) -> list[Diagnostic]:
    """The diagnostic for a file that could not be read, `reason` saying why."""
    return _on_file(path, "input", {"reason": reason}, rules, lang)


def too_large(path: str, error: TooLarge, rules: list[Rule], lang: str) -> list[Diagnostic]:
    """The diagnostic for a file beyond a limit: which, and how to raise it."""
    return _on_file(path, "limit", {"limit": t("limit." + error.limit, lang, **error.args_),
                                    "remedy": t("remedy." + error.limit, lang)}, rules, lang)


def internal_error(path: str, stage: str, error: BaseException, rules: list[Rule], lang: str) -> list[Diagnostic]:
    """The diagnostic for a file reportlint failed on: the stage ("read", "check") and the error."""
    detail = f"{type(error).__name__}: {error}"
    detail = detail if len(detail) <= 200 else detail[:200] + "…"
    return _on_file(path, "internal", {"stage": t("stage." + stage, lang), "error": detail}, rules, lang)


def _on_file(path: str, kind: str, args: dict, rules: list[Rule], lang: str) -> list[Diagnostic]:
    return [_diagnostic(path, rule, Finding(Span(1, 1, 1, 1), args), lang) for rule in rules if rule.kind == kind]

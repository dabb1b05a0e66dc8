"""Output formats: each a function from results to text (or to a rich console)."""

from __future__ import annotations

import json
from collections import Counter

from typing import TYPE_CHECKING

from reportlint import __version__, patterns
from reportlint.checking.diagnostics import SEVERITIES, Diagnostic
from reportlint.i18n import t

if TYPE_CHECKING:  # rich is imported by the text output only, when it is asked for
    from rich.console import Console
    from rich.text import Text

    from reportlint.checking.linter import FileResult
    from reportlint.reading.model import Report

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_MAX_WIDTH = 100


def summary_counts(results: list[FileResult]) -> dict[str, int]:
    """Diagnostics per severity over all files, with the number of files."""
    counts = Counter(d.severity for r in results for d in r.diagnostics)
    return {"files": len(results), **{s: counts.get(s, 0) for s in SEVERITIES}}


def to_json(results: list[FileResult]) -> str:
    """The JSON document of the contract."""
    return json_head() + "".join(json_file(r, k == 0) for k, r in enumerate(results)) + json_tail(results)


# The document in parts, the same text as json.dumps of it whole (indent=2): a run writes
# each file as it comes and never holds the whole document.
def json_head() -> str:
    return '{\n  "reportlint": ' + json.dumps(__version__) + ',\n  "files": ['


def json_file(result: FileResult, first: bool) -> str:
    """The file's object in the list of files, after a comma unless it is the `first`."""
    return ("\n    " if first else ",\n    ") + _indented(result.to_dict(), "    ")


def json_tail(results: list[FileResult]) -> str:
    return ("\n  ]" if results else "]") + ',\n  "summary": ' + _indented(summary_counts(results), "  ") + "\n}"


def _indented(value: dict, margin: str) -> str:
    """JSON text of `value` (indent=2), each line after the first after `margin` (no
    string holds a line break)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + margin)


def concise_lines(result: FileResult, lang: str) -> list[str]:
    """The concise lines of one file: where (the place in the original first), severity,
    rule [name], [*] when --fix fixes it, message."""
    return [f"{safe(_where(d))}: {t('severity.' + d.severity, lang)} "
            f"{d.rule} [{d.name}] {'[*] ' if d.fix else ''}{safe(d.message)}" for d in result.diagnostics]


def _per_rule(results: list[FileResult]) -> list[tuple[tuple[str, str, str], int]]:
    """((rule, name, severity), count), most frequent first."""
    counts = Counter((d.rule, d.name, d.severity) for r in results for d in r.diagnostics)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def statistics(results: list[FileResult], lang: str) -> str:
    """Diagnostics counted per rule, most frequent first, then the summary."""
    lines = [f"{n:6}  {rule}  {t('severity.' + sev, lang):<8} {name}"
             for (rule, name, sev), n in _per_rule(results)]
    return "\n".join(lines + [summary_line(results, lang)])


def statistics_json(results: list[FileResult]) -> str:
    """`--statistics --format json`: the counts per rule and the summary, one JSON object."""
    rules = [{"rule": rule, "name": name, "severity": sev, "count": n} for (rule, name, sev), n in _per_rule(results)]
    doc = {"reportlint": __version__, "statistics": rules, "summary": summary_counts(results)}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def github_lines(result: FileResult) -> list[str]:
    """The workflow commands of one file."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for d in result.diagnostics:
        props = (f"file={_gh(d.path, True)},line={d.line},col={d.column},endLine={d.end_line},"
                 f"endColumn={d.end_column},title={_gh(f'{d.rule} {d.name}', True)}")
        lines.append(f"::{level[d.severity]} {props}::{'[*] ' if d.fix else ''}{_gh(d.message)}")
    return lines


def _gh(text: str, property_value: bool = False) -> str:
    """Escape text for a workflow command (values of properties also escape : and ,)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def print_file(result: FileResult, console: Console, lang: str) -> None:
    """One file's part of the full report: the report it is checked against, what was
    detected, then each diagnostic with its source line and a caret."""
    from rich.text import Text
    parts = []  # printed as one text: a print costs more than what it prints
    if result.previous is not None:
        parts.append(Text(pairing(result, lang), style="dim"))
    if result.report is not None:
        parts.append(Text(detection(result.report, lang), style="dim"))
    lines = result.report.source.lines if result.report else []
    for d in result.diagnostics:
        parts.append(_header(d, lang))
        source_line = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
        if source_line.strip():
            parts.append(_excerpt(d, source_line))
        parts.append(Text())
    if parts:
        console.print(Text("\n").join(parts))


def print_summary(results: list[FileResult], console: Console, lang: str) -> None:
    """The summary line of the full report."""
    from rich.text import Text
    counts = summary_counts(results)
    style = "bold red" if counts["error"] else "bold yellow" if counts["warning"] else "bold green"
    console.print(Text(summary_line(results, lang), style=style))


def pairing(result: FileResult, lang: str) -> str:
    """The line that says which report of last year a file is checked against."""
    return t("pair.previous", lang, path=safe(result.path), year=_year(result), previous=safe(result.previous.path),
             previous_year=_year(result.previous))


def _year(result: FileResult) -> str:
    return str(result.report.year) if result.report and result.report.year else "?"


def summary_line(results: list[FileResult], lang: str) -> str:
    counts = summary_counts(results)
    if not any(counts[s] for s in SEVERITIES):
        return t("summary.clean", lang, files=counts["files"])
    return t("summary", lang, **counts)


def detection(report: Report, lang: str) -> str:
    """What was detected of a report and from where, with the options that correct it:
    某县某镇人民政府 · 2025年度（据标题） · 2021年格式 · 乡镇（据标题）."""
    parts = [
        t("detected.issuer", lang, issuer=report.issuer) if report.issuer else t("detected.no_issuer", lang),
        t("detected.year", lang, year=report.year) + t(f"detected.from.{report.year_from}", lang)
        if report.year else t("detected.no_year", lang),
        t("detected.era", lang, era=report.era) if report.era else t("detected.no_era", lang),
        t(f"level.{report.issuer_level}", lang) + t(f"detected.from.{report.level_from}", lang)
        if report.issuer_level else t("detected.no_level", lang),
    ]
    return safe(f"{report.source.path}: {' · '.join(parts)}  — {t('detected.correct', lang)}")


def _where(d: Diagnostic) -> str:
    """Where a diagnostic is: the place in the original first (draft.docx 第4段 (73:48)), else path:line:column."""
    return f"{d.path} {d.location} ({d.line}:{d.column})" if d.location else f"{d.path}:{d.line}:{d.column}"


def _header(d: Diagnostic, lang: str) -> Text:
    from rich.text import Text
    text = Text()
    text.append(safe(_where(d)), style="bold")
    text.append(": ")
    text.append(t("severity." + d.severity, lang), style=_STYLE[d.severity])
    text.append(f" {d.rule} ", style="magenta")
    text.append(f"[{d.name}] ", style="dim")
    if d.fix:  # fixable with --fix, as ruff marks it
        text.append("[*] ", style="bold green")
    text.append(safe(d.message))
    return text


def _excerpt(d: Diagnostic, line: str) -> Text:
    """The source line with a caret under the span, placed by display width; control
    characters shown escaped. Linear in the line: only what can be shown is looked at."""
    from rich.cells import cell_len
    from rich.text import Text
    line = line.expandtabs(4).rstrip()
    start = min(max(d.column - 1, 0), len(line))
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = min(max(end, start + 1), max(len(line), start + 1))
    low, high = max(0, start - _MAX_WIDTH), start + _MAX_WIDTH  # a character is a cell or more
    line, start, end = line[low:high], start - low, min(end, high) - low
    before, span = safe(line[:start]), safe(line[start:end])
    line, start, end = before + span + safe(line[end:]), len(before), len(before) + len(span)
    prefix = suffix = ""
    if cell_len(line[:start]) > _MAX_WIDTH // 2:  # bring the span into view
        cut = start - 10
        line, start, end, prefix = line[cut:], 10, end - cut, "…"
    keep = width = 0
    if cell_len(line) <= _MAX_WIDTH:  # the whole line fits: no need to count it out
        keep = len(line)
    while keep < len(line) and width + cell_len(line[keep]) <= _MAX_WIDTH:
        width += cell_len(line[keep])
        keep += 1
    if keep < len(line):
        line, suffix, end = line[:keep], "…", min(end, keep)
    text = Text(f"{d.line:>5} │ ", style="dim")
    text.append(prefix + line + suffix)
    caret = " " * cell_len(prefix + line[:start]) + "^" * max(1, cell_len(line[start:end]))
    text.append("\n" + " " * 6 + "│ ", style="dim")
    text.append(caret, style=_STYLE[d.severity])
    return text


_CONTROL = patterns.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """`text` with its control characters (C0 and C1, but tab) escaped as \\x1b, so a
    report can never drive the terminal it is printed on."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)

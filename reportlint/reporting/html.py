"""`--format html`: one self-contained page for a supervisor who checks many reports.

A summary per file and per category, then each file's findings with their source
excerpt, and the tables as read with the cells under a finding marked.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from reportlint import __version__
from reportlint.checking.diagnostics import CATEGORIES, SEVERITIES, Diagnostic
from reportlint.checking.linter import FileResult
from reportlint.i18n import t
from reportlint.reading.model import Cell, Table
from reportlint.reading.tables import is_empty
from reportlint.reporting.output import summary_counts
from reportlint.templates import table_spec

_CSS = """
body{font-family:"PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #bbb;padding:.2em .5em;font-size:.9em}
th{background:#f2f2f2}td.n{text-align:right}.error{color:#b00020}.warning{color:#a65f00}.info{color:#00639b}
.sev{font-weight:bold;white-space:nowrap}.bad{background:#f8c9c9;font-weight:bold}.blank{background:#fff2b3}
pre{background:#f7f7f7;padding:.4em .6em;margin:.2em 0 .8em;white-space:pre-wrap}mark{background:#ffd4d4}
.meta{color:#666;font-size:.9em}ul{padding-left:1.2em}li{margin:.5em 0}
"""


def to_html(results: list[FileResult], lang: str) -> str:
    """The whole page."""
    counts = summary_counts(results)
    parts = [f"<!doctype html><html lang=\"{'en' if lang == 'en' else 'zh-CN'}\"><head><meta charset=\"utf-8\">",
             f"<title>{escape(t('html.title', lang))}</title><style>{_CSS}</style></head><body>",
             f"<h1>{escape(t('html.title', lang))}</h1>",
             f"<p class=\"meta\">reportlint {__version__} · {escape(_summary(counts, lang))}</p>",
             _overview(results, lang), _categories(results, lang)]
    parts += [_file(i, r, lang) for i, r in enumerate(results)]
    parts.append("</body></html>")
    return "\n".join(parts)


def _summary(counts: dict[str, int], lang: str) -> str:
    return t("summary", lang, **counts)


def _overview(results: list[FileResult], lang: str) -> str:
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in
                   ("html.file", "html.issuer", "html.year", "html.era", "html.previous",
                    "severity.error", "severity.warning", "severity.info"))
    rows = []
    for i, r in enumerate(results):
        c = Counter(d.severity for d in r.diagnostics)
        report = r.report
        cells = [f"<a href=\"#f{i}\">{escape(r.path)}</a>",
                 escape(report.issuer or "") if report else "", str(report.year or "") if report else "",
                 escape(report.era or "") if report else "", escape(r.previous.path) if r.previous else ""]
        cells += [f"<span class=\"{s}\">{c.get(s, 0)}</span>" for s in SEVERITIES]
        rows.append("<tr>" + "".join(f"<td>{x}</td>" for x in cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _categories(results: list[FileResult], lang: str) -> str:
    counts = Counter(d.category for r in results for d in r.diagnostics)
    if not counts:
        return ""
    cells = "".join(f"<tr><td>{c}</td><td class=\"n\">{counts[c]}</td></tr>"
                    for c in CATEGORIES if counts[c])
    return f"<table><tr><th>{escape(t('html.category', lang))}</th><th>#</th></tr>{cells}</table>"


def _file(index: int, result: FileResult, lang: str) -> str:
    lines = result.report.source.lines if result.report else []
    items = "".join(_finding(d, lines, lang) for d in result.diagnostics)
    body = f"<ul>{items}</ul>" if items else f"<p>{escape(t('summary.clean', lang, files=1))}</p>"
    failing = {place for d in result.diagnostics for place in d.places()}
    tables = "".join(_table(tb, failing) for tb in (result.report.read_tables if result.report else []))
    return f"<h2 id=\"f{index}\">{escape(result.path)}</h2>{body}{tables}"


def _finding(d: Diagnostic, lines: list[str], lang: str) -> str:
    where = f"{d.line}:{d.column}" + (f"（{escape(d.location)}）" if d.location else "")
    head = (f"<span class=\"sev {d.severity}\">{escape(t('severity.' + d.severity, lang))}</span> "
            f"{where} <b>{d.rule}</b> {escape(d.name)}：{escape(d.message)}"
            f"<div class=\"meta\">{escape(t('explain.basis', lang))}：{escape(d.basis)}</div>")
    line = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
    if not line.strip():
        return f"<li>{head}</li>"
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    excerpt = escape(line[:start]) + "<mark>" + escape(line[start:max(end, start + 1)]) + "</mark>" + escape(line[end:])
    return f"<li>{head}<pre>{d.line:>5} │ {excerpt}</pre></li>"


def _table(table: Table, failing: set[tuple[int, int]]) -> str:
    spec = table_spec(table.era, table.id)
    columns = spec["columns"]
    head = "".join(f"<th>{escape(c.get('group', '') + c['label'])}</th>" for c in columns)
    rows = []
    for row in table.rows.values():
        cells = "".join(_cell(row.cells.get(c["id"]), failing) for c in columns)
        rows.append(f"<tr><td class=\"n\">{row.span.line}</td><td>{escape(row.official or '')}</td>{cells}</tr>")
    return (f"<table><caption>{escape(spec['name'])}</caption><tr><th></th><th></th>{head}</tr>"
            f"{''.join(rows)}</table>")


def _cell(cell: Cell | None, failing: set[tuple[int, int]]) -> str:
    if cell is None:
        return "<td></td>"
    css = "bad" if (cell.line, cell.column) in failing else "blank" if is_empty(cell) else ""
    return f"<td class=\"n {css}\">{escape(cell.text) or '□'}</td>"

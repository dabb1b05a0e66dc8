"""`--format html`: one self-contained page for a supervisor who checks many reports.

The page opens on a summary table of every file (unit, year, era, counts, the worst
rule), sortable and filterable by a small inline script, and an index of the rules
found, each linking to its findings. Each file with findings follows, folded
(`<details>`: the page works without the script), with its findings and their source
excerpts, and only the tables that a finding concerns, failing cells marked; clean
files are listed, not expanded. Every file (`f3`) and finding (`f3-2`) has an id to link
to. Everything quoted from a report is escaped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from reportlint import __version__
from reportlint.checking.diagnostics import CATEGORIES, SEVERITIES, Diagnostic, severity_rank
from reportlint.checking.linter import FileResult
from reportlint.i18n import t
from reportlint.reading.model import Cell, Table
from reportlint.reading.tables import is_empty
from reportlint.reporting.output import summary_counts
from reportlint.templates import table_spec

_TABLE_CATEGORIES = ("table-shape", "table-arith", "cell")

_CSS = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;margin:0;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5em 1.5em;z-index:1}
header h1{font-size:1.3em;margin:.1em 0}nav a{margin-right:1.2em}main{padding:0 1.5em 3em;max-width:90em}
h2{font-size:1.15em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #bbb;padding:.2em .5em;font-size:.9em;vertical-align:top}
th{background:#f2f2f2;text-align:left;white-space:nowrap}
.scroll{max-height:60vh;overflow:auto;display:inline-block;border-bottom:1px solid #ccc}.scroll table{margin:0}
.scroll thead th{position:sticky;top:0}.js #files th{cursor:pointer}.js #files th:after{content:" ⇅";color:#999}
td.n,table.read td{text-align:right}table.read td:nth-child(2){text-align:left}.error{color:#b00020}.warning{color:#a65f00}.info{color:#00639b}.zero{color:#bbb}
.sev{font-weight:bold;white-space:nowrap}.bad{background:#f8c9c9;font-weight:bold}.blank{background:#fff2b3}
pre{background:#f7f7f7;padding:.4em .6em;margin:.2em 0 .4em;white-space:pre-wrap;word-break:break-all}
mark{background:#ffd4d4}.meta{color:#666;font-size:.9em}ol{padding-left:2em}li{margin:.4em 0}
details.file{border:1px solid #ddd;border-radius:4px;margin:.4em 0;padding:.2em .6em}
details.file>summary{cursor:pointer;font-weight:bold}details.file[open]>summary{margin-bottom:.4em}
.filters{display:none;gap:.6em;flex-wrap:wrap;align-items:center;margin:.6em 0}.js .filters{display:flex}
ul.clean{columns:3 24em;font-size:.9em}:target{outline:2px solid #4a90d9}[id]{scroll-margin-top:7em}
"""

# Sorting (click a header) and filtering (by text, severity, rule, category) of the
# summary table; a file's section is hidden with its row. Opening a link to a folded
# finding unfolds it.
_JS = """
(function(){
document.body.classList.add('js');
var table=document.getElementById('files'),body=table.tBodies[0],rows=[].slice.call(body.rows);
var q=document.getElementById('q'),sev=document.getElementById('sev'),rule=document.getElementById('rule'),
cat=document.getElementById('cat'),shown=document.getElementById('shown');
function has(list,v){return !v||(' '+list+' ').indexOf(' '+v+' ')>=0}
function apply(){var text=q.value.trim().toLowerCase(),n=0;
rows.forEach(function(tr){var d=tr.dataset,ok=(!text||d.text.indexOf(text)>=0)&&has(d.sev,sev.value)
&&has(d.rules,rule.value)&&has(d.cats,cat.value);tr.hidden=!ok;n+=ok;
var el=document.getElementById(d.file);if(el)el.hidden=!ok;});shown.textContent=n;}
[q,sev,rule,cat].forEach(function(el){el.addEventListener('input',apply);});
[].forEach.call(table.tHead.rows[0].cells,function(th,k){var up=true;th.addEventListener('click',function(){
var num=th.dataset.num!==undefined;rows.sort(function(a,b){var x=a.cells[k].dataset.v||a.cells[k].textContent,
y=b.cells[k].dataset.v||b.cells[k].textContent;var c=num?(+x)-(+y):x.localeCompare(y);return up?c:-c;});
up=!up;rows.forEach(function(tr){body.appendChild(tr);});});});
function reveal(){var el=document.getElementById(decodeURIComponent(location.hash.slice(1)));
for(;el;el=el.parentElement){if(el.tagName==='DETAILS')el.open=true;}}
window.addEventListener('hashchange',reveal);reveal();
})();
"""


def to_html(results: list[FileResult], lang: str) -> str:
    """The whole page."""
    title = escape(t("html.title", lang))
    counts = summary_counts(results)
    nav = "".join(f"<a href=\"#{anchor}\">{escape(t(key, lang))}</a>" for anchor, key in
                  (("summary", "html.summary"), ("rules", "html.rules"), ("reports", "html.files")))
    parts = [f"<!doctype html><html lang=\"{'en' if lang == 'en' else 'zh-CN'}\"><head><meta charset=\"utf-8\">",
             f"<meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title>"
             f"<style>{_CSS}</style></head><body>",
             f"<header><h1>{title}</h1><p class=\"meta\">reportlint {__version__} · "
             f"{escape(t('summary', lang, **counts))}</p><nav>{nav}</nav></header><main>",
             _summary(results, lang), _rule_index(results, lang), _files(results, lang),
             f"</main><script>{_JS}</script></body></html>"]
    return "\n".join(parts)


def _worst(diagnostics: list[Diagnostic]) -> tuple[int, Diagnostic] | None:
    """The first finding of the rule of the most severe findings (the most of them,
    then the first id), and its index."""
    if not diagnostics:
        return None
    counts = Counter((d.rule, d.severity) for d in diagnostics)
    rule = min(counts, key=lambda k: (-severity_rank(k[1]), -counts[k], k[0]))[0]
    return next((k, d) for k, d in enumerate(diagnostics) if d.rule == rule)


def _summary(results: list[FileResult], lang: str) -> str:
    found = [d for r in results for d in r.diagnostics]
    rules = sorted({d.rule for d in found})
    cats = [c for c in CATEGORIES if any(d.category == c for d in found)]
    all_ = escape(t("html.all", lang))
    filters = (f"<div class=\"filters\"><input id=\"q\" type=\"search\" placeholder=\"{escape(t('html.search', lang))}\">"
               f"<select id=\"sev\"><option value=\"\">{escape(t('html.severity', lang))}: {all_}</option>"
               + "".join(f"<option value=\"{s}\">{escape(t('severity.' + s, lang))}</option>" for s in SEVERITIES)
               + f"</select><select id=\"rule\"><option value=\"\">{escape(t('html.rule', lang))}: {all_}</option>"
               + "".join(f"<option>{r}</option>" for r in rules)
               + f"</select><select id=\"cat\"><option value=\"\">{escape(t('html.category', lang))}: {all_}</option>"
               + "".join(f"<option>{c}</option>" for c in cats)
               + f"</select><span class=\"meta\">{escape(t('html.shown', lang))} <span id=\"shown\">{len(results)}"
               f"</span> / {len(results)}</span></div>")
    keys = ("html.file", "html.issuer", "html.year", "html.era", "html.previous", "severity.error",
            "severity.warning", "severity.info", "html.worst")
    head = "".join(f"<th{' data-num' if k.startswith('severity') or k == 'html.year' else ''}>"
                   f"{escape(t(k, lang))}</th>" for k in keys)
    rows = []
    for i, r in enumerate(results):
        c = Counter(d.severity for d in r.diagnostics)
        report = r.report
        issuer = (report.issuer or "") if report else ""
        year = report.year if report and report.year else ""
        worst = _worst(r.diagnostics)
        data = (f" data-file=\"f{i}\" data-text=\"{escape((r.path + ' ' + issuer).lower())}\""
                f" data-sev=\"{' '.join(s for s in SEVERITIES if c[s])}\""
                f" data-rules=\"{' '.join(sorted({d.rule for d in r.diagnostics}))}\""
                f" data-cats=\"{' '.join(sorted({d.category for d in r.diagnostics}))}\"")
        cells = [f"<td><a href=\"#f{i}\">{escape(r.path)}</a></td>", f"<td>{escape(issuer)}</td>",
                 f"<td data-v=\"{year or 0}\">{year}</td>", f"<td>{escape(report.era or '') if report else ''}</td>",
                 f"<td>{escape(r.previous.path) if r.previous else ''}</td>"]
        cells += [f"<td class=\"n{'' if c[s] else ' zero'}\">{c[s]}</td>" for s in SEVERITIES]
        cells.append(f"<td><a href=\"#f{i}-{worst[0]}\" title=\"{escape(worst[1].name)}\" class=\"{worst[1].severity}\">"
                     f"{worst[1].rule}</a></td>" if worst else "<td></td>")
        rows.append(f"<tr{data}>{''.join(cells)}</tr>")
    return (f"<h2 id=\"summary\">{escape(t('html.summary', lang))}</h2>{filters}"
            f"<div class=\"scroll\"><table id=\"files\"><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _rule_index(results: list[FileResult], lang: str) -> str:
    """Each rule found: severity, category, how many files and findings, a link to its
    first finding in each file."""
    first: dict[str, dict[int, int]] = defaultdict(dict)  # rule → file → its first finding there
    counts: Counter[str] = Counter()
    about: dict[str, Diagnostic] = {}
    for i, r in enumerate(results):
        for k, d in enumerate(r.diagnostics):
            first[d.rule].setdefault(i, k)
            counts[d.rule] += 1
            about.setdefault(d.rule, d)
    if not counts:
        return f"<h2 id=\"rules\">{escape(t('html.rules', lang))}</h2><p>{escape(t('summary.clean', lang, files=len(results)))}</p>"
    keys = ("html.rule", "html.name", "html.severity", "html.category", "html.files_count", "html.findings")
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in keys)
    rows = []
    for rule in sorted(counts, key=lambda r: (-severity_rank(about[r].severity), -counts[r], r)):
        d = about[rule]
        links = " ".join(f"<a href=\"#f{i}-{k}\">{escape(results[i].path)}</a>" for i, k in first[rule].items())
        files = f"<details><summary>{len(first[rule])}</summary>{links}</details>"
        rows.append(f"<tr id=\"r-{rule}\"><td><b>{rule}</b></td><td>{escape(d.name)}</td>"
                    f"<td class=\"sev {d.severity}\">{escape(t('severity.' + d.severity, lang))}</td>"
                    f"<td>{d.category}</td><td>{files}</td><td class=\"n\">{counts[rule]}</td></tr>")
    return (f"<h2 id=\"rules\">{escape(t('html.rules', lang))}</h2>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _files(results: list[FileResult], lang: str) -> str:
    found = "".join(_file(i, r, lang) for i, r in enumerate(results) if r.diagnostics)
    clean = "".join(f"<li id=\"f{i}\">{escape(r.path)}" + (f" · {escape(r.report.issuer)}" if r.report and
                                                          r.report.issuer else "") + "</li>"
                    for i, r in enumerate(results) if not r.diagnostics)
    out = f"<h2 id=\"reports\">{escape(t('html.files', lang))}</h2>{found}"
    if clean:
        out += f"<h3>{escape(t('html.clean', lang))}</h3><ul class=\"clean\">{clean}</ul>"
    return out


def _file(index: int, result: FileResult, lang: str) -> str:
    report = result.report
    lines = report.source.lines if report else []
    items = "".join(_finding(f"f{index}-{k}", d, lines, lang) for k, d in enumerate(result.diagnostics))
    c = Counter(d.severity for d in result.diagnostics)
    counts = " ".join(f"<span class=\"{s}\">{c[s]} {escape(t('severity.' + s, lang))}</span>"
                      for s in SEVERITIES if c[s])
    issuer = f" · {escape(report.issuer)}" if report and report.issuer else ""
    tables = "".join(_table(tb, result.diagnostics) for tb in (report.read_tables if report else ())
                     if _concerned(tb, result.diagnostics))
    return (f"<details class=\"file\" id=\"f{index}\"><summary>{escape(result.path)}{issuer} · {counts}</summary>"
            f"<ol>{items}</ol>{tables}</details>")


def _finding(anchor: str, d: Diagnostic, lines: list[str], lang: str) -> str:
    where = f"{d.line}:{d.column}" + (f"（{escape(d.location)}）" if d.location else "")
    head = (f"<a href=\"#{anchor}\" class=\"sev {d.severity}\">{escape(t('severity.' + d.severity, lang))}</a> "
            f"{where} <a href=\"#r-{d.rule}\"><b>{d.rule}</b></a> {escape(d.name)}: {'[*] ' if d.fix else ''}{escape(d.message)}"
            f"<div class=\"meta\">{escape(t('explain.basis', lang))}: {escape(d.basis)}</div>")
    line = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
    if not line.strip():
        return f"<li id=\"{anchor}\">{head}</li>"
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    excerpt = escape(line[:start]) + "<mark>" + escape(line[start:max(end, start + 1)]) + "</mark>" + escape(line[end:])
    return f"<li id=\"{anchor}\">{head}<pre>{d.line:>5} │ {excerpt}</pre></li>"


def _cells(table: Table) -> list[Cell]:
    return [table.anchor, *(c for row in table.rows.values() for c in (*row.row.labels, *row.row.values)),
            *(c for run in table.headers for c in run)]


def _concerned(table: Table, diagnostics: list[Diagnostic]) -> bool:
    """Whether a finding points at a cell of the table, or is a table finding within its lines."""
    cells = _cells(table)
    places = {(c.line, c.column) for c in cells}
    first, last = min(c.line for c in cells), max(c.line for c in cells)
    return any(p in places for d in diagnostics for p in d.places()) or any(
        d.category in _TABLE_CATEGORIES and first <= d.line <= last for d in diagnostics)


def _table(table: Table, diagnostics: list[Diagnostic]) -> str:
    failing = {place for d in diagnostics for place in d.places()}
    spec = table_spec(table.era, table.id)
    columns = spec["columns"]
    head = "".join(f"<th>{escape(c.get('group', '') + c['label'])}</th>" for c in columns)
    rows = []
    for row in table.rows.values():
        cells = "".join(_cell(row.cells.get(c["id"]), failing) for c in columns)
        rows.append(f"<tr><td>{row.span.line}</td><td>{escape(row.official or '')}</td>{cells}</tr>")
    return (f"<table class=\"read\"><caption>{escape(spec['name'])}</caption><tr><th></th><th></th>{head}</tr>"
            f"{''.join(rows)}</table>")


def _cell(cell: Cell | None, failing: set[tuple[int, int]]) -> str:
    if cell is None:
        return "<td></td>"
    css = " class=\"bad\"" if (cell.line, cell.column) in failing else " class=\"blank\"" if is_empty(cell) else ""
    return f"<td{css}>{escape(cell.text) or '□'}</td>"

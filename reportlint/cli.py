"""The command line: arguments in, exit code out. The work is done in linter.py."""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reportlint import __version__
from reportlint.detect import LEVELS
from reportlint.diagnostics import SEVERITIES, severity_rank
from reportlint.i18n import headers, reason_text, t
from reportlint import baseline, config, fix
from reportlint.blank import blank_report
from reportlint.config import ConfigError, Settings
from reportlint.init_config import CONFIG
from reportlint.linter import FileResult, Options, lint_bytes, unreadable
from reportlint.html_report import to_html
from reportlint.output import FORMATS, print_text, statistics, to_concise, to_github, to_json
from reportlint.readers import EXTENSIONS, is_docx
from reportlint.sarif import to_sarif
from reportlint.tables_view import print_tables, print_text_view
from reportlint.rules import Rule, RuleFileError, load_rules

def _lint_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reportlint",
        description="检查政府信息公开工作年度报告 / lint government information disclosure annual reports",
        epilog="other commands: reportlint rules | explain RULE | tables PATH | template --year N | init",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint; - reads stdin")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--select", action="append", default=[], metavar="RULE",
                   help="only these rules: id, name or category (repeatable, comma-separated)")
    p.add_argument("--ignore", action="append", default=[], metavar="RULE",
                   help="skip these rules: id, name or category (repeatable, comma-separated)")
    p.add_argument("--fail-on", choices=SEVERITIES,
                   help="exit 1 when a diagnostic of this severity or above is found (default: error)")
    p.add_argument("--lang", choices=("zh", "en"), help="message language (default: zh)")
    p.add_argument("--year", type=int, help="the report year, instead of the detected one")
    p.add_argument("--issuer-level", choices=LEVELS, help="the issuer's level, instead of the detected one")
    p.add_argument("--stdin-filename", metavar="NAME", help="the name to report for stdin (-)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="skip files and folders matching GLOB when walking folders (repeatable)")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="lint N files at a time (0: one per CPU); output order is unchanged")
    p.add_argument("--config", metavar="FILE",
                   help="use this configuration file (.reportlint.yaml or pyproject.toml) for every path")
    p.add_argument("--no-config", action="store_true", help="do not read configuration files")
    p.add_argument("--statistics", action="store_true", help="count diagnostics per rule instead of listing them")
    p.add_argument("--fix", action="store_true",
                   help="apply safe fixes to .txt/.md files (numbers and numbering are never changed)")
    p.add_argument("--diff", action="store_true", help="show the safe fixes as a diff, change nothing")
    p.add_argument("--annotate", action="store_true",
                   help="write each .docx's findings as Word comments into NAME.reportlint.docx beside it")
    p.add_argument("--baseline", metavar="FILE",
                   help="report only findings not recorded in FILE; a missing FILE records the current ones")
    p.add_argument("--version", action="version", version=f"reportlint {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run reportlint; return the exit code (0 clean, 1 findings, 2 usage or rule errors)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["rules"]:
        return _rules_command(argv[1:])
    if argv[:1] == ["explain"]:
        return _explain_command(argv[1:])
    if argv[:1] == ["tables"]:
        return _tables_command(argv[1:])
    if argv[:1] == ["template"]:
        return _template_command(argv[1:])
    if argv[:1] == ["init"]:
        return _init_command(argv[1:])
    args = _lint_parser().parse_args(argv)
    if not args.paths:
        _complain(t("error.no_paths", args.lang or "zh"))
        return 2
    try:
        builtin = load_rules()
        rules_by_settings: dict[Settings, list[Rule]] = {}
        loaded: dict[Path, Settings] = {}
        plans = []
        for path in _expand(args.paths, args.exclude):
            settings = _settings(path, args, loaded)
            if settings not in rules_by_settings:
                rules_by_settings[settings] = config.rules_for(
                    settings, builtin, _split(args.select), _split(args.ignore))
            plans.append((path, (settings, rules_by_settings[settings])))
    except (RuleFileError, ConfigError) as error:
        _complain(t("error.config" if isinstance(error, ConfigError) else "error.rules",
                    args.lang or "zh", error=str(error)))
        return 2
    lang = args.lang or next((s.lang for _, (s, _) in plans if s.lang), "zh")
    thresholds, options_used = [], []
    for path, (settings, rules) in plans:
        options_used.append(Options(lang=lang, year=args.year or settings.year,
                                    issuer_level=args.issuer_level or settings.issuer_level))
        thresholds.append(severity_rank(args.fail_on or settings.fail_on or "error"))
    results = _lint_all([(path, rules, options) for (path, (_, rules)), options in zip(plans, options_used)],
                        args.stdin_filename, args.jobs)
    if args.fix or args.diff:
        changed = _fix(plans, results, args, lang)
        if args.diff:
            return 1 if changed else 0
        results = [_lint_path(path, rules, result_options, args.stdin_filename) if path in changed else result
                   for (path, (_, rules)), result, result_options in zip(plans, results, options_used)]
    if args.baseline:
        path = Path(args.baseline)
        if not path.exists():
            _complain(t("baseline.written", lang, count=baseline.write(path, results), path=path))
            return 0
        try:
            recorded = baseline.read(path)
        except ValueError as error:
            _complain(t("error.config", lang, error=str(error)))
            return 2
        results = [baseline.new_findings(r, recorded) for r in results]
    if args.statistics:
        sys.stdout.write(statistics(results, lang) + "\n")
    else:
        _emit(results, args.format, lang, [r for rules in rules_by_settings.values() for r in rules])
    if args.annotate:
        _annotate(results, lang)
    failed = any(severity_rank(d.severity) >= threshold
                 for result, threshold in zip(results, thresholds) for d in result.diagnostics)
    return 1 if failed else 0


def _fix(plans, results: list[FileResult], args: argparse.Namespace, lang: str) -> set[str]:
    """Apply (or, with --diff, print) the safe fixes; return the paths that change."""
    changed = set()
    for (path, _), result in zip(plans, results):
        report = result.report
        if report is None or path == "-" or Path(path).suffix.lower() not in fix.TEXT_SUFFIXES:
            continue
        after = fix.apply(report.source.text, result.diagnostics)
        if after == report.source.text:
            continue
        changed.add(path)
        if args.diff:
            sys.stdout.write(fix.diff(path, report.source.text, after))
        else:
            fix.write(Path(path), after, report.source.encoding)
            _complain(t("fix.written", lang, path=path))
    return changed


def _annotate(results: list[FileResult], lang: str) -> None:
    """Write NAME.reportlint.docx beside each readable .docx, a comment per diagnostic."""
    from reportlint.readers.docx import annotate
    for result in results:
        path = Path(result.path)
        if result.report is None or result.path == "-" or not is_docx(result.path):
            continue
        out = path.with_suffix(".reportlint.docx")
        count = annotate(path.read_bytes(), result.diagnostics, out, lang)
        _complain(t("annotate.written", lang, path=out, count=count))


def _settings(path: str, args: argparse.Namespace, loaded: dict[Path, Settings]) -> Settings:
    """The settings for one path: its closest config (or --config, or none with --no-config).

    `loaded` keeps the files already read in this run, so each is read once.
    """
    if args.no_config:
        return Settings()
    found = Path(args.config) if args.config else config.find(Path.cwd() if path == "-" else Path(path))
    if found and found not in loaded:
        loaded[found] = config.load(found)
    settings = loaded[found] if found else Settings()
    return settings.for_file(Path(args.stdin_filename or "-") if path == "-" else Path(path))


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _expand(paths: list[str], exclude: list[str]) -> list[str]:
    """Files as given; folders walked, in sorted order, for the files reportlint reads
    (.txt .md .docx .html .htm .pdf), less those matching an `exclude` glob and the
    NAME.reportlint.docx copies that --annotate writes."""
    out = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            out += sorted(str(f) for f in p.rglob("*") if f.suffix.lower() in EXTENSIONS and f.is_file()
                          and not _excluded(f.relative_to(p), exclude))
        else:
            out.append(path)
    return out


def _excluded(relative: Path, globs: list[str]) -> bool:
    """Whether a walked file matches a glob: by its path in the folder, its name or a folder's name."""
    if relative.name.endswith(".reportlint.docx"):
        return True
    return any(fnmatch.fnmatch(relative.as_posix(), glob) or any(fnmatch.fnmatch(part, glob) for part in relative.parts)
               for glob in globs)


def _lint_all(jobs: list[tuple[str, list[Rule], Options]], stdin_name: str | None, workers: int) -> list[FileResult]:
    """Lint each (path, rules, options), in `workers` processes when more than one;
    the results come in the order of `jobs` (stdin is read here, in this process)."""
    workers = workers if workers > 0 else os.cpu_count() or 1
    if workers == 1 or len(jobs) < 2:
        return [_lint_path(path, rules, options, stdin_name) for path, rules, options in jobs]
    with ProcessPoolExecutor(min(workers, len(jobs))) as pool:
        futures = [None if path == "-" else pool.submit(_lint_path, path, rules, options, stdin_name)
                   for path, rules, options in jobs]
        return [_lint_path(path, rules, options, stdin_name) if future is None else future.result()
                for (path, rules, options), future in zip(jobs, futures)]


def _lint_path(path: str, rules: list[Rule], options: Options, stdin_name: str | None) -> FileResult:
    if path == "-":
        return lint_bytes(stdin_name or "-", sys.stdin.buffer.read(), rules, options)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return _unreadable(path, "missing", rules, options)
    except IsADirectoryError:
        return _unreadable(path, "directory", rules, options)
    except OSError as error:
        return _unreadable(path, "os", rules, options, error=error.strerror or str(error))
    return lint_bytes(path, data, rules, options)


def _unreadable(path: str, reason: str, rules: list[Rule], options: Options, **args) -> FileResult:
    return FileResult(path, unreadable(path, reason_text(reason, options.lang, **args), rules, options.lang))


def _emit(results: list[FileResult], fmt: str, lang: str, rules: list[Rule]) -> None:
    if fmt == "json":
        sys.stdout.write(to_json(results) + "\n")
    elif fmt == "concise":
        sys.stdout.write(to_concise(results, lang) + "\n")
    elif fmt == "sarif":
        sys.stdout.write(to_sarif(results, rules, lang) + "\n")
    elif fmt == "github":
        sys.stdout.write(to_github(results, lang) + "\n")
    elif fmt == "html":
        sys.stdout.write(to_html(results, lang) + "\n")
    else:
        print_text(results, Console(highlight=False, soft_wrap=True), lang)


def _rules_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint rules", description="list every rule")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    rules = _load_or_report(args.lang)
    if rules is None:
        return 2
    table = Table(*headers(args.lang), show_lines=False)
    table.columns[1].min_width = max(len(rule.name) for rule in rules)  # names stay whole
    for rule in rules:
        cells = (rule.id, rule.name, rule.category, t("severity." + rule.severity, args.lang),
                 " ".join(rule.eras), rule.summary(args.lang))
        table.add_row(*map(Text, cells))  # Text: a report's "[…]" is never rich markup
    Console(highlight=False).print(table)
    return 0


def _tables_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint tables",
                                description="show the tables read from a report, failing cells marked")
    p.add_argument("path", metavar="PATH", help="the report (- reads stdin)")
    p.add_argument("--text", action="store_true", help="print the text view that line numbers refer to")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--year", type=int, help="the report year, instead of the detected one")
    p.add_argument("--stdin-filename", metavar="NAME", help="the name to report for stdin (-)")
    args = p.parse_args(argv)
    rules = _load_or_report(args.lang)
    if rules is None:
        return 2
    result = _lint_path(args.path, rules, Options(lang=args.lang, year=args.year), args.stdin_filename)
    console = Console(highlight=False)
    if args.text:
        print_text_view(result, console)
    else:
        print_tables(result, console, args.lang)
    return 0


def _template_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint template",
                                description="print a blank report in the format of a year")
    p.add_argument("--year", type=int, required=True, help="the report year (2019 onward)")
    p.add_argument("--issuer", default="（机关名称）", help="the issuer's full name")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    try:
        sys.stdout.write(blank_report(args.year, args.issuer) + "\n")
    except ValueError:
        _complain(t("error.no_format", args.lang, year=args.year))
        return 2
    return 0


def _init_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint init", description="write a commented .reportlint.yaml")
    p.add_argument("--force", action="store_true", help="overwrite an existing .reportlint.yaml")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    path = Path(".reportlint.yaml")
    if path.exists() and not args.force:
        _complain(t("error.exists", args.lang, path=path))
        return 2
    path.write_text(CONFIG, encoding="utf-8")
    _complain(t("init.written", args.lang, path=path))
    return 0


def _explain_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint explain", description="explain one rule")
    p.add_argument("rule", help="rule id or name")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    rules = _load_or_report(args.lang)
    if rules is None:
        return 2
    rule = next((r for r in rules if args.rule in (r.id, r.name)), None)
    console = Console(highlight=False)
    if rule is None:
        _complain(t("error.unknown_rule", args.lang, rule=args.rule))
        return 2
    lang = args.lang
    console.print(Text(f"{rule.id} {rule.name}", style="bold magenta"))
    console.print(Text(rule.description[lang]))
    console.print()
    for key, value in (("explain.category", rule.category),
                       ("explain.severity", t("severity." + rule.severity, lang)),
                       ("explain.eras", " ".join(rule.eras)), ("explain.basis", rule.basis)):
        console.print(Text(f"{t(key, lang)}: ", style="bold") + Text(value))
    for key, examples, style in (("explain.good", rule.good, "green"), ("explain.bad", rule.bad, "red")):
        console.print()
        console.print(Text(t(key, lang), style=f"bold {style}"))
        for example in examples:
            console.print(Text(example.text.rstrip()))
            console.print(Text("────", style="dim"))
    return 0


def _load_or_report(lang: str) -> list[Rule] | None:
    try:
        return load_rules()
    except RuleFileError as error:
        _complain(t("error.rules", lang, error=str(error)))
        return None


def _complain(message: str) -> None:
    """A tool error on stderr (diagnostics go to stdout)."""
    Console(stderr=True, highlight=False, soft_wrap=True).print(Text(message))

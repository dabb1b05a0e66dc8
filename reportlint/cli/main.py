"""The lint command line: arguments in, exit code out (other commands: commands.py)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from rich.console import Console

from reportlint import __version__
from reportlint.checking import across, baseline
from reportlint.checking.diagnostics import SEVERITIES, severity_rank
from reportlint.checking.linter import FileResult, Options
from reportlint.checking.rules import Rule, RuleFileError, load_rules
from reportlint.cli import config, fix
from reportlint.cli.commands import (
    complain,
    explain_command,
    export_command,
    init_command,
    rules_command,
    tables_command,
    template_command,
)
from reportlint.cli.config import ConfigError, Settings, UnknownRule
from reportlint.cli.files import expand, lint_all, lint_path
from reportlint.i18n import HELP_TEXT, HELP_ZH, t
from reportlint.reading.detect import LEVELS
from reportlint.reading.documents import is_docx
from reportlint.reporting.html import to_html
from reportlint.reporting.output import (
    FORMATS,
    print_text,
    statistics,
    statistics_json,
    to_concise,
    to_github,
    to_json,
)
from reportlint.reporting.sarif import to_sarif
from reportlint.reporting.workbook import write_xlsx

COMMANDS = {"rules": rules_command, "explain": explain_command, "tables": tables_command, "export": export_command,
            "template": template_command, "init": init_command}


def _lint_parser(lang: str = "en") -> argparse.ArgumentParser:
    words = {key: zh if lang == "zh" else en for key, (zh, en) in HELP_TEXT.items()}

    class Formatter(argparse.RawDescriptionHelpFormatter):
        def add_usage(self, usage, actions, groups, prefix=None):
            super().add_usage(usage, actions, groups, words["usage"])

    p = argparse.ArgumentParser(prog="reportlint", description=words["description"], epilog=words["epilog"],
                                formatter_class=Formatter)
    p._positionals.title, p._optionals.title = words["positionals"], words["optionals"]
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
    p.add_argument("-o", "--output-file", metavar="FILE", help="write the output to FILE instead of stdout")
    p.add_argument("--statistics", action="store_true",
                   help="count diagnostics per rule instead of listing them (a JSON object with --format json)")
    p.add_argument("--fix", action="store_true",
                   help="apply safe fixes to .txt/.md files (numbers and numbering are never changed)")
    p.add_argument("--diff", action="store_true", help="show the safe fixes as a diff, change nothing")
    p.add_argument("--annotate", action="store_true",
                   help="write each .docx's findings as Word comments into NAME.reportlint.docx beside it")
    p.add_argument("--previous", metavar="FILE",
                   help="last year's report of the one file linted, to check it against (without it, "
                        "reports of the same issuer in consecutive years are paired)")
    p.add_argument("--baseline", metavar="FILE",
                   help="report only findings not recorded in FILE; a missing FILE records the current ones")
    p.add_argument("--version", action="version", version=f"reportlint {__version__}")
    if lang == "zh":
        for action in p._actions:
            action.help = HELP_ZH.get(action.dest, action.help)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run reportlint; return the exit code (0 clean, 1 findings, 2 usage or rule errors)."""
    argv = sys.argv[1:] if argv is None else argv
    parser = _lint_parser("en" if "--lang=en" in argv or "--lang en" in " ".join(argv) else "zh")
    command = _command(parser, argv)
    if command is not None:
        return COMMANDS[argv[command]](argv[:command] + argv[command + 1:])
    args = parser.parse_args(argv)
    if not args.paths:
        complain(t("error.no_paths", args.lang or "zh"))
        return 2
    if args.format == "xlsx" and not args.statistics and not args.output_file:
        complain(t("error.xlsx_output", args.lang or "zh"))
        return 2
    loaded: dict[Path, Settings] = {}
    try:
        builtin = load_rules()
        rules_by_settings: dict[Settings, list[Rule]] = {}
        planned: list[tuple[str, Settings]] = []
        for path in expand(args.paths, args.exclude):
            settings = _settings(path, args, loaded)
            if settings not in rules_by_settings:
                rules_by_settings[settings] = config.rules_for(
                    settings, builtin, _split(args.select), _split(args.ignore))
            planned.append((path, settings))
    except (RuleFileError, ConfigError) as error:
        lang = args.lang or next((s.lang for s in loaded.values() if s.lang), "zh")
        complain(_unknown(error, lang) if isinstance(error, UnknownRule) else
                 t("error.config" if isinstance(error, ConfigError) else "error.rules", lang, error=str(error)))
        return 2
    if not planned:
        complain(t("error.no_files", args.lang or "zh", paths=" ".join(args.paths)))
        return 2
    lang = args.lang or next((s.lang for _, s in planned if s.lang), "zh")
    jobs = [(path, rules_by_settings[s], Options(lang=lang, year=args.year or s.year,
                                                 issuer_level=args.issuer_level or s.issuer_level))
            for path, s in planned]
    thresholds = [severity_rank(args.fail_on or s.fail_on or "error") for _, s in planned]
    if args.previous and len(jobs) != 1:
        complain(t("error.previous_one", lang))
        return 2
    previous = lint_path(args.previous, *jobs[0][1:], None) if args.previous else None
    if previous is not None and previous.report is None:
        complain(t("error.previous", lang, path=args.previous,
                   reason=" ".join(d.message for d in previous.diagnostics)))
        return 2
    results = lint_all(jobs, args.stdin_filename, args.jobs)
    if args.fix or args.diff:
        changed = _fix(jobs, results, args, lang)
        if args.diff:
            return 1 if changed else 0
        results = [lint_path(path, rules, options, args.stdin_filename) if path in changed else result
                   for (path, rules, options), result in zip(jobs, results)]
    renames = {old: new for _, s in planned for old, new in s.renamed_issuers}
    across.check_run(results, [rules for _, rules, _ in jobs], lang, renames, previous)
    if args.baseline:
        path = Path(args.baseline)
        if not path.exists():
            complain(t("baseline.written", lang, count=baseline.write(path, results), path=path))
            return 0
        try:
            recorded = baseline.read(path)
        except ValueError as error:
            complain(t("error.config", lang, error=str(error)))
            return 2
        results = [baseline.new_findings(r, recorded) for r in results]
    try:
        _write(results, args, lang, [r for rules in rules_by_settings.values() for r in rules])
    except OSError as error:
        complain(t("error.output", lang, path=args.output_file, error=error.strerror or str(error)))
        return 2
    if args.annotate:
        _annotate(results, lang)
    if all(result.report is None for result in results):
        complain(t("error.none_read", lang, count=len(results)))
        return 2
    failed = any(severity_rank(d.severity) >= threshold
                 for result, threshold in zip(results, thresholds) for d in result.diagnostics)
    return 1 if failed else 0


def _command(parser: argparse.ArgumentParser, argv: list[str]) -> int | None:
    """The index of the subcommand in `argv`, also after options (`--lang en rules`); None to lint."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in COMMANDS:
            return i
        if not arg.startswith("-") or arg == "-":
            return None
        action = parser._option_string_actions.get(arg)
        i += 2 if action is not None and action.nargs is None and action.option_strings[0] != "--version" \
            and not isinstance(action, (argparse._StoreTrueAction, argparse._HelpAction)) else 1
    return None


def _unknown(error: UnknownRule, lang: str) -> str:
    """The message for a rule that does not exist, with the closest real names."""
    hint = t("error.did_you_mean", lang, names=", ".join(error.close)) if error.close else t("error.see_rules", lang)
    where = error.key if error.path is None else f"{error.path}: {error.key}"
    return t("error.unknown_choice", lang, where=where, rule=error.rule, hint=hint)


def _fix(jobs: list[tuple[str, list[Rule], Options]], results: list[FileResult],
         args: argparse.Namespace, lang: str) -> set[str]:
    """Apply (or, with --diff, print) the safe fixes; return the paths that change."""
    changed = set()
    for (path, _, _), result in zip(jobs, results):
        report = result.report
        if report is not None and is_docx(path) and not args.diff:  # tracked changes in NAME.reportlint.docx
            from reportlint.reporting import tracked
            out = Path(path).with_suffix(".reportlint.docx")
            complain(t("fix.tracked", lang, path=out, count=tracked.write(Path(path).read_bytes(),
                                                                          result.diagnostics, out)))
            continue
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
            complain(t("fix.written", lang, path=path))
    return changed


def _annotate(results: list[FileResult], lang: str) -> None:
    """Write NAME.reportlint.docx beside each readable .docx, a comment per diagnostic."""
    from reportlint.reporting.annotate import annotate
    for result in results:
        path = Path(result.path)
        if result.report is None or result.path == "-" or not is_docx(result.path):
            continue
        out = path.with_suffix(".reportlint.docx")
        count = annotate(path.read_bytes(), result.diagnostics, out, lang)
        complain(t("annotate.written", lang, path=out, count=count))


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


def _write(results: list[FileResult], args: argparse.Namespace, lang: str, rules: list[Rule]) -> None:
    """The output of the run, to stdout or to the file of -o."""
    if args.format == "xlsx" and not args.statistics:
        write_xlsx(Path(args.output_file), results, lang)
        return
    with _output(args.output_file) as out:
        if args.statistics:
            out.write((statistics_json(results) if args.format == "json" else statistics(results, lang)) + "\n")
        else:
            _emit(results, args.format, lang, rules, out)


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """stdout, or the file of -o (UTF-8)."""
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        yield handle


def _emit(results: list[FileResult], fmt: str, lang: str, rules: list[Rule], out: TextIO) -> None:
    if fmt == "json":
        out.write(to_json(results) + "\n")
    elif fmt == "concise":
        out.write(to_concise(results, lang) + "\n")
    elif fmt == "sarif":
        out.write(to_sarif(results, rules, lang) + "\n")
    elif fmt == "github":
        out.write(to_github(results, lang) + "\n")
    elif fmt == "html":
        out.write(to_html(results, lang) + "\n")
    else:
        print_text(results, Console(file=out, highlight=False, soft_wrap=True), lang)



"""The lint command line: arguments in, exit code out (other commands: commands.py)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from rich.console import Console

from reportlint import __version__
from reportlint.checking import across, baseline, kinds
from reportlint.checking.diagnostics import SEVERITIES, severity_rank
from reportlint.checking.linter import FileResult, Options, lint_bytes
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
from reportlint.reading.source import Limits
from reportlint.reporting.html import to_html
from reportlint.reporting.output import (
    FORMATS,
    concise_lines,
    github_lines,
    print_file,
    print_summary,
    statistics,
    statistics_json,
    summary_line,
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
    p.add_argument("--max-size", type=float, default=20, metavar="MB",
                   help="do not read a file (or a Word file unpacked) larger than this (default: 20)")
    p.add_argument("--max-pages", type=int, default=300, metavar="N",
                   help="do not read a PDF of more pages than this (default: 300)")
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


INTERNAL_ERROR = 3  # the exit code when reportlint failed on a file (an internal-error diagnostic)


def main(argv: list[str] | None = None) -> int:
    """Run reportlint; return the exit code (0 clean, 1 findings, 2 usage or rule errors,
    3 an internal error on some file, 130 interrupted)."""
    if hasattr(sys.stdout, "reconfigure"):  # a pipe that cannot take Chinese gets "?", not a crash
        sys.stdout.reconfigure(errors="replace")
        sys.stderr.reconfigure(errors="replace")
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        sys.stdout = open(os.devnull, "w")
        return 1
    except Exception as error:  # a bug outside any one file: said in a line, never a traceback
        complain(t("error.internal", "zh", error=f"{type(error).__name__}: {error}"[:200]))
        return INTERNAL_ERROR
    except SystemExit as stop:
        if stop.code == 128 + signal.SIGTERM:
            return stop.code
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminate(signum, frame) -> None:
    raise SystemExit(128 + signum)  # unwinds like Ctrl-C: the workers are killed on the way out


def _main(argv: list[str]) -> int:
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
    if args.annotate and "-" in args.paths:
        complain(t("error.stdin_annotate", args.lang or "zh"))
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
                 t("error.config" if isinstance(error, ConfigError) else "error.rules", lang, error=error.text(lang)))
        return 2
    if not planned:
        complain(t("error.no_files", args.lang or "zh", paths=" ".join(args.paths)))
        return 2
    lang = args.lang or next((s.lang for _, s in planned if s.lang), "zh")
    limits = Limits(size=int(args.max_size * 2**20), pages=args.max_pages)
    jobs = [(path, rules_by_settings[s], Options(lang=lang, year=args.year or s.year,
                                                 issuer_level=args.issuer_level or s.issuer_level, limits=limits))
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
    all_rules = [r for rules in rules_by_settings.values() for r in rules]
    results = lint_all(jobs, args.stdin_filename, args.jobs)
    # checks across reports need the whole run before any of it is written
    across_run = (len(jobs) > 1 or previous is not None) and any(kinds.get(r.kind).across for r in all_rules)
    if args.fix or args.diff or args.baseline or args.statistics or across_run:
        results = list(results)
    if args.fix or args.diff:
        changed = _fix(jobs, results, args, lang)
        if args.diff:
            return 1 if changed else 0
        results = [lint_path(path, rules, options, args.stdin_filename) if path in changed else result
                   for (path, rules, options), result in zip(jobs, results)]
    if across_run:
        renames = {old: new for _, s in planned for old, new in s.renamed_issuers}
        across.check_run(results, [rules for _, rules, _ in jobs], lang, renames, previous)
    if args.baseline:
        path = Path(args.baseline)
        if not path.exists():
            try:
                complain(t("baseline.written", lang, count=baseline.write(path, results), path=path))
            except OSError:
                complain(t("baseline.unwritable", lang, path=path))
                return 2
            return 0
        try:
            recorded = baseline.read(path)
        except ValueError:
            complain(t("baseline.bad", lang, path=path))
            return 2
        except OSError:
            complain(t("baseline.unreadable", lang, path=path))
            return 2
        results = [baseline.new_findings(r, recorded) for r in results]
    try:
        results = _write(results, args, lang, all_rules)
    except OSError as error:
        complain(t("error.output", lang, path=args.output_file, error=error.strerror or str(error)))
        return 2
    if args.annotate:
        _annotate(results, lang)
    internal = {r.id for r in all_rules if r.kind == "internal"}
    if any(d.rule in internal for result in results for d in result.diagnostics):
        return INTERNAL_ERROR
    if all(result.report is None for result in results) and "-" not in args.paths:
        complain(t("error.none_read", lang, count=len(results)))  # files none of which could be read
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
    """Apply (or, with --diff, print) the safe fixes; return the paths that change.

    Fixes are applied round after round (an edit that overlapped another waits for the
    next) until none is left, so that a second --fix changes nothing."""
    changed = set()
    for (path, rules, options), result in zip(jobs, results):
        report = result.report
        if report is not None and is_docx(path) and not args.diff:  # tracked changes in NAME.reportlint.docx
            from reportlint.reporting import tracked
            out = Path(path).with_suffix(".reportlint.docx")
            complain(t("fix.tracked", lang, path=out, count=tracked.write(Path(path).read_bytes(),
                                                                          result.diagnostics, out)))
            continue
        if report is None or path == "-" or Path(path).suffix.lower() not in fix.TEXT_SUFFIXES \
                or report.source.stray:  # writing it back would lose the stray bytes
            continue
        before = Path(path).read_bytes()
        text, diagnostics = report.source.text, result.diagnostics
        for _ in range(_FIX_ROUNDS):
            fixed = fix.apply(text, diagnostics)
            if fixed == text:
                break
            text = fixed
            diagnostics = lint_bytes(path, fix.encode(text, report.source.encoding, before), rules, options).diagnostics
        if text == report.source.text:
            continue
        after = fix.encode(text, report.source.encoding, before)
        if args.diff:
            changed.add(path)
            sys.stdout.flush()
            sys.stdout.buffer.write(fix.diff(path, before, after))
            continue
        try:
            fix.write(Path(path), after)
        except fix.ReadOnly:
            complain(t("fix.readonly", lang, path=path))
            continue
        changed.add(path)
        complain(t("fix.written", lang, path=path))
    return changed


_FIX_ROUNDS = 8


def _annotate(results: list[FileResult], lang: str) -> None:
    """Write NAME.reportlint.docx beside each readable .docx, a comment per diagnostic."""
    from reportlint.reporting.annotate import annotate
    for result in results:
        path = Path(result.path)
        if result.report is None or result.path == "-" or not is_docx(result.path):
            continue
        out = path.with_suffix(".reportlint.docx")
        try:
            count = annotate(path.read_bytes(), result.diagnostics, out, lang)
        except FileExistsError:
            complain(t("annotate.refused", lang, path=out))
            continue
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


def _write(results: Iterable[FileResult], args: argparse.Namespace, lang: str,
           rules: list[Rule]) -> list[FileResult]:
    """The output of the run, to stdout or to the file of -o; the results, all of them."""
    if args.format == "xlsx" and not args.statistics:
        results = list(results)
        write_xlsx(Path(args.output_file), results, lang)
        return results
    with _output(args.output_file) as out:
        if args.statistics:
            results = list(results)
            out.write((statistics_json(results) if args.format == "json" else statistics(results, lang)) + "\n")
            return results
        return _emit(results, args.format, lang, rules, out)


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """stdout, or the file of -o (UTF-8)."""
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        yield handle


def _emit(results: Iterable[FileResult], fmt: str, lang: str, rules: list[Rule], out: TextIO) -> list[FileResult]:
    """Write `results` in `fmt` and return them; the line formats write each file as it comes."""
    done = []
    console = Console(file=out, highlight=False, soft_wrap=True)
    for result in results:
        done.append(result)
        if fmt == "text":
            print_file(result, console, lang)
        elif fmt in ("concise", "github"):
            lines = concise_lines(result, lang) if fmt == "concise" else github_lines(result)
            out.write("".join(line + "\n" for line in lines))
        out.flush()
    if fmt == "text":
        print_summary(done, console, lang)
    elif fmt in ("concise", "github"):
        out.write(summary_line(done, lang) + "\n")
    elif fmt == "json":
        out.write(to_json(done) + "\n")
    elif fmt == "sarif":
        out.write(to_sarif(done, rules, lang) + "\n")
    else:
        out.write(to_html(done, lang) + "\n")
    return done

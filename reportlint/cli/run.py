"""One lint run: the files planned with their settings and rules, linted, checked across
reports, and written in the output format asked for."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from reportlint.checking import kinds
from reportlint.checking.diagnostics import severity_rank
from reportlint.checking.linter import FileResult, Options, lint_bytes
from reportlint.checking.rules import Rule, RuleFileError, load_rules
from reportlint.cli import config
from reportlint.cli.config import ConfigError, Settings, UnknownRule
from reportlint.cli.files import Slim, compare_all, expand, lint_all, lint_path
from reportlint.cli.main import INTERNAL_ERROR, complain
from reportlint.i18n import t
from reportlint.reading.documents import is_docx
from reportlint.reading.source import Limits


def run(args: argparse.Namespace) -> int:
    """Lint the paths of `args`; return the exit code."""
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
    found_in: dict[str, Path | None] = {}
    try:
        builtin = load_rules()
        rules_by_settings: dict[Settings, list[Rule]] = {}
        planned: list[tuple[str, Settings]] = []
        for path in expand(args.paths, args.exclude):
            settings = _settings(path, args, loaded, found_in)
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
    # checks across reports need the whole run before any of it is written
    across_run = (len(jobs) > 1 or previous is not None) and any(kinds.get(r.kind).across for r in all_rules)
    renames = {old: new for _, s in planned for old, new in s.renamed_issuers}
    # of each file only what the output reads is kept, but for the fixes (which read the text)
    relations = {kinds.get(r.kind).across for r in all_rules} if across_run else set()
    keep = None if args.fix or args.diff or len(jobs) == 1 else \
        Slim(tables=args.format == "html", words="peer" in relations, signatures="peer" in relations
             and _searched(len(jobs)), years="previous" in relations, renames=tuple(renames.items()))
    results = lint_all(jobs, args.stdin_filename, args.jobs, keep)
    if args.fix or args.diff or args.baseline or args.statistics or across_run:
        results = list(results)
    if args.fix or args.diff:
        changed = _fix(jobs, results, args, lang)
        if args.diff:
            return 1 if changed else 0
        results = [lint_path(path, rules, options, args.stdin_filename) if path in changed else result
                   for (path, rules, options), result in zip(jobs, results)]
    if across_run:
        from reportlint.checking.across import check_run  # with more than one report only
        check_run(results, [rules for _, rules, _ in jobs], lang, renames, previous,
                  (lambda pairs: compare_all(pairs, jobs, lang, args.jobs)) if keep else None)
    if args.baseline:
        from reportlint.checking import baseline
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


def _searched(count: int) -> bool:
    """Whether the reports of a run of `count` files are searched with the similarity index."""
    from reportlint.checking import similarity  # with the checks across units only
    return similarity.searched(count)


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
    from reportlint.cli import fix

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


def _settings(path: str, args: argparse.Namespace, loaded: dict[Path, Settings],
              found_in: dict[str, Path | None]) -> Settings:
    """The settings for one path: its closest config (or --config, or none with --no-config).

    `loaded` keeps the files already read in this run, so each is read once, and
    `found_in` the config found for each folder, so each is looked for once.
    """
    if args.no_config:
        return Settings()
    if args.config:
        found: Path | None = Path(args.config)
    else:
        folder = os.getcwd() if path == "-" else path if os.path.isdir(path) else os.path.dirname(path) or "."
        if folder not in found_in:
            found_in[folder] = config.find(Path(folder))
        found = found_in[folder]
    if found and found not in loaded:
        loaded[found] = config.load(found)
    settings = loaded[found] if found else Settings()
    return settings.for_file((args.stdin_filename or "-") if path == "-" else path)


def _split(values: list[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _write(results: Iterable[FileResult], args: argparse.Namespace, lang: str,
           rules: list[Rule]) -> list[FileResult]:
    """The output of the run, to stdout or to the file of -o; the results, all of them."""
    if args.format == "xlsx" and not args.statistics:
        from reportlint.reporting.workbook import write_xlsx
        results = list(results)
        write_xlsx(Path(args.output_file), results, lang)
        return results
    with _output(args.output_file) as out:
        if args.statistics:
            from reportlint.reporting.output import statistics, statistics_json
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
    """Write `results` in `fmt` and return them; the line formats and JSON write each file
    as it comes. Each format imports what it needs (rich only for text)."""
    from reportlint.reporting import output
    done = []
    if fmt == "text":
        from rich.console import Console
        console = Console(file=out, highlight=False, soft_wrap=True)
    elif fmt == "json":
        out.write(output.json_head())
    for result in results:
        done.append(result)
        if fmt == "text":
            output.print_file(result, console, lang)
        elif fmt in ("concise", "github"):
            lines = output.concise_lines(result, lang) if fmt == "concise" else output.github_lines(result)
            out.write("".join(line + "\n" for line in lines))
        elif fmt == "json":
            out.write(output.json_file(result, len(done) == 1))
        out.flush()
    if fmt == "text":
        output.print_summary(done, console, lang)
    elif fmt in ("concise", "github"):
        out.write(output.summary_line(done, lang) + "\n")
    elif fmt == "json":
        out.write(output.json_tail(done) + "\n")
    elif fmt == "sarif":
        from reportlint.reporting.sarif import to_sarif
        out.write(to_sarif(done, rules, lang) + "\n")
    else:
        from reportlint.reporting.html import to_html
        out.write(to_html(done, lang) + "\n")
    return done

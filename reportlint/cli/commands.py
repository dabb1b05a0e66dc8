"""The commands besides linting: rules, explain, tables, export, template and init."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reportlint.checking.linter import Options
from reportlint.checking.rules import Rule, RuleFileError, load_rules
from reportlint.cli.files import expand, lint_all, lint_path
from reportlint.cli.main import complain
from reportlint.cli.init_config import CONFIG
from reportlint.cli.template import blank_report, word_document
from reportlint.i18n import headers, t
from reportlint.reporting import export
from reportlint.reporting.tables_view import print_tables, print_text_view


def rules_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint rules", description="list every rule")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    rules = load_or_report(args.lang)
    if rules is None:
        return 2
    if not sys.stdout.isatty():  # piped: one rule a line, tab-separated, no column squeezed
        for row in [headers(args.lang)] + [(r.id, r.name, r.category, t("severity." + r.severity, args.lang),
                                            " ".join(r.eras), r.summary(args.lang)) for r in rules]:
            sys.stdout.write("\t".join(row) + "\n")
        return 0
    table = Table(*headers(args.lang), show_lines=False)
    table.columns[1].min_width = max(len(rule.name) for rule in rules)  # names stay whole
    for rule in rules:
        cells = (rule.id, rule.name, rule.category, t("severity." + rule.severity, args.lang),
                 " ".join(rule.eras), rule.summary(args.lang))
        table.add_row(*map(Text, cells))  # Text: a report's "[…]" is never rich markup
    Console(highlight=False).print(table)
    return 0


def tables_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint tables",
                                description="show the tables read from a report, failing cells marked")
    p.add_argument("path", metavar="PATH", help="the report (- reads stdin)")
    p.add_argument("--text", action="store_true", help="print the text view that line numbers refer to")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--year", type=int, help="the report year, instead of the detected one")
    p.add_argument("--stdin-filename", metavar="NAME", help="the name to report for stdin (-)")
    args = p.parse_args(argv)
    rules = load_or_report(args.lang)
    if rules is None:
        return 2
    result = lint_path(args.path, rules, Options(lang=args.lang, year=args.year), args.stdin_filename)
    console = Console(highlight=False)
    if args.text:
        print_text_view(result, console)
    else:
        print_tables(result, console, args.lang)
    return 0


def export_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint export",
                                description="write the figures of tables 二, 三 and 四, one row per report")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("-o", "--output-file", required=True, metavar="FILE", help="figures.xlsx, .csv or .json")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="headers and marks (default: zh)")
    p.add_argument("--year", type=int, help="the report year, instead of the detected one")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="skip files and folders matching GLOB when walking folders (repeatable)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="read N files at a time (0: one per CPU)")
    args = p.parse_args(argv)
    target = Path(args.output_file)
    if target.suffix.lower().lstrip(".") not in export.FORMATS:
        complain(t("error.export_format", args.lang, path=target))
        return 2
    options = Options(lang=args.lang, year=args.year)
    results = list(lint_all([(path, [], options) for path in expand(args.paths, args.exclude)], None, args.jobs))
    try:
        export.write(target, results, args.lang)
    except OSError as error:
        complain(t("error.output", args.lang, path=target, error=error.strerror or str(error)))
        return 2
    complain(t("export.written", args.lang, path=target, count=len(results)))
    return 0


def template_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint template",
                                description="print a blank report in the format of a year")
    p.add_argument("--year", type=int, required=True, help="the report year (2019 onward)")
    p.add_argument("--issuer", default="（机关名称）", help="the issuer's full name")
    p.add_argument("-o", "--output-file", metavar="FILE",
                   help="write it to FILE: a Word document (with the tables' merged cells) when FILE ends in .docx")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    try:
        text = blank_report(args.year, args.issuer) + "\n"
    except ValueError:
        complain(t("error.no_format", args.lang, year=args.year))
        return 2
    if not args.output_file:
        sys.stdout.write(text)
        return 0
    target = Path(args.output_file)
    try:
        if target.suffix.lower() == ".docx":
            target.write_bytes(word_document(text))
        else:
            target.write_text(text, encoding="utf-8")
    except OSError as error:
        complain(t("error.output", args.lang, path=target, error=error.strerror or str(error)))
        return 2
    complain(t("template.written", args.lang, path=target))
    return 0


def init_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint init", description="write a commented .reportlint.yaml")
    p.add_argument("--force", action="store_true", help="overwrite an existing .reportlint.yaml")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    path = Path(".reportlint.yaml")
    if path.exists() and not args.force:
        complain(t("error.exists", args.lang, path=path))
        return 2
    path.write_text(CONFIG, encoding="utf-8")
    complain(t("init.written", args.lang, path=path))
    return 0


def explain_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="reportlint explain", description="explain one rule")
    p.add_argument("rule", help="rule id or name")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = p.parse_args(argv)
    rules = load_or_report(args.lang)
    if rules is None:
        return 2
    rule = next((r for r in rules if args.rule in (r.id, r.name)), None)
    console = Console(highlight=False)
    if rule is None:
        complain(t("error.unknown_rule", args.lang, rule=args.rule))
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
            if example.other:
                console.print(Text(t("explain.other", lang), style="dim"))
                console.print(Text(example.other.rstrip()))
            console.print(Text("────", style="dim"))
    return 0


def load_or_report(lang: str) -> list[Rule] | None:
    try:
        return load_rules()
    except RuleFileError as error:
        complain(t("error.rules", lang, error=error.text(lang)))
        return None

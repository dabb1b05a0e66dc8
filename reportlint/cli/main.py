"""The lint command line: arguments in, exit code out (the run itself: run.py; other
commands: commands.py)."""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys

from reportlint import __version__
from reportlint.i18n import HELP_TEXT, HELP_ZH, t

# Nothing but the standard library and the help texts is imported before the arguments
# are read, so that --version and --help answer at once.
FORMATS = ("text", "concise", "json", "sarif", "github", "html", "xlsx")
SEVERITIES = ("error", "warning", "info")  # as checking.diagnostics has them (a test holds them equal)
LEVELS = ("ministry", "province", "province_dept", "city", "city_dept",
          "county", "county_dept", "township", "street")  # as reading.detect has them (likewise)
COMMANDS = ("rules", "explain", "tables", "export", "template", "init")  # NAME_command in commands.py


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
                   help="apply safe fixes: to .txt/.md files in place, to a .docx as tracked changes in "
                        "NAME.reportlint.docx (numbers and numbering are never changed)")
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
        from reportlint.cli import commands
        return getattr(commands, argv[command] + "_command")(argv[:command] + argv[command + 1:])
    args = parser.parse_args(argv)
    return _pipeline()(args)


def _pipeline():
    """The pipeline's run, imported once the arguments are read, its dataclasses' methods
    compiled once per installation (reportlint.classes), and without the garbage
    collector: its modules make no garbage, and what they hold lives as long as the
    process, so the first import freezes it out of every later collection (the one at
    exit too)."""
    first, enabled = "reportlint.cli.run" not in sys.modules, gc.isenabled()
    gc.disable()
    try:
        from reportlint.classes import compiled_once
        with compiled_once():
            from reportlint.cli.run import run
        if first:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
    return run


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


def complain(message: str) -> None:
    """A tool error on stderr (diagnostics go to stdout)."""
    from rich.console import Console
    from rich.text import Text
    Console(stderr=True, highlight=False, soft_wrap=True).print(Text(message))

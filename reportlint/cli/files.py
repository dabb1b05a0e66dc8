"""The files to lint: folders walked, files read (stdin too), linted one by one or in parallel."""

from __future__ import annotations

import fnmatch
import os
import sys
from pathlib import Path

from reportlint.checking.linter import FileResult, Options, lint_bytes, unreadable
from reportlint.checking.rules import Rule
from reportlint.i18n import reason_text
from reportlint.reading.documents import EXTENSIONS, UNREAD

_WALKED = (*EXTENSIONS, *UNREAD)


def expand(paths: list[str], exclude: list[str]) -> list[str]:
    """Files as given; folders walked, in sorted order, for the files reportlint reads
    (.txt .md .docx .html .htm .pdf) and those it lists as unreadable (.doc .wps .odt
    .rtf .xls), less hidden files and folders, Word's lock files (~$x.docx), those
    matching an `exclude` glob and the NAME.reportlint.docx copies that --annotate writes."""
    out = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            out += sorted(str(f) for f in p.rglob("*") if f.suffix.lower() in _WALKED and f.is_file()
                          and not _excluded(f.relative_to(p), exclude))
        else:
            out.append(path)
    return out


def _excluded(relative: Path, globs: list[str]) -> bool:
    """Whether a walked file matches a glob: by its path in the folder, its name or a folder's name."""
    if relative.name.endswith(".reportlint.docx") or relative.name.startswith("~$") \
            or any(part.startswith(".") for part in relative.parts):
        return True
    return any(fnmatch.fnmatch(relative.as_posix(), glob) or any(fnmatch.fnmatch(part, glob) for part in relative.parts)
               for glob in globs)


def lint_all(jobs: list[tuple[str, list[Rule], Options]], stdin_name: str | None, workers: int) -> list[FileResult]:
    """Lint each (path, rules, options), in `workers` processes when more than one;
    the results come in the order of `jobs` (stdin is read here, in this process)."""
    workers = workers if workers > 0 else os.cpu_count() or 1
    if workers == 1 or len(jobs) < 2:
        return [lint_path(path, rules, options, stdin_name) for path, rules, options in jobs]
    from concurrent.futures import ProcessPoolExecutor  # only when linting in parallel

    with ProcessPoolExecutor(min(workers, len(jobs))) as pool:
        futures = [None if path == "-" else pool.submit(lint_path, path, rules, options, stdin_name)
                   for path, rules, options in jobs]
        return [lint_path(path, rules, options, stdin_name) if future is None else future.result()
                for (path, rules, options), future in zip(jobs, futures)]


def lint_path(path: str, rules: list[Rule], options: Options, stdin_name: str | None) -> FileResult:
    """Read and lint one path ("-" is stdin); a file that cannot be read is a diagnostic."""
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

"""The files to lint: folders walked, files read (stdin too), linted one by one or in parallel."""

from __future__ import annotations

import fnmatch
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reportlint.checking.linter import FileResult, Options, internal_error, lint_bytes, too_large, unreadable
from reportlint.checking.rules import Rule
from reportlint.i18n import reason_text
from reportlint.reading.documents import EXTENSIONS, UNREAD, read
from reportlint.reading.model import Report, Section
from reportlint.reading.parse import parse_report
from reportlint.reading.source import TooLarge, megabytes

_WALKED = (*EXTENSIONS, *UNREAD)


def expand(paths: list[str], exclude: list[str]) -> list[str]:
    """Files as given; folders walked, in sorted order, for the files reportlint reads
    (.txt .md .docx .html .htm .pdf) and those it lists as unreadable (.doc .wps .odt
    .rtf .xls), less hidden files and folders, Word's lock files (~$x.docx), those
    matching an `exclude` glob and the NAME.reportlint.docx copies that --annotate writes.
    A folder that cannot be read is listed itself, to be reported unreadable.
    """
    out = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = []
            for folder, folders, files in os.walk(p, onerror=lambda error: found.append(error.filename)):
                folders[:] = [d for d in folders if not _excluded((Path(folder) / d).relative_to(p), exclude)]
                found += [os.path.join(folder, name) for name in files if Path(name).suffix.lower() in _WALKED
                          and os.path.isfile(os.path.join(folder, name))
                          and not _excluded((Path(folder) / name).relative_to(p), exclude)]
            out += sorted(str(Path(f)) for f in found)
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


@dataclass(frozen=True)
class Slim:
    """How much of each report a run keeps once it is checked (see slim)."""

    tables: bool = False  # the tables read, for the html page
    words: bool = False  # the words' text, for the similarity index of the checks across units


def slim(result: FileResult, keep: Slim) -> FileResult:
    """The result with its report reduced to what the outputs and the checks across
    reports read of it: what was detected, the source's lines, and what `keep` asks for.
    A run keeps only this of each file, so its memory stays flat in the number of files;
    a check across reports reads the whole report again (reread)."""
    report = result.report
    if report is None:
        return result
    kept = Report(report.source, None, Section(0, None), (), year=report.year, era=report.era, issuer=report.issuer,
                  issuer_level=report.issuer_level, year_from=report.year_from, level_from=report.level_from,
                  is_report=report.is_report, read_tables=report.read_tables if keep.tables else ())
    if not keep.words:
        return FileResult(result.path, result.diagnostics, kept)
    from reportlint.checking import similarity  # for the checks across units only

    return FileResult(result.path, result.diagnostics, kept, own_words=similarity.words(report).text)


def reread(path: str, options: Options) -> Report | None:
    """The whole report of the file `path` read and parsed again as lint_path read it;
    None when it cannot be (it is gone, or it no longer reads)."""
    try:
        source = read(path, _read(path, options.limits.size), options.limits)
        return parse_report(source, year=options.year, issuer_level=options.issuer_level)
    except (Exception, RecursionError, MemoryError):
        return None


def lint_all(jobs: list[tuple[str, list[Rule], Options]], stdin_name: str | None,
             workers: int, keep: Slim | None = None) -> Iterator[FileResult]:
    """Lint each (path, rules, options), in `workers` processes when more than one;
    each result comes as soon as it and those before it are ready, in the order of
    `jobs` (stdin is read here, in this process, and never slimmed), slimmed when
    `keep` says how. The rules go to each worker once, the files in chunks. The workers
    are killed when the run is interrupted, and exit by themselves when this process dies."""
    workers = workers if workers > 0 else os.cpu_count() or 1
    if workers == 1 or len(jobs) < 2:
        for path, rules, options in jobs:
            result = lint_path(path, rules, options, stdin_name)
            yield slim(result, keep) if keep and path != "-" else result
        return
    from concurrent.futures import ProcessPoolExecutor  # only when linting in parallel

    rule_sets: list[list[Rule]] = []
    tasks = []
    for path, rules, options in jobs:
        index = next((i for i, known in enumerate(rule_sets) if known is rules), None)
        if index is None:
            index = len(rule_sets)
            rule_sets.append(rules)
        tasks.append((path, index, options))
    size = max(1, min(_CHUNK, len(jobs) // (workers * 4)))
    # Ctrl-C or SIGTERM while the pool starts would stop it holding its own lock: they wait.
    held, pool = _hold(), None
    try:
        pool = ProcessPoolExecutor(min(workers, len(jobs)), initializer=_worker,
                                   initargs=(os.getpid(), rule_sets, keep))
        chunks = []
        for start in range(0, len(tasks), size):
            chunk = tasks[start:start + size]
            files = [task for task in chunk if task[0] != "-"]
            chunks.append((chunk, pool.submit(_lint_chunk, files, stdin_name) if files else None))
        _release(held)
        held = None
        for chunk, future in chunks:
            try:
                done = iter(future.result() if future is not None else ())
            except Exception as error:  # the worker died (killed, out of memory)
                done = iter([FileResult(path, internal_error(path, "check", error, rule_sets[index], options.lang))
                             for path, index, options in chunk if path != "-"])
            for path, index, options in chunk:
                yield lint_path(path, rule_sets[index], options, stdin_name) if path == "-" else next(done)
    except BaseException:
        _release(held)
        if pool is not None:
            for process in list((pool._processes or {}).values()):  # no public way to kill them
                process.terminate()
            # wait for the pool's own thread to see them gone: left running, it races the
            # interpreter's exit and Python 3.11 prints a traceback (a write to a closed pipe)
            pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()


_CHUNK = 8  # files a worker is given at a time, at the most


def _hold() -> set | None:
    """Make Ctrl-C and SIGTERM wait; what to give back to _release (None where they cannot wait)."""
    return signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS) if hasattr(signal, "pthread_sigmask") else None


def _release(held: set | None) -> None:
    """Let Ctrl-C and SIGTERM through again (one that came meanwhile is raised now)."""
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


_STOPS = {signal.SIGINT, signal.SIGTERM}


_RULE_SETS: list[list[Rule]] = []  # in a worker: the rules of the run, sent once
_KEEP: list[Slim | None] = [None]  # in a worker: how its results are slimmed


def _lint_chunk(tasks: list[tuple[str, int, Options]], stdin_name: str | None) -> list[FileResult]:
    """In a worker: lint each (path, index of its rules, options); the results slimmed
    before they are sent back."""
    keep = _KEEP[0]
    results = [lint_path(path, _RULE_SETS[index], options, stdin_name) for path, index, options in tasks]
    return [slim(result, keep) for result in results] if keep else results


def _worker(parent: int, rule_sets: list[list[Rule]], keep: Slim | None) -> None:
    """Set up a worker: the run's rules and how to slim; Ctrl-C and SIGTERM are the
    parent's to handle (it kills the workers), and a worker whose parent is gone exits."""
    _RULE_SETS[:] = rule_sets
    _KEEP[0] = keep
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # started while the parent held them
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def lint_path(path: str, rules: list[Rule], options: Options, stdin_name: str | None) -> FileResult:
    """Read and lint one path ("-" is stdin); a file that cannot be read is a diagnostic,
    and so is a failure of reportlint's own. Only a regular file is read, and no more
    of it than the size limit."""
    try:
        if path == "-":
            return lint_bytes(stdin_name or "-", sys.stdin.buffer.read(options.limits.size + 1), rules, options)
        try:
            data = _read(path, options.limits.size)
        except FileNotFoundError:
            return _unreadable(path, "missing", rules, options)
        except IsADirectoryError:
            return _unreadable(path, "directory", rules, options)
        except _Special:
            return _unreadable(path, "special", rules, options)
        except TooLarge as error:
            return FileResult(path, too_large(path, error, rules, options.lang))
        except OSError as error:
            reason = "folder" if os.path.isdir(path) else "os"
            return _unreadable(path, reason, rules, options, error=error.strerror or str(error))
        return lint_bytes(path, data, rules, options)
    except (Exception, RecursionError, MemoryError) as error:
        return FileResult(path, internal_error(path, "read", error, rules, options.lang))


class _Special(Exception):
    """A path that is a pipe, a device or a socket."""


def _read(path: str, limit: int) -> bytes:
    """The bytes of the regular file `path`; never waits on a pipe or reads a device."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with open(fd, "rb") as file:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise _Special(path)
        size = os.fstat(fd).st_size
        if size > limit:
            raise TooLarge("size", size=megabytes(size), limit=megabytes(limit))
        return file.read(limit + 1)


def _unreadable(path: str, reason: str, rules: list[Rule], options: Options, **args) -> FileResult:
    return FileResult(path, unreadable(path, reason_text(reason, options.lang, **args), rules, options.lang))

"""The files to lint: folders walked, files read (stdin too), linted one by one or in parallel."""

from __future__ import annotations

import fnmatch
import itertools
import os
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from reportlint.checking.diagnostics import Diagnostic
from reportlint.checking.linter import (FileResult, Options, internal_error, lint_across, lint_bytes, too_large,
                                       unreadable)
from reportlint.checking.rules import Rule
from reportlint.i18n import reason_text
from reportlint.reading.documents import EXTENSIONS, UNREAD, read
from reportlint.reading.model import Report, Section
from reportlint.reading.parse import parse_report
from reportlint.reading.source import Source, TooLarge, megabytes

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
        if path != "-" and os.path.isdir(path):
            root, found = str(Path(path)), []
            for folder, folders, files in os.walk(root, onerror=lambda error: found.append(error.filename)):
                inside = os.path.relpath(folder, root)
                inside = () if inside == "." else tuple(inside.split(os.sep))
                folders[:] = [d for d in folders if not _excluded((*inside, d), exclude)]
                found += [os.path.join(folder, name) for name in files
                          if os.path.splitext(name)[1].lower() in _WALKED and not _excluded((*inside, name), exclude)
                          and os.path.isfile(os.path.join(folder, name))]
            out += sorted(found)
        else:
            out.append(path)
    return out


def _excluded(parts: tuple[str, ...], globs: list[str]) -> bool:
    """Whether a walked file or folder (its path in the folder walked, as parts) matches
    a glob: by that path, its name or a folder's name."""
    name = parts[-1]
    if name.endswith(".reportlint.docx") or name.startswith("~$") or any(part.startswith(".") for part in parts):
        return True
    relative = "/".join(parts)
    return any(fnmatch.fnmatch(relative, glob) or any(fnmatch.fnmatch(part, glob) for part in parts)
               for glob in globs)


@dataclass(frozen=True)
class Slim:
    """How much of each report a run keeps once it is checked (see slim)."""

    tables: bool = False  # the tables read, for the html page
    words: bool = False  # the words' text, for the similarity index of the checks across units
    signatures: bool = False  # and their signature (in a run searched with the index)
    # the checks across years: a report linted near last year's (the same issuer's name,
    # renamed ones followed through `renames`) is checked against it while both are whole
    years: bool = False
    renames: tuple[tuple[str, str], ...] = ()


def slim(result: FileResult, keep: Slim) -> FileResult:
    """The result with its report reduced to what the outputs and the checks across
    reports read of it: what was detected, the lines of the file its diagnostics point
    at (the others blank), and what `keep` asks for. A run keeps only this of each file,
    so its memory stays flat in the number of files; a check across reports reads the
    whole report again (compare_all)."""
    report = result.report
    if report is None:
        return result
    found = result.diagnostics + [d for diagnostics in result.compared.values() for d in diagnostics]
    source = _blank_but(report.source, _quoted(report.source.lines, found))
    kept = Report(source, None, Section(0, None), (), year=report.year, era=report.era, issuer=report.issuer,
                  issuer_level=report.issuer_level, year_from=report.year_from, level_from=report.level_from,
                  is_report=report.is_report, read_tables=report.read_tables if keep.tables else ())
    if not keep.words:
        return FileResult(result.path, result.diagnostics, kept, compared=result.compared)
    from reportlint.checking import similarity  # for the checks across units only

    words = similarity.words(report).text
    return FileResult(result.path, result.diagnostics, kept, own_words=words, compared=result.compared,
                      signature=similarity.signature(words) if keep.signatures else None)


def _quoted(lines: tuple[str, ...], diagnostics: list[Diagnostic]) -> dict[int, str]:
    """The lines the diagnostics point at (what the outputs quote), by number."""
    return {d.line: lines[d.line - 1] for d in diagnostics if 0 < d.line <= len(lines)}


def _blank_but(source: Source, quoted: dict[int, str]) -> Source:
    """The source with every line blank but the `quoted` ones (a slimmed report's), and
    no text and places besides."""
    lines = [quoted.get(number, "") for number in range(1, len(source.lines) + 1)]
    return replace(source, text="\n".join(lines) + "\n", places=())


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
    `keep` says how. The rules go to each worker once, the files in chunks.

    With keep.years, reports linted near each other are checked across years while
    both are whole (_lint_near; in workers, _lint_years), and with more than one
    worker the results come once all are checked."""
    workers = workers if workers > 0 else os.cpu_count() or 1
    if workers == 1 or len(jobs) < 2:
        yield from _lint_near(jobs, stdin_name, keep)
        return
    rule_sets, indexed = _indexed([rules for _, rules, _ in jobs])
    tasks = [(path, index, options) for (path, _, options), index in zip(jobs, indexed)]
    chunks = _chunks(tasks, workers)
    if keep is not None and keep.years:
        yield from _lint_years(chunks, rule_sets, keep, workers, stdin_name)
        return
    calls = [(_lint_chunk, ([task for task in chunk if task[0] != "-"], stdin_name)) for chunk in chunks]
    for chunk, done in zip(chunks, _parallel(workers, rule_sets, keep, calls)):
        if isinstance(done, Exception):  # the worker died (killed, out of memory)
            done = _failed(chunk, done, rule_sets)
        files = iter(done)
        for path, index, options in chunk:
            yield lint_path(path, rule_sets[index], options, stdin_name) if path == "-" else next(files)


def _failed(chunk: list[tuple[str, int, Options]], error: Exception, rule_sets: list[list[Rule]]) -> list[FileResult]:
    """The results of a chunk whose worker died: an internal error on each file."""
    return [FileResult(path, internal_error(path, "check", error, rule_sets[index], options.lang))
            for path, index, options in chunk if path != "-"]


def _lint_years(chunks: list[list[tuple[str, int, Options]]], rule_sets: list[list[Rule]], keep: Slim,
                workers: int, stdin_name: str | None) -> list[FileResult]:
    """The results of a run across years in `workers` processes, in order. Each worker
    lints the chunks of a segment of its own in turn, then the last ones of the segment
    with the most left (_next_chunk), and checks each report across years against the
    last it linted while both are whole (_lint_near), so that few neighbours are linted
    by different workers; the pairs of such neighbours are checked here after, in the
    same pool, read again."""
    import multiprocessing

    count = min(workers, len(chunks))
    numbered = [[(*task, start + k) for k, task in enumerate(chunk) if task[0] != "-"]
                for chunk, start in zip(chunks, itertools.accumulate((len(c) for c in chunks), initial=0))]
    edges = [len(chunks) * s // count for s in range(count + 1)]
    # segment s: the chunks from bounds[2s] (the next to lint) to bounds[2s + 1] (past the last)
    bounds = multiprocessing.Array("i", [edge for s in range(count) for edge in (edges[s], edges[s + 1])])
    plan = (numbered, bounds, multiprocessing.Value("i", 0))
    calls = [(_lint_next, (stdin_name,))] * len(chunks)
    outcomes = _parallel(count, rule_sets, keep, calls, plan)
    linted, late, failure = {}, [], None
    for _ in chunks:
        outcome = next(outcomes)
        if isinstance(outcome, Exception):  # the worker died (killed, out of memory)
            failure = outcome
        elif outcome is not None:
            linted[outcome[0]] = outcome[1]
            late += outcome[2]
    results, entries = [], []
    for index, chunk in enumerate(chunks):
        files = iter(linted[index] if index in linted else _failed(chunk, failure, rule_sets))
        done = [lint_path(path, rule_sets[i], options, stdin_name) if path == "-" else next(files)
                for path, i, options in chunk]
        results += done
        entries.append([(*task, result) for task, result in zip(chunk, done) if task[0] != "-"])
    for number, path, diagnostics, quoted in late:
        results[number].compared[path] = diagnostics
        _keep_lines(results[number], quoted)
    renames = dict(keep.renames)
    across = [[(later, earlier) for later, earlier in _near_pairs(entries[c], entries[c - 1], renames)
               if earlier[0] not in later[3].compared] for c in range(1, len(chunks))]
    across = [pairs for pairs in across if pairs]
    calls += [(_compare_chunk, ([((path, options), (other, their_options), "previous", index)
                                 for (path, index, options, _), (other, _, their_options, _) in pairs],
                                pairs[0][0][2].lang)) for pairs in across]
    for pairs, outcome in zip(across, list(outcomes)):
        if isinstance(outcome, Exception):
            continue  # left to the run's own check across reports
        for (later, earlier), (diagnostics, quoted) in zip(pairs, outcome):
            later[3].compared[earlier[0]] = diagnostics
            _keep_lines(later[3], quoted)
    return results


def _near_pairs(new: list[tuple], held: list[tuple], renames: dict[str, str]) -> list[tuple[tuple, tuple]]:
    """The (later, earlier) pairs of a report of `new` and a `held` one, either way
    round, where one is the other's issuer's on the year before (each an entry whose
    result is [3])."""
    from reportlint.checking.across import year_apart  # in a run across years only

    return [(later, earlier) for a in new for b in held for later, earlier in ((a, b), (b, a))
            if year_apart(later[3], earlier[3], renames)]


def compare_all(pairs: list[tuple[FileResult, FileResult, str, list[Rule]]],
                jobs: list[tuple[str, list[Rule], Options]], lang: str, workers: int) -> list[list[Diagnostic]]:
    """The diagnostics of each (result, other, relation, rules): the rules across the
    whole reports of the two, a slimmed one read again (stdin's is whole), in `workers`
    processes when more than one. A slimmed result keeps the lines of the file its new
    diagnostics point at."""
    workers = workers if workers > 0 else os.cpu_count() or 1
    options = {path: options for path, _, options in jobs}
    rule_sets, indexed = _indexed([rules for *_, rules in pairs])

    def whole(result: FileResult) -> Report | tuple[str, Options]:
        return result.report if result.path == "-" else (result.path, options[result.path])

    calls = [(whole(result), whole(other), relation, index)
             for (result, other, relation, _), index in zip(pairs, indexed)]
    if workers == 1 or len(calls) < 2:
        done = _compare(calls, rule_sets, lang)
    else:
        chunks = _chunks(calls, workers)
        outcomes = _parallel(workers, rule_sets, None, [(_compare_chunk, (chunk, lang)) for chunk in chunks])
        done = [found for chunk, outcome in zip(chunks, outcomes)
                for found in (_compare(chunk, rule_sets, lang) if isinstance(outcome, Exception) else outcome)]
    for (result, *_), (_, quoted) in zip(pairs, done):
        if result.path != "-":  # stdin's report is whole
            _keep_lines(result, quoted)
    return [diagnostics for diagnostics, _ in done]


def _keep_lines(result: FileResult, quoted: dict[int, str]) -> None:
    """Give a slimmed result back the `quoted` lines of its file (its new diagnostics')."""
    if quoted:
        kept = {n: line for n, line in enumerate(result.report.source.lines, 1) if line} | quoted
        result.report = replace(result.report, source=_blank_but(result.report.source, kept))


def _chunks(tasks: list, workers: int) -> list[list]:
    """The tasks in chunks of at most _CHUNK, at least four a worker."""
    size = max(1, min(_CHUNK, len(tasks) // (workers * 4)))
    return [tasks[start:start + size] for start in range(0, len(tasks), size)]


_CHUNK = 8  # files (or pairs of files) a worker is given at a time, at the most
_NEAR = _CHUNK  # reports before a report that it is checked across years against while whole


def _indexed(rule_sets: list[list[Rule]]) -> tuple[list[list[Rule]], list[int]]:
    """The distinct rule sets (the same list once) and the index of each one given."""
    distinct: list[list[Rule]] = []
    indexes = []
    for rules in rule_sets:
        index = next((i for i, known in enumerate(distinct) if known is rules), None)
        if index is None:
            index = len(distinct)
            distinct.append(rules)
        indexes.append(index)
    return distinct, indexes


def _parallel(workers: int, rule_sets: list[list[Rule]], keep: Slim | None, calls: list[tuple], plan=None):
    """function(*args) for each (function, args) of `calls` in at most `workers`
    processes, which are given the rule sets, `keep` and the `plan` of a run across
    years (see _lint_years) once; each outcome in order as soon as it is ready (the
    error when the worker died). A call appended to `calls` while the outcomes are read
    is run too, its outcome after the others. The workers are killed when the run is
    interrupted, and exit by themselves when this process dies."""
    from concurrent.futures import ProcessPoolExecutor  # only when working in parallel

    # Ctrl-C or SIGTERM while the pool starts would stop it holding its own lock: they wait.
    held, pool = _hold(), None
    try:
        pool = ProcessPoolExecutor(min(workers, len(calls)), initializer=_worker,
                                   initargs=(os.getpid(), rule_sets, keep, plan))
        futures = [pool.submit(function, *args) for function, args in calls]
        _release(held)
        held = None
        done = 0
        while done < len(calls):
            for function, args in calls[len(futures):]:
                try:
                    futures.append(pool.submit(function, *args))
                except Exception as error:  # the pool is broken: a worker died
                    futures.append(error)
            try:
                outcome = futures[done] if isinstance(futures[done], Exception) else futures[done].result()
            except Exception as error:  # the worker died (killed, out of memory)
                outcome = error
            done += 1
            yield outcome
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
_PLAN: list = []  # in a worker of a run across years: the chunks, the segments' bounds, its own segment
_HELD: deque = deque(maxlen=_NEAR)  # in a worker of a run across years: the last reports it linted, whole


def _lint_chunk(tasks: list[tuple[str, int, Options]], stdin_name: str | None) -> list[FileResult]:
    """In a worker: lint each (path, index of its rules, options); the results slimmed
    before they are sent back."""
    return list(_lint_near([(path, _RULE_SETS[index], options) for path, index, options in tasks],
                           stdin_name, _KEEP[0]))


def _lint_next(stdin_name: str | None) -> tuple[int, list[FileResult], list[tuple]] | None:
    """In a worker of a run across years: lint the next chunk of the plan (_next_chunk),
    each report checked across years against the last _NEAR this worker linted, while
    both are whole. What it gives: the chunk's index, its results slimmed, and each pair
    whose later report was linted in an earlier chunk, as (that report's number in the
    run, the other's path, the diagnostics, the lines of the file they point at)."""
    index = _next_chunk()
    if index is None:
        return None
    keep, mine, late = _KEEP[0], [], []
    for path, rules, options, number in _PLAN[0][index]:
        linted = (path, _RULE_SETS[rules], options, lint_path(path, _RULE_SETS[rules], options, stdin_name), number)
        for later, earlier, diagnostics in _compare_near(linted, list(_HELD), keep.renames):
            if later is linted or any(later is entry for entry in mine):
                later[3].compared[earlier[3].path] = diagnostics
            else:
                late.append((later[4], earlier[3].path, diagnostics, _quoted(later[3].report.source.lines, diagnostics)))
        mine.append(linted)
        _HELD.append(linted)
    return index, [slim(entry[3], keep) for entry in mine], late


def _next_chunk() -> int | None:
    """The next chunk for this worker: the first left of its own segment, else the last
    of the segment with the most left; None when none is left."""
    _, bounds, own = _PLAN
    with bounds.get_lock():
        if bounds[2 * own] < bounds[2 * own + 1]:
            bounds[2 * own] += 1
            return bounds[2 * own] - 1
        left, segment = max((bounds[2 * s + 1] - bounds[2 * s], s) for s in range(len(bounds) // 2))
        if left <= 0:
            return None
        bounds[2 * segment + 1] -= 1
        return bounds[2 * segment + 1]


def _lint_near(jobs: list[tuple[str, list[Rule], Options]], stdin_name: str | None,
               keep: Slim | None) -> Iterator[FileResult]:
    """Lint each (path, rules, options) in turn, each result slimmed when `keep` says
    how (stdin's never). With keep.years a report is first checked across years against
    the _NEAR reports before it, while both are whole: the run would otherwise read them
    again to check them (compare_all)."""
    held: deque[tuple[str, list[Rule], Options, FileResult]] = deque()
    window = _NEAR if keep and keep.years else 0
    for path, rules, options in jobs:
        linted = (path, rules, options, lint_path(path, rules, options, stdin_name))
        if window and path != "-":
            for later, earlier, diagnostics in _compare_near(linted, [e for e in held if e[0] != "-"], keep.renames):
                later[3].compared[earlier[3].path] = diagnostics
        held.append(linted)
        if len(held) > window:
            yield _slimmed(held.popleft(), keep)
    while held:
        yield _slimmed(held.popleft(), keep)


def _slimmed(entry: tuple[str, list[Rule], Options, FileResult], keep: Slim | None) -> FileResult:
    path, _, _, result = entry
    return slim(result, keep) if keep and path != "-" else result


def _compare_near(linted: tuple, held: list[tuple], renames: tuple[tuple[str, str], ...]) -> list[tuple]:
    """The report just linted and each held one checked across years, either way round,
    when one is the other's issuer's on the year before: (later, earlier, diagnostics)
    of each (entries whose rules, options and whole result are [1:4]). A pair that fails
    here is left to the run's own check across reports."""
    out = []
    for later, earlier in _near_pairs([linted], held, dict(renames)):
        try:
            out.append((later, earlier, lint_across(later[3].report, earlier[3].report, "previous",
                                                    later[1], later[2].lang)))
        except (Exception, RecursionError, MemoryError):
            continue
    return out


def _compare_chunk(calls: list[tuple], lang: str) -> list[tuple[list[Diagnostic], dict[int, str]]]:
    """In a worker: _compare with the run's rules."""
    return _compare(calls, _RULE_SETS, lang)


def _compare(calls: list[tuple], rule_sets: list[list[Rule]], lang: str) -> list[tuple[list[Diagnostic], dict[int, str]]]:
    """For each (report, other, relation, index of the rules), each report whole or its
    (path, options) to read again: the diagnostics across the two, and the lines of the
    file they point at. The last few reports read are kept (a report is often checked
    against several in a row)."""
    options = {what[0]: what[1] for call in calls for what in call[:2] if not isinstance(what, Report)}
    again = lru_cache(maxsize=4)(lambda path: reread(path, options[path]))
    out = []
    for a, b, relation, index in calls:
        report, other = (what if isinstance(what, Report) else again(what[0]) for what in (a, b))
        found = lint_across(report, other, relation, rule_sets[index], lang) \
            if report is not None and other is not None else []
        out.append((found, _quoted(report.source.lines, found) if found else {}))
    return out


def _worker(parent: int, rule_sets: list[list[Rule]], keep: Slim | None, plan: tuple | None) -> None:
    """Set up a worker: the run's rules, how to slim and the plan of a run across years
    (a segment of its own, by the order the workers start in); Ctrl-C and SIGTERM are
    the parent's to handle (it kills the workers), and a worker whose parent is gone exits."""
    _RULE_SETS[:] = rule_sets
    _KEEP[0] = keep
    if plan is not None:
        chunks, bounds, started = plan
        with started.get_lock():
            _PLAN[:] = [chunks, bounds, started.value % (len(bounds) // 2)]
            started.value += 1
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

"""Baselines: record today's findings so later runs report only new ones.

A finding is keyed by its file, its rule and a fingerprint of its message and of the
text of its line (not the line number), so edits elsewhere in a report do not revive
recorded findings; the same key recorded twice suppresses two findings.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from reportlint import __version__
from reportlint.atomic import write_atomically
from reportlint.checking.diagnostics import Diagnostic
from reportlint.checking.linter import FileResult
from reportlint.normalize import norm


def fingerprint(d: Diagnostic, line_text: str) -> str:
    """A stable key for a finding: rule, message and the text of its line."""
    data = "\x1f".join((d.rule, d.message, norm(line_text)))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _keys(result: FileResult) -> list[str]:
    lines = result.report.source.lines if result.report else []
    return [fingerprint(d, lines[d.line - 1] if 0 < d.line <= len(lines) else "")
            for d in result.diagnostics]


def write(path: Path, results: list[FileResult]) -> int:
    """Record every finding of `results` in the baseline file `path` (atomically)."""
    findings = {r.path: dict(sorted(Counter(_keys(r)).items())) for r in results if r.diagnostics}
    doc = {"reportlint": __version__, "findings": findings}
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    write_atomically(path, lambda file: file.write(text.encode("utf-8")))
    return sum(len(r.diagnostics) for r in results)


_MAX_BYTES = 64 * 2**20


def read(path: Path) -> dict[str, Counter]:
    """The recorded findings per file path; ValueError if the file is not a baseline
    (its findings a mapping of paths to mappings of fingerprints to counts), OSError
    if it cannot be read."""
    with open(path, "rb") as file:
        data = file.read(_MAX_BYTES + 1)
    try:
        doc = json.loads(data.decode("utf-8")) if len(data) <= _MAX_BYTES else None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise ValueError(path) from err
    findings = doc.get("findings") if isinstance(doc, dict) else None
    if not isinstance(findings, dict) or not all(
            isinstance(keys, dict) and all(isinstance(k, str) and type(n) is int and n >= 0 for k, n in keys.items())
            for keys in findings.values()):
        raise ValueError(path)
    return {p: Counter(keys) for p, keys in findings.items()}


def new_findings(result: FileResult, recorded: dict[str, Counter]) -> FileResult:
    """`result` without the findings the baseline recorded for its file."""
    left = Counter(recorded.get(result.path, {}))
    kept = []
    for d, key in zip(result.diagnostics, _keys(result)):
        if left[key] > 0:
            left[key] -= 1
        else:
            kept.append(d)
    return FileResult(result.path, kept, result.report)

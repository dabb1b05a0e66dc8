"""Safe fixes: apply the edits of the diagnostics to a text file, or show them as a diff.

Only what a rule marks as a safe fix is changed (page chrome removed, a recognised label
variant replaced by the official label, …); numbers and numbering never are. Edits that
overlap an earlier one are left for the next run. Writes are atomic.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path

from reportlint.checking.diagnostics import Diagnostic

TEXT_SUFFIXES = (".txt", ".md")


def apply(text: str, diagnostics: list[Diagnostic]) -> str:
    """`text` with the fix edits of `diagnostics` applied (line/column refer to `text`)."""
    starts = _line_starts(text)
    edits = sorted(
        ((_offset(starts, len(text), e["line"], e["column"]),
          _offset(starts, len(text), e["end_line"], e["end_column"]),
          e["replacement"]) for d in diagnostics if d.fix for e in d.fix["edits"]),
        key=lambda e: (e[0], e[1]))
    out, position = [], 0
    for start, end, replacement in edits:
        if start < position:  # overlaps an edit already taken
            continue
        out += [text[position:start], replacement]
        position = end
    return "".join(out) + text[position:]


def _line_starts(text: str) -> list[int]:
    """Offsets where each line begins; lines end at LF, CRLF or CR, as in source.py."""
    starts = [0]
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 1
        if c in "\r\n":
            starts.append(i + 1)
        i += 1
    return starts


def _offset(starts: list[int], length: int, line: int, column: int) -> int:
    """The offset of (line, column); past the last line is the end of the text."""
    return length if line > len(starts) else min(starts[line - 1] + column - 1, length)


def diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file's fixes."""
    return "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                        f"{path}", f"{path} (fixed)"))


def write(path: Path, text: str, encoding: str) -> None:
    """Replace `path` with `text` atomically, in the file's own encoding."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

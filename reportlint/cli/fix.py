"""Safe fixes: apply the edits of the diagnostics to a text file, or show them as a diff.

Only what a rule marks as a safe fix is changed (page chrome removed, a recognised label
variant replaced by the official label, …); numbers and numbering never are. Edits that
overlap an earlier one are applied in a next round of the same run. Writes are atomic
and keep the file's encoding, byte order, mode, owner and links.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
from pathlib import Path

from reportlint.atomic import write_atomically
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


def diff(path: str, before: bytes, after: bytes) -> bytes:
    """A unified diff of one file's fixes, in the file's own bytes (encoding, line ends),
    that `patch -p0` applies exactly: lines are what patch calls lines (ending at LF),
    a last line without one is marked so."""
    out = []
    for line in difflib.diff_bytes(difflib.unified_diff, _lines(before), _lines(after),
                                   path.encode("utf-8", "surrogateescape"), path.encode("utf-8", "surrogateescape")):
        out.append(line if line.endswith(b"\n") else line + b"\n\\ No newline at end of file\n")
    return b"".join(out)


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) if b"\r" not in data else [
        line for line in re.split(b"(?<=\n)", data) if line]


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def encode(text: str, encoding: str, head: bytes) -> bytes:
    """`text` in the encoding of the file that begins with `head`: UTF-16 and UTF-32
    in the byte order of its BOM."""
    if encoding in ("utf-16", "utf-32"):
        for bom, codec in _BOMS:
            if codec.startswith(encoding) and head.startswith(bom):
                return bom + text.encode(codec)
    return text.encode(encoding)


class ReadOnly(Exception):
    """A file that its mode says is not to be written."""


def write(path: Path, data: bytes) -> None:
    """Replace the file `path` names (a symlink's target) with `data`: atomically, with
    its mode and owner kept; in place when other names link to it too, so that they
    see the fix. ReadOnly when its mode has no write permission for its owner."""
    target = Path(os.path.realpath(path))
    status = target.stat()
    if not status.st_mode & stat.S_IWUSR:
        raise ReadOnly(path)
    if status.st_nlink > 1:
        with open(target, "r+b") as file:
            file.write(data)
            file.truncate()
        return
    write_atomically(target, lambda file: file.write(data), stat.S_IMODE(status.st_mode),
                     (status.st_uid, status.st_gid))

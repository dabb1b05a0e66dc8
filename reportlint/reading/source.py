"""Bytes to text: encoding detection, line splitting and position lookup.

Line and column numbers always refer to the file as given: lines end at LF, CRLF
or CR, columns count characters (code points), both 1-based. For a Word, HTML or PDF
file they refer to its text view, and each line of the view keeps its place in the
original (第N段, 表N 第r行 第c列, 第N页).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlint import patterns

_LINE_END = patterns.compile(r"\r\n|\r|\n")
# C0 controls other than tab, LF, CR, FF and ESC; more than a few mean binary data.
_CONTROL = patterns.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


class Unreadable(Exception):
    """The bytes are not text reportlint can read; the message says why."""

    def __init__(self, reason: str, **args: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.args_ = args


@dataclass(frozen=True)
class Limits:
    """How much input reportlint reads: beyond a limit a file is reported, not read."""

    size: int = 20 * 2**20  # bytes of a file, and of a Word file's parts unpacked
    pages: int = 300  # pages of a PDF
    elements: int = 300_000  # elements of a web page or of a Word document's body


def megabytes(size: int) -> str:
    """A size in MB as a limit's message shows it: 20, 25.3."""
    mb = size / 2**20
    return f"{mb:.1f}".removesuffix(".0") if mb >= 0.1 else f"{mb:.6f}".rstrip("0")


class TooLarge(Exception):
    """Input beyond a limit: `limit` names it ("size", "unpacked", "pages", "depth"),
    `args` are the figures its message shows."""

    def __init__(self, which: str, **args: object) -> None:
        super().__init__(which)
        self.limit = which
        self.args_ = args


# Where a line of a text view stands in the original: (first column, label) pairs,
# e.g. ((1, "第3段"),) or ((1, "表2 第5行 第1列"), (9, "表2 第5行 第2列")).
Place = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Source:
    """A decoded text file (or the text view of a document): its path as given, its
    text and its lines; `places` has one Place per line for a document, none for text."""

    path: str
    text: str
    encoding: str = "utf-8"
    places: tuple[Place, ...] = ()
    html_in_text: bool = False  # a text file that holds a web page, read as the page
    stray: bool = False  # stray bytes in the file were read as U+FFFD (see decode_lossy)
    # for such a file: the line of the file each line of the view comes from (0: unknown)
    origins: tuple[int, ...] = ()
    chrome: frozenset[int] = frozenset()  # lines of a page's chrome (nav, header, footer) kept in the view
    lines: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        # without a CR the only line end is LF, which str.split finds many times faster
        lines = _LINE_END.split(self.text) if "\r" in self.text else self.text.split("\n")
        if len(lines) > 1 and lines[-1] == "":
            lines.pop()
        object.__setattr__(self, "lines", tuple(lines))

    def line(self, number: int) -> str:
        """The text of line `number` (1-based), or "" past the end."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def in_file(self, line: int, column: int) -> tuple[int, int]:
        """(line, column) in the file as given: the view's own for a document, the line
        of the file an element starts on (column 1) for a text file holding a web page."""
        if not self.html_in_text or not 0 < line <= len(self.origins) or not self.origins[line - 1]:
            return line, column
        return self.origins[line - 1], 1

    def location(self, line: int, column: int) -> str | None:
        """The place in the original document of (line, column), or None for plain text."""
        if not 0 < line <= len(self.places):
            return None
        place = self.places[line - 1]
        labels = [label for start, label in place if start <= column]
        return labels[-1] if labels else (place[0][1] if place else None)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise Unreadable.

    UTF-8 (with or without BOM) first, then UTF-32 and UTF-16 with a BOM, or without
    one when the bytes read as text only that way, then GB18030 (which covers GBK and
    GB2312) or Big5. Binary data is refused rather than guessed.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _strict(data, "utf-32", "utf-32")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", "utf-16")
    if data.startswith(b"PK\x03\x04"):
        raise Unreadable("zip")
    if data.startswith(b"%PDF"):
        raise Unreadable("pdf")
    if b"\x00" in data:
        return _wide(data)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _chinese(data)
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise Unreadable("binary")
    return text, encoding


def _chinese(data: bytes) -> tuple[str, str]:
    """A legacy Chinese encoding: GB18030 (GBK, GB2312) or Big5, whichever the bytes
    read as (GB18030 decodes most Big5 bytes too, into nonsense: the detector decides)."""
    import charset_normalizer  # only for bytes that are not UTF-8: a tenth of a run's start-up

    best = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    if best is not None:
        return str(best), best.encoding
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise Unreadable("encoding") from None


# What a text is made of: ASCII, CJK marks and characters, full-width forms.
_TEXTUAL = patterns.compile(r"[\t\n\r\x20-\x7e\u00b7\u2014-\u201d\u2026\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _wide(data: bytes) -> tuple[str, str]:
    """Bytes holding NULs: UTF-32 or UTF-16 without a BOM (the first of them that reads
    as text, ASCII in its place: the wrong byte order makes "1" a U+3100), else binary."""
    for codec, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % width:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and not _CONTROL.search(text) \
                and len(_TEXTUAL.findall(text)) >= 0.95 * len(text) \
                and sum(c < "\x80" for c in text) > sum(ord(c) & 0xFF == 0 for c in text):
            return text, codec
    raise Unreadable("binary")


def decode_lossy(data: bytes) -> tuple[str, str]:
    """For bytes that are text but for a few stray bytes: the text in the encoding with
    the fewest, each stray byte a U+FFFD (Unreadable when there are more than a few)."""
    best = None
    for encoding in ("utf-8", "gb18030"):
        text = data.decode(encoding, errors="replace")
        strays = text.count("\ufffd")
        if best is None or strays < best[0]:
            best = strays, text, encoding
    strays, text, encoding = best
    if strays > max(8, len(text) // 1000) or len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise Unreadable("encoding")
    return text, encoding


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        raise Unreadable("encoding") from err
    if "\x00" in text:
        raise Unreadable("binary")
    return text.lstrip("\ufeff"), name


def read(path: str, data: bytes) -> Source:
    """Decode `data` read from `path` into a Source (or raise Unreadable); a text with a
    few stray bytes is read with each one replaced, and says so."""
    try:
        text, encoding = decode(data)
    except Unreadable as err:
        if err.reason != "encoding":
            raise
        text, encoding = decode_lossy(data)
        return Source(path, text, encoding, stray=True)
    return Source(path, text, encoding)

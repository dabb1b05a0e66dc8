"""Readers: any supported file to a Source, its text or text view.

The content decides first (a Word package, a PDF), then the name (.html/.htm); all
else is text. A text file that holds a web page (its source saved as .txt, or the
report inside a script's string: let content = "<p>…") is read as the page it is, and
says so; a .docx or .pdf that is not one is unreadable with a reason.
"""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import replace
from pathlib import Path

from reportlint import patterns
from reportlint.reading import source
from reportlint.reading.source import Limits, Source, TooLarge, Unreadable, megabytes

EXTENSIONS = (".txt", ".md", ".docx", ".html", ".htm", ".pdf")
# Formats it cannot read but lists when walking a folder, each with what to do instead.
UNREAD = {".doc": "doc", ".wps": "doc", ".odt": "odt", ".rtf": "rtf", ".xls": "sheet"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps and other legacy Office files


def read(path: str, data: bytes, limits: Limits = Limits()) -> Source:
    """Read `data` named `path` into a Source, or raise Unreadable (TooLarge beyond `limits`)."""
    suffix = Path(path).suffix.lower()
    if data.startswith(b"PK\x03\x04") and _is_word(data, limits):
        from reportlint.reading.docx import read_docx
        return read_docx(path, data)
    if b"%PDF-" in data[:1024]:
        from reportlint.reading.pdf import read_pdf
        return read_pdf(path, data, limits.pages)
    if data.startswith((_OLE, b"{\\rtf")) or (suffix in UNREAD and data.startswith(b"PK")):
        raise Unreadable(UNREAD.get(suffix, "rtf" if data.startswith(b"{") else "doc"))
    if suffix in (".docx", ".pdf"):
        raise Unreadable("not_" + suffix[1:])
    if suffix in (".html", ".htm"):
        from reportlint.reading.html import read_html
        return read_html(path, data, limits.elements)
    text = source.read(path, data)
    page = _page_in(text.text)
    if page is None:
        return text
    from reportlint.reading.html import page_view
    return replace(page_view(path, page, text.encoding, limits.elements, whole=True), html_in_text=True)


_DOCUMENT = patterns.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_TAG = patterns.compile(r"<(?:p|div|span|table|tr|td|th|br|font|strong|b|h[1-6]|li|ul|ol|section|article)\b[^>]*>", re.I)
_SCRIPT_STRING = patterns.compile(r"(?:let|var|const)\s+[\w$]+\s*=\s*([\"'`])((?:\\.|(?!\1).)*?<(?:p|div|table|span)\b(?:\\.|(?!\1).)*)\1",
                                  re.I | re.S)


def _page_in(text: str) -> str | None:
    """The web page a text file holds: the file itself when it is an HTML document or
    mostly tags, or the HTML in a script's string; None for text."""
    if "<" not in text:  # each form begins with a tag
        return None
    if _DOCUMENT.match(text[:4096]):
        m = _SCRIPT_STRING.search(text)
        return _unescape(m.group(2)) if m and len(m.group(2)) > len(text) / 2 else text
    m = _SCRIPT_STRING.search(text)
    if m:
        return _unescape(m.group(2))
    lines = [line for line in text.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _TAG.search(line))
    return text if len(_TAG.findall(text)) >= 10 and tagged >= len(lines) * 0.3 else None


def _unescape(literal: str) -> str:
    """A script's string literal as the text it stands for."""
    return re.sub(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", _escape, literal, flags=re.S)


def _escape(m: re.Match) -> str:
    code = m.group(1)
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    return {"n": "\n", "t": "\t", "r": "", "0": ""}.get(code, code)


def is_docx(path: str) -> bool:
    """Whether `path` names a Word document (by its name)."""
    return Path(path).suffix.lower() == ".docx"


def _is_word(data: bytes, limits: Limits) -> bool:
    """Whether `data` is a Word package; TooLarge when its parts, as the package declares
    them (reading stops there), unpack to more than the size limit, or its body holds
    more elements than the element limit."""
    import zipfile  # for a zip file only

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if "word/document.xml" not in package.namelist():
                return False
            unpacked = sum(info.file_size for info in package.infolist())
            if unpacked > limits.size:
                raise TooLarge("unpacked", size=megabytes(unpacked), limit=megabytes(limits.size))
            body = package.read("word/document.xml")
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error):
        return False
    elements = body.count(b"<") - body.count(b"</") - body.count(b"<?") - body.count(b"<!")
    if elements > limits.elements:
        raise TooLarge("elements", count=elements, limit=limits.elements)
    return True

"""Readers: any supported file to a Source, its text or text view.

The content decides first (a Word package, a PDF), then the name (.html/.htm); all
else is text. A .txt that holds HTML stays text; a .docx or .pdf that is not one is
unreadable with a reason.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from reportlint.reading import source
from reportlint.reading.source import Source, Unreadable

EXTENSIONS = (".txt", ".md", ".docx", ".html", ".htm", ".pdf")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps and other legacy Office files


def read(path: str, data: bytes) -> Source:
    """Read `data` named `path` into a Source, or raise Unreadable."""
    suffix = Path(path).suffix.lower()
    if data.startswith(b"PK\x03\x04") and _is_word(data):
        from reportlint.reading.docx import read_docx
        return read_docx(path, data)
    if b"%PDF-" in data[:1024]:
        from reportlint.reading.pdf import read_pdf
        return read_pdf(path, data)
    if data.startswith(_OLE):
        raise Unreadable("doc")
    if suffix in (".docx", ".pdf"):
        raise Unreadable("not_" + suffix[1:])
    if suffix in (".html", ".htm"):
        from reportlint.reading.html import read_html
        return read_html(path, data)
    return source.read(path, data)


def is_docx(path: str) -> bool:
    """Whether `path` names a Word document (by its name)."""
    return Path(path).suffix.lower() == ".docx"


def _is_word(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False

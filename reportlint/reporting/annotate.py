"""Word comments (批注): a copy of a .docx with each diagnostic as a comment on its
paragraph or cell."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from docx.document import Document
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from reportlint.checking.diagnostics import Diagnostic
from reportlint.i18n import t
from reportlint.reading.docx import Anchor, cell_text, open_document, text_view
from reportlint.reading.source import Unreadable
from reportlint.reading.view import row_line


_MARK = "reportlint-comments"  # the identifier of a copy reportlint wrote


def annotate(data: bytes, diagnostics: list[Diagnostic], out: Path, lang: str = "zh") -> int:
    """Write a copy of the .docx `data` to `out` with one comment per diagnostic on its
    paragraph or cell; return the number of comments. FileExistsError when `out` is
    there and is not a copy reportlint wrote (a symlink never is); written atomically."""
    if os.path.lexists(out) and not _ours(out):
        raise FileExistsError(out)
    document = open_document(data)
    _, anchors = text_view(document)
    for d in diagnostics:
        runs = _runs(_anchor(anchors, d.line), d.column, document)
        document.add_comment(runs, text=_comment(d, lang), author="reportlint", initials="RL")
    document.core_properties.identifier = _MARK
    buffer = io.BytesIO()
    document.save(buffer)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(buffer.getvalue())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)  # replaces a name, never writes through a link planted there
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(diagnostics)


def _ours(path: Path) -> bool:
    """Whether `path` is a regular file reportlint wrote with comments."""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        return open_document(path.read_bytes()).core_properties.identifier == _MARK
    except Unreadable:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _anchor(anchors: list[Anchor], line: int) -> Anchor | None:
    """The paragraph or row of `line` (the last one for a line past the end)."""
    return anchors[min(line, len(anchors)) - 1] if anchors else None


def _runs(anchor: Anchor | None, column: int, document: Document) -> list:
    """The runs a comment is anchored on: the paragraph's, or the cell's at `column`."""
    if anchor is None:
        paragraph = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    elif isinstance(anchor, Paragraph):
        paragraph = anchor
    else:
        paragraph = _cell_at(anchor, column).paragraphs[0]
    return paragraph.runs or [paragraph.add_run("")]


def _cell_at(cells: list[_Cell], column: int) -> _Cell:
    """The cell of a `| a | b |` row line that `column` falls in."""
    _, starts = row_line([cell_text(cell) for cell in cells])
    return next((cell for cell, start in reversed(list(zip(cells, starts))) if start <= column), cells[0])


def _comment(d: Diagnostic, lang: str) -> str:
    return f"{d.message}（{d.rule} {d.name}，{t('severity.' + d.severity, lang)}）"

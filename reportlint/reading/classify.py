"""The line classifier: it turns the lines of a text into the blocks the grammar parses.

Each line is page furniture (marked by reportlint.reading.furniture), a heading of
level 1-4, a title line, a table line or a text line. Consecutive text lines form a paragraph block, consecutive table lines a
table block. Inside a table, lines that look like headings ("一、本年新收…",
"（一）予以公开", "1.属于国家秘密") are table labels, not headings.

The title is looked for above the first heading: a line that names a report of
government information disclosure (…年度报告, …年报, …工作报告), with the issuer or the
year on a line of its own before it, or the end of the title on the line after it.
Where it stands several times (a page's headline and the document's own title), the
fullest one is the title and the others are not text of the report.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from reportlint import patterns
from reportlint.normalize import CN_NUMERALS, cn_int, norm
from reportlint.reading.detect import names_other_document, title_year_issuer
from reportlint.reading.model import Heading, Line
from reportlint.reading.tables import CAPTION, opens, opens_with
from reportlint.templates import known_titles, known_topics, table_labels

_H1 = patterns.compile(rf"^([{CN_NUMERALS}]{{1,3}})\s*[、.．]\s*(.*)$")
_H1_PART = patterns.compile(rf"^第([{CN_NUMERALS}]{{1,3}})(?:部分|章)\s*[、:：.．]?\s*(.*)$")
_H1_NO_NUMERAL = patterns.compile(r"^、\s*(\S.*)$")
_H2 = patterns.compile(rf"^[（(]\s*([{CN_NUMERALS}]{{1,3}})\s*[）)]\s*[、.．]?\s*(.*)$")
_H3 = patterns.compile(r"^(\d{1,2})\s*[.．、](?![\d.．])\s*(.*)$")
_H4 = patterns.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*(.*)$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_RUN_IN = patterns.compile(r"[。：:]")
_RUN_IN_CUT = patterns.compile(r"[。：:]|(?<=\S)\s+(?=\S)")
_SENTENCE = patterns.compile(r"[。；;]|[，,].*[，,。]")
_TITLE_WORDS = patterns.compile(r"年度报告|年报|工作报告|信息公开报告|公开报告")
_TITLE_OPENERS = ("根据", "依据", "按照", "为", "本", "现", "特", "我", "今年", "关于印发", "附件")
_ISSUER_END = patterns.compile(r"(政府|局|委|委员会|办|办公室|镇|乡|街道|办事处|中心|院|厅|部|会|所|站|队|处|署|馆|机关|公司)$")
_YEAR = patterns.compile(r"(?:19|20)\d{2}\s*年度?")
_ITEM_COMMA = patterns.compile(r"^(\d{1,2})、")  # "1、" written for "1."
_TITLE_GAP = 2  # lines a title's first half may stand above the rest of it
_NAME_ONLY = patterns.compile(r"^(?:工作)?(?:年度报告|年报)$")
_PAGE_HEADER = patterns.compile(r"^(?:page|p\.)\d", re.IGNORECASE)
_DISCLOSURE = patterns.compile(r"信息|政务|公开")
_BOOK_TITLE = patterns.compile(r"^《[^》]+》$")
_LATIN_WORDS = patterns.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")


@dataclass
class Block:
    """A classified run of lines: kind is FURNITURE, TRAILER, PAGE, MASTHEAD, TITLE,
    H1-H4, PARA or TABLE; `what` is the furniture's kind (reportlint.reading.furniture.KINDS)."""

    kind: str
    lines: list[Line]
    heading: Heading | None = None
    what: str = ""


def heading_of(line: Line) -> Heading | None:
    """The heading this line starts with, if it looks like one."""
    s = line.matching
    if s[:1] in _MARKER_FIRST or s[:1].isdecimal():
        heading = _numbered(line, s)
        if heading is not None:
            return heading
    if norm(s) in known_titles():
        return _heading(1, None, 0, line)
    return None


# what a heading's numbering begins with (or a digit: \d of _H3)
_MARKER_FIRST = frozenset(CN_NUMERALS + "第（(、" + _CIRCLED)


def _numbered(line: Line, s: str) -> Heading | None:
    """The heading of a line that begins with a heading's numbering (`s`: its matching text)."""
    for level, pattern in ((1, _H1), (1, _H1_PART), (2, _H2), (4, _H4), (3, _H3)):
        m = pattern.match(s)
        if m:
            number = cn_int(m.group(1)) if level <= 2 else int(m.group(1))
            if number is None or number == 0:
                continue
            return _heading(level, number, m.start(2), line)
    if s[0] in _CIRCLED:
        return _heading(4, _CIRCLED.index(s[0]) + 1, 1, line)
    m = _H1_NO_NUMERAL.match(s)
    if m and len(norm(m.group(1))) <= 30 and not _SENTENCE.search(m.group(1)):
        return _heading(1, None, m.start(1), line)
    return None


def _heading(level: int, number: int | None, at: int, line: Line) -> Heading:
    """The heading of `line` whose title starts at offset `at` of its content."""
    content, matching = line.content, line.matching
    marker = content[:at].rstrip()
    rest, folded = content[at:], matching[at:]
    lead = len(rest) - len(rest.lstrip())
    rest, folded = rest[lead:], folded[lead:]
    cut = _title_end(level, folded, line.cut)
    title, body = rest[:cut], rest[cut:]
    body = body.lstrip("。：:").strip() if body[:1] in "。：:" else body.strip()
    return Heading(level, number, marker, title.strip().rstrip("。：:"), body, line)


def _title_end(level: int, rest: str, cut: bool = False) -> int:
    """Where the title ends in the text after a heading's numbering: at a full stop or
    colon near it, else after a known section title (or a known topic of 总体情况) that
    the first sentence runs into, else at the end. In a line cut from a text that lost
    its breaks the known title comes first, and a space ends a title too."""
    m = (_RUN_IN_CUT if cut else _RUN_IN).search(rest)
    if m and m.start() <= 30 and not cut:
        return m.start()
    return _known_end(level, rest) or (m.start() if m else len(rest))


def _known_end(level: int, rest: str) -> int:
    """The end of a known title that `rest` begins with and goes on after (0: none)."""
    known = _by_first(known_titles()) if level == 1 else _by_first(known_topics()) if level == 2 else {}
    n = norm(rest)
    for title in known.get(n[:1], ()):
        if len(title) < len(n) and n.startswith(title):
            return _raw_length(rest, title)
    return 0


@cache
def _by_first(titles: Collection[str]) -> dict[str, tuple[str, ...]]:
    """The titles by their first character, longest first."""
    out: dict[str, list[str]] = {}
    for title in sorted(titles, key=len, reverse=True):
        out.setdefault(title[:1], []).append(title)
    return {first: tuple(group) for first, group in out.items()}


def _raw_length(text: str, normalised: str) -> int:
    """How many characters of `text` make `normalised` once normalised."""
    for j in range(len(normalised), len(text) + 1):
        if j > len(normalised) and text[j - 1].isspace():
            continue  # a space normalises away: text[:j - 1] was tried and is the same (linear in spaces)
        if norm(text[:j]) == normalised:
            return j
    return len(text)


def _is_table_start(s: str) -> bool:
    n = norm(s)
    if not n:
        return False
    if "|" in s.strip().strip("|") or s.lstrip().startswith("|"):
        return True
    if CAPTION.search(n) or "勾稽关系" in n or n.startswith(("信息内容", "申请人情况")):
        return True
    if n in ("行政复议", "行政诉讼") or ("行政复议" in n and "行政诉讼" in n and len(n) <= 12) \
            or n.startswith(("行政复议行政诉讼", "行政复议结果维持")):
        return True
    return n.startswith("一、本年新收")


def _is_table_label(heading: Heading) -> bool:
    """A heading-like line inside a table that starts like a row label."""
    n = _ITEM_COMMA.sub(r"\1.", norm(heading.line.matching))
    rows, _ = table_labels()
    key = _ITEM_COMMA.sub(r"\1.", norm(heading.marker)) + norm(heading.title)[:1]
    return opens(key, rows) or opens_with(n, rows)


def _is_prose(s: str) -> bool:
    n = norm(s)
    return len(n) >= 30 and "|" not in s and bool(_SENTENCE.search(n))


def is_title_line(line: Line) -> bool:
    """A line that names a report of government information disclosure, and nothing else
    (or only the end of such a name: 年度报告, the rest on the line above)."""
    s = line.matching
    n = norm(s)
    if _NAME_ONLY.match(n):
        return True
    if _PAGE_HEADER.match(n):
        return False  # a flipbook's page header that names the report
    if not _TITLE_WORDS.search(n) or len(n) > 70 or not _DISCLOSURE.search(n):
        return False
    if any(c in s for c in ":：>》»→|") and not _BOOK_TITLE.match(n):
        return False
    if names_other_document(n) or _LATIN_WORDS.search(s):
        return False  # another document's title, or a sentence in a Latin script
    n = n.removesuffix("。")
    return not _SENTENCE.search(n) and not n.startswith(_TITLE_OPENERS) and "，" not in n and "," not in n


_PLACES = {"head": "FURNITURE", "tail": "TRAILER", "inside": "PAGE"}


def classify(lines: list[Line], furniture: dict[int, tuple[str, str]] | None = None,
             body: int = 0) -> list[Block]:
    """Classify lines into blocks, the furniture marked among them (index → (kind,
    place)); lines above `body` (the index of the body's first line) that are neither
    furniture nor the title are the masthead (a site's name, the issuer, a date)."""
    furniture = furniture or {}
    blocks: list[Block] = []
    in_table = False
    seen_heading = False
    opened = False  # a heading, a paragraph or a table was seen: no masthead below it
    for i, line in enumerate(lines):
        s = line.matching
        if not s.strip():
            if not in_table:
                blocks.append(Block("BLANK", [line]))
            continue
        if i in furniture:
            what, place = furniture[i]
            previous = next((b for b in reversed(blocks) if b.kind != "BLANK"), None)
            if previous is not None and previous.kind == _PLACES[place] \
                    and previous.lines[-1] is lines[i - 1 - _blanks_before(lines, i)]:
                previous.lines.append(line)
                if previous.what == "page":  # a run of furniture is a page header only if all of it is
                    previous.what = what
            else:
                blocks.append(Block(_PLACES[place], [line], what=what))
            continue
        heading = heading_of(line)
        if i < body and not opened and len(norm(s)) <= 60 and not is_title_line(line) \
                and not _is_table_start(s) and heading is None:
            blocks.append(Block("MASTHEAD", [line]))
            continue
        opened = opened or heading is not None or not is_title_line(line)
        if in_table:
            if heading is not None and not _is_table_label(heading):
                in_table = False
            elif heading is None and _is_prose(s) and not _is_table_start(s):
                in_table = False
            else:
                _append(blocks, "TABLE", line)
                continue
        if _is_table_start(s) and (heading is None or heading.level > 1 or _is_table_label(heading)):
            in_table = True
            _append(blocks, "TABLE", line)
        elif heading is not None:
            seen_heading = True
            blocks.append(Block(f"H{heading.level}", [line], heading))
        elif not seen_heading and is_title_line(line):
            blocks.append(Block("TITLE", [line]))
        else:
            _append(blocks, "PARA", line)
    return _titles(blocks)


def _blanks_before(lines: list[Line], i: int) -> int:
    """How many blank lines stand right above line i."""
    k = 0
    while i - 1 - k >= 0 and not lines[i - 1 - k].content:
        k += 1
    return k


def _append(blocks: list[Block], kind: str, line: Line) -> None:
    """Add a paragraph or table line to the block it continues: a page header between
    two lines of a paragraph or a table does not break it."""
    for last in reversed(blocks):
        if last.kind != "PAGE":
            if last.kind == kind and kind in ("PARA", "TABLE"):
                last.lines.append(line)
                return
            break
    blocks.append(Block(kind, [line]))


def _is_title_part(line: Line) -> bool:
    """A short line that may be the first half of a title broken over lines: the issuer,
    or the issuer and the year."""
    n = norm(line.matching)
    return (
        0 < len(n) <= 30
        and not any(c in n for c in ":：>《。，,")
        and bool(_YEAR.search(n) or _ISSUER_END.search(n))
        and not _TITLE_WORDS.search(n)
    )


def _titles(blocks: list[Block]) -> list[Block]:
    """Glue each title to the halves of it on the lines around it, keep the fullest one
    above the body as the title and drop its repetitions; blank blocks go. A title line
    below the first paragraph is text."""
    out: list[Block] = []
    titles: list[Block] = []
    body = False
    for block in blocks:
        if block.kind == "TITLE" and body:
            block.kind = "PARA"
        if block.kind == "TITLE":
            _glue(block, out)
            titles.append(block)
        elif block.kind in ("PARA", "MASTHEAD") and titles and titles[-1] is (out[-1] if out else None) \
                and _completes(titles[-1], block):
            titles[-1].lines.append(block.lines.pop(0))
            if block.lines:
                out.append(block)
                body = True
            continue
        if not body and (block.kind == "TABLE" or block.kind.startswith("H") or
                         block.kind == "PARA" and not all(_is_title_part(line) for line in block.lines)):
            body = True  # (once it is, the blocks below need not be looked at for it)
        out.append(block)
    if titles:
        best = max(reversed(titles), key=_fullness)
        for block in titles:
            if block is not best:
                out.remove(block)
    return [b for b in out if b.kind != "BLANK"]


def _glue(title: Block, out: list[Block]) -> None:
    """Take the title's first half (the issuer, the year) from the lines above it."""
    if _fullness(title)[:2] == (True, True):
        return
    for _ in range(2):
        prev = next((b for b in reversed(out) if b.kind != "BLANK"), None)
        if prev is None or prev.kind not in ("PARA", "MASTHEAD") or not _is_title_part(prev.lines[-1]) \
                or title.lines[0].number - prev.lines[-1].number > _TITLE_GAP:
            return
        title.lines.insert(0, prev.lines.pop())
        if not prev.lines:
            out.remove(prev)


def _completes(title: Block, block: Block) -> bool:
    """A short line right below a title that does not end as a title does ("…年度" +
    "报告")."""
    n = norm("".join(line.matching for line in title.lines))
    nxt = norm(block.lines[0].matching)
    return not re.search(r"(?:报告|年报)(?:[(（].*[)）])?$", n) and 0 < len(nxt) <= 12 \
        and bool(re.match(r"^[^。，,：:]*(?:报告|年报)$", nxt))


def _fullness(title: Block) -> tuple[bool, bool, bool]:
    """(has a year, names the issuer, has the official wording)."""
    text = "".join(line.matching for line in title.lines)
    year, issuer = title_year_issuer(text)
    return year is not None, bool(issuer), "政府信息公开工作年度报告" in norm(text)

"""The lines of a text as read: each line of the file, cut where a line break was lost.

A report saved as one long line, or pasted from a web page, keeps its structure in
the running text: "…得到提升。二、主动公开政府信息情况 第二十条第（一）项 信息内容 …". Such
a line is cut into lines of their own where any report starts a line: after a title
that runs into the first sentence, at a heading that stands after a sentence end or a
space, at a table's caption or header. In a text that kept its line breaks only the
unmistakable cuts are made (a run-in title, a known section title, a caption).

Every piece keeps its place: its line number and columns are those of the line as
written. Each line also carries its folded form (traditional script as simplified,
pinyin glosses of mirror sites blanked), the same length, in which it is matched.
"""

from __future__ import annotations

import re

from reportlint import patterns
from reportlint.normalize import CN_NUMERALS, GLOSS_BRACKETS, PINYIN_GLOSS, cn_int, fold, foldable, norm
from reportlint.reading.detect import names_other_document
from reportlint.reading.model import Line
from reportlint.templates import known_titles

_LEAD = patterns.compile(r"^[\s\u3000\xa0>]*(?:#{1,6}\s+)?[\s\u3000\xa0]*")
# a line of this length or more may hold several lines whose breaks were lost
LONG = 200
# a text whose lines are this long on average lost its line breaks
_LOST_AVERAGE = 250
_HEAD_LINES = 12  # a title runs into the first sentence only near the top

_N = CN_NUMERALS
_BOUNDARY = r"(?<=[\s。；;！!？?：:”\"」）)】])"
_INLINE_HEADING = patterns.compile(
    _BOUNDARY + rf"(?:[{_N}]{{1,3}}\s*[、．.](?!\d)|第[{_N}]{{1,3}}部分|[（(]\s*[{_N}]{{1,3}}\s*[）)]"
    rf"|\d{{1,2}}\s*[.．、](?=[\u4e00-\u9fff])|[（(]\d{{1,2}}[）)])")
_SECTION_MARK = patterns.compile(rf"(?<![第{_N}])[{_N}]{{1,2}}、")
_LEVEL1 = patterns.compile(rf"^(?:[{_N}]{{1,3}}\s*[、．.]|第[{_N}]{{1,3}}部分)")
_LEVEL2 = patterns.compile(rf"^[（(]\s*[{_N}]")
# not tables.CAPTION, which takes no 第二十条(一)项 (without 第) for a caption: one pattern changes diagnostics
_CAPTION = patterns.compile(rf"第二十条\s*第?\s*[（(]\s*[{_N}]+\s*[）)]\s*项")
_TABLE_HEAD = patterns.compile(r"(?<=[\s。；;：:）)项])(?:[（(]本列数据的勾稽关系|信息内容|申请人情况|行政复议\s*行政诉讼)")
# the signature and date that close a report, at the end of a long line (tried only
# where a space ends, and no space given back: linear in a run of spaces)
_SIGNED = patterns.compile(r"(?<=[\s。！？!?])(?!\s)([\u4e00-\u9fff（）()]{2,30}?(?:政府|局|委员会|委|办公室|办|镇|乡|街道|办事处|中心|院|厅|部))?"
                           r"\s*+((?:19|20)\d{2}\s*+年\s*+\d{1,2}\s*+月\s*+\d{1,2}\s*+日)\s*+$")
# where a heading's title ends: a space, a sentence mark, or a list's semicolon
_TITLE_END = patterns.compile(r"[\s。：:；;]")
_TITLE_RUN = patterns.compile(
    r"(?!根据|依据|按照|为|本|现|特|我|今年|\d{4}年[,，])"
    r"[^。，,；;：:！!？?、>»›|/]{2,60}?(?:政府信息公开|政务信息公开|政务公开|信息公开)"
    r"[^。，,；;：:！!？?>»›|/]{0,12}?(?:年度报告|年报|报告)(?:[（(][^）)]{1,12}[）)])?")


def physical_lines(lines: list[str]) -> list[Line]:
    """Each line of the file as a Line: indentation and markdown heading marks skipped."""
    out = []
    whole = "\n".join(lines)
    # most texts have nothing to fold and no bracketed word (which no line break stands in):
    # then no line has, and each line is its own matching form
    plain = not foldable(whole) and not GLOSS_BRACKETS.search(whole)
    for number, text in enumerate(lines, start=1):
        folded = text if plain else fold(text)
        if not plain and GLOSS_BRACKETS.search(folded):  # only a line with a bracketed word may hold a gloss
            folded = PINYIN_GLOSS.sub(lambda m: " " * len(m.group()), folded)
        start = _LEAD.match(text).end() if text[:1].isspace() or text[:1] in ">#" else 0  # else it matches ""
        out.append(Line(number, text, start, None, folded if folded != text else ""))
    return out


def lost_breaks(lines: list[Line]) -> bool:
    """Whether the text lost its line breaks: its lines are very long on average."""
    filled = [line for line in lines if line.content]
    return bool(filled) and sum(len(line.content) for line in filled) / len(filled) >= _LOST_AVERAGE


def unwrap(lines: list[Line]) -> list[Line]:
    """The lines with every line cut where a line break was lost."""
    lost = lost_breaks(lines)
    out: list[Line] = []
    head = 0
    heading = False  # a section's heading among the lines so far (looked at only near the top)
    for line in lines:
        if not line.content:
            out.append(line)
            continue
        head += 1
        near_top = head <= _HEAD_LINES
        pieces = cut(line, lost, near_top and not heading)
        out += pieces
        heading = heading or near_top and any(_LEVEL1.match(piece.matching) for piece in pieces)
    return out


def cut(line: Line, lost: bool, head: bool) -> list[Line]:
    """`line` as the lines it holds (itself when it holds one)."""
    text = line.matching
    base = line.start
    points: set[int] = set()
    if head:
        points |= _title_cuts(text)
    if len(text) >= LONG:
        points |= {m.start() for m in _CAPTION.finditer(text)}
        # the last section number in this line: 一、 after 六、 is an item of a list
        level1 = _section_number(text.lstrip())
        for m in _INLINE_HEADING.finditer(text):
            if not _is_heading_at(text, m, lost):
                continue
            number = _section_number(m.group())
            if number is not None and level1 is not None and number != level1 + 1 \
                    and not _known_title(text[m.end():m.end() + 40]):
                continue
            level1 = number if number is not None else level1
            points.add(m.start())
        for m in _SECTION_MARK.finditer(text):  # a section's heading run into a number or a word
            if _known_title(text[m.end():m.end() + 40]):
                points.add(m.start())
        if lost:
            points |= {m.start() for m in _TABLE_HEAD.finditer(text)}
            signed = _SIGNED.search(text)
            if signed:
                points |= {m for m in (signed.start(1), signed.start(2)) if m >= 0}
    points.discard(0)
    if not points:
        return [line]
    out = []
    bounds = [0, *sorted(points), len(text)]
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            end = base + b if b < len(text) else line.end
            out.append(line.part(base + a + lead, end, cut=True))
    return out


def _section_number(text: str) -> int | None:
    """The number of the section heading `text` opens with (四、 → 4), else None."""
    m = _LEVEL1.match(text)
    return cn_int(re.sub(rf"[^{_N}]", "", m.group())) if m else None


def _title_cuts(text: str) -> set[int]:
    """After a title the first sentence (or the title again) runs into."""
    cuts = set()
    at = 0
    while True:
        m = _TITLE_RUN.match(text, at)
        if not m:
            break
        rest = text[m.end():]
        if not rest.strip() or rest.lstrip()[:1] in "。，,；;：:！!？?）)》”\"":
            break
        clause = re.split(r"[\s。，,；;：:！!？?]", rest.lstrip(), maxsplit=1)[0]
        if names_other_document(m.group() + clause) or m.group().lstrip().startswith("《") and "》" in clause:
            break  # the report named in another document's title, or quoted in a sentence
        cuts.add(m.end())
        at = m.end() + len(rest) - len(rest.lstrip())
    return cuts


def _is_heading_at(text: str, m: re.Match, lost: bool) -> bool:
    """Whether a heading marker inside a line starts a heading there: a known section
    title (any text), or in a text that lost its breaks any heading but a list item."""
    after = text[m.end():m.end() + 40]
    end = _TITLE_END.search(after)
    if end and end.group() in "；;":
        return False
    if lost:
        return True
    if not _LEVEL1.match(m.group()):
        return False
    return _known_title(after)


def _known_title(text: str) -> bool:
    """Whether `text` begins with a section title of the format (or a known variant)."""
    title = norm(text)
    return any(title.startswith(known) for known in known_titles() if len(known) >= 4)

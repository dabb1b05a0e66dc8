"""The line classifier: it turns the lines of a text into the blocks the grammar parses.

Each line is a heading of level 1-4, a title line, a page footer, a table line or a
text line. Consecutive text lines form a paragraph block, consecutive table lines a
table block. Inside a table, lines that look like headings ("一、本年新收…",
"（一）予以公开", "1.属于国家秘密") are table labels, not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.normalize import CN_NUMERALS, cn_int, norm
from reportlint.reading.model import Heading, Line
from reportlint.templates import known_titles, table_labels

_LEAD = re.compile(r"^[\s\u3000\xa0>]*(?:#{1,6}\s+)?[\s\u3000\xa0]*")
_H1 = re.compile(rf"^([{CN_NUMERALS}]{{1,3}})\s*[、.．]\s*(.*)$")
_H1_PART = re.compile(rf"^第([{CN_NUMERALS}]{{1,3}})(?:部分|章)\s*[、:：.．]?\s*(.*)$")
_H1_NO_NUMERAL = re.compile(r"^、\s*(\S.*)$")
_H2 = re.compile(rf"^[（(]\s*([{CN_NUMERALS}]{{1,3}})\s*[）)]\s*[、.．]?\s*(.*)$")
_H3 = re.compile(r"^(\d{1,2})\s*[.．、](?![\d.．])\s*(.*)$")
_H4 = re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*(.*)$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FOOTER = re.compile(r"^(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?)$")
_CAPTION = re.compile(r"第二十条第[(（][一二三四五六七八九十]+[)）]项")
_RUN_IN = re.compile(r"[。：:]")
_SENTENCE = re.compile(r"[。；;]|[，,].*[，,。]")
_TITLE_WORDS = ("年度报告", "年报")
_ISSUER_END = re.compile(r"(政府|局|委|办|办公室|镇|乡|街道|办事处|中心|院|厅|部|会|所|站|队|处|署|馆)$")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
_ITEM_COMMA = re.compile(r"^(\d{1,2})、")  # "1、" written for "1."


@dataclass
class Block:
    """A classified run of lines: kind is TITLE, H1-H4, PARA or TABLE."""

    kind: str
    lines: list[Line]
    heading: Heading | None = None


def split_line(number: int, text: str) -> Line:
    """A Line whose `start` skips indentation and markdown heading marks."""
    m = _LEAD.match(text)
    return Line(number, text, m.end() if m else 0)


def heading_of(line: Line) -> Heading | None:
    """The heading this line starts with, if it looks like one."""
    s = line.content
    for level, pattern in ((1, _H1), (1, _H1_PART), (2, _H2), (4, _H4), (3, _H3)):
        m = pattern.match(s)
        if m:
            number = cn_int(m.group(1)) if level <= 2 else int(m.group(1))
            if number is None or number == 0:
                continue
            marker = s[: m.start(2)].rstrip() if m.group(2) else s
            return _heading(level, number, marker, m.group(2), line)
    if s[:1] and s[0] in _CIRCLED:
        return _heading(4, _CIRCLED.index(s[0]) + 1, s[0], s[1:].lstrip(), line)
    m = _H1_NO_NUMERAL.match(s)
    if m and len(norm(m.group(1))) <= 30 and not _SENTENCE.search(m.group(1)):
        return _heading(1, None, "、", m.group(1), line)
    if norm(s) in known_titles():
        return _heading(1, None, "", s, line)
    return None


def _heading(level: int, number: int | None, marker: str, rest: str, line: Line) -> Heading:
    rest = rest.strip()
    m = _RUN_IN.search(rest)
    if m and m.end() < len(rest):
        title, body = rest[: m.start()], rest[m.end():].strip()
    else:
        title, body = rest.rstrip("。：:"), ""
    return Heading(level, number, marker, title.strip(), body, line)


def _is_table_start(s: str) -> bool:
    n = norm(s)
    if not n:
        return False
    if "|" in s.strip().strip("|") or s.lstrip().startswith("|"):
        return True
    if _CAPTION.search(n) or "勾稽关系" in n or n.startswith(("信息内容", "申请人情况")):
        return True
    if n in ("行政复议", "行政诉讼") or ("行政复议" in n and "行政诉讼" in n and len(n) <= 12):
        return True
    return n.startswith("一、本年新收")


def _is_table_label(heading: Heading) -> bool:
    """A heading-like line inside a table that starts like a row label."""
    n = _ITEM_COMMA.sub(r"\1.", norm(heading.line.content))
    rows, _ = table_labels()
    key = _ITEM_COMMA.sub(r"\1.", norm(heading.marker)) + norm(heading.title)[:1]
    return any(label.startswith(key) or n.startswith(label) for label in rows)


def _is_prose(s: str) -> bool:
    n = norm(s)
    return len(n) >= 30 and "|" not in s and bool(_SENTENCE.search(n))


def classify(numbered_lines: list[tuple[int, str]]) -> tuple[list[Block], list[Line]]:
    """Classify lines into blocks; return the blocks and the page-footer lines."""
    blocks: list[Block] = []
    footers: list[Line] = []
    in_table = False
    seen_heading = False
    for number, text in numbered_lines:
        line = split_line(number, text)
        s = line.content
        if not s.strip():
            if not in_table:
                blocks.append(Block("BLANK", [line]))
            continue
        if _FOOTER.match(s):
            footers.append(line)
            continue
        heading = heading_of(line)
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
        elif not seen_heading and _is_title_line(s):
            blocks.append(Block("TITLE", [line]))
        else:
            _append(blocks, "PARA", line)
    return _join_titles(blocks), footers


def _append(blocks: list[Block], kind: str, line: Line) -> None:
    if blocks and blocks[-1].kind == kind and kind in ("PARA", "TABLE"):
        blocks[-1].lines.append(line)
    else:
        blocks.append(Block(kind, [line]))


def _is_title_line(s: str) -> bool:
    n = norm(s)
    return (
        any(w in n for w in _TITLE_WORDS)
        and len(n) <= 60
        and not any(c in n for c in ":：>《。")
        and not _SENTENCE.search(n)
    )


def _is_title_part(s: str) -> bool:
    """A short line that may be the first half of a title broken over two lines."""
    n = norm(s)
    return (
        0 < len(n) <= 30
        and not any(c in n for c in ":：>《。，,")
        and bool(_YEAR.search(n) or _ISSUER_END.search(n))
    )


def _join_titles(blocks: list[Block]) -> list[Block]:
    """Keep only the first title, glue a title half on the line before it, drop blanks."""
    out: list[Block] = []
    titled = False
    for block in blocks:
        if block.kind == "TITLE":
            if titled:
                block.kind = "PARA"
            else:
                titled = True
                prev = next((b for b in reversed(out) if b.kind != "BLANK"), None)
                if prev is not None and prev.kind == "PARA" \
                        and _is_title_part(prev.lines[-1].content) \
                        and block.lines[0].number - prev.lines[-1].number <= 2:
                    block.lines.insert(0, prev.lines.pop())
                    if not prev.lines:
                        out.remove(prev)
        out.append(block)
    return [b for b in out if b.kind != "BLANK"]

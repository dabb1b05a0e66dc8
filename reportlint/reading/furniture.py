"""Page furniture: what a web page, a flipbook or a PDF viewer puts around a report.

It is recognised by its shape, not by a site's wording: a metadata block is lines of
short keys and their values (索引号：…  发布机构：…, as key: value lines, a bullet list or
table cells, colons or not); a breadcrumb is short path segments between separators
(首页 > 政务公开 > 正文); a menu is a run of short link-like words or lines; a widget
line is made of toolbar words (字号 大 中 小, 打印, 分享到); a page header is a page
counter (Page 9, 1 / 5, - 4 -); an attachment list names files; a site's table of
contents is a line of section headings with nothing under them. The words in
rules/lists/furniture.yaml only name the general categories pages show.

Metadata, menus, breadcrumbs, widgets and attachment lists are furniture only above
the report's body or below its end; page headers wherever they stand. Each run of
furniture lines is one block; the lines that remain are the report.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from reportlint import patterns, wordlists
from reportlint.normalize import norm
from reportlint.reading.model import Line
from reportlint.reading.tables import opens_with
from reportlint.templates import known_titles, table_labels

KINDS = ("metadata", "breadcrumb", "menu", "widget", "page", "attachments", "contents", "site")

_HAN = patterns.compile(r"[\u4e00-\u9fff]")
_TAG = patterns.compile(r"<[^>]*>")
_KEY = patterns.compile(r"(?:^|(?<=[\s|｜•·\-*\d日]))([\u4e00-\u9fff](?:[\u4e00-\u9fff]|[ \u3000]){1,9}?)\s*[:：]")
_SENTENCE = patterns.compile(r"[。；;！!？?]")
_PAGE = patterns.compile(r"^(?:(?:page|p\.)\s*\d{1,4}\b.{0,80}|[-—–－]+\s*\d{1,4}\s*[-—–－]+|\d{1,4}\s*/\s*\d{1,4}"
                         r"|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页)$", re.IGNORECASE)
_SPACES = patterns.compile(r"\s+")
_CRUMB = patterns.compile(r"\s*(?:-->|->|>>|»|›|＞|>|→)\s*|\s+[/\\\-]\s+")
_FILE = patterns.compile(r"\.(?:docx?|xlsx?|pdf|wps|et|zip|rar|jpe?g|png|ofd)\b", re.IGNORECASE)
_FILLER = patterns.compile(r"^[\s|｜:\-—•·]*$")
_DATE = patterns.compile(r"^[(（\[【]?\s*(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?"
                         r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[)）\]】]?$")
_LEVEL1 = patterns.compile(r"(?:^|(?<=\s))[一二三四五六七八九十]{1,2}\s*[、.．]")
_HEADING = patterns.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}部分"
                            r"|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*[.．、](?!\d))")
_PROSE = patterns.compile(r"^(?:根据|依据|按照|为了|为进一步|本报告|本年度|本年报|我[局委办镇乡县区市厅院]|今年|(?:19|20)\d{2}年[,，度以])")
_HEADING_ONLY = patterns.compile(r"^([一二三四五六七八九十]{1,2})\s*[、.．]\s*[^。，,；;：:]+$")
_BULLET = patterns.compile(r"^[•·▪◆■□●○\-*]\s*")
_SHORT = 8  # a menu line or a menu word is at most this long
_TOKEN = patterns.compile(r"[^\s|｜]+")
_MARKS = patterns.compile(r"[^\w\u4e00-\u9fff]{1,3}")  # a close button (×), a bullet
_CLAUSES = patterns.compile(r"[，；]|[\u4e00-\u9fff][,;]")


def _words() -> dict[str, tuple[str, ...]]:
    return wordlists.normalized("furniture")


def _word_regex(key: str) -> re.Pattern:
    return _alternation(_words()[key])


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    return patterns.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def mark(lines: list[Line], title_like, chrome: frozenset[int] = frozenset()) -> tuple[dict[int, tuple[str, str]], int]:
    """The furniture among `lines` and where the body begins: (index → (kind, place),
    the index of the body's first line). Kind is one of KINDS, place "head" (above the
    body), "tail" (below its end) or "inside" (a page header within); `title_like`
    tells a line that may be the title (never furniture above the body); `chrome`, the
    line numbers a web page's markup puts in its chrome (nav, header, footer, menus)."""
    texts = [(_TAG.sub("", line.matching) if "<" in line.matching else line.matching).strip() for line in lines]
    quoted = [">" in line.text[:line.start] for line in lines]  # ">" is taken for a quote mark
    filled = [i for i, text in enumerate(texts) if text]
    kinds: dict[int, str] = {i: _head_kind(texts[i], quoted[i]) or "menu"
                             for i in filled if lines[i].number in chrome}
    body = _body_start(lines, texts, quoted, [i for i in filled if i not in kinds], title_like)
    head = [i for i in filled if i < body and i not in kinds]
    for i in head:
        kind = "page" if _page(texts[i]) else None if title_like(lines[i]) else _head_kind(texts[i], quoted[i])
        if kind:
            kinds[i] = kind
    _menu_runs(lines, texts, head, kinds, title_like)
    _contents(texts, filled, kinds)
    tail: set[int] = set()
    for i in reversed(filled):
        if i < body:
            break
        if i in kinds:
            tail.add(i)
            continue
        kind = "page" if _page(texts[i]) else _tail_kind(texts[i], quoted[i])
        if not kind and title_like(lines[i]) and not re.search(r"\d", texts[i]):
            kind = "menu"  # the site's column the page stands in: 政府信息公开年报
        if not kind:
            break
        kinds[i] = kind
        tail.add(i)
    for i in filled:
        if i >= body and i not in kinds and _page(texts[i]):
            kinds[i] = "page"
    _absorb_fillers(texts, filled, kinds)
    places = {i: (kind, "head" if i < body else "tail" if i in tail else "inside") for i, kind in kinds.items()}
    return places, body


def _body_start(lines: list[Line], texts: list[str], quoted: list[bool], filled: list[int],
                title_like) -> int:
    """The index of the first line of the report's body: a section heading, a table
    line or a sentence that is not furniture."""
    for i in filled:
        s = texts[i]
        if _page(s) or title_like(lines[i]) or _kv(s) or _residue(s) or _crumb(s, quoted[i]) or _widget(s) or _site(s):
            continue
        if _HEADING.match(s) and not _is_contents(s) or norm(s) in known_titles():
            return i
        if "|" in s.strip("|") and len(_HAN.findall(s)) >= 2 and not _kv(s):
            return i
        n = norm(s)
        if len(n) >= 25 and re.search(r"[。，,；;]", s) or n.endswith("。") and len(n) >= 8 \
                or len(n) >= 15 and _PROSE.match(n):
            return i
    return len(lines)


def _head_kind(s: str, quoted: bool) -> str | None:
    if _page(s):
        return "page"
    if _residue(s):
        return "site"
    if _crumb(s, quoted):
        return "breadcrumb"
    if _is_contents(s):
        return "contents"
    if _kv(s):
        return "metadata"
    if _widget(s):
        return "widget"
    if _site(s):
        return "site"
    if _menu_line(s):
        return "menu"
    return None


def _tail_kind(s: str, quoted: bool) -> str | None:
    if _residue(s) or _MARKS.fullmatch(s):
        return "site"  # a paywall note, a copyright line, a close button (×)
    if _SENTENCE.search(s) and not _site(s):
        return None
    if _crumb(s, quoted):
        return "breadcrumb"
    if _FILE.search(s) and len(norm(s)) <= 80:
        return "attachments"
    if _widget(s):
        return "widget"
    if _site(s):
        return "site"
    if _kv(s):
        return "metadata"
    if _menu_line(s):
        return "menu"
    return None


def _residue(s: str) -> bool:
    """A line of conversion residue or a site's footer (rules/lists/chrome.yaml) with
    next to no other text."""
    residue = wordlists.regex("chrome", "anywhere")
    if len(norm(s)) > 80 or not residue.search(s):
        return False
    return len(_HAN.findall(residue.sub("", s))) <= 10


# what a page header opens with (_PAGE, its p in either case), or a digit: most lines are
# told from one by their first character
_PAGE_FIRST = frozenset("pP-—–－第共")


def _page(s: str) -> bool:
    return (s[:1] in _PAGE_FIRST or s[:1].isdecimal()) and bool(_PAGE.match(s))


def _kv(s: str) -> bool:
    """A line of metadata: short keys with their values, no sentence."""
    text = _BULLET.sub("", s.strip().strip("|｜").strip())
    n = norm(text)
    if not n or len(n) > 150 or _SENTENCE.search(text):
        return False
    keys = [k for k in (norm(m.group(1)) for m in _KEY.finditer(text)) if 2 <= len(k) <= 6]
    known = [k for k in keys if _is_key(k)]
    if len(keys) >= 2 and (known or len(keys) >= 3):
        return True
    if known and (n.startswith(known[0]) or len(n) <= 40):
        return True
    # keys without colons: a row of a metadata table flattened into words
    m = _key_regex().match(text)
    if m and (m.end() < len(text) and text[m.end()] in " \u3000\xa0\t|｜" or len(_key_regex().findall(text)) >= 2):
        return len(n) <= 80
    words = [norm(w) for w in _TOKEN.findall(text)]
    return sum(w in _words()["metadata_keys"] for w in words) >= 2


@cache
def _key_regex() -> re.Pattern:
    """The metadata keys, their characters spaced or not (索 引 号)."""
    keys = [k for k in _words()["metadata_keys"] if len(k) >= 2]
    return patterns.compile("|".join(r"[ \u3000]*".join(map(re.escape, k)) for k in keys))


def _is_key(key: str) -> bool:
    keys = _words()["metadata_keys"]
    if key in keys:
        return True
    return len(key) >= 3 and bool(difflib.get_close_matches(key, [k for k in keys if len(k) == len(key)],
                                                             n=1, cutoff=0.6))


def _crumb(s: str, quoted: bool) -> bool:
    """Path segments between separators: 首页 > 政务公开 > 正文 (or a location word first);
    `quoted`: the line began with a ">" taken for a quote mark."""
    if not s or _SENTENCE.search(s) or len(norm(s)) > 120:
        return False
    s = _SPACES.sub(" ", s)  # a long run of spaces would cost _CRUMB its square
    separators = _CRUMB.findall(s)
    parts = [p for p in _CRUMB.split(s) if p.strip()]
    if not parts or any(len(norm(p)) > 30 for p in parts) or not all(_HAN.search(p) for p in parts):
        return False
    located = norm(s).startswith(_words()["location_words"])
    return len(separators) >= 2 or (bool(separators) and (located or quoted)) or (quoted and located)


def _widget(s: str) -> bool:
    """A short line of toolbar words: what is left without them is next to nothing."""
    n = norm(s)
    if not n or len(n) > 60:
        return False
    words = _word_regex("widget_words")
    if not words.search(n):
        return False
    m = words.match(n)
    if m and n[m.end():m.end() + 1] in ":：":  # 上一篇：… 分享到：… a widget with its link
        return True
    rest = words.sub("", n)
    rest = re.sub(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日", "", rest)
    rest = re.sub(r"[大中小|｜【】\[\]（）()<>:：、，,·•\-—/\d]", "", rest)
    return len(_HAN.findall(rest)) <= 2


def _site(s: str) -> bool:
    """A site's footer line (主办, 版权所有, 网站标识码 …); one written in clauses, as prose
    is, only when short or naming two such things (建议使用…分辨率，…浏览器)."""
    n = norm(s)
    if not n or len(n) > 120 or re.search(r"[。]", s):
        return False
    words = len(_word_regex("site_words").findall(n))
    clauses = _CLAUSES.search(s)
    return words >= 2 or words == 1 and (not clauses or len(n) <= 30)


def _menu_line(s: str) -> bool:
    """A line of four or more short link-like words (not a table's header)."""
    tokens = _TOKEN.findall(s)
    if len(tokens) < 4 or len(_HAN.findall(s)) < 8:
        return False
    if not all(len(t) <= 6 and not re.search(r"[，,。；;：:\d]", t) for t in tokens):
        return False
    rows, headers = table_labels()
    return sum(norm(t) in rows or norm(t) in headers for t in tokens) < 2


def _is_contents(s: str) -> bool:
    """A line of three or more section headings and nothing else: a table of contents."""
    return len(_LEVEL1.findall(s)) >= 3 and not _SENTENCE.search(s) and len(norm(s)) <= 200


def _menu_runs(lines: list[Line], texts: list[str], head: list[int], kinds: dict[int, str],
               title_like) -> None:
    """Three or more short lines in a row above the body: a menu or a search bar. A
    menu item may name the reports' column (政府信息公开年报) between other items; a
    title-like line that ends the run is the title."""
    run: list[int] = []
    for i in [*head, None]:
        item = i is not None and i not in kinds and _short_line(texts[i]) \
            and (not title_like(lines[i]) or not re.search(r"\d", texts[i]))
        if item:
            run.append(i)
            continue
        while run and title_like(lines[run[-1]]):
            run.pop()
        if len(run) >= 3 and sum(not title_like(lines[j]) for j in run) >= 2:
            kinds.update({j: "menu" for j in run})
        run = []


def _short_line(s: str) -> bool:
    n = norm(_BULLET.sub("", s))
    return 0 < len(n) <= _SHORT and not re.search(r"[，,。；;：:]", n) and not _DATE.match(n) \
        and not re.match(r"^[一二三四五六七八九十\d]", n)


def _contents(texts: list[str], filled: list[int], kinds: dict[int, str]) -> None:
    """Headings with nothing under them, three or more in a row, whose numbering starts
    again below them: a site's table of contents cut into lines."""
    rows, _ = table_labels()
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    for i in filled:
        m = _HEADING_ONLY.match(texts[i])
        if m and len(n := norm(texts[i])) <= 30 and i not in kinds and not opens_with(n, rows):
            run.append((i, m.group(1)))
            continue
        if len(run) >= 3:
            runs.append(run)
        run = []
    for run in runs:
        again = re.compile(rf"^{run[0][1]}\s*[、.．]")
        if any(again.match(texts[j]) for j in filled if j > run[-1][0]):
            kinds.update({i: "contents" for i, _ in run})


def _absorb_fillers(texts: list[str], filled: list[int], kinds: dict[int, str]) -> None:
    """A line of pipes and dashes between furniture lines (a markdown table's rule) is furniture."""
    for k, i in enumerate(filled):
        if i in kinds or not _FILLER.match(texts[i]):
            continue
        before = filled[k - 1] if k else None
        after = filled[k + 1] if k + 1 < len(filled) else None
        if before in kinds and (after is None or after in kinds):
            kinds[i] = kinds[before]

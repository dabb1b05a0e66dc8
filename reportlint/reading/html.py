"""A published web page (.html/.htm): the article body as a text view.

The page's charset is honoured (GBK is common), site chrome is dropped (scripts,
styles, navigation, header, footer, the 索引号/发布机构 metadata table), and the body
is the content container: the element whose id or class says content (zoom,
TRS_Editor, article, content…), else the element holding the text. Tables have their
rowspan and colspan cells repeated in every slot they cover.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from reportlint import patterns
from reportlint.reading import source
from reportlint.reading.source import Source, TooLarge
from reportlint.reading.view import TextView, join_lines, once_per_cell

_META_CHARSET = patterns.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "gb18030"}
_XML_DECLARATION = patterns.compile(r"^\s*<\?xml[^>]*\?>")
_CODE = ("script", "style", "noscript", "iframe", "select", "button", "head", "object", "svg", "template")
_CHROME_TAGS = ("nav", "header", "footer")
_CHROME = {"nav", "navbar", "menu", "header", "footer", "breadcrumb", "crumb", "share", "sidebar",
           "bdsharebuttonbox", "toolbar"}
_CONTENT = patterns.compile(r"zoom|trs_editor|article|content|detail|zhengwen|wenzhang|txt|text", re.I)
_TOKEN = patterns.compile(r"[\s_-]+")
_BREAKS = {"br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr",
          "section", "article", "blockquote", "pre", "center", "table", "tbody", "thead", "tfoot",
          "caption", "address", "main", "aside", "figure", "figcaption", "hr", "td", "th"}
_TITLE = patterns.compile(r"年度报告|年报")
_DEPTH = 256  # libxml2's limit of element nesting
_DESCEND = 0.9  # a child holding this share of the text stands for its parent


def read_html(path: str, data: bytes, max_elements: int = 300_000) -> Source:
    """The text view of a web page's article body (a page without a tag is text)."""
    if b"<" not in data:
        return source.read(path, data)
    text, encoding = decode(data)
    return page_view(path, text, encoding, max_elements)


def page_view(path: str, text: str, encoding: str, max_elements: int = 300_000, whole: bool = False) -> Source:
    """The text view of a web page's article body, from the page's text; `whole`: of
    all the page's text (a page pasted into a text file, its chrome there to report).
    TooLarge when its elements nest deeper than the parser goes, or are more than
    `max_elements`."""
    view = TextView()
    parser = lxml.html.HTMLParser()
    try:
        page = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text), parser=parser)
    except (etree.ParserError, ValueError):
        return view.source(path, encoding)
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise TooLarge("depth", limit=_DEPTH)
    elements = sum(1 for _ in page.iter())
    if elements > max_elements:
        raise TooLarge("elements", count=elements, limit=max_elements)
    _strip(page, chrome=not whole)
    body = _body(page) if whole else _container(page)
    flow = _Flow(view)
    flow.walk(body)
    flow.flush()
    first = view.lines[0] if view.lines else ""
    title = None if whole or _is_title(first) else _outside_title(page)
    if title:
        view.lines.insert(0, title[0])
        view.places.insert(0, ((1, "标题"),))
        view.origins.insert(0, title[1])
    return view.source(path, encoding)


def decode(data: bytes) -> tuple[str, str]:
    """The page's text in the charset it declares, else as any text is decoded."""
    match = _META_CHARSET.search(data[:8192])
    if match and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        codec = match.group(1).decode("ascii").lower()
        codec = "gb18030" if codec in _GB else codec
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeError):  # an unknown name, or a codec that is no charset
            pass
    return source.decode(data)


def _strip(page, chrome: bool = True) -> None:
    """Drop what is never the article: code, comments, and (`chrome`) the page's chrome."""
    for element in page.xpath("//comment() | //processing-instruction()"):
        _drop(element)
    for element in list(page.iter(*_CODE, *(_CHROME_TAGS if chrome else ()))):
        _drop(element)
    if chrome:
        for element in list(page.iter()):
            if _is_chrome(element):
                _drop(element)


def _drop(element) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def _is_chrome(element) -> bool:
    """A page's navigation, header, footer or menus, by its tag or its class and id."""
    return isinstance(element.tag, str) and (element.tag in _CHROME_TAGS or bool(_CHROME & _tokens(element)))


def _tokens(element) -> set[str]:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return set(_TOKEN.split(names)) - {""}


def _body(page):
    return page.find("body") if page.find("body") is not None else page


def _container(page):
    """The article body: the content-named element holding most text (else the
    body), then down into any child that holds nearly all of its text."""
    body = _body(page)
    named = [e for e in body.iter() if isinstance(e.tag, str)
             and _CONTENT.search(f"{e.get('class') or ''} {e.get('id') or ''}")]
    best = max(named, key=_size, default=body)
    if _size(best) < _size(body) * 0.2:
        best = body
    while True:
        child = max((c for c in best if isinstance(c.tag, str)), key=_size, default=None)
        if child is None or _size(child) < _size(best) * _DESCEND or child.tag in ("table", "tr"):
            break
        best = child
    for table in best.xpath(".//table[not(.//table)]"):  # a metadata table, not a layout table around it
        if "索引号" in table.text_content() and table.getparent() is not None:
            table.drop_tree()
    return best


def _size(element) -> int:
    return len(re.sub(r"\s", "", element.text_content()))


def _is_title(line: str) -> bool:
    return bool(_TITLE.search(line)) and len(line) < 80


def _outside_title(page) -> tuple[str, int] | None:
    """The page's headline (an h1, or an element classed title), for a body that
    does not begin with one: it often stands above the content container."""
    for element in page.iter("h1", "h2", "h3", "div", "p", "span", "td"):
        if element.tag.startswith("h") or "title" in _tokens(element):
            text = join_lines([re.sub(r"\s+", " ", element.text_content())])
            if _is_title(text):
                return text, element.sourceline or 0
    return None


class _Flow:
    """Walks an element, making a line per paragraph and per table row."""

    def __init__(self, view: TextView) -> None:
        self.view = view
        self.buffer: list[str] = []
        self.origin = 0  # the line of the page where the buffered text begins
        self.paragraphs = 0
        self.tables = 0
        self.chrome = 0  # inside how many chrome elements (nav, header, footer, menus)

    def walk(self, element) -> None:
        if element.tag == "table" and not element.xpath(".//table"):
            self.flush()
            self.table(element)
            return
        chrome = _is_chrome(element)
        block = element.tag in _BREAKS or chrome
        if block:
            self.flush()
        self.chrome += chrome
        self._add(element.text, element.sourceline)
        for child in element:
            if isinstance(child.tag, str):
                self.walk(child)
            self._add(child.tail, child.sourceline)
        if block:
            self.flush()
        self.chrome -= chrome

    def _add(self, text: str | None, line: int | None) -> None:
        if text and text.strip() and not "".join(self.buffer).strip():
            self.origin = line or 0
        self.buffer.append(text or "")

    def flush(self) -> None:
        text = join_lines([re.sub(r"\s+", " ", "".join(self.buffer))])
        self.buffer = []
        if text:
            self.paragraphs += 1
            self.view.paragraph(text, f"第{self.paragraphs}段", self.origin, chrome=self.chrome > 0)

    def table(self, table) -> None:
        self.tables += 1
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        for number, (cells, tr) in enumerate(zip(grid(table), rows), start=1):
            self.view.row(cells, self.tables, number, tr.sourceline or 0)


def grid(table) -> list[list[tuple[int, str]]]:
    """The rows of a table, a cell once in its row and in every row it spans, as
    (grid column, text)."""
    rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    slots: dict[tuple[int, int], tuple[object, str]] = {}
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.xpath("./td | ./th"):
            while (r, c) in slots:
                c += 1
            text = (td, cell_text(td))
            for i in range(min(_span(td.get("rowspan")), len(rows) - r)):
                for j in range(_span(td.get("colspan"))):
                    slots.setdefault((r + i, c + j), text)
            c += _span(td.get("colspan"))
    widths = [0] * len(rows)
    for row, c in slots:
        widths[row] = max(widths[row], c + 1)
    return [once_per_cell([slots.get((r, c)) or (object(), "") for c in range(width)])
            for r, width in enumerate(widths)]


def cell_text(cell) -> str:
    """A cell's text, its paragraphs joined (no space between Chinese characters)."""
    lines = [""]
    _lines(cell, lines)
    return join_lines([re.sub(r"\s+", " ", line) for line in lines])


def _lines(element, out: list[str]) -> None:
    """Add the element's text to the last of `out`, a block or break starting a new line."""
    if element.tag in _BREAKS:
        out.append("")
    out[-1] += element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            _lines(child, out)
            if child.tag in _BREAKS:
                out.append("")
        out[-1] += child.tail or ""


def _span(value: str | None) -> int:
    """A rowspan or colspan as a count from 1 to 100 (bad values count 1)."""
    try:
        return min(max(int(str(value).strip()), 1), 100)
    except ValueError:
        return 1

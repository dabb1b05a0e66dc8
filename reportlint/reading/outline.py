"""The outline: the Lark parser of grammar/report.lark over classified blocks, built
once, and the tree-to-model step."""

from __future__ import annotations

from functools import cache

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from reportlint.reading.cells import PassThroughLexer, read_rows
from reportlint.reading.classify import Block
from reportlint.reading.model import Furniture, Line, Paragraph, Section, Span, TableRegion, Title
from reportlint.resources import data_dir, lark_parser


@cache
def parser() -> Lark:
    """The LALR parser of grammar/report.lark (built on first use, then reused). The tree's
    nodes carry no positions (propagate_positions): the model takes its spans from the
    blocks' lines, and a refusal its line from the token."""
    grammar = (data_dir("grammar") / "report.lark").read_text(encoding="utf-8")
    return lark_parser(grammar, start="report", parser="lalr", lexer=PassThroughLexer, strict=True)


def _token(block: Block) -> Token:
    """The block as a token: its kind, and where it begins (all a refusal reports)."""
    first = block.lines[0]
    token = Token(block.kind, block.kind, None, first.number, first.start + 1)  # str(block) would cost
    token.value = block                                                          # the repr of all its text
    return token


class _ToModel(Transformer):
    """Tree → sections, paragraphs, table regions, the title and the furniture."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)  # no method is named for a token: each is handed on as it is
        self.title: Title | None = None
        self.furniture: list[Furniture] = []
        self.masthead: list[Line] = []

    def _section(self, level: int, children: list) -> Section:
        heading = None
        blocks, sections = [], []
        for child in children:
            if isinstance(child, Section):
                sections.append(child)
                continue
            block: Block = child.value
            if block.kind == "PARA":
                blocks.append(Paragraph(tuple(block.lines)))
            elif block.kind == "TABLE":
                blocks.append(TableRegion(tuple(block.lines), tuple(read_rows(block.lines))))
            elif block.kind == "PAGE":
                self.furniture.append(Furniture(block.what, tuple(block.lines)))
            else:
                heading = block.heading
        return Section(level, heading, tuple(blocks), tuple(sections))

    def head(self, children):  # noqa: D102 - one method per grammar rule
        for child in children:
            block: Block = child.value
            if block.kind == "TITLE":
                self.title = Title(tuple(block.lines), "".join(line.content for line in block.lines), None, None)
            elif block.kind == "MASTHEAD":
                self.masthead.extend(block.lines)
            else:
                self.furniture.append(Furniture(block.what, tuple(block.lines)))

    def preamble(self, children):  # noqa: D102
        return self._section(0, children)

    def section(self, children):  # noqa: D102
        return self._section(1, children)

    def sub2(self, children):  # noqa: D102
        return self._section(2, children)

    def sub3(self, children):  # noqa: D102
        return self._section(3, children)

    def sub4(self, children):  # noqa: D102
        return self._section(4, children)

    def report(self, children):  # noqa: D102
        sections = []
        for child in children:
            if isinstance(child, Section):
                sections.append(child)
            elif isinstance(child, Token):  # TRAILER
                self.furniture.append(Furniture(child.value.what, tuple(child.value.lines)))
        return sections


def parse_blocks(blocks: list[Block]):
    """Parse blocks into (preamble, sections, title, furniture, masthead, problems).

    The grammar places every sequence the classifier makes; should the parser still
    refuse one, the blocks become paragraphs of a flat preamble and the refusal a
    problem span.
    """
    tokens = [_token(b) for b in blocks]
    to_model = _ToModel()
    try:
        preamble, *sections = to_model.transform(parser().parse(tokens))
    except LarkError as err:
        line = getattr(err, "line", 1) or 1
        flat = Section(0, None, tuple(Paragraph(tuple(b.lines)) for b in blocks))
        return flat, (), None, (), (), (Span(line, 1, line, 1),)
    furniture = sorted(to_model.furniture, key=lambda f: (f.span.line, f.span.column))
    return preamble, tuple(sections), to_model.title, tuple(furniture), tuple(to_model.masthead), ()

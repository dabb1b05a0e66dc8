"""PDF: reading order, ruled tables as pipe rows, page furniture removed, 第N页, no text layer."""

from __future__ import annotations

import io

import pytest

from reportlint.checking.linter import Options, lint_bytes
from reportlint.reading.documents import read
from reportlint.reading.pdf import Item, view

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=18, firstLineIndent=24, wordWrap="CJK")
HEAD = ParagraphStyle("head", fontName=FONT, fontSize=12, leading=18, wordWrap="CJK")
LONG = "全年主动公开政府信息120条，其中行政许可信息85条。" * 90

TABLE4 = [
    ["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
    [""] * 5 + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
    ["10", "1", "0", "0", "0"] + ["0"] * 5 + ["5", "0", "0", "0", "0"],
]
SPANS = [((0, 0), (4, 0)), ((5, 0), (14, 0)), ((5, 1), (9, 1)), ((10, 1), (14, 1))] + \
        [((c, 1), (c, 2)) for c in range(5)]


def _page_furniture(pdf, doc) -> None:
    pdf.setFont(FONT, 9)
    pdf.drawCentredString(297, 810, "青山县人民政府信息公开专栏")
    pdf.drawCentredString(297, 30, f"— {doc.page} —")


def build_pdf() -> bytes:
    """A three-page report: a title, a paragraph running over a page break, and a
    ruled table 四 with merged header cells; a running header and page numbers."""
    table = Table(TABLE4, colWidths=[30] * 15)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 6),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               *[("SPAN", a, b) for a, b in SPANS]]))
    story = [Paragraph("青山县统计局2023年政府信息公开工作年度报告", HEAD),
             Paragraph("一、总体情况", HEAD), Paragraph(LONG, BODY), Spacer(1, 12),
             Paragraph("四、政府信息公开行政复议、行政诉讼情况", HEAD), table,
             Paragraph("五、存在的主要问题及改进情况", HEAD), Paragraph("无。", BODY)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story, onFirstPage=_page_furniture, onLaterPages=_page_furniture)
    return out.getvalue()


@pytest.fixture(scope="module")
def source():
    return read("report.pdf", build_pdf())


def test_text_in_reading_order_paragraphs_joined(source):
    lines = list(source.lines)
    assert lines[:2] == ["青山县统计局2023年政府信息公开工作年度报告", "一、总体情况"]
    assert lines[2] == LONG
    assert lines[-2:] == ["五、存在的主要问题及改进情况", "无。"]


def test_page_numbers_and_running_heads_are_removed(source):
    text = "\n".join(source.lines)
    assert "—" not in text and "专栏" not in text


def test_ruled_table_rows_with_merged_cells(source):
    rows = [line for line in source.lines if line.startswith("|")]
    assert rows == [
        "| 行政复议 | 行政诉讼 |",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | " + " | ".join(["结果维持", "结果纠正", "其他结果",
                                                                        "尚未审结", "总计"] * 2) + " |",
        "| 10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0 |",
    ]


def test_locations_are_pages(source):
    assert source.location(1, 1) == "第1页"
    assert source.location(3, 1) == "第1页"
    assert source.location(3, len(LONG)) == "第2页"  # the paragraph runs on to page 2
    table_row = next(n for n, line in enumerate(source.lines, start=1) if line.startswith("| 10 |"))
    assert source.location(table_row, 3) == "第2页"


def test_table_totals_reported_with_their_page(rules):
    result = lint_bytes("report.pdf", build_pdf(), rules, Options())
    arith = [d for d in result.diagnostics if d.category == "table-arith"]
    assert arith and all(d.location == "第2页" for d in arith)


def test_pdf_without_text_layer_gets_one_clear_diagnostic(rules):
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.rect(50, 50, 400, 600, fill=1)  # a scanned page is an image: no characters
    pdf.showPage()
    pdf.save()
    result = lint_bytes("scan.pdf", out.getvalue(), rules, Options())
    assert [d.name for d in result.diagnostics] == ["unreadable-input"]
    assert "文字层" in result.diagnostics[0].message


@pytest.mark.parametrize(("name", "data", "words"), [
    ("broken.pdf", b"%PDF-1.4 binary", "PDF"),
    ("notes.pdf", "一、总体情况\n".encode("utf-8"), ".pdf"),
])
def test_damaged_or_false_pdf_is_unreadable(rules, name, data, words):
    result = lint_bytes(name, data, rules, Options())
    assert [d.name for d in result.diagnostics] == ["unreadable-input"]
    assert words in result.diagnostics[0].message


def test_paragraphs_and_pipe_rows_from_positions():
    """The view from positioned items alone: an indent or a short line ends a
    paragraph, a page break inside one keeps both pages, rows become pipe lines."""
    items = [
        Item(1, 100, 112, 130, 300, "一、总体情况", 12),
        Item(1, 120, 132, 106, 520, "（一）主动公开。全年主动公开政府信息", 12),
        Item(1, 140, 152, 82, 520, "120条，其中行政许可85条，行政处罚", 12),
        Item(2, 80, 92, 82, 300, "35条。", 12),
        Item(2, 100, 120, 82, 520, cells=[(1, "行政许可"), (2, "85")]),
        Item(2, 130, 142, 106, 300, "二、主动公开政府信息情况", 12),
    ]
    out = view(items)
    assert list(out.lines) == ["一、总体情况", "（一）主动公开。全年主动公开政府信息120条，其中行政许可85条，行政处罚35条。",
                         "| 行政许可 | 85 |", "二、主动公开政府信息情况"]
    assert out.places[1] == ((1, "第1页"), (out.lines[1].index("35条") + 1, "第2页"))


def _canvas_pdf(draw) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    draw(pdf)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


CELLS = [["项目", "本年", "上年"], ["行政许可", "12", "10"], ["行政处罚", "3", "4"]]


def _cells(pdf, left: float, top: float, rule) -> None:
    """CELLS as a ruled table at (left, top): each cell's text, its rules drawn by `rule`."""
    pdf.setFont(FONT, 10)
    for r, row in enumerate(CELLS):
        for c, text in enumerate(row):
            x, y = left + c * 80, top - (r + 1) * 20
            rule(pdf, x, y, 80, 20)
            pdf.drawString(x + 4, y + 6, text)


def _rows(data: bytes) -> list[str]:
    return [line for line in read("t.pdf", data).lines if line.startswith("|")]


def _boxes(pdf, x, y, w, h):
    pdf.rect(x, y, w, h)


def _filled_rules(pdf, x, y, w, h):
    """Each side a thin filled rectangle, as word processors draw table borders."""
    for rect in ((x, y, w, 0.6), (x, y + h, w, 0.6), (x, y, 0.6, h), (x + w, y, 0.6, h)):
        pdf.rect(*rect, stroke=0, fill=1)


@pytest.mark.parametrize("rule", [_boxes, _filled_rules])
def test_table_ruled_with_boxes_or_filled_rules(rule):
    data = _canvas_pdf(lambda pdf: (pdf.setFont(FONT, 12), pdf.drawString(72, 760, "二、主动公开政府信息情况"),
                                    _cells(pdf, 72, 740, rule)))
    assert _rows(data) == ["| 项目 | 本年 | 上年 |", "| 行政许可 | 12 | 10 |", "| 行政处罚 | 3 | 4 |"]


def test_table_ruled_inside_a_form_and_scaled():
    """Rules and text drawn in a form object that is placed scaled: positions on the page."""
    def draw(pdf):
        pdf.beginForm("table")
        _cells(pdf, 0, 60, _boxes)
        pdf.endForm()
        pdf.saveState()
        pdf.translate(72, 600)
        pdf.scale(1.5, 1.5)
        pdf.doForm("table")
        pdf.restoreState()
    assert _rows(_canvas_pdf(draw)) == ["| 项目 | 本年 | 上年 |", "| 行政许可 | 12 | 10 |", "| 行政处罚 | 3 | 4 |"]


def test_page_of_too_many_rules_is_read_as_text():
    """A drawing of tens of thousands of lines: its text is read, no table looked for."""
    def draw(pdf):
        pdf.setFont(FONT, 12)
        pdf.drawString(72, 800, "一、总体情况")
        path = pdf.beginPath()
        for n in range(25_000):
            path.moveTo(72 + n % 400, 100)
            path.lineTo(72 + n % 400, 700)
        pdf.drawPath(path)
    assert list(read("t.pdf", _canvas_pdf(draw)).lines) == ["一、总体情况"]


def test_lines_of_mixed_sizes_stay_apart():
    """A font the file does not embed (no metrics for pdfium): lines of two sizes
    close together are still two lines, a number at any size stays one word."""
    def draw(pdf):
        pdf.setFont(FONT, 12)
        pdf.drawString(72, 700, "一、总体情况")
        pdf.setFont(FONT, 24)
        pdf.drawString(72, 680, "全年受理申请 1111 件")
    assert list(read("t.pdf", _canvas_pdf(draw)).lines) == ["一、总体情况", "全年受理申请 1111 件"]


def test_encrypted_pdf_is_unreadable(rules):
    from reportlab.lib import pdfencrypt
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    pdf.setFont(FONT, 12)
    pdf.drawString(72, 700, "一、总体情况")
    pdf.showPage()
    pdf.save()
    result = lint_bytes("locked.pdf", out.getvalue(), rules, Options())
    assert [d.name for d in result.diagnostics] == ["unreadable-input"]

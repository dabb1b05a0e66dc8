"""Time PDF input: milliseconds a page to read and lint a PDF report in a warm process.

    python benchmarks/pdf.py [--runs 7] [--copies 4]

The PDF is built here with reportlab (a test dependency): a report of several
pages with paragraphs, a page number and running header on every page, and ruled
tables with merged cells, repeated `copies` times. The floor, measured in the same
run, is a fresh interpreter importing lark, rich and yaml: figures are best read as
ratios to it, the machine's speed cancelling out.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT = "STSong-Light"
BODY = "本年度我局持续推进政务公开工作，完善信息发布审核机制，主动公开各类政府信息，及时回应公众关切，依法办理政府信息公开申请。"
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _table4() -> Table:
    rows = [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
            RESULTS + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
            [""] * 5 + RESULTS * 2,
            ["3", "1", "0", "0", "4", "2", "0", "0", "0", "2", "1", "0", "0", "0", "1"]]
    spans = [((0, 0), (4, 0)), ((5, 0), (14, 0)), ((5, 1), (9, 1)), ((10, 1), (14, 1))] + \
            [((c, 1), (c, 2)) for c in range(5)]
    return _ruled(rows, [30] * 15, spans)


def _table3() -> Table:
    rows = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况", "", "", "", "", "", ""],
            ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
            ["一、本年新收政府信息公开申请数量", "", "12", "3", "0", "0", "1", "0", "16"],
            ["二、上年结转政府信息公开申请数量", "", "1", "0", "0", "0", "0", "0", "1"]]
    labels = ["（一）予以公开", "（二）部分公开", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]
    rows += [["三、本年度办理结果" if n == 0 else "", label, "2", "1", "0", "0", "0", "0", "3"]
             for n, label in enumerate(labels)]
    rows += [["", "（七）总计", "12", "3", "0", "0", "1", "0", "16"],
             ["四、结转下年度继续办理", "", "1", "0", "0", "0", "0", "0", "1"]]
    spans = [((0, 0), (1, 2)), ((2, 0), (8, 0)), ((3, 1), (7, 1)), ((2, 1), (2, 2)), ((8, 1), (8, 2)),
             ((0, 3), (1, 3)), ((0, 4), (1, 4)), ((0, 5), (0, 11)), ((0, 12), (1, 12))]
    return _ruled(rows, [70, 80] + [40] * 7, spans)


def _ruled(rows: list[list[str]], widths: list[float], spans: list) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 6),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black"), *[("SPAN", a, b) for a, b in spans]]))
    return table


def _furniture(pdf, doc) -> None:
    pdf.setFont(FONT, 9)
    pdf.drawCentredString(297, 810, "某县人民政府信息公开专栏")
    pdf.drawCentredString(297, 30, f"— {doc.page} —")


def build_pdf(copies: int) -> tuple[bytes, int]:
    """A report of a few pages, `copies` times over; and its number of pages."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=18, firstLineIndent=24, wordWrap="CJK")
    head = ParagraphStyle("head", fontName=FONT, fontSize=12, leading=18, wordWrap="CJK")
    story = []
    for copy in range(copies):
        story += [Paragraph(f"某县第{copy + 1}局2024年政府信息公开工作年度报告", head)]
        for n, heading in enumerate(HEADINGS):
            story += [Paragraph(heading, head), Paragraph(BODY * 6, body), Spacer(1, 6)]
            if n == 2:
                story.append(_table3())
            if n == 3:
                story.append(_table4())
        story.append(PageBreak())
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4)
    doc.build(story, onFirstPage=_furniture, onLaterPages=_furniture)
    return out.getvalue(), doc.page


def _median_seconds(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(runs: int = 7, copies: int = 4) -> dict:
    """Milliseconds a page to read the PDF, and to read and lint it, in a warm
    process; the floor (a fresh interpreter importing lark, rich and yaml) in ms."""
    from reportlint.checking.linter import Options, lint_bytes
    from reportlint.checking.rules import load_rules
    from reportlint.reading.documents import read

    data, pages = build_pdf(copies)
    rules = load_rules()
    result = lint_bytes("report.pdf", data, rules, Options())  # warm: rules compiled, caches filled
    if any(d.name == "unreadable-input" for d in result.diagnostics):
        sys.exit("the benchmark's PDF was not read")
    read_ms = _median_seconds(lambda: read("report.pdf", data), runs) * 1000
    lint_ms = _median_seconds(lambda: lint_bytes("report.pdf", data, rules, Options()), runs) * 1000
    floor = [sys.executable, "-c", "import lark, rich.console, yaml"]
    floor_ms = _median_seconds(lambda: subprocess.run(floor, check=True), runs) * 1000
    return {"pages": pages, "read_ms_per_page": read_ms / pages, "end_to_end_ms_per_page": lint_ms / pages,
            "floor_ms": floor_ms, "end_to_end_page_to_floor": lint_ms / pages / floor_ms}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--copies", type=int, default=4, help="times the report is repeated in the PDF")
    args = ap.parse_args()
    figures = measure(args.runs, args.copies)
    print(f"PDF of {figures['pages']} pages")
    print(f"  read:                {figures['read_ms_per_page']:7.2f} ms/page")
    print(f"  read and lint:       {figures['end_to_end_ms_per_page']:7.2f} ms/page")
    print(f"  floor (import lark, rich, yaml): {figures['floor_ms']:7.1f} ms")
    print(f"  read and lint a page / floor:    {figures['end_to_end_page_to_floor']:7.3f}")


if __name__ == "__main__":
    main()

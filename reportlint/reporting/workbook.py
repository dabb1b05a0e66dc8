"""`--format xlsx`: the findings workbook a supervisor hands back to the units.

One sheet of files (unit, file, year, era, counts), one of findings (unit, file, rule,
name, severity, category, location in the original, message, basis) with two empty
columns for the supervisor and the unit to fill in (确认, 整改情况); filters on the
header rows, which stay in view.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reportlint.checking.diagnostics import SEVERITIES
from reportlint.checking.linter import FileResult
from reportlint.i18n import t


def write_xlsx(path: Path, results: list[FileResult], lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    files = book.active
    files.title = t("xlsx.files", lang)
    findings = book.create_sheet(t("xlsx.findings", lang))
    files.append([t(k, lang) for k in ("xlsx.unit", "html.file", "html.year", "html.era")]
                 + [t("severity." + s, lang) for s in SEVERITIES])
    findings.append([t(k, lang) for k in ("xlsx.unit", "html.file", "html.rule", "html.name", "html.severity",
                                          "html.category", "xlsx.location", "xlsx.message", "explain.basis",
                                          "xlsx.confirmed", "xlsx.remedy")])
    for r in results:
        report = r.report
        unit = report.issuer if report else None
        counts = Counter(d.severity for d in r.diagnostics)
        files.append([unit, r.path, report.year if report else None, report.era if report else None]
                     + [counts[s] for s in SEVERITIES])
        for d in r.diagnostics:
            findings.append([unit, r.path, d.rule, d.name, t("severity." + d.severity, lang), d.category,
                             d.location or f"{d.line}:{d.column}", d.message, d.basis, None, None])
    for sheet, widths in ((files, (30, 40, 10, 8, 8, 8, 8)),
                          (findings, (30, 40, 8, 24, 8, 14, 18, 80, 40, 12, 30))):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for k, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + k)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    for (cell,) in findings.iter_rows(min_row=2, min_col=8, max_col=8):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)

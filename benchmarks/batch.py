"""Time the supervisor's batch: the html page, the findings workbook and the export of
1,000 generated reports, against the JSON output of the same results as the floor.

    python benchmarks/batch.py [--reports 1000]

The reports are tests/forms.py's generated reports (needs the test extras), a third of
them clean, a third with markup in the prose and a cell, a third with a sum that does
not hold and a section left out. They are linted once in this process; each output is
then built from the same results and timed (median of --runs), with its size. The
ratio is the output's time over the JSON document's, measured in the same run. With
--browser (a headless Chromium), the page is also loaded, laid out and its script run
(`--dump-dom`), against an empty page as the floor.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def generated(count: int) -> list[str]:
    """`count` report texts of tests/forms.py, in its three forms."""
    from hypothesis.errors import NonInteractiveExampleWarning

    from tests import forms
    from tests.test_batch_page import FORMS

    warnings.simplefilter("ignore", NonInteractiveExampleWarning)
    strategy = forms.reports()
    return [FORMS[i % len(FORMS)](strategy.example()) for i in range(count)]


def timed(build, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--browser", metavar="CHROMIUM", help="also time loading the page in this headless browser")
    args = ap.parse_args()
    from reportlint.checking.linter import Options
    from reportlint.checking.rules import load_rules
    from reportlint.cli.files import lint_path
    from reportlint.reporting import export
    from reportlint.reporting.html import to_html
    from reportlint.reporting.output import to_json
    from reportlint.reporting.workbook import write_xlsx

    rules = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = []
        for i, text in enumerate(generated(args.reports)):
            path = folder / f"r{i:04}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        start = time.perf_counter()
        results = [lint_path(p, rules, Options(), None) for p in paths]
        lint = time.perf_counter() - start
        findings = sum(len(r.diagnostics) for r in results)

        def text(name, render):
            def build():
                (folder / name).write_text(render(), encoding="utf-8")
            return build

        outputs = [("JSON document (floor)", "out.json", text("out.json", lambda: to_json(results))),
                   ("html page", "page.html", text("page.html", lambda: to_html(results, "zh"))),
                   ("findings workbook (xlsx)", "findings.xlsx",
                    lambda: write_xlsx(folder / "findings.xlsx", results, "zh"))]
        outputs += [(f"export {fmt}", f"figures.{fmt}",
                     (lambda fmt=fmt: export.write(folder / f"figures.{fmt}", results, "zh")))
                    for fmt in export.FORMATS]
        figures = [(label, timed(build, args.runs), (folder / name).stat().st_size) for label, name, build in outputs]
        if args.browser:
            (folder / "empty.html").write_text("<!doctype html><title>-</title>", encoding="utf-8")
            browsed = [timed(lambda page=page: subprocess.run(
                [args.browser, "--headless", "--no-sandbox", "--dump-dom", (folder / page).as_uri()],
                capture_output=True, check=True), args.runs) for page in ("empty.html", "page.html")]
    floor = figures[0][1]
    print(f"python {sys.version.split()[0]}, {args.reports} generated reports, {findings} findings, "
          f"linted in {lint:.1f} s; median of {args.runs} runs")
    for label, seconds, size in figures:
        print(f"{label:28} {seconds:7.2f} s  {size / 1e6:7.2f} MB  ×{seconds / floor:.1f}")
    if args.browser:
        print(f"{'page in the browser':28} {browsed[1]:7.2f} s  (an empty page: {browsed[0]:.2f} s, "
              f"×{browsed[1] / browsed[0]:.1f})")


if __name__ == "__main__":
    main()

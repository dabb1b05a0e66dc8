"""Measure reportlint against the goals of "fast where users wait", each figure beside
its target, the floor measured in the same run.

    python benchmarks/bench.py [--runs 10] [--batch 1000] [--jobs-batch 400] [--jobs-runs 3] [--batch-only]

The floor is the bare interpreter importing the libraries a run needs
(`python -c "import lark, rich.console, yaml"`). Each whole-command figure is the
median, over --runs pairs, of the command's wall time over the floor's, the two run in
turn (so the ratio holds when the machine's speed drifts); each command runs once first,
uncounted, so that its bytecode and reportlint's private cache are written. The warm
figure lints one report in this process. Linear: a report (a paragraph, a line) 100
times larger against the time of the small one (the
paragraph and the line alone under a title). The batch is generated in a temporary
folder from the bundled examples: each issuer's three reports (this year's clean one,
this year's with defects, last year's), the issuer renamed and the prose of its
paragraphs shifted per issuer, so the reports of different issuers are not copies of
each other. Memory is the peak resident size of one process linting the whole batch;
the speed-up is one job's wall time over two jobs', the median of --jobs-runs pairs run in turn,
printed beside what two processes of plain Python give on this machine, measured with
each pair (on a shared VM that may be well under 2).

The PDF line comes from benchmarks/pdf.py: a PDF it generates, read and linted in this
process, in milliseconds a page.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLES = ROOT / "examples"
FLOOR = [sys.executable, "-c", "import lark, rich.console, yaml"]
# bytecode written on the warm-up run; colours in the text output as at a terminal
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "FORCE_COLOR": "1"}


def _run(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=ENV)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode(errors='replace')}")
    return seconds


def ratio(cmd: list[str], runs: int) -> tuple[float, float]:
    """(median of cmd's time over the floor's, run in turn; the command's median seconds)."""
    _run(cmd)
    _run(FLOOR)
    pairs = [(_run(cmd), _run(FLOOR)) for _ in range(runs)]
    return statistics.median(a / b for a, b in pairs), statistics.median(a for a, _ in pairs)


_LOOP = "s = 0\nfor i in range(3_000_000):\n    s += i * i\n"  # plain Python, about 0.2 s


def machine_speed_up() -> float:
    """What two processes give on this machine: the loop run twice in one process,
    over the wall time of two processes running it at once (a shared VM's two CPUs
    may give much less than twice)."""
    one = _run([sys.executable, "-c", _LOOP * 2])
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", _LOOP]) for _ in range(2)]
    for proc in procs:
        proc.wait()
    return one / (time.perf_counter() - start)


def peak_mb(cmd: list[str]) -> tuple[float, float]:
    """(peak resident MB, wall seconds) of one run of `cmd` (its own process)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed with {proc.returncode}")
    return usage.ru_maxrss / 1024, seconds  # KB on Linux


def lint_seconds(text: str, runs: int) -> float:
    """Median seconds to lint `text` in this process (once to warm up first)."""
    from reportlint.checking.linter import Options, lint_bytes
    from reportlint.checking.rules import load_rules

    rules, data = load_rules(), text.encode("utf-8")
    lint_bytes("bench.txt", data, rules, Options())
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        lint_bytes("bench.txt", data, rules, Options())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


_PROSE = re.compile(r"^[^\t|]{20,}。$")


def _prose_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _PROSE.match(line)]


def larger(text: str, times: int) -> str:
    """The report with its prose paragraphs repeated, `times` as large in all."""
    lines = text.split("\n")
    prose = _prose_lines(lines)
    extra = (times - 1) * len(text) // max(1, sum(len(lines[i]) + 1 for i in prose))
    for i in prose:
        lines[i] = "\n\n".join([lines[i]] * (extra + 1))
    return "\n".join(lines)


TITLE = "青山县市场监督管理局2024年政府信息公开工作年度报告\n\n"


def paragraph(lines: int) -> str:
    """A title and one paragraph of `lines` wrapped lines of 40 characters."""
    body = ("本机关按照条例规定主动公开政府信息并及时更新公开内容" * (lines * 2))[:lines * 40]
    return TITLE + "\n".join(body[k:k + 40] for k in range(0, len(body), 40)) + "。\n"


def spaces(count: int) -> str:
    """A title and a line holding `count` spaces inside it."""
    return TITLE + f"本机关依法公开{' ' * count}政府信息。\n"


def _shifted(line: str, k: int) -> str:
    """The line's Chinese characters moved k places along the common block: another text."""
    return "".join(chr(0x4e00 + (ord(c) - 0x4e00 + k) % 0x5000) if "\u4e00" <= c <= "\u9fff" else c for c in line)


def make_batch(folder: Path, count: int) -> list[str]:
    """`count` reports: each issuer's three (clean, with defects, last year's), renamed
    and with its prose shifted per issuer."""
    sources = [(EXAMPLES / name).read_text(encoding="utf-8") for name in ("clean.txt", "defects.txt", "last-year.txt")]
    paths = []
    for i in range(count):
        issuer = i // 3
        lines = sources[i % 3].replace("青山县", f"青山县第{issuer}").split("\n")
        for k in _prose_lines(lines):
            lines[k] = _shifted(lines[k], 97 * (issuer + 1))
        path = folder / f"r{i:04}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(str(path))
    return paths


INPUTS = {"report": lambda n: larger((EXAMPLES / "clean.txt").read_text(encoding="utf-8"), n),
          "paragraph": lambda n: paragraph(10 * n), "spaces": lambda n: spaces(80 * n)}
_BOUND = 120  # seconds a large input may take before it is given up


def _linear(kind: str, times: int, runs: int) -> tuple[float, int] | None:
    """(median seconds to lint the input `kind` `times` as large, its size), in a child
    process given up after _BOUND seconds (None then)."""
    try:
        proc = subprocess.run([sys.executable, __file__, "--lint", kind, str(times), str(runs)],
                              capture_output=True, text=True, env=ENV, timeout=_BOUND)
    except subprocess.TimeoutExpired:
        return None
    seconds, size = proc.stdout.split()
    return float(seconds), int(size)


def main() -> None:
    if sys.argv[1:2] == ["--lint"]:  # the child of _linear
        kind, times, runs = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        text = INPUTS[kind](times)
        print(lint_seconds(text, runs), len(text))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10, help="pairs of runs of each command against the floor")
    ap.add_argument("--batch", type=int, default=1000, help="reports in the batch whose memory is measured")
    ap.add_argument("--jobs-batch", type=int, default=400, help="reports in the batch of the speed-up")
    ap.add_argument("--jobs-runs", type=int, default=3, help="pairs of one-job and two-job runs of the speed-up")
    ap.add_argument("--batch-only", action="store_true", help="only the batch rows: memory and speed-up")
    args = ap.parse_args()
    py, report = sys.executable, str(EXAMPLES / "defects.txt")
    rows: list[tuple[str, str, str, bool | None]] = []

    def whole(goal: str, cmd: list[str], target: float) -> None:
        r, seconds = ratio([py, "-m", "reportlint", *cmd], args.runs)
        rows.append((goal, f"{r:.2f}× ({seconds * 1000:.0f} ms)", f"≤ {target}× floor", r <= target))

    floor = statistics.median(_run(FLOOR) for _ in range(args.runs))
    if not args.batch_only:  # the single-report rows
        whole("--version", ["--version"], 0.5)
        whole("--help", ["--help"], 0.5)
        whole("one report, --format json", ["--format", "json", report], 1.3)
        whole("one report, --format concise", ["--format", "concise", report], 1.3)
        whole("one report, text (coloured)", [report], 1.5)

        warm = lint_seconds((EXAMPLES / "defects.txt").read_text(encoding="utf-8"), args.runs * 10)
        rows.append(("warm, reports/s/core", f"{1 / warm:.0f} ({warm * 1000:.1f} ms)", "≥ 200", 1 / warm >= 200))

        for goal, kind in (("linear: report ×100", "report"), ("linear: paragraph of 1,000 lines", "paragraph"),
                           ("linear: line of 8,000 spaces", "spaces")):
            small, big = _linear(kind, 1, args.runs), _linear(kind, 100, 3)
            if big is None:
                rows.append((goal, f"over {_BOUND} s for the large one", "≤ 1.2 × the size", False))
                continue
            grow, size = big[0] / small[0], big[1] / small[1]
            rows.append((goal, f"{grow:.0f}× the time for {size:.0f}× the size", "≤ 1.2 × the size", grow <= 1.2 * size))

    with tempfile.TemporaryDirectory() as tmp:
        paths = make_batch(Path(tmp), max(args.batch, args.jobs_batch))
        mb, seconds = peak_mb([py, "-m", "reportlint", "--format", "json", *paths[:args.batch]])
        rows.append((f"batch of {args.batch}, peak memory", f"{mb:.0f} MB ({seconds:.0f} s)", "≤ 80 MB", mb <= 80))
        some = paths[:args.jobs_batch]
        runs = [(_run([py, "-m", "reportlint", "--format", "json", "--jobs", "1", *some]),
                 _run([py, "-m", "reportlint", "--format", "json", "--jobs", "2", *some]),
                 machine_speed_up()) for _ in range(args.jobs_runs)]
        speed_up = statistics.median(one / two for one, two, _ in runs)
        one, two, machine = (statistics.median(figures) for figures in zip(*runs))
        rows.append((f"batch of {len(some)}, --jobs 2 speed-up", f"{speed_up:.2f}× ({one:.1f} s → {two:.1f} s)",
                     "≥ 1.8×", speed_up >= 1.8))
        rows.append(("  the machine's own: 2 processes", f"{machine:.2f}×", "(plain Python)", None))

    pdf = ROOT / "benchmarks" / "pdf.py"
    if pdf.exists() and not args.batch_only:
        spec = importlib.util.spec_from_file_location("bench_pdf", pdf)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        figures = module.measure()
        per_page = figures["end_to_end_ms_per_page"]
        rows.append((f"PDF of {figures['pages']} pages, read and lint", f"{per_page:.1f} ms a page "
                     f"(reading {figures['read_ms_per_page']:.1f})", "≤ 10 ms a page", per_page <= 10))

    print(f"python {sys.version.split()[0]}, floor {floor * 1000:.0f} ms (median of {args.runs}), "
          f"{os.cpu_count()} CPUs, load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    width = max(len(goal) for goal, *_ in rows)
    fig = max(len(figure) for _, figure, *_ in rows)
    for goal, figure, target, met in rows:
        print(f"{goal:<{width}}  {figure:<{fig}}  {target:<18}  {'' if met is None else 'met' if met else 'not met'}")


if __name__ == "__main__":
    main()

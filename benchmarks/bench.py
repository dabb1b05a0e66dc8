"""Time reportlint end to end: one report, a batch, and the bare interpreter for comparison.

    python benchmarks/bench.py [--runs 10] [--batch 200]

Every figure is the median wall time of several runs of a fresh process, so it
includes interpreter start-up and imports, which is what a clerk or a pre-commit
hook waits for. The baseline is the bare interpreter importing the same libraries
(lark, rich, yaml); the difference is reportlint's own cost. The in-process figure
is the time to lint one report once everything is loaded.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [ROOT / "examples" / "clean.txt", ROOT / "examples" / "defects.txt"]


def wall(cmd: list[str], runs: int) -> float:
    """Median seconds of `runs` runs of `cmd` (exit codes 0 and 1 both count as success)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode(errors='replace')}")
    return statistics.median(times)


def in_process(runs: int) -> float:
    """Median seconds to lint one report in a warm process."""
    from reportlint.checking.linter import Options, lint_bytes
    from reportlint.checking.rules import load_rules

    rules, data = load_rules(), EXAMPLES[1].read_bytes()
    lint_bytes("x.txt", data, rules, Options())
    times = []
    for _ in range(runs * 10):
        start = time.perf_counter()
        lint_bytes("x.txt", data, rules, Options())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--batch", type=int, default=200, help="reports in the batch")
    args = ap.parse_args()
    py = sys.executable
    bare = wall([py, "-c", "import lark, rich.console, rich.table, yaml"], args.runs)
    one = wall([py, "-m", "reportlint", str(EXAMPLES[1])], args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.batch):
            src = EXAMPLES[i % 2]
            (Path(tmp) / f"report{i:04}.txt").write_bytes(src.read_bytes())
        batch = wall([py, "-m", "reportlint", "--format", "json", tmp], max(3, args.runs // 3))
    warm = in_process(args.runs)
    size = EXAMPLES[1].stat().st_size
    print(f"python {sys.version.split()[0]}, report of {size} bytes, median of {args.runs} runs")
    print(f"{'bare interpreter + imports':36} {bare * 1000:8.0f} ms")
    print(f"{'one report, end to end':36} {one * 1000:8.0f} ms  (+{(one - bare) * 1000:.0f} ms)")
    print(f"{f'{args.batch} reports in one run':36} {batch * 1000:8.0f} ms  "
          f"({(batch - bare) / args.batch * 1000:.1f} ms per report)")
    print(f"{'one report, warm process':36} {warm * 1000:8.1f} ms")


if __name__ == "__main__":
    main()

"""Time the search for reports that copy each other (rule K207) in one run of many reports.

    python benchmarks/similarity.py [--reports 5000] [--seed 7]

The reports are generated (each unit's own text, a few copying another's) and parsed
first, untimed. The floor is reading every report's own words once (normalising and
masking its prose), which any comparison needs; the search is the MinHash LSH index
over those words and the comparison of the pairs it proposes (rule K207 through
reportlint.checking.across); loading numpy, once per run, is shown apart. Comparing every pair is estimated from a sample of pairs.
"""

from __future__ import annotations

import argparse
import random
import time

from reportlint.checking import similarity
from reportlint.checking.analyses import checking
from reportlint.checking.across import check_run
from reportlint.checking.linter import Options, lint_bytes
from reportlint.checking.rules import load_rules

PARAGRAPHS, CHARS = 8, 150


def generate(count: int, seed: int) -> tuple[list[str], int]:
    """`count` report texts, one in a hundred copying another's; and the copies made."""
    rng = random.Random(seed)

    def paragraph() -> str:
        return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(CHARS)) + "。"

    bodies = [[paragraph() for _ in range(PARAGRAPHS)] for _ in range(count)]
    copies = 0
    for copy in range(1, count, 100):
        source = rng.randrange(copy)
        source -= source % 100 == 1  # never a copy's copy: every pair reported is a planted one
        bodies[copy] = bodies[source][:PARAGRAPHS - 2] + [paragraph(), paragraph()]
        copies += 1
    texts = []
    for i, body in enumerate(bodies):
        half = len(body) // 2
        texts.append("\n".join([f"第{i}号单位2024年政府信息公开工作年度报告", "一、总体情况", *body[:half],
                                "五、存在的主要问题及改进情况", *body[half:]]) + "\n")
    return texts, copies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rules = [r for r in load_rules() if r.id == "K207"]
    texts, copies = generate(args.reports, args.seed)
    results = [lint_bytes(f"{i}.txt", t.encode("utf-8"), rules, Options()) for i, t in enumerate(texts)]

    start = time.perf_counter()
    import numpy  # noqa: F401  (paid once per run of more than 100 reports)
    load = time.perf_counter() - start

    with checking(*(r.report for r in results)):  # the words read for the floor are the search's
        start = time.perf_counter()
        words = [similarity.words(r.report) for r in results]
        floor = time.perf_counter() - start

        start = time.perf_counter()
        check_run(results, [rules] * len(results), "zh", {})
        search = time.perf_counter() - start
    found = sum(len(r.diagnostics) for r in results) // 2

    rng = random.Random(args.seed)
    sample = [(rng.randrange(len(words)), rng.randrange(len(words))) for _ in range(300)]
    start = time.perf_counter()
    for i, j in sample:
        similarity.matches(words[i].text, words[j].text)
    per_pair = (time.perf_counter() - start) / len(sample)
    all_pairs = per_pair * len(words) * (len(words) - 1) / 2

    size = sum(len(w.text) for w in words) // len(words)
    print(f"{args.reports} reports of about {size} characters of own words, {copies} copies planted, "
          f"{found} pairs reported")
    print(f"{'loading the index library (once)':40} {load * 1000:9.0f} ms")
    print(f"{'floor: reading every report once':40} {floor * 1000:9.0f} ms")
    print(f"{'search: LSH index + the pairs compared':40} {search * 1000:9.0f} ms  ({search / floor:.1f} × floor)")
    print(f"{'every pair compared (estimated)':40} {all_pairs * 1000:9.0f} ms  ({all_pairs / floor:.0f} × floor)")


if __name__ == "__main__":
    main()

"""Benchmark: `kplan lint` on the real plan and on a synthetic plan 20 times larger with 2,000 glossary terms.

    .venv/bin/python bench/lint_synthetic.py [--runs N] [--keep DIR]

The synthetic plan is bench/synthetic.py's plan 20 times the real one, with made-up katakana terms added to the
用語解説 (in 50音順, each marked with ※ in a chapter of their own) up to 2,000 terms in all. It is written to a
temporary directory and linted by the real `kplan` process; the figures are wall times, interpreter start included
(median of N runs). Goals (issue 3): real plan ≤ 0.5 s, synthetic < 5 s.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from synthetic import make_synthetic_plan  # noqa: E402

TERM_ENTRY = re.compile(r"(?m)^\s*- id: ")

SIZE = 20  # times the real plan (bench/synthetic.py)
TERMS = 2000  # glossary terms in all: the copies' terms plus made-up ones


def source_chars(root: Path) -> int:
    return sum(
        len(p.read_text(encoding="utf-8"))
        for d in ("plan", "glossary")
        for p in (root / d).rglob("*")
        if p.suffix in (".yaml", ".md")
    )


def time_lint(root: Path, runs: int) -> tuple[float, int, int]:
    times, code, lines = [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(
            [str(REPO / ".venv/bin/kplan"), "-C", str(root), "lint"], capture_output=True, text=True
        )
        times.append(time.perf_counter() - start)
        code, lines = result.returncode, len(result.stdout.splitlines())
        if code == 2:
            sys.exit("the synthetic plan does not load:\n" + result.stderr[:2000])
    return statistics.median(times), code, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per plan; the median is reported")
    parser.add_argument("--keep", type=Path, help="write the synthetic plan here and keep it")
    args = parser.parse_args()
    real_time, real_code, real_lines = time_lint(REPO, max(args.runs, 7))
    with tempfile.TemporaryDirectory() as temporary:
        root = args.keep or Path(temporary) / "plan"
        real_terms = len(TERM_ENTRY.findall((REPO / "glossary/glossary.yaml").read_text(encoding="utf-8")))
        make_synthetic_plan(REPO, SIZE, root, extra_terms=TERMS - SIZE * real_terms)
        terms = len(TERM_ENTRY.findall((root / "glossary/glossary.yaml").read_text(encoding="utf-8")))
        ratio = source_chars(root) / source_chars(REPO)
        big_time, big_code, big_lines = time_lint(root, args.runs)
    print(
        f"real plan:      {source_chars(REPO):>9,} characters, kplan lint {real_time:.2f} s (median), "
        f"exit {real_code}, {real_lines} findings   goal ≤ 0.5 s"
    )
    print(
        f"synthetic plan: {ratio:>8.1f}× the sources, {terms} terms, kplan lint {big_time:.2f} s (median), "
        f"exit {big_code}, {big_lines} findings   goal < 5 s"
    )


if __name__ == "__main__":
    main()

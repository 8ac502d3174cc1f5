"""A long fuzz run: `python -m tests.fuzz [--cases N] [--seed S] [--workers W] [--corpus NAME …] [--stages …]`.

Each case copies a corpus plan, mutates 1–3 of its sources and runs every stage (tests/fuzz/pipeline.py). Defects
are printed with the seed and the mutations that reproduce them, and the run exits 1 when there was any. The
suite runs a short, fixed-seed version of this (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from collections import Counter

from .corpus import CORPORA, case
from .pipeline import STAGES


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=max(1, multiprocessing.cpu_count()))
    parser.add_argument("--corpus", nargs="*", default=list(CORPORA), choices=list(CORPORA))
    parser.add_argument("--stages", nargs="*", default=[], choices=[name for name, _ in STAGES])
    options = parser.parse_args()
    stages = tuple(options.stages)
    jobs = [(name, options.seed + number, stages) for number in range(options.cases) for name in options.corpus]
    started = time.monotonic()
    defects: Counter[str] = Counter()
    with multiprocessing.Pool(options.workers) as pool:
        for done, (name, seed, mutations, defect) in enumerate(pool.imap_unordered(_run, jobs, chunksize=8), 1):
            if defect is not None:
                defects[defect.stage] += 1
                print(f"DEFECT {name} seed={seed} {mutations}\n  stage {defect.stage}: {defect.detail}", flush=True)
            if done % 1000 == 0:
                print(f"{done} cases, {sum(defects.values())} defects, {time.monotonic() - started:.0f} s", flush=True)
    elapsed = time.monotonic() - started
    print(f"{len(jobs)} cases in {elapsed:.0f} s ({len(jobs) / elapsed:.1f}/s), defects: {dict(defects) or 0}")
    return 1 if defects else 0


def _run(job: tuple[str, int, tuple[str, ...]]) -> tuple[str, int, list[str], object]:
    name, seed, stages = job
    mutations, defect = case(name, seed, stages)
    return name, seed, mutations, defect


if __name__ == "__main__":
    sys.exit(main())

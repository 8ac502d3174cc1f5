"""How much of `kplan build --pdf` is kplan's own work and how much is WeasyPrint's.

Runs the real command in this process with timers around WeasyPrint's import, its HTML parsing and its
layout-and-write (weasyprint.HTML.__init__ and HTML.write_pdf); everything else (interpreter start, kplan's imports,
loading the plan, rendering the print HTML, writing the file) is kplan's own. Usage:

    .venv/bin/python bench/pdf_share.py [-C PLAN_DIR] [--runs N]

Prints one line per run and the median.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time

CHILD = r"""
import sys, time, json
started = time.perf_counter()
spent = {"weasyprint_import": 0.0, "weasyprint_parse": 0.0, "weasyprint_layout_write": 0.0}
t = time.perf_counter(); import weasyprint; spent["weasyprint_import"] = time.perf_counter() - t

def timed(name, function):
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - t
    return wrapper

weasyprint.HTML.__init__ = timed("weasyprint_parse", weasyprint.HTML.__init__)
weasyprint.HTML.write_pdf = timed("weasyprint_layout_write", weasyprint.HTML.write_pdf)
import os
from kplan.cli import app
app(sys.argv[1:], standalone_mode=False)
spent["in_process"] = time.perf_counter() - started
print(json.dumps(spent), file=sys.stderr, flush=True)
sys.stdout.flush()
os._exit(0)  # as kplan.cli.main does
"""


def one_run(args: list[str]) -> dict[str, float]:
    """One whole process: its wall time, peak memory and the phases it reported."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, *args, "build", "--pdf"], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(done.stderr)
    phases = json.loads(done.stderr.strip().splitlines()[-1])
    phases["wall"] = wall
    phases["peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    phases["outside"] = wall - phases["in_process"]
    weasy = phases["weasyprint_import"] + phases["weasyprint_parse"] + phases["weasyprint_layout_write"]
    phases["kplan"] = wall - weasy
    phases["kplan_share"] = phases["kplan"] / wall
    return phases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-C", dest="directory", default=None, help="the plan checkout (default: current directory)")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    args = ["-C", options.directory] if options.directory else []
    one_run(args)  # warm-up: fonts and file caches
    runs = [one_run(args) for _ in range(options.runs)]
    for run in runs:
        print(
            f"wall {run['wall']:.2f} s  kplan {run['kplan']:.2f} s ({run['kplan_share']:.0%})  "
            f"weasyprint import {run['weasyprint_import']:.2f} s parse {run['weasyprint_parse']:.2f} s "
            f"layout+write {run['weasyprint_layout_write']:.2f} s  start+exit {run['outside']:.2f} s"
        )
    print(
        f"median: wall {statistics.median(r['wall'] for r in runs):.2f} s, kplan's own share "
        f"{statistics.median(r['kplan_share'] for r in runs):.1%}, peak memory of any run "
        f"{max(r['peak_mb'] for r in runs):.0f} MB"
    )


if __name__ == "__main__":
    main()

"""kplan's benchmarks in one command: each command as a whole process, against its peers, and how cost grows.

    .venv/bin/python bench/run.py                 # runs=5, warm-up=1, sizes 1,5,20 (about 10 minutes)
    .venv/bin/python bench/run.py --quick         # one run of each at N=1: checks that the harness works (CI)

Measures on the real plan `kplan lint`, `kplan build --html`, `kplan build --pdf`, `kplan diff v1 v2.0` (wall time
with interpreter start, and peak memory); compares, alternating A B A B, `pandoc -s` on `kplan export --format md`
with `kplan build --html`, and the plain `weasyprint` command on kplan's print HTML with `kplan build --pdf`; and
runs every command on synthetic plans N times the real one (bench/synthetic.py). Writes a Markdown report
(default bench/latest.md) and prints it.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Pairing, Summary, compare, measure  # noqa: E402
from synthetic import make_synthetic_plan  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
KPLAN = [sys.executable, "-m", "kplan"]
GOALS = {"lint": 0.5, "build --html": 1.0, "build --pdf": 6.0, "diff v1 v2.0": 1.5}


def _editions(work: Path) -> tuple[Path, Path]:
    """The two editions of the real plan as directories (from the git history, by their trailers)."""
    dirs = []
    for label in ("v1", "v2.0"):
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%H", f"--grep=^Plan-Edition: {label}$", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        target = work / f"edition-{label}"
        target.mkdir()
        archive = subprocess.run(
            ["git", "archive", commit, "plan", "glossary"], cwd=REPO, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
        shutil.copytree(REPO / "templates", target / "templates")
        dirs.append(target)
    return dirs[0], dirs[1]


def _commands(plan: Path, out: Path, old: Path) -> dict[str, tuple[list[str], tuple[int, ...]]]:
    return {
        "lint": ([*KPLAN, "-C", str(plan), "lint"], (0, 1)),
        "build --html": ([*KPLAN, "-C", str(plan), "build", "--html", "-o", str(out)], (0,)),
        "build --pdf": ([*KPLAN, "-C", str(plan), "build", "--pdf", "-o", str(out)], (0,)),
        "diff v1 v2.0": ([*KPLAN, "diff", str(old), str(plan)], (0, 1)),
    }


def _row(summary: Summary, goal: float | None = None) -> str:
    low, high = summary.spread
    verdict = "" if goal is None else ("met" if summary.median <= goal else "**not met**")
    return (
        f"| {summary.label} | {summary.median:.2f} s | {low:.2f}–{high:.2f} s | {summary.peak_mb:.0f} MB "
        f"| {'' if goal is None else f'≤ {goal} s'} {verdict} |"
    )


def _pair_rows(pairing: Pairing) -> list[str]:
    ratios = ", ".join(f"{r:.2f}" for r in pairing.ratios)
    return [
        _row(pairing.a),
        _row(pairing.b),
        f"| ratio {pairing.b.label} / {pairing.a.label}, pair by pair | **{pairing.median_ratio:.2f}** (median) "
        f"| {ratios} | | |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="counted runs of each command (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted runs first (default 1)")
    parser.add_argument("--sizes", default="1,5,20", help="synthetic plan sizes, N times the real plan")
    parser.add_argument("--quick", action="store_true", help="one run, no warm-up, N=1 only: a smoke test")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "latest.md", help="where to write the report")
    options = parser.parse_args()
    if options.quick:
        options.runs, options.warmup, options.sizes = 1, 0, "1"
    sizes = [int(n) for n in options.sizes.split(",")]
    runs, warmup = options.runs, options.warmup

    lines = [
        "# kplan benchmark report",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M %Z')}",
        f"- machine: {platform.machine()}, {_cpus()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        f"- command: `{' '.join(['bench/run.py', *sys.argv[1:]])}` ({runs} counted runs after {warmup} warm-up)",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="kplan-bench-") as tmp:
        work = Path(tmp)
        old, new = _editions(work)
        out = work / "out"
        lines += [
            "## The real plan",
            "",
            "| command | median | spread (min–max) | peak memory | goal |",
            "| --- | --- | --- | --- | --- |",
        ]
        real = {}
        for label, (command, accept) in _commands(new, out, old).items():
            if label == "diff v1 v2.0":
                command = [*KPLAN, "diff", "v1", "v2.0"]
            real[label] = measure(label, command, REPO if label.startswith("diff") else new, runs, warmup, accept)
            lines.append(_row(real[label], GOALS.get(label)))
        pdf = next((out / "pdf").glob("*.pdf"))
        size_mb = pdf.stat().st_size / 1e6
        lines += [
            "",
            f"PDF size: {size_mb:.2f} MB (goal ≤ 2 MB: {'met' if size_mb <= 2 else 'not met'}); "
            f"PDF peak memory {real['build --pdf'].peak_mb:.0f} MB (goal ≤ 400 MB: "
            f"{'met' if real['build --pdf'].peak_mb <= 400 else 'not met'}).",
            "",
        ]
        lines += _peers(new, work, runs, warmup)
        lines += _growth(sizes, old, new, work, runs, warmup)
    report = "\n".join(lines) + "\n"
    options.out.write_text(report, encoding="utf-8")
    print(report)


def _peers(plan: Path, work: Path, runs: int, warmup: int) -> list[str]:
    lines = [
        "## Against the tools people would use instead",
        "",
        "| command | median | spread (min–max) | peak memory | |",
        "| --- | --- | --- | --- | --- |",
    ]
    markdown = work / "plan.md"
    subprocess.run(
        [*KPLAN, "-C", str(plan), "export", "--format", "md", "-o", str(markdown)], check=True, capture_output=True
    )
    if shutil.which("pandoc"):
        pairing = compare(
            "pandoc -s plan.md",
            ["pandoc", "-s", str(markdown), "-o", str(work / "pandoc.html")],
            "kplan build --html",
            [*KPLAN, "-C", str(plan), "build", "--html", "-o", str(work / "h")],
            plan,
            runs,
            warmup,
        )
        lines += _pair_rows(pairing)
    else:
        lines.append("| pandoc | not installed (scripts/setup.sh installs it) | | | |")
    print_html = work / "print.html"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from kplan.load import load_plan; "
            "from kplan.render.pdf import print_html; "
            "Path(sys.argv[2]).write_text(print_html(load_plan(Path(sys.argv[1]))), encoding='utf-8')",
            str(plan),
            str(print_html),
        ],
        check=True,
    )
    weasyprint = [
        str(Path(sys.executable).with_name("weasyprint")),
        "-u",
        str(plan / "templates" / "static") + "/",
        "--pdf-variant",
        "pdf/ua-1",
        str(print_html),
        str(work / "weasyprint.pdf"),
    ]
    pairing = compare(
        "weasyprint print.html",
        weasyprint,
        "kplan build --pdf",
        [*KPLAN, "-C", str(plan), "build", "--pdf", "-o", str(work / "p")],
        plan,
        runs,
        warmup,
    )
    lines += _pair_rows(pairing)
    own = 1 - 1 / pairing.median_ratio
    lines += [
        "",
        f"kplan's own share of a PDF build, from the paired ratio: {own:.0%} (goal ≤ 15%: "
        f"{'met' if own <= 0.15 else 'not met'}). bench/pdf_share.py times the phases inside one process.",
        "",
    ]
    return lines


def _growth(sizes: list[int], old: Path, new: Path, work: Path, runs: int, warmup: int) -> list[str]:
    lines = [
        "## How cost grows with the size of the plan",
        "",
        "Synthetic plans N times the real one (bench/synthetic.py: chapters, measures, terms, survey questions).",
        "",
        "| command | N | median | peak memory | time ÷ N=1 | memory ÷ N=1 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    base: dict[str, Summary] = {}
    for n in sizes:
        plan = work / f"synthetic-{n}"
        previous = work / f"synthetic-{n}-v1"
        make_synthetic_plan(new, n, plan)
        make_synthetic_plan(old, n, previous)
        for label, (command, accept) in _commands(plan, work / f"out-{n}", previous).items():
            summary = measure(label, command, plan, max(1, runs if n == 1 else min(runs, 3)), warmup, accept)
            first = base.setdefault(label, summary)
            lines.append(
                f"| {label} | {n} | {summary.median:.2f} s | {summary.peak_mb:.0f} MB "
                f"| {summary.median / first.median:.1f} | {summary.peak_mb / first.peak_mb:.1f} |"
            )
    return [*lines, ""]


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    main()

"""The inputs that once hung kplan or ate gigabytes, timed as a user meets them: the real command, start-up included.

    .venv/bin/python bench/hostile.py [--runs 3] [--out bench/hostile.md]

Each case is a new plan (`kplan init`) with one hostile change; the figure is the wall time of the command (min,
median, max of the runs) and its exit code, and the goal is under 2 s each. The survey case uses a copy of the
checkout's plan, whose survey has bar charts.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KPLAN = [sys.executable, "-m", "kplan"]
GOAL_S = 2.0
CHAPTER = "plan/chapters/01-example.md"


@dataclass(frozen=True)
class Case:
    name: str
    before: str  # what the fault run measured on the old main (issue 12)
    command: tuple[str, ...]
    change: Callable[[Path], None]
    real_plan: bool = False


def _append(rel: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return change


def _write(rel: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / rel).write_text(text, encoding="utf-8")

    return change


def _long_survey_label(root: Path) -> None:
    path = root / "plan/survey.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("{label: 女性,", "{label: " + "女性、" * 33_334 + ",", 1), encoding="utf-8")


CASES = (
    Case(
        "19,000 unknown ※ in a chapter (the limit is 20,000)",
        "20,000 ※: lint 26–74 s",
        ("lint",),
        _append(CHAPTER, "\n" + "用語※ " * 19_000 + "\n"),
    ),
    Case("a 1 MB line of ※", "loader alone > 20 s", ("lint",), _append(CHAPTER, "\n" + "※" * 333_334 + "\n")),
    Case(
        "a 47 MB YAML file",
        "2.9 GB before 'too large'",
        ("lint",),
        _write("glossary/glossary.yaml", "# " + "x" * 47_000_000),
    ),
    Case(
        "a 1000×1000 table",
        "41 s, 1.9 GB",
        ("build", "--html", "--force"),
        _append(CHAPTER, "\n" + "|" + "a|" * 1000 + "\n|" + "-|" * 1000 + "\n" + ("|" + "b|" * 1000 + "\n") * 1000),
    ),
    Case(
        "a 140×140 table (within the limits)",
        "—",
        ("build", "--html", "--force"),
        _append(CHAPTER, "\n" + "|" + "a|" * 140 + "\n|" + "-|" * 140 + "\n" + ("|" + "b|" * 140 + "\n") * 138),
    ),
    Case("a 100,000-character chart label", "18 s", ("build", "--html", "--force"), _long_survey_label, real_plan=True),
    Case(
        "a catastrophic regex in plan/hyoki.yaml",
        "lint never ends",
        ("lint",),
        lambda root: (
            _write("plan/hyoki.yaml", 'rules:\n  - expected: "ア"\n    patterns: ["/(a|aa)+$/"]\n')(root),
            _append(CHAPTER, "\n" + "a" * 60 + "b\n")(root),
        ),
    ),
    Case(
        "nested YAML aliases (billion laughs)",
        "—",
        ("lint",),
        _write(
            "glossary/glossary.yaml",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
            ),
        ),
    ),
)


def _plan(directory: Path, real: bool) -> Path:
    root = directory / "plan"
    if real:
        for name in ("plan", "glossary", "templates"):
            shutil.copytree(REPO / name, root / name)
    else:
        subprocess.run(
            [*KPLAN, "init", str(root), "--municipality", "架空市", "--title", "情報化計画"],
            check=True,
            capture_output=True,
        )
    return root


def measure(case: Case, runs: int) -> tuple[list[float], int]:
    times = []
    code = 0
    with tempfile.TemporaryDirectory(prefix="kplan-hostile-") as scratch:
        root = _plan(Path(scratch), case.real_plan)
        case.change(root)
        for _ in range(runs):
            started = time.perf_counter()
            result = subprocess.run(
                [*KPLAN, "-C", str(root), *case.command], capture_output=True, text=True, timeout=600
            )
            times.append(time.perf_counter() - started)
            code = result.returncode
            if "Traceback" in result.stderr:
                raise SystemExit(f"{case.name}: a traceback\n{result.stderr[-2000:]}")
    return times, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "bench/hostile.md")
    options = parser.parse_args()
    rows = []
    slow = 0
    for case in CASES:
        times, code = measure(case, options.runs)
        median = statistics.median(times)
        slow += median >= GOAL_S
        rows.append(
            f"| {case.name} | `kplan {' '.join(case.command)}` | {case.before} | {min(times):.2f} / {median:.2f} / "
            f"{max(times):.2f} s | {code} | {'yes' if median < GOAL_S else '**no**'} |"
        )
        print(rows[-1], flush=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = "\n".join(
        [
            "# Former hangs, timed",
            "",
            f"`{' '.join(['python', 'bench/hostile.py', '--runs', str(options.runs)])}` on {platform.node()} "
            f"({platform.machine()}, Python {platform.python_version()}), {stamp}. Wall time of the whole command, "
            f"start-up included; exit 1 = findings, 2 = refused with a diagnostic. Goal: under {GOAL_S:.0f} s.",
            "",
            "| input | command | before (issue 12) | min / median / max | exit | under 2 s |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    options.out.write_text(text, encoding="utf-8")
    print(f"wrote {options.out}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())

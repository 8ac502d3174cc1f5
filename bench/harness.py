"""Measuring whole commands: wall time and peak memory of each process, warm-up runs, medians and spreads, and
paired comparisons that alternate two commands (A B A B …) so that a noisy machine does not decide the result."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One process: wall seconds, peak resident memory in MB, exit code, and the CPU seconds it used (user and
    system: unlike wall time, they do not count the time it waited while other processes had the CPUs)."""

    wall: float
    peak_mb: float
    code: int
    cpu: float = 0.0


@dataclass(frozen=True)
class Summary:
    """Counted runs of one command."""

    label: str
    runs: tuple[Run, ...]

    @property
    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def median_cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        walls = [r.wall for r in self.runs]
        return min(walls), max(walls)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def bench_environment() -> dict[str, str]:
    """The environment the measured commands run in: this one, but Python may keep its compiled modules
    (PYTHONDONTWRITEBYTECODE would make every run compile kplan again, which no installed kplan does)."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: Sequence[str], cwd: Path, accept: Sequence[int] = (0,)) -> Run:
    """Run `command` as its own process; its own rusage (os.wait4) gives its peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=bench_environment()
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if code not in accept:
        raise RuntimeError(f"{' '.join(command)} exited {code}: {stderr.strip()[-500:]}")
    return Run(wall, usage.ru_maxrss / 1024, code, usage.ru_utime + usage.ru_stime)


def measure(
    label: str, command: Sequence[str], cwd: Path, runs: int, warmup: int, accept: Sequence[int] = (0,)
) -> Summary:
    """`warmup` uncounted runs, then `runs` counted ones."""
    for _ in range(warmup):
        run_once(command, cwd, accept)
    return Summary(label, tuple(run_once(command, cwd, accept) for _ in range(runs)))


@dataclass(frozen=True)
class Pairing:
    """Two commands run alternately; `ratios` are B/A, pair by pair."""

    a: Summary
    b: Summary
    ratios: tuple[float, ...]

    @property
    def median_ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def ratio_spread(self) -> tuple[float, float, float]:
        """min, median and max of the pair-by-pair ratios."""
        return min(self.ratios), self.median_ratio, max(self.ratios)


def compare(
    a_label: str,
    a: Sequence[str],
    b_label: str,
    b: Sequence[str],
    cwd: Path,
    runs: int,
    warmup: int,
    accept: Sequence[int] = (0,),
) -> Pairing:
    """A B A B …: each pair ran under the same machine conditions, so each ratio is a fair one."""
    for _ in range(warmup):
        run_once(a, cwd, accept)
        run_once(b, cwd, accept)
    a_runs, b_runs = [], []
    for _ in range(runs):
        a_runs.append(run_once(a, cwd, accept))
        b_runs.append(run_once(b, cwd, accept))
    ratios = tuple(rb.wall / ra.wall for ra, rb in zip(a_runs, b_runs, strict=True))
    return Pairing(Summary(a_label, tuple(a_runs)), Summary(b_label, tuple(b_runs)), ratios)

"""Instructions a command executes, counted by Valgrind's callgrind: the same figure on every run (with Python's
hash seed fixed), however busy the machine is, where wall and CPU time vary by ±20% on a shared one. Slow (about
60 times the command's time), so it is counted once a command and size, for the commands that take seconds, not
the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from harness import bench_environment

COLLECTED = re.compile(r"==\d+== Collected : (\d+)")


def available() -> bool:
    """Whether Valgrind is installed (scripts/setup.sh installs it)."""
    return shutil.which("valgrind") is not None


def count(command: Sequence[str], cwd: Path, accept: Sequence[int] = (0,)) -> int:
    """The instructions `command` executes (its own process; not the processes it starts)."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**bench_environment(), "PYTHONHASHSEED": "0"},  # the same dict layouts every run
        check=False,
    )
    if result.returncode not in accept:
        raise RuntimeError(f"valgrind {' '.join(command)} exited {result.returncode}: {result.stderr[-500:]}")
    found = COLLECTED.search(result.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count for {' '.join(command)}: {result.stderr[-500:]}")
    return int(found.group(1))

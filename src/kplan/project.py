"""Finding the plan checkout: from a directory upwards, as git finds its repository."""

from __future__ import annotations

from pathlib import Path

MARKER = Path("plan") / "plan.yaml"


class NoProjectError(Exception):
    """No plan/plan.yaml in the directory or any parent."""


def find_root(start: Path) -> Path:
    """The nearest directory at or above `start` that holds plan/plan.yaml."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / MARKER).is_file():
            return directory
    raise NoProjectError(f"no plan found in {start} or any parent directory (looked for {MARKER})")

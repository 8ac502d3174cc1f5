"""Temporary git repositories holding editions of the real plan, made by the tests' own commits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "kplan tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "kplan tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True,
                          env=GIT_ENV).stdout


def copy_plan(root: Path) -> Path:
    """A copy of the real plan's sources (plan/, glossary/) in `root`."""
    for name in ("plan", "glossary"):
        shutil.copytree(REPO / name, root / name)
    return root


def make_repo(root: Path, label: str | None = "v1") -> Path:
    """A new repository whose first commit is the real plan, with the trailer Plan-Edition: LABEL."""
    copy_plan(root)
    git(root, "init", "-q", "-b", "main")
    commit(root, "the plan as it is", label)
    return root


def commit(root: Path, message: str, label: str | None = None) -> str:
    git(root, "add", "-A")
    if label:
        message += f"\n\nPlan-Edition: {label}"
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a source file (failing when it is not there exactly once)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def json_diff(kplan, root: Path, old: str, new: str) -> tuple[int, dict]:
    result = kplan("diff", old, new, "--format", "json", cwd=root)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def find(changes: list[dict], **where: object) -> list[dict]:
    return [c for c in changes if all(c.get(key) == value for key, value in where.items())]


def changed_text(change: dict, side: str) -> list[str]:
    """The changed stretches of one side of a change, from its spans."""
    text = change[side]
    return [text[s[side][0]:s[side][1]] for s in change["spans"] if s["op"] != "equal" and s[side][0] < s[side][1]]

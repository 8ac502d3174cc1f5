"""Shared fixtures: a throw-away copy of the real plan, the real plan loaded, and running the real kplan command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_kplan(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m kplan ARGS` as a real process; returns the completed process (text output)."""
    return subprocess.run(
        [sys.executable, "-m", "kplan", *args], cwd=cwd or REPO, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real plan (plan/, glossary/, templates/) that a test may break."""
    root = tmp_path / "project"
    for name in ("plan", "glossary", "templates"):
        shutil.copytree(REPO / name, root / name)
    return root


def kplan_in(root: Path | str, *args: str) -> subprocess.CompletedProcess:
    """`kplan -C ROOT ARGS` as a real process; whatever it answers, never with a traceback."""
    result = run_kplan("-C", str(root), *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="session")
def pristine_plan(tmp_path_factory) -> Path:
    """A new plan of a fictional city, made once by kplan init: copy it (new_plan) before changing it."""
    from kplan.init import create_plan

    root = tmp_path_factory.mktemp("pristine") / "plan"
    create_plan(root, "架空市", "情報化計画")
    return root


@pytest.fixture
def new_plan(pristine_plan: Path, tmp_path: Path) -> Path:
    """A fresh copy of the kplan-init plan that a test may change."""
    root = tmp_path / "plan"
    shutil.copytree(pristine_plan, root, symlinks=True)
    return root


@pytest.fixture
def kplan():
    return run_kplan


@pytest.fixture(scope="module")
def kplan_module():
    return run_kplan


@pytest.fixture(scope="session")
def real_plan():
    """The real plan, loaded once."""
    from kplan.load import load_plan

    return load_plan(REPO)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The real plan built once (site and PDF) by the real `kplan build`: the output directory and its stdout."""
    out = tmp_path_factory.mktemp("build")
    result = run_kplan("build", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out, result.stdout


@pytest.fixture(scope="session")
def site(built) -> Path:
    """The site of the real plan, from the one session build."""
    out, _ = built
    return out / "html"

"""kplan build tells what lint knows before it writes; --strict refuses to build over lint errors."""

from __future__ import annotations

from pathlib import Path

from conftest import kplan_in
from kplan.init import create_plan

_kplan = kplan_in


def test_build_reports_lint_errors_and_strict_refuses_to_write(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    create_plan(root, "架空市", "情報化計画")
    clean = _kplan(root, "build", "--html", "--strict")
    assert clean.returncode == 0 and "lint.unknown-term" not in clean.stderr
    site = {p: p.read_bytes() for p in (root / "build/html").rglob("*") if p.is_file()}
    chapter = next((root / "plan/chapters").glob("*.md"))
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n謎語※ を使います。\n", encoding="utf-8")

    refused = _kplan(root, "build", "--html", "--strict")
    assert refused.returncode == 1
    assert "lint.unknown-term" in refused.stderr
    assert {p: p.read_bytes() for p in (root / "build/html").rglob("*") if p.is_file()} == site

    built = _kplan(root, "build", "--html")
    assert built.returncode == 0
    assert "lint.unknown-term" in built.stderr  # the error in full, and the count
    assert {p: p.read_bytes() for p in (root / "build/html").rglob("*") if p.is_file()} != site

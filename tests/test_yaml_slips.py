"""IME slips in YAML get their own diagnostic, naming the character and its place, and `lint --fix` corrects the
safe ones; a full-width character inside a value is never taken for one."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import kplan_in
from kplan.diagnostics import DiagnosticError
from kplan.load import load_plan
from kplan.load.slips import fixed, yaml_slips

PLAN_YAML = "plan/plan.yaml"
MEASURE = "plan/measures/example-measure.yaml"


@pytest.fixture
def plan(new_plan: Path) -> Path:
    return new_plan


def _edit(root: Path, rel: str, old: str, new: str, newline: str = "\n") -> tuple[int, int]:
    """Replace `old` by `new`; the 1-based line and column where `new` starts."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    at = text.index(old)
    path.write_bytes(text.replace(old, new, 1).replace("\n", newline).encode("utf-8"))
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def _slips(root: Path) -> list[tuple[str, int, int]]:
    with pytest.raises(DiagnosticError) as raised:
        load_plan(root)
    return [(d.code, d.loc.line, d.loc.column) for d in raised.value.diagnostics if d.code == "load.ime-slip"]


@pytest.mark.parametrize(
    ("rel", "old", "new", "offset"),
    [
        (PLAN_YAML, 'title: "情報化計画"', 'title："情報化計画"', 5),  # the colon after the key
        (PLAN_YAML, "status: draft", "status：draft", 6),
        (PLAN_YAML, "  - chapter: plan", "\u3000- chapter: plan", 0),  # a full-width space as indentation
        (PLAN_YAML, "  - chapter: plan", "\t- chapter: plan", 0),  # a tab
        (MEASURE, "  - （例）オンライン", "  ー （例）オンライン", 2),  # ー for the list's -
        (MEASURE, "  - （例）オンライン", "  -\u3000（例）オンライン", 2),  # a full-width space after -
        ("plan/chapters/01-example.md", "title: ", "title：", 5),  # in a chapter's front matter
    ],
)
def test_each_slip_is_named_at_its_place(plan: Path, rel: str, old: str, new: str, offset: int) -> None:
    line, column = _edit(plan, rel, old, new)
    assert ("load.ime-slip", line, column + offset) in _slips(plan)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_lint_fix_corrects_the_safe_slips_and_keeps_line_endings(plan: Path, newline: str) -> None:
    _edit(plan, PLAN_YAML, "status: draft", "status：draft", newline)
    _edit(plan, MEASURE, "  - （例）オンライン", "  ー （例）オンライン", newline)
    result = kplan_in(plan, "lint", "--fix")
    assert result.returncode == 0, result.stderr
    assert load_plan(plan).meta.status == "draft"
    data = (plan / PLAN_YAML).read_bytes()
    assert b"status: draft" in data and (b"\r\n" in data) == (newline == "\r\n")


def test_a_tab_is_reported_but_not_guessed_at(plan: Path) -> None:
    _edit(plan, PLAN_YAML, "  - chapter: plan", "\t- chapter: plan")
    before = (plan / PLAN_YAML).read_bytes()
    result = kplan_in(plan, "lint", "--fix")
    assert result.returncode == 2 and "load.ime-slip" in result.stderr
    assert (plan / PLAN_YAML).read_bytes() == before


def test_full_width_characters_inside_values_are_not_slips() -> None:
    text = "title: 第1章：概要\nactions:\n  - 例：窓口で申請する\n  - ー（長音で始まる文）\nnote: |\n  　字下げ：本文\n"
    assert yaml_slips(text) == []
    assert fixed(text) == text

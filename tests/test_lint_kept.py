"""Lint's findings kept between runs (kplan.lint.kept): taken without loading the plan or importing a rule only
while every input is unchanged, the same findings as running the rules, shared by lint and build, and followed
through every kind of change (a chapter, the 表記ゆれ dictionary, a new file)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from kplan import plan_cache
from kplan.lint.kept import ENTRY, lint_findings, rule_findings
from kplan.project import Project


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _kplan(root: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "kplan", "-C", str(root), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _fresh(root: Path, family: str | None = None) -> list:
    """The findings of the rules run now, on a plan loaded now (nothing kept)."""
    from kplan.lint import run
    from kplan.lint.context import LintContext
    from kplan.lint.report import from_problems
    from kplan.load import load_plan

    plan = load_plan(root)
    notices = from_problems(plan.notices)
    return sorted(run(plan, family, LintContext(plan)) + notices, key=lambda f: f.sort_key())


CHAPTER = Path("plan/chapters/01-example.md")
PROBE = (
    "import sys; from pathlib import Path; from kplan.lint.kept import lint_findings; from kplan.project import "
    "Project; found = lint_findings(Path({root!r})); "
    "print(len(found), 'kplan.lint.text_rules' in sys.modules, 'kplan.load.whole' in sys.modules, "
    "'kplan.lint.context' in sys.modules)"
)


def test_an_unchanged_plan_is_linted_without_its_rules_or_its_plan(new_plan):
    _edit(new_plan / CHAPTER, "情報通信技術", "ＩＣＴ(情報通信技術)")  # a fullwidth-alnum warning
    probe = PROBE.format(root=str(new_plan))
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True) for _ in range(2)]
    first, second = (run.stdout.split() for run in runs)
    assert first[1:] == ["True", "True", "True"], runs[0].stderr
    assert second == [first[0], "False", "False", "False"], runs[1].stderr
    assert int(first[0]) >= 1


def test_the_kept_findings_are_the_rules_findings_and_follow_every_change(new_plan):
    assert lint_findings(new_plan) == _fresh(new_plan)
    _edit(new_plan / CHAPTER, "情報通信技術", "ＩＣＴ(情報通信技術)")
    assert "lint.fullwidth-alnum" in {f.code for f in lint_findings(new_plan)}
    assert lint_findings(new_plan) == _fresh(new_plan)  # from the entry now
    # a new file in a directory the loader lists: a card no chapter places is a notice of the load
    measures = new_plan / "plan" / "measures"
    card = (measures / "example-measure.yaml").read_text(encoding="utf-8")
    (measures / "unplaced-card.yaml").write_text(card, encoding="utf-8")
    assert "load.measure-unplaced" in {f.code for f in lint_findings(new_plan)}
    assert lint_findings(new_plan) == _fresh(new_plan)
    _edit(new_plan / CHAPTER, "ＩＣＴ(情報通信技術)", "情報通信技術")
    assert "lint.fullwidth-alnum" not in {f.code for f in lint_findings(new_plan)}


def test_a_family_is_taken_from_the_same_entry(new_plan):
    _edit(new_plan / CHAPTER, "情報通信技術", "ＩＣＴ(情報通信技術)")
    _edit(new_plan / CHAPTER, "オープンデータ※", "オープンデータ")  # the glossary's term is no longer marked
    everything = lint_findings(new_plan)
    families = {family: lint_findings(new_plan, family) for family in ("glossary", "text", "refs", "content")}
    for family, found in families.items():
        assert found == _fresh(new_plan, family), family
    assert families["text"] and families["glossary"]
    assert "lint.fullwidth-alnum" not in {f.code for f in families["glossary"]}
    assert sorted(sum(families.values(), []), key=lambda f: f.sort_key()) == everything  # no notices here


def test_a_dictionary_alone_changes_the_findings(new_plan):
    _edit(new_plan / CHAPTER, "情報通信技術を活用", "情報技術通信を活用")
    assert "lint.style-dictionary" not in {f.code for f in lint_findings(new_plan)}
    (new_plan / "plan" / "hyoki.yaml").write_text(
        "rules:\n  - expected: 情報通信技術\n    patterns: [情報技術通信]\n", encoding="utf-8"
    )
    assert "lint.style-dictionary" in {f.code for f in lint_findings(new_plan)}
    assert lint_findings(new_plan) == _fresh(new_plan)


def test_build_and_lint_share_the_entry_and_see_each_others_changes(new_plan):
    first = _kplan(new_plan, "build", "--html")
    assert first.returncode == 0, first.stderr
    assert "kplan build:" not in first.stderr  # a clean plan: no count of lint's findings
    _edit(new_plan / CHAPTER, "情報通信技術", "ＩＣＴ(情報通信技術)")
    linted = _kplan(new_plan, "lint")
    assert "lint.fullwidth-alnum" in linted.stdout
    built = _kplan(new_plan, "build", "--html")
    assert built.returncode == 0 and "kplan build:" in built.stderr, built.stderr
    _edit(new_plan / CHAPTER, "ＩＣＴ(情報通信技術)", "情報通信技術")
    assert "kplan build:" not in _kplan(new_plan, "build", "--html").stderr
    assert _kplan(new_plan, "lint").stdout == ""
    # a file lint's rules never read but the load lists: the entry build wrote holds the plan's own inputs too
    measures = new_plan / "plan" / "measures"
    (measures / "unplaced-card.yaml").write_bytes((measures / "example-measure.yaml").read_bytes())
    assert "load.measure-unplaced" in _kplan(new_plan, "lint").stdout


def test_build_uses_the_digests_it_has_just_checked(new_plan):
    """With the plan's digests known, the entry is checked without reading the plan's files again; a file whose
    known digest differs from the entry's is a miss."""
    from kplan.build_cache import phase_reads, recording

    project = Project(new_plan)
    plan, inputs = plan_cache.load_with_inputs(project)
    assert rule_findings(project, plan, inputs) == [f for f in _fresh(new_plan) if f.code.startswith("lint.")]
    chapter = str(new_plan / CHAPTER)
    assert f"f:{chapter}" in inputs
    reads = phase_reads(new_plan, new_plan / "build", ())
    with recording(reads):
        rule_findings(project, plan, inputs)
    assert chapter not in reads.files
    _edit(new_plan / CHAPTER, "情報通信技術", "ＩＣＴ(情報通信技術)")
    plan, changed = plan_cache.load_with_inputs(project)
    assert changed[f"f:{chapter}"] != inputs[f"f:{chapter}"]
    assert "lint.fullwidth-alnum" in {f.code for f in rule_findings(project, plan, changed)}


def test_messages_are_kept_as_entries_and_shown_in_the_language_in_use(new_plan):
    _edit(new_plan / CHAPTER, "情報通信技術", "ＩＣＴ(情報通信技術)")
    japanese = _kplan(new_plan, "lint").stdout
    english = _kplan(new_plan, "--lang", "en", "lint").stdout
    assert "警告" in japanese and "warning" in english and japanese != english
    assert _kplan(new_plan, "lint").stdout == japanese


def test_the_real_plans_findings_survive_the_round_trip(tmp_path):
    found = lint_findings(REPO)
    path = plan_cache.entry_path(REPO, ENTRY)
    assert os.path.exists(path)
    assert plan_cache._kept(path, str(REPO), tuple, {}) is not None  # a hit: every type in it may be read back
    assert lint_findings(REPO) == found == _fresh(REPO)

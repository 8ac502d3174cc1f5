"""kplan diff v1 v2.0 on the project's own history: the reconstructed 初版 against 第2.0版.

The 初版 is reconstructed from what 第2.0版 says about it, so the diff must list exactly: the three measures marked
（第2.0版追加）, the two measures whose 初版 titles chapter 4 prints, the measures renumbered after the added ones,
the plan period (令和3年度～令和6年度 in the 初版) and the cover (edition, (案), revision date); nothing else.

The editions are the newest commits of the repository carrying the trailers Plan-Edition: v1 and v2.0. While those
still hold the old source format (before the editions are re-recorded in format 2), the same editions are rebuilt
in a temporary repository: the 初版 commit migrated by scripts/migrate_format2.py, and the working tree's plan.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import printed_lines
from conftest import REPO, run_kplan
from diff_repo import changed_text, commit, copy_plan, first_edition, git


def _history_root(tmp_path_factory) -> Path:
    """The repository whose v1 and v2.0 are format-2 editions: this one, or a rebuilt one."""
    from kplan.diff.editions import EditionError, load_edition

    try:
        load_edition("v1", REPO), load_edition("v2.0", REPO)
        return REPO
    except EditionError as error:
        if not any(d.code == "load.old-format" for d in error.diagnostics):
            pytest.fail(f"{error} (hint: {error.hint}); the tests need the full history of the repository")
    root = first_edition(tmp_path_factory.mktemp("history") / "repo")
    git(root, "init", "-q", "-b", "main")
    commit(root, "初版 (reconstructed)", "v1")
    for name in ("plan", "glossary"):
        git(root, "rm", "-r", "-q", name)
    copy_plan(root)
    commit(root, "第2.0版", "v2.0")
    return root


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return _history_root(tmp_path_factory)


@pytest.fixture(scope="module")
def editions(root):
    from kplan.diff.editions import load_edition

    return load_edition("v1", root).plan, load_edition("v2.0", root).plan


@pytest.fixture(scope="module")
def diff(root) -> dict:
    result = run_kplan("diff", "v1", "v2.0", "--format", "json", cwd=root)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def _record_labels(plan) -> dict[str, str]:
    """Measure ids a record table refers to with its own wording (the 初版 title), and that wording."""
    from kplan.model import RecordTable
    from kplan.model.visit import components

    return {
        ref.measure_id: str(ref.label)
        for _, _, table in components(plan)
        if isinstance(table, RecordTable)
        for group in table.groups
        for row in group.rows
        for cell in row.cells
        for ref in cell.measures
        if ref.label
    }


def test_the_first_edition_is_marked_reconstructed(diff, editions):
    first, second = editions
    assert first.meta.edition == "1" and first.meta.reconstructed and "再構成" in first.meta.reconstructed
    assert second.meta.edition == "2.0" and second.meta.reconstructed is None
    assert diff["old"]["reconstructed"] == first.meta.reconstructed and diff["new"]["reconstructed"] is None


def test_exactly_the_changes_the_text_states(diff, editions):
    _, second = editions
    added = {m.id for m in second.measures if m.added_in == "2.0"}
    assert len(added) == 3
    labels = _record_labels(second)
    assert len(labels) == 2
    renumbered = {
        m.id
        for m in second.measures
        if m.id not in added
        and any(a.numbers[:-1] == m.numbers[:-1] and a.number < m.number for a in second.measures if a.id in added)
    }
    expected = {("meta", "plan", field, "changed") for field in ("edition", "status", "revised", "period")}
    expected |= {("measure", measure_id, None, "added") for measure_id in added}
    expected |= {("measure", measure_id, "title", "renamed") for measure_id in labels}
    expected |= {("measure", measure_id, "number", "renumbered") for measure_id in renumbered}
    found = [(c["kind"], c["id"], c["field"], c["change"]) for c in diff["changes"]]
    assert len(found) == len(set(found)) == 15
    assert set(found) == expected


def test_the_changed_words(diff, editions):
    _, second = editions
    changes = {(c["id"], c["field"], c["change"]): c for c in diff["changes"]}
    period = changes[("plan", "period", "changed")]
    assert (period["old"], period["new"]) == ("令和3年度～令和6年度", "令和3年度～令和7年度")
    edition = changes[("plan", "edition", "changed")]
    assert (edition["old"], edition["new"]) == ("初版", "第2.0版")
    titles = {m.id: m.title for m in second.measures}
    labels = _record_labels(second)
    for c in diff["changes"]:
        if c["change"] == "renamed":
            assert (c["old"], c["new"]) == (labels[c["id"]], titles[c["id"]])
    workshops = changes[("ict-workshops", "title", "renamed")]
    assert changed_text(workshops, "old") == ["新しい生活様式に即した"] and changed_text(workshops, "new") == []
    for measure_id in ("my-number-card", "local-industry", "digital-principles"):
        assert "（第2.0版追加）" in changes[(measure_id, None, "added")]["new"].splitlines()[0]


def test_the_cover_is_shown_as_its_own_lines(diff):
    """The cover's changes stand under the plan's title, not under a heading kplan made up."""
    meta = [c for c in diff["changes"] if c["kind"] == "meta"]
    assert {tuple(c["path"]) for c in meta} == {("各務原市第3次ICT基本計画(後期計画)",)}


def test_every_table_output_says_the_first_edition_is_reconstructed(root, tmp_path: Path):
    for form in ("md", "html"):
        out = tmp_path / f"taisho.{form}"
        result = run_kplan("diff", "v1", "v2.0", "--format", form, "-o", str(out), cwd=root)
        assert result.returncode == 1, result.stderr
        assert "改定前の初版は再構成された版であり、市の公式な文書ではありません。" in out.read_text(encoding="utf-8")
    result = run_kplan("diff", "v1", "v2.0", cwd=root)
    assert printed_lines.prefix("diff.reconstructed") + "v1" in result.stdout

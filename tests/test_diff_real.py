"""kplan diff v1 v2.0 on the project's own history: the reconstructed 初版 against 第2.0版.

The 初版 is reconstructed from what 第2.0版 says about it, so the diff must list exactly: the three measures marked
（第2.0版追加）, the two measures whose 初版 titles chapter 4 prints, the measures renumbered after the added ones,
the plan period (令和3年度～令和6年度 in the 初版) and the cover (edition, (案), revision date); nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO, run_kplan
from diff_repo import changed_text


@pytest.fixture(scope="module")
def editions():
    from kplan.diff.editions import EditionError, load_edition

    try:
        return load_edition("v1", REPO).plan, load_edition("v2.0", REPO).plan
    except EditionError as error:  # a shallow clone has no history to find the editions in
        pytest.fail(f"{error} (hint: {error.hint}); the tests need the full history of the repository")


@pytest.fixture(scope="module")
def diff(editions) -> dict:
    result = run_kplan("diff", "v1", "v2.0", "--format", "json", cwd=REPO)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_the_first_edition_is_marked_reconstructed(diff, editions):
    first, second = editions
    assert first.meta.edition == "1" and first.meta.reconstructed and "再構成" in first.meta.reconstructed
    assert second.meta.edition == "2.0" and second.meta.reconstructed is None
    assert diff["old"]["reconstructed"] == first.meta.reconstructed and diff["new"]["reconstructed"] is None


def test_exactly_the_changes_the_text_states(diff, editions):
    _, second = editions
    added = {m.id for m in second.measures if m.added_in == "2.0"}
    assert len(added) == 3
    labels = {ref.measure_id: ref.label for c in second.chapters if c.progress for g in c.progress.groups
              for r in g.rows for ref in r.measures if ref.label}
    assert len(labels) == 2
    renumbered = {m.id for m in second.measures
                  if m.id not in added and any(a.group == m.group and a.number < m.number
                                               for a in second.measures if a.id in added)}
    expected = {("meta", "plan", field, "changed") for field in ("edition", "status", "revised", "period")}
    expected |= {("measure", measure_id, None, "added") for measure_id in added}
    expected |= {("measure", measure_id, "title", "renamed") for measure_id in labels}
    expected |= {("measure", measure_id, "number", "renumbered") for measure_id in renumbered}
    found = [(c["kind"], c["id"], c["field"], c["change"]) for c in diff["changes"]]
    assert len(found) == len(set(found))
    assert set(found) == expected


def test_the_changed_words(diff, editions):
    _, second = editions
    changes = {(c["id"], c["field"], c["change"]): c for c in diff["changes"]}
    period = changes[("plan", "period", "changed")]
    assert (period["old"], period["new"]) == ("令和3年度～令和6年度", "令和3年度～令和7年度")
    assert (changes[("plan", "edition", "changed")]["old"], changes[("plan", "edition", "changed")]["new"]) == (
        "初版", "第2.0版")
    titles = {m.id: m.title for m in second.measures}
    for c in diff["changes"]:
        if c["change"] == "renamed":
            label = next(ref.label for ch in second.chapters if ch.progress for g in ch.progress.groups
                         for r in g.rows for ref in r.measures if ref.measure_id == c["id"] and ref.label)
            assert (c["old"], c["new"]) == (label, titles[c["id"]])
    workshops = changes[("ict-workshops", "title", "renamed")]
    assert changed_text(workshops, "old") == ["新しい生活様式に即した"] and changed_text(workshops, "new") == []
    for measure_id in ("my-number-card", "local-industry", "digital-principles"):
        assert "（第2.0版追加）" in changes[(measure_id, None, "added")]["new"].splitlines()[0]


def test_every_table_output_says_the_first_edition_is_reconstructed(tmp_path: Path):
    for form in ("md", "html"):
        out = tmp_path / f"taisho.{form}"
        result = run_kplan("diff", "v1", "v2.0", "--format", form, "-o", str(out), cwd=REPO)
        assert result.returncode == 1, result.stderr
        assert "改定前の初版は再構成された版であり、市の公式な文書ではありません。" in out.read_text(encoding="utf-8")
    result = run_kplan("diff", "v1", "v2.0", cwd=REPO)
    assert "note: v1 is reconstructed, not the city's official text" in result.stdout

"""The plan kept between runs (kplan.plan_cache): the same plan as loading, taken only while every source it was
read from is unchanged, never a reason for a run to fail or to run foreign code, and invisible to the build
record (which still sees every source the plan came from)."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from kplan import plan_cache
from kplan.load import load_plan
from kplan.project import Project


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _kplan(root: Path, *args: str, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "kplan", "-C", str(root), *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_an_unchanged_plan_is_taken_from_the_cache_without_the_loader(new_plan, tmp_path):
    probe = (
        "import sys; from pathlib import Path; from kplan import plan_cache; from kplan.project import Project; "
        f"plan = plan_cache.load(Project(Path({str(new_plan)!r}))); "
        "print('yaml' in sys.modules, 'kplan.load.whole' in sys.modules, len(plan.chapters))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env) for _ in range(2)]
    assert [r.stdout.split() for r in runs] == [["True", "True", "1"], ["False", "False", "1"]], runs[1].stderr


def test_the_kept_plan_is_the_loaded_one_and_follows_every_change(new_plan):
    project = Project(new_plan)
    assert plan_cache.load(project) == load_plan(new_plan)
    assert plan_cache.load(project) == load_plan(new_plan)  # from the entry now
    chapter = new_plan / "plan" / "chapters" / "01-example.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("（例）計画の概要", "計画の概要"), encoding="utf-8")
    assert plan_cache.load(project).chapters[0].title == "計画の概要"
    # a new file in a directory the loader lists (the measure cards) is seen too: a card no chapter places
    before = plan_cache.load(project)
    measures = new_plan / "plan" / "measures"
    card = (measures / "example-measure.yaml").read_text(encoding="utf-8")
    (measures / "unplaced-card.yaml").write_text(card, encoding="utf-8")
    kept = plan_cache.load(project)
    assert kept == load_plan(new_plan) != before
    assert "load.measure-unplaced" in {notice.code for notice in kept.notices}


def test_a_plan_that_cannot_be_loaded_is_not_kept(new_plan):
    (new_plan / "plan" / "plan.yaml").write_text("parts: [\n", encoding="utf-8")
    from kplan.diagnostics import DiagnosticError

    for _ in range(2):
        with pytest.raises(DiagnosticError):
            plan_cache.load(Project(new_plan))
    assert not os.path.exists(plan_cache.entry_path(new_plan, "plan"))


class _Marker:
    """Pickled as a call of os.system: what a tampered entry would try."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self):
        return (os.system, (f"touch {self.target}",))


def test_a_corrupt_or_foreign_entry_is_a_miss_and_runs_nothing(new_plan, tmp_path):
    project = Project(new_plan)
    expected = plan_cache.load(project)
    entry = Path(plan_cache.entry_path(new_plan, "plan"))
    marker = tmp_path / "ran"
    for content in (b"not a pickle", pickle.dumps(_Marker(marker)), pickle.dumps((1, "x", "y", {}, "not a plan"))):
        entry.write_bytes(content)
        assert plan_cache.load(project) == expected
        assert not marker.exists()
    # an unwritable cache is no reason to fail either
    entry.unlink()
    entry.parent.chmod(0o500)
    try:
        assert plan_cache.load(project) == expected
    finally:
        entry.parent.chmod(0o700)


def test_the_build_record_sees_the_sources_of_a_kept_plan(new_plan, tmp_path):
    cache = tmp_path / "cache"
    assert _kplan(new_plan, "lint", cache=cache).returncode in (0, 1)  # keeps the plan
    first = _kplan(new_plan, "build", "--html", cache=cache)
    assert first.returncode == 0, first.stderr
    chapter = new_plan / "plan" / "chapters" / "01-example.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace("（例）計画の概要", "計画のあらまし"), encoding="utf-8"
    )
    second = _kplan(new_plan, "build", "--html", cache=cache)
    assert second.returncode == 0, second.stderr
    page = next((new_plan / "build" / "html").rglob("*.html")).parent
    assert "計画のあらまし" in "".join(p.read_text(encoding="utf-8") for p in page.rglob("*.html"))


def test_a_dictionary_written_after_a_run_without_one_is_read(new_plan, tmp_path):
    cache = tmp_path / "cache"
    assert "style-dictionary" not in _kplan(new_plan, "lint", cache=cache).stdout
    (new_plan / "plan" / "hyoki.yaml").write_text(
        "rules:\n  - expected: 情報通信技術\n    patterns: [情報技術通信]\n", encoding="utf-8"
    )
    chapter = new_plan / "plan" / "chapters" / "01-example.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n情報技術通信の段落。\n", encoding="utf-8")
    assert "style-dictionary" in _kplan(new_plan, "lint", cache=cache).stdout


def test_the_real_plan_survives_the_round_trip():
    project = Project(REPO)
    entry = pickle.dumps(load_plan(REPO))
    assert plan_cache._ModelUnpickler(io.BytesIO(entry)).load() == plan_cache.load(project)

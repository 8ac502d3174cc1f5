"""The in-process rebuild a live preview calls on every save."""

from __future__ import annotations

import pytest

from kplan.diagnostics import DiagnosticError
from kplan.live import Live
from kplan.project import Project


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _tree(directory):
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


def test_a_save_reloads_and_renders_only_what_it_touched(project, kplan, tmp_path):
    live = Live(Project(project, tmp_path / "live"))
    first = live.rebuild()
    assert first.loaded and first.rendered == ["html"] and first.written

    idle = live.rebuild()
    assert not idle.loaded and idle.rendered == [] and idle.written == []

    chapter = project / "plan" / "chapters" / "02-trends.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n新しい段落を加えました。\n", encoding="utf-8")
    edited = live.rebuild()
    assert edited.loaded and edited.rendered == ["html"] and edited.written

    style = project / "templates" / "static" / "style.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n/* live */\n", encoding="utf-8")
    styled = live.rebuild()
    assert not styled.loaded and styled.rendered == ["html"]

    # what the live preview holds is what kplan build makes from the same sources
    result = kplan("-C", str(project), "build", "--html", "-o", str(tmp_path / "full"))
    assert result.returncode == 0, result.stderr
    assert _tree(tmp_path / "live" / "html") == _tree(tmp_path / "full" / "html")


def test_a_save_that_breaks_the_sources_leaves_the_site_as_it_was(project, tmp_path):
    live = Live(Project(project, tmp_path / "live"))
    live.rebuild()
    before = _tree(tmp_path / "live" / "html")
    (project / "plan" / "plan.yaml").write_text("parts: [\n", encoding="utf-8")
    with pytest.raises(DiagnosticError):
        live.rebuild()
    assert _tree(tmp_path / "live" / "html") == before


def test_a_broken_yaml_file_is_reported_again_by_the_next_rebuild(project, tmp_path):
    """The loader's memo of parsed YAML keeps each file's problems: a file still broken is still reported."""
    live = Live(Project(project, tmp_path / "live"))
    live.rebuild()
    card = project / "plan" / "measures" / "open-data.yaml"
    card.write_text(card.read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DiagnosticError) as raised:
            live.rebuild()
        assert any("open-data.yaml" in str(d) for d in raised.value.diagnostics)

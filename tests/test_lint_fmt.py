"""`kplan fmt`: canonical key order and 50音順, --check, and a round trip that loses nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import msgspec

from kplan.diagnostics import Loc
from kplan.load import load_plan

REPO = Path(__file__).resolve().parents[1]
GLOSSARY = "glossary/glossary.yaml"


def without_locations(value):
    """The model as plain data with every source location left out."""
    if isinstance(value, Loc):
        return None
    if isinstance(value, msgspec.Struct):
        return {name: without_locations(getattr(value, name)) for name in value.__struct_fields__ if name != "root"}
    if isinstance(value, tuple | list):
        return [without_locations(v) for v in value]
    if isinstance(value, dict):
        return {k: without_locations(v) for k, v in value.items()}
    return value


def scramble(root: Path) -> set[str]:
    """Non-semantic changes: keys out of schema order, a glossary entry out of 50音順, a comment."""
    measure = root / "plan/measures/open-data.yaml"
    text = measure.read_text(encoding="utf-8")
    head, _, rest = text.partition("id: open-data\n")
    title = "title: オープンデータの整備\n"
    measure.write_text(head + rest.replace(title, title + "id: open-data\n"), encoding="utf-8")
    glossary = root / GLOSSARY
    text = glossary.read_text(encoding="utf-8")
    start = text.index("  - id: accessibility")
    end = text.index("  - id: ", start + 1)
    entry = text[start:end].replace("    term: アクセシビリティ\n", "    term: アクセシビリティ  # 読みやすさ\n")
    entry = entry.replace("    reading: あくせしびりてぃ\n", "").replace(
        "  - id: accessibility\n", "  - id: accessibility\n    reading: あくせしびりてぃ\n"
    )
    text = text[:start] + text[end:]
    at = text.index("  - id: wireless-lan")
    glossary.write_text(text[:at] + entry + text[at:], encoding="utf-8")
    chapter = root / "plan/chapters/01-about.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(
        text.replace(
            "id: about\ntitle: ICT基本計画(後期計画)について\n", "title: ICT基本計画(後期計画)について\nid: about\n"
        ),
        encoding="utf-8",
    )
    return {"plan/measures/open-data.yaml", GLOSSARY, "plan/chapters/01-about.md"}


def test_real_plan_is_canonical(kplan):
    result = kplan("fmt", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_check_lists_files_and_changes_nothing(project, kplan):
    scrambled = scramble(project)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = kplan("-C", str(project), "fmt", "--check")
    assert result.returncode == 1
    assert set(result.stdout.split()) == scrambled
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_fmt_restores_canonical_form_and_loses_nothing(project, kplan):
    original = without_locations(load_plan(project))
    untouched = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in project.rglob("*.yaml")}
    scramble(project)
    assert without_locations(load_plan(project)) != original  # the glossary order is part of the model
    result = kplan("-C", str(project), "fmt")
    assert result.returncode == 0, result.stderr
    assert without_locations(load_plan(project)) == original
    assert kplan("-C", str(project), "fmt", "--check").returncode == 0
    for rel in ("plan/measures/open-data.yaml", "plan/chapters/01-about.md"):
        assert (project / rel).read_text(encoding="utf-8") == (REPO / rel).read_text(encoding="utf-8")
    glossary = (project / GLOSSARY).read_text(encoding="utf-8")
    assert "term: アクセシビリティ  # 読みやすさ" in glossary  # the comment moved with its entry
    assert glossary.replace("  # 読みやすさ", "") == (REPO / GLOSSARY).read_text(encoding="utf-8")
    assert glossary.index("id: accessibility") < glossary.index("id: incident")
    for path, digest in untouched.items():
        if path.name not in ("open-data.yaml", "glossary.yaml"):
            assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, path


def test_fmt_refuses_unreadable_sources(project, kplan):
    path = project / "plan/plan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: [draft"), encoding="utf-8")
    result = kplan("-C", str(project), "fmt")
    assert result.returncode == 2 and "plan/plan.yaml:" in result.stderr


def test_as_written_glossary_is_never_reordered(project):
    from kplan.fmt import canonical_changes

    glossary = project / GLOSSARY
    text = glossary.read_text(encoding="utf-8").replace("order: kana", "order: as-written")
    start = text.index("  - id: accessibility")
    end = text.index("  - id: ", start + 1)
    at = text.index("  - id: wireless-lan")
    text = text[:start] + text[end:at] + text[start:end] + text[at:]
    glossary.write_text(text, encoding="utf-8")
    assert canonical_changes(project) == {}
    glossary.write_text(text.replace("order: as-written", "order: kana"), encoding="utf-8")
    assert set(canonical_changes(project)) == {GLOSSARY}

"""kplan init: a new plan that lints clean and builds; a non-empty directory is refused and left untouched."""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from pathlib import Path

import jsonschema
import pytest
import yaml

import printed_lines
from conftest import run_kplan
from kplan.init import InitError, InvalidValueError, NotEmptyError, create_plan, skeleton_files

MUNICIPALITY = "例示町"
TITLE = '第1次 "DX": 推進計画 #1 <例>'  # quotes, a colon, a hash, angle brackets: must survive YAML and Markdown


def tree_digest(root: Path) -> dict[str, str]:
    """Every entry under `root` (files hashed, directories marked), for comparing before and after."""
    entries = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        entries[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return entries


@pytest.fixture(scope="module")
def new_plan(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("init") / "new-plan"
    written = create_plan(root, MUNICIPALITY, TITLE)
    assert written and all(path.is_file() and path.is_relative_to(root) for path in written)
    assert sorted(written) == sorted(p for p in root.rglob("*") if p.is_file())
    return root


def test_the_plan_has_every_file(new_plan):
    for rel in (
        "plan/plan.yaml",
        "glossary/glossary.yaml",
        "README.md",
        ".gitattributes",
        ".editorconfig",
        ".github/workflows/lint.yml",
        ".pre-commit-config.yaml",
        "plan/figures/example-diagram.png",
    ):
        assert (new_plan / rel).is_file(), rel
    assert list((new_plan / "plan" / "chapters").glob("*.md"))
    assert not list(new_plan.rglob(".kplan-init-*")) and not list(new_plan.parent.glob(".*kplan-init-*"))


def test_names_are_filled_in_safely(new_plan):
    meta = yaml.safe_load((new_plan / "plan" / "plan.yaml").read_text(encoding="utf-8"))
    assert meta["municipality"] == MUNICIPALITY and meta["title"] == TITLE
    assert meta["status"] == "draft" and meta["edition"] == "1" and "dates" not in meta
    readme = (new_plan / "README.md").read_text(encoding="utf-8")
    assert r"\<例\>" in readme and "例" in readme
    for path in new_plan.rglob("*"):
        if path.is_file() and path.suffix != ".png":
            assert "{{" not in path.read_text(encoding="utf-8"), path


def test_every_text_the_plan_prints_is_labelled_an_example(new_plan):
    sources = [*new_plan.glob("plan/**/*.md"), *new_plan.glob("plan/**/*.yaml"), *new_plan.glob("glossary/*.yaml")]
    for path in sources:
        if path.name != "plan.yaml":
            assert "（例）" in path.read_text(encoding="utf-8"), path


def test_schema_pointers_lead_to_schemas(new_plan):
    pointer = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)
    sources = [p for p in new_plan.rglob("*.yaml") if not p.name.startswith(".")]
    for path in sources:
        found = pointer.findall(path.read_text(encoding="utf-8"))
        assert len(found) == 1, path
        schema = (path.parent / found[0]).resolve()
        assert schema.is_file() and schema.is_relative_to(new_plan / "schema"), (path, found[0])
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), json.loads(schema.read_text("utf-8")))


def test_editor_and_git_settings(new_plan):
    attributes = (new_plan / ".gitattributes").read_text(encoding="utf-8")
    assert "* text=auto eol=lf" in attributes and re.search(r"^\*\.png binary$", attributes, re.MULTILINE)
    editorconfig = (new_plan / ".editorconfig").read_text(encoding="utf-8")
    for setting in (
        "charset = utf-8",
        "end_of_line = lf",
        "insert_final_newline = true",
        "trim_trailing_whitespace = true",
        "[*.md]",
    ):
        assert setting in editorconfig
    workflow = yaml.safe_load((new_plan / ".github" / "workflows" / "lint.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["lint"]["steps"]]
    assert "kplan lint --format github" in steps
    hooks = yaml.safe_load((new_plan / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["repo"] == "local" and hooks["repos"][0]["hooks"][0]["entry"] == "kplan lint"
    for path in new_plan.rglob("*"):
        if path.is_file() and path.suffix != ".png":
            data = path.read_bytes()
            assert b"\r" not in data and data.endswith(b"\n"), path
            if path.suffix != ".md":
                assert not re.search(rb"[ \t]$", data, re.MULTILINE), path


def test_the_figure_is_a_real_png(new_plan):
    data = (new_plan / "plan" / "figures" / "example-diagram.png").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour) == (8, 2) and width > height > 0
    offset, idat = 8, b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        assert struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])[0] == zlib.crc32(kind + body)
        idat += body if kind == b"IDAT" else b""
        offset += 12 + length
    raw = zlib.decompress(idat)
    assert len(raw) == height * (1 + 3 * width) and len(set(raw)) > 3  # not a blank image


def test_nothing_in_the_skeleton_names_a_real_city():
    for rel, data in skeleton_files("町", "計画").items():
        assert "各務原".encode() not in data, rel


def test_the_new_plan_lints_clean(new_plan):
    result = run_kplan("-C", str(new_plan), "lint")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [m for m in printed_lines.lines(result.stdout) if m["severity"] in ("error", "エラー")], result.stdout


def test_the_new_plan_loads_as_written(new_plan):
    from kplan.load import load_plan
    from kplan.model.components import Figure, IndicatorTable, Measure, Section
    from kplan.model.visit import components, rich_texts

    plan = load_plan(new_plan)
    assert (str(plan.meta.municipality), str(plan.meta.title), plan.meta.status) == (MUNICIPALITY, TITLE, "draft")
    kinds = {type(component) for _, _, component in components(plan)}
    assert {Section, Measure, IndicatorTable, Figure} <= kinds
    figure = next(c for _, _, c in components(plan) if isinstance(c, Figure))
    assert figure.image and not figure.placeholder and figure.alt
    markers = [m for text in rich_texts(plan) for m in text.markers]
    assert markers and all(m.term_id for m in markers)


def test_the_new_plan_builds_a_site(new_plan, tmp_path):
    result = run_kplan("-C", str(new_plan), "build", "--html", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    pages = list((tmp_path / "html").rglob("*.html"))
    assert pages
    text = "".join(page.read_text(encoding="utf-8") for page in pages)
    assert MUNICIPALITY in text and "（例）" in text
    assert list((tmp_path / "html").rglob("*.png"))


def test_a_non_empty_directory_is_refused_and_untouched(tmp_path):
    root = tmp_path / "existing"
    (root / "plan").mkdir(parents=True)
    (root / "notes.txt").write_text("市のメモ\n", encoding="utf-8")
    (root / "plan" / "plan.yaml").write_text("municipality: x\n", encoding="utf-8")
    before = tree_digest(tmp_path)
    with pytest.raises(NotEmptyError):
        create_plan(root, MUNICIPALITY, TITLE)
    assert tree_digest(tmp_path) == before


def test_a_file_is_refused(tmp_path):
    target = tmp_path / "plan.txt"
    target.write_text("x\n", encoding="utf-8")
    with pytest.raises(NotEmptyError):
        create_plan(target, MUNICIPALITY, TITLE)
    assert tree_digest(tmp_path) == {"plan.txt": hashlib.sha256(b"x\n").hexdigest()}


def test_an_empty_existing_directory_is_filled(tmp_path):
    create_plan(tmp_path, MUNICIPALITY, TITLE)
    assert (tmp_path / "plan" / "plan.yaml").is_file()
    assert not [p for p in tmp_path.iterdir() if "kplan-init" in p.name]


@pytest.mark.parametrize("bad", ["", "   ", "一行目\n二行目", "tab\tinside", "x" * 300])
def test_unusable_names_are_refused_before_anything_is_written(tmp_path, bad):
    with pytest.raises(InvalidValueError):
        create_plan(tmp_path / "new", bad, TITLE)
    with pytest.raises(InvalidValueError):
        create_plan(tmp_path / "new", MUNICIPALITY, bad)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_half_way_leaves_nothing(tmp_path, monkeypatch):
    import kplan.init as init

    calls = []

    def failing_rename(source, target):
        calls.append(target)
        if len(calls) == 3:
            raise OSError("disk full (simulated)")
        Path(source).rename(target)

    monkeypatch.setattr(init.os, "rename", failing_rename)
    with pytest.raises(InitError):
        create_plan(tmp_path, MUNICIPALITY, TITLE)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(InitError):
        calls.clear()
        calls.extend([None, None])  # the very first rename (the whole directory) fails
        create_plan(tmp_path / "new", MUNICIPALITY, TITLE)
    assert list(tmp_path.iterdir()) == []


def test_the_command_creates_a_plan_and_refuses_to_overwrite_it(tmp_path):
    root = tmp_path / "cli-plan"
    result = run_kplan("init", str(root), "--municipality", MUNICIPALITY, "--title", TITLE)
    assert result.returncode == 0, result.stderr
    assert (root / "plan" / "plan.yaml").is_file()
    before = tree_digest(tmp_path)
    again = run_kplan("init", str(root), "--municipality", "別の町", "--title", "別の計画")
    assert again.returncode == 2 and "cli.init-not-empty" in printed_lines.codes(again.stderr)
    assert tree_digest(tmp_path) == before
    missing = run_kplan("init", str(tmp_path / "other"), "--municipality", MUNICIPALITY)
    assert missing.returncode == 2 and not (tmp_path / "other").exists()


def test_missing_parents_are_made_and_removed_again_on_failure(tmp_path, monkeypatch):
    import kplan.init as init

    def failing_rename(source, target):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(init.os, "rename", failing_rename)
    with pytest.raises(InitError):
        create_plan(tmp_path / "a" / "b" / "plan", MUNICIPALITY, TITLE)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    create_plan(tmp_path / "a" / "b" / "plan", MUNICIPALITY, TITLE)
    assert (tmp_path / "a" / "b" / "plan" / "plan" / "plan.yaml").is_file()

"""Markdown sources as staff really save them: CRLF (Git for Windows, Notepad), a lone CR, a UTF-8 BOM.

Each is read like LF without a BOM, every position (line:column) stays the one an editor shows, and
`kplan lint --fix` writes a file back with its own line endings and BOM, byte for byte.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests/fixtures/typed-city"
BOM = b"\xef\xbb\xbf"
SAVED = {"crlf": (b"\r\n", False), "cr": (b"\r", False), "bom": (b"\n", True), "bom-crlf": (b"\r\n", True)}


def save_as(path: Path, how: str) -> None:
    """Rewrite an LF file with the line endings and BOM of `how`."""
    newline, bom = SAVED[how]
    data = path.read_bytes().replace(b"\n", newline)
    path.write_bytes((BOM if bom else b"") + data)


def copy_fixture(tmp_path: Path) -> Path:
    root = tmp_path / "typed-city"
    shutil.copytree(FIXTURE, root)
    return root


def lint_json(kplan, root: Path, *args: str) -> tuple[int, list[dict]]:
    result = kplan("-C", str(root), "lint", "--format", "json", *args)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, json.loads(result.stdout)


@pytest.fixture(scope="module")
def real_findings(kplan_module, tmp_path_factory) -> list[dict]:
    """The findings of a fresh copy of the real plan, as saved in the repository (LF, no BOM)."""
    root = tmp_path_factory.mktemp("lf") / "project"
    for name in ("plan", "glossary"):
        shutil.copytree(REPO / name, root / name)
    result = kplan_module("-C", str(root), "lint", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("how", sorted(SAVED))
def test_chapters_saved_with_windows_line_endings_or_a_bom_are_read_at_the_same_positions(
    project, kplan, real_findings, how
):
    """Was: a chapter saved with CRLF was refused ("the chapter has no front matter"); a lone CR made every
    position of lint point into line 1."""
    for path in sorted((project / "plan/chapters").glob("*.md")):
        save_as(path, how)
    result = kplan("-C", str(project), "lint", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == real_findings
    assert any(f["file"].endswith(".md") and f["line"] > 1 for f in real_findings)  # positions inside chapters


@pytest.mark.parametrize("how", sorted(SAVED))
def test_a_chapter_saved_otherwise_loads_into_the_same_model(tmp_path, how):
    from kplan.load import load_plan

    lf = copy_fixture(tmp_path / "lf")
    other = copy_fixture(tmp_path / how)
    for path in sorted((other / "plan/chapters").glob("*.md")):
        save_as(path, how)
    assert load_plan(other).parts == load_plan(lf).parts


# a front-matter title with an old kanji (檢) and raw HTML in the body: two findings, one with a fix, at known places
SLIPPED_TITLE = ("title: 計画のあらまし", "title: 計画の檢討")
SLIPPED_BODY = ("この計画を定めます。", "この計画を<b>定めます</b>。")


@pytest.mark.parametrize("how", sorted(SAVED))
def test_positions_in_front_matter_and_body_stay_right_whatever_the_line_endings(tmp_path, kplan, how):
    root = copy_fixture(tmp_path)
    path = root / "plan/chapters/01-intro.md"
    text = path.read_text(encoding="utf-8")
    for old, new in (SLIPPED_TITLE, SLIPPED_BODY):
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    _, expected = lint_json(kplan, root)
    save_as(path, how)
    _, findings = lint_json(kplan, root)
    assert findings == expected
    places = {(f["code"], f["line"], f["column"]) for f in findings}
    assert ("lint.old-kanji", 3, 11) in places
    assert ("lint.raw-html", 6, 28) in places


@pytest.mark.parametrize("how", sorted(SAVED))
def test_lint_fix_writes_a_markdown_file_back_with_its_line_endings_and_bom(tmp_path, kplan, how):
    """Was not checked: --fix on a CRLF or BOM chapter must change only the fixed characters."""
    root = copy_fixture(tmp_path)
    path = root / "plan/chapters/01-intro.md"
    text = path.read_text(encoding="utf-8")
    slipped = text.replace(*SLIPPED_TITLE).replace("## 計画の目的 {#purpose}", "＃＃ 計画の目的 ｛#purpose｝")
    path.write_text(slipped, encoding="utf-8")
    save_as(path, how)
    before = path.read_bytes()
    result = kplan("-C", str(root), "lint", "--fix")
    assert result.returncode == 0, result.stdout + result.stderr
    expected = (
        before.replace("檢".encode(), "検".encode())
        .replace("＃＃ ".encode(), b"## ")
        .replace("｛#purpose｝".encode(), b"{#purpose}")
    )
    assert path.read_bytes() == expected
    assert before != expected


def test_front_matter_typed_with_the_ime_on_names_the_character(tmp_path, kplan):
    """Was: ーーー for --- was "the chapter has no front matter", without saying why."""
    root = copy_fixture(tmp_path)
    path = root / "plan/chapters/02-measures.md"
    path.write_text(path.read_text(encoding="utf-8").replace("---", "ーーー", 1), encoding="utf-8")
    result = kplan("-C", str(root), "lint", "--format", "json")
    assert result.returncode == 2
    findings = json.loads(result.stdout)
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in findings] == [
        ("load.front-matter", "plan/chapters/02-measures.md", 1, 1)
    ]
    assert "U+30FC" in findings[0]["message"]

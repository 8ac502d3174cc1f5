"""YAML saved with CRLF (Windows) or a lone CR (old Mac editors): fmt and lint --fix write it back with the same
line endings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import kplan_in


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_fmt_and_fix_keep_the_files_line_endings(new_plan: Path, ending: str) -> None:
    root = new_plan
    plan_yaml, glossary = root / "plan/plan.yaml", root / "glossary/glossary.yaml"
    text = plan_yaml.read_text(encoding="utf-8").replace(
        'title: "情報化計画"\nedition: "1"', 'edition: "1"\ntitle: "情報化計画"'
    )
    plan_yaml.write_bytes(text.replace("\n", ending).encode("utf-8"))  # keys out of order: fmt rewrites it
    entry = glossary.read_text(encoding="utf-8").replace("definition: ", "definition: 舊い", 1)
    glossary.write_bytes(entry.replace("\n", ending).encode("utf-8"))  # 舊: --fix rewrites it

    for command in (["fmt"], ["lint", "--fix"]):
        result = kplan_in(root, *command)
        assert result.returncode == 0, result.stderr
    for path in (plan_yaml, glossary):
        data = path.read_bytes().decode("utf-8")
        rest = data.replace(ending, "")
        assert "\n" not in rest and "\r" not in rest, f"{path.name} has other line endings now"
        assert data.count(ending) >= 10
    assert "舊" not in glossary.read_text(encoding="utf-8")
    assert plan_yaml.read_bytes().index(b"title:") < plan_yaml.read_bytes().index(b"edition:")


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_the_real_plan_saved_with_other_line_endings_reads_the_same(tmp_path: Path, real_plan, ending: str) -> None:
    from conftest import REPO
    from kplan.export.markdown import export_markdown
    from kplan.lint.kept import lint_findings
    from kplan.load import load_plan

    for part in ("plan", "glossary", "templates"):
        shutil.copytree(REPO / part, tmp_path / part)
    for path in [*(tmp_path / "plan").rglob("*"), *(tmp_path / "glossary").rglob("*")]:
        if path.suffix in (".md", ".yaml"):
            path.write_bytes(path.read_bytes().replace(b"\n", ending.encode()))
    assert export_markdown(load_plan(tmp_path)) == export_markdown(real_plan)
    codes = sorted((f.code, f.loc.file, f.loc.line, f.loc.column) for f in lint_findings(tmp_path))
    assert codes == sorted((f.code, f.loc.file, f.loc.line, f.loc.column) for f in lint_findings(REPO))

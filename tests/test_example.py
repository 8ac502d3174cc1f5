"""examples/kakuu-dx: a constructed plan of another shape lints, builds (site and PDF), diffs, names no real city."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_kplan
from diff_repo import commit, edit, git

EXAMPLE = REPO / "examples" / "kakuu-dx"
REAL_CITY = "各務原"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The example built once, site and PDF, by the real `kplan build`."""
    out = tmp_path_factory.mktemp("example-build")
    result = run_kplan("-C", str(EXAMPLE), "build", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_the_example_lints_without_errors():
    result = run_kplan("-C", str(EXAMPLE), "lint", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    findings = json.loads(result.stdout)
    assert not [f for f in findings if f.get("severity") == "error"], findings


def test_the_example_has_its_shape():
    from kplan.load import load_plan
    from kplan.model.components import Figure, IndicatorTable, Measure, RecordTable
    from kplan.model.visit import components

    plan = load_plan(EXAMPLE)
    assert plan.survey is None and plan.public_comment is None and plan.meta.edition == "1"
    assert plan.glossary is not None and plan.glossary.order == "as-written"
    assert "架空の計画" in plan.meta.title
    measures = plan.measures
    assert [m.reference for m in measures[:3]] == ["1-1", "1-2", "2-1"]
    assert all(m.department for m in measures)
    found = [c for _, _, c in components(plan)]
    figures = [c for c in found if isinstance(c, Figure)]
    assert figures and all(f.image and f.alt and f.digest for f in figures)
    assert {Path(f.image).suffix for f in figures} == {".png", ".svg"}
    tables = [c for c in found if isinstance(c, IndicatorTable)]
    rows = [i for t in tables for i in t.indicators]
    assert rows and all(i.baseline and i.target and i.target.year and i.unit for i in rows)
    assert any(isinstance(c, RecordTable) for c in found)
    assert any(isinstance(c, Measure) and c.body for c in found)


def test_the_example_builds_site_and_pdf(built):
    assert (built / "html" / "index.html").is_file()
    pdfs = list((built / "pdf").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
    images = {p.suffix for p in (built / "html").rglob("*") if p.suffix in (".png", ".svg")}
    assert images == {".png", ".svg"}


def test_no_output_names_the_real_city(built):
    for path in [*built.rglob("*"), *EXAMPLE.rglob("*")]:
        if path.is_file():
            assert REAL_CITY.encode() not in path.read_bytes(), path
    pdf = next((built / "pdf").glob("*.pdf"))
    from pdfread import page_texts

    assert all(REAL_CITY not in text for text in page_texts(pdf))


def test_diff_reports_a_changed_target(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE, root)
    git(root, "init", "-q", "-b", "main")
    old = commit(root, "the example as it is", "v1")
    edit(root, "plan/indicators/overall.yaml", "target: {value: 60, year: 2028}", "target: {value: 75, year: 2028}")
    new = commit(root, "a higher target")
    result = run_kplan("diff", old, new, "--format", "json", cwd=root)
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.dumps(json.loads(result.stdout), ensure_ascii=False)
    assert "60" in report and "75" in report
    text = run_kplan("diff", old, new, cwd=root)
    assert text.returncode == 1 and "75" in text.stdout


def test_every_yaml_file_names_a_schema_it_satisfies():
    """What an editor sees: each file's schema pointer leads to kplan's schema, and the file validates against it."""
    import jsonschema
    import yaml

    pointer = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)
    files = sorted(EXAMPLE.rglob("*.yaml"))
    assert len(files) > 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = pointer.findall(text)
        assert len(found) == 1, path
        schema_path = (path.parent / found[0]).resolve()
        assert schema_path.parent == REPO / "schema" and schema_path.is_file(), (path, found[0])
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.validate(yaml.safe_load(text), schema)

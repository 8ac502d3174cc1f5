"""The command line: help, finding the plan like git does, -C, schemas, wareki."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

import printed_lines
from kplan import wareki

REPO = Path(__file__).resolve().parents[1]


def test_help_lists_commands_with_descriptions(kplan):
    result = kplan("--help")
    assert result.returncode == 0
    for command in ("build", "lint", "fmt", "schema"):
        line = next(line for line in result.stdout.splitlines() if line.strip("│ ").startswith(command))
        assert len(line.strip("│ ")) > len(command) + 10, line


def test_finds_the_plan_from_a_subdirectory(project, kplan):
    result = kplan("lint", cwd=project / "plan" / "measures")
    assert result.returncode == 0, result.stderr


def test_dash_c_works_on_another_checkout(project, kplan, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert kplan("-C", str(project), "lint", cwd=elsewhere).returncode == 0


def test_no_plan_found(kplan, tmp_path):
    result = kplan("lint", cwd=tmp_path)
    assert result.returncode == 2
    assert "cli.no-project" in printed_lines.codes(result.stderr) and "-C" in result.stderr
    assert "Traceback" not in result.stderr


def test_lint_on_the_real_plan_is_clean(kplan):
    result = kplan("lint")
    assert result.returncode == 0, result.stderr


def test_lint_reports_an_unknown_term(project, kplan):
    chapter = project / "plan/chapters/01-about.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("ICT※は", "ICTT※は", 1), encoding="utf-8")
    result = kplan("-C", str(project), "lint")
    assert result.returncode == 1
    assert "plan/chapters/01-about.md:" in result.stdout and "unknown-term" in result.stdout


def test_schema_command_writes_what_the_repository_ships(kplan, tmp_path):
    result = kplan("schema", str(tmp_path))
    assert result.returncode == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    shipped = sorted(p.name for p in (REPO / "schema").iterdir())
    assert written == shipped
    for name in written:
        assert (tmp_path / name).read_text() == (REPO / "schema" / name).read_text(), f"schema/{name} is stale"


class _NoDates(yaml.SafeLoader):
    """YAML as an editor's language server sees it: dates stay strings."""


_NoDates.yaml_implicit_resolvers = {
    k: [(tag, regexp) for tag, regexp in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}

YAML_SOURCES = sorted(str(p.relative_to(REPO)) for d in ("plan", "glossary") for p in (REPO / d).rglob("*.yaml"))


def test_every_kind_of_yaml_source_is_in_the_real_plan():
    kinds = {(REPO / s).read_text(encoding="utf-8").splitlines()[0].rsplit("/", 1)[-1] for s in YAML_SOURCES}
    assert {"plan.schema.json", "measure.schema.json", "glossary.schema.json", "records.schema.json"} <= kinds


@pytest.mark.parametrize("source", sorted(YAML_SOURCES))
def test_sources_validate_against_their_json_schema_and_point_at_it(source):
    import jsonschema

    text = (REPO / source).read_text(encoding="utf-8")
    first_line = text.splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=")
    pointer = (REPO / source).parent / first_line.split("=", 1)[1]
    assert pointer.resolve().parent == (REPO / "schema").resolve() and pointer.is_file()
    schema = json.loads(pointer.read_text(encoding="utf-8"))
    jsonschema.validate(yaml.load(text, Loader=_NoDates), schema)


def test_json_schema_rejects_what_the_loader_rejects():
    import jsonschema

    schema = json.loads((REPO / "schema/measure.schema.json").read_text(encoding="utf-8"))
    data = yaml.load((REPO / "plan/measures/open-data.yaml").read_text(encoding="utf-8"), Loader=_NoDates)
    data["titel"] = data.pop("title")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (wareki.year_month(2021, 7), "令和3年7月"),
        (wareki.year_month(2019, 4), "平成31年4月"),
        (wareki.year_month(2019, 5), "令和元年5月"),
        (wareki.fiscal_year(2019), "令和元年度"),
        (wareki.fiscal_period(2021, 2025), "令和3年度～令和7年度"),
        (wareki.date(dt.date(2016, 12, 14)), "平成28年12月14日"),
        (wareki.date_range(dt.date(2021, 1, 12), dt.date(2021, 2, 28), repeat_era=False), "令和3年1月12日～2月28日"),
        (wareki.date_range(dt.date(2021, 5, 28), dt.date(2021, 6, 16)), "令和3年5月28日～令和3年6月16日"),
    ],
)
def test_wareki(value, expected):
    assert value == expected

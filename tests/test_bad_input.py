"""Bad sources: one line per problem with file:line:column and a hint, exit code 2, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.+?)(?: \(hint: (?P<hint>.+)\))?$"
)


def problems(result) -> list[dict]:
    """The problem lines of a failed run, parsed; asserts the run failed cleanly with exit code 2."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith("kplan:")]
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    return [m.groupdict() for m in parsed]  # type: ignore[union-attr]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_malformed_yaml(project, kplan):
    measure = project / "plan/measures/open-data.yaml"
    edit(measure, "number: ", "number: [")
    found = problems(kplan("-C", str(project), "lint"))
    assert found[0]["file"] == "plan/measures/open-data.yaml"
    assert "malformed YAML" in found[0]["message"]
    assert found[0]["hint"]


def test_wrong_type_with_hint(project, kplan):
    plan = project / "plan/plan.yaml"
    edit(plan, 'edition: "2.0"', "edition: 2.0")
    [found] = problems(kplan("-C", str(project), "lint"))
    assert (found["file"], int(found["line"])) == ("plan/plan.yaml", line_of(plan, "edition:"))
    assert "expected text" in found["message"]
    assert '"2.0"' in found["hint"]


def test_unknown_key_did_you_mean(project, kplan):
    measure = project / "plan/measures/school-ict.yaml"
    edit(measure, "\ntitle:", "\ntitel:")
    found = problems(kplan("-C", str(project), "lint"))
    unknown = [p for p in found if "unknown key 'titel'" in p["message"]]
    assert unknown and "did you mean 'title'" in unknown[0]["hint"]
    assert int(unknown[0]["line"]) == line_of(measure, "titel:")
    assert int(unknown[0]["column"]) == 1
    assert any("missing key 'title'" in p["message"] for p in found)


def test_all_problems_in_one_run(project, kplan):
    edit(project / "plan/measures/school-ict.yaml", "\ntitle:", "\ntitel:")
    edit(project / "glossary/glossary.yaml", "reading: えーあい", "reading: 12")
    edit(project / "plan/survey.yaml", "responses: 195", "responses: many")
    files = {p["file"] for p in problems(kplan("-C", str(project), "lint"))}
    assert {"plan/measures/school-ict.yaml", "glossary/glossary.yaml", "plan/survey.yaml"} <= files


def test_duplicate_measure_id(project, kplan):
    copy = project / "plan/measures/zz-copy.yaml"
    text = (project / "plan/measures/open-data.yaml").read_text(encoding="utf-8")
    copy.write_text(text.replace('number: "1-(4)"', 'number: "1-(9)"'), encoding="utf-8")
    found = problems(kplan("-C", str(project), "lint"))
    assert any(p["file"] == "plan/measures/zz-copy.yaml" and "duplicate measure id 'open-data'" in p["message"]
               for p in found)


def test_duplicate_section_id(project, kplan):
    chapter = project / "plan/chapters/02-trends.md"
    edit(chapter, "{#sdgs}", "{#device-use}")
    found = problems(kplan("-C", str(project), "lint"))
    assert any("duplicate section id 'device-use'" in p["message"] and p["file"] == "plan/chapters/02-trends.md"
               for p in found)


def test_duplicate_key(project, kplan):
    measure = project / "plan/measures/open-data.yaml"
    edit(measure, "\ntitle:", "\ntitle: 重複\ntitle:")
    found = problems(kplan("-C", str(project), "lint"))
    assert any("written twice" in p["message"] for p in found)


def test_missing_referenced_file(project, kplan):
    (project / "plan/chapters/05-policies.md").unlink()
    [found] = problems(kplan("-C", str(project), "lint"))
    assert found["file"] == "plan/chapters/05-policies.md" and "file not found" in found["message"]


def test_unknown_measure_reference(project, kplan):
    progress = project / "plan/progress.yaml"
    edit(progress, "measure: open-data", "measure: open-dta")
    [found] = problems(kplan("-C", str(project), "lint"))
    assert found["file"] == "plan/progress.yaml"
    assert int(found["line"]) == line_of(progress, "open-dta")
    assert "did you mean 'open-data'" in found["hint"]


def test_not_utf8(project, kplan):
    measure = project / "plan/measures/open-data.yaml"
    measure.write_bytes("title: オープンデータ\n".encode("shift_jis"))
    [found] = problems(kplan("-C", str(project), "lint"))
    assert found["file"] == "plan/measures/open-data.yaml" and "not UTF-8" in found["message"]
    assert (found["line"], found["column"]) == ("1", "8")


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['touch /tmp/kplan-pwned']",
                                 "!!python/name:os.system", "!custom thing"])
def test_object_constructing_tags_refused(project, kplan, tag):
    measure = project / "plan/measures/open-data.yaml"
    edit(measure, "\ntitle: ", f"\ntitle: {tag}\nx: ")
    found = problems(kplan("-C", str(project), "lint"))
    assert any("is not allowed" in p["message"] for p in found)
    assert not Path("/tmp/kplan-pwned").exists()


def test_alias_bomb(project, kplan):
    """Anchors that expand to 10^8 values of the right shape: stopped by the budget, reported, no hang."""
    strings = ",".join(['"x"'] * 1000)
    rows = ",".join(["*r"] * 1000)
    groups = ",".join(["{id: g, label: l, title: t, rows: *rs}"] * 100)
    bomb = (
        f"status_pool: &s [{strings}]\n"
        "row_pool: &r {id: r, earlier: e, measures: [{measure: open-data}], status: *s}\n"
        f"rows_pool: &rs [{rows}]\n"
        "columns: {earlier: a, measures: b, status: c}\n"
        f"groups: [{groups}]\n"
    )
    (project / "plan/progress.yaml").write_text(bomb, encoding="utf-8")
    found = problems(kplan("-C", str(project), "lint"))
    assert any("alias" in p["message"] and p["file"] == "plan/progress.yaml" for p in found)
    assert len(found) < 20


def test_recursive_alias(project, kplan):
    measure = project / "plan/measures/open-data.yaml"
    measure.write_text("actions: &a [*a]\n", encoding="utf-8")
    found = problems(kplan("-C", str(project), "lint"))
    assert any(p["file"] == "plan/measures/open-data.yaml" for p in found)


def test_empty_file(project, kplan):
    (project / "plan/survey.yaml").write_text("", encoding="utf-8")
    [found] = problems(kplan("-C", str(project), "lint"))
    assert found["file"] == "plan/survey.yaml" and "empty" in found["message"]


def test_chapter_without_front_matter(project, kplan):
    chapter = project / "plan/chapters/01-about.md"
    chapter.write_text("## 策定の趣旨 {#purpose}\n\n本文。\n", encoding="utf-8")
    [found] = problems(kplan("-C", str(project), "lint"))
    assert found["file"] == "plan/chapters/01-about.md" and "front matter" in found["message"]


def test_front_matter_error_points_at_file_line(project, kplan):
    chapter = project / "plan/chapters/01-about.md"
    edit(chapter, "title:", "titel:")
    found = problems(kplan("-C", str(project), "lint"))
    unknown = next(p for p in found if "titel" in p["message"])
    assert int(unknown["line"]) == line_of(chapter, "titel:")


def test_heading_without_id(project, kplan):
    chapter = project / "plan/chapters/01-about.md"
    edit(chapter, " {#purpose}", "")
    [found] = problems(kplan("-C", str(project), "lint"))
    assert int(found["line"]) == line_of(chapter, "## 策定の趣旨")
    assert "{#" in found["hint"]


def test_failed_build_keeps_previous_output(project, kplan):
    assert kplan("-C", str(project), "build", "--html").returncode == 0
    index = project / "build/html/index.html"
    before = index.read_bytes()
    edit(project / "plan/plan.yaml", "status: draft", "status: drafty")
    problems(kplan("-C", str(project), "build", "--html"))
    assert index.read_bytes() == before

"""Bad sources: every problem in one run, each with its file:line:column and a code; the CLI exits 2, no traceback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kplan.diagnostics import Diagnostic, DiagnosticError
from kplan.load import load_plan
from kplan.messages import detect

# file:line:column: severity code: message, then the hint:
# エラー …（ヒント: …） in Japanese, error … (hint: …) in English
LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?:エラー|error) (?P<code>[a-z]+\.[a-z-]+): "
    r"(?P<message>.+?)(?:（ヒント: (?P<hint>.+)）| \(hint: (?P<hint_en>.+)\))?$"
)


def diagnostics(root: Path) -> list[Diagnostic]:
    """The diagnostics of a load that must fail."""
    with pytest.raises(DiagnosticError) as caught:
        load_plan(root)
    return caught.value.diagnostics


def codes(root: Path) -> set[str]:
    return {d.code for d in diagnostics(root)}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("lang", [(), ("--lang", "en"), ("--lang", "ja")])
def test_cli_reports_each_problem_on_one_line(project, kplan, lang):
    edit(project / "plan/measures/school-ict.yaml", "\ntitle:", "\ntitel:")
    result = kplan(*lang, "-C", str(project), "lint")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith("kplan:")]
    assert lines and all(LINE.match(line) for line in lines), lines
    hints = [match["hint"] or match["hint_en"] for match in map(LINE.match, lines) if match]
    assert all(hints), lines  # every problem says what to do
    english = lang == ("--lang", "en") or (not lang and detect([], os.environ) == "en")
    assert all((" error " in line) == english and ("エラー" in line) != english for line in lines), lines


def test_malformed_yaml(project):
    edit(project / "plan/measures/open-data.yaml", "title: ", "title: [")
    [found] = diagnostics(project)
    assert (found.code, found.loc.file) == ("load.yaml-syntax", "plan/measures/open-data.yaml")
    assert found.hint


def test_wrong_type_with_hint(project):
    plan = project / "plan/plan.yaml"
    edit(plan, 'edition: "2.0"', "edition: 2.0")
    [found] = diagnostics(project)
    assert found.code == "load.wrong-type"
    assert (found.loc.file, found.loc.line) == ("plan/plan.yaml", line_of(plan, "edition:"))
    assert '"2.0"' in found.hint


def test_unknown_key_did_you_mean(project):
    measure = project / "plan/measures/school-ict.yaml"
    edit(measure, "\ntitle:", "\ntitel:")
    found = diagnostics(project)
    unknown = next(d for d in found if d.code == "load.unknown-key")
    assert "title" in unknown.hint
    assert (unknown.loc.line, unknown.loc.column) == (line_of(measure, "titel:"), 1)
    assert "load.missing-key" in {d.code for d in found}


def test_all_problems_in_one_run(project):
    edit(project / "plan/measures/school-ict.yaml", "\ntitle:", "\ntitel:")
    edit(project / "glossary/glossary.yaml", "reading: えーあい", "reading: 12")
    edit(project / "plan/survey.yaml", "responses: 195", "responses: many")
    files = {d.loc.file for d in diagnostics(project)}
    assert {"plan/measures/school-ict.yaml", "glossary/glossary.yaml", "plan/survey.yaml"} <= files


def test_measure_placed_twice(project):
    chapter = project / "plan/chapters/06-measures.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n```{measure} open-data\n```\n", encoding="utf-8")
    [found] = diagnostics(project)
    assert (found.code, found.loc.file) == ("load.measure-twice", "plan/chapters/06-measures.md")


def test_unplaced_measure_is_a_warning(project):
    text = (project / "plan/measures/open-data.yaml").read_text(encoding="utf-8")
    (project / "plan/measures/zz-copy.yaml").write_text(text.replace("id: open-data", "id: zz-copy"), encoding="utf-8")
    plan = load_plan(project)
    assert [(d.code, d.loc.file) for d in plan.notices] == [("load.measure-unplaced", "plan/measures/zz-copy.yaml")]


def test_duplicate_section_id(project):
    edit(project / "plan/chapters/02-trends.md", "{#sdgs}", "{#device-use}")
    [found] = diagnostics(project)
    assert (found.code, found.loc.file) == ("load.duplicate-id", "plan/chapters/02-trends.md")


def test_duplicate_key(project):
    edit(project / "plan/measures/open-data.yaml", "\ntitle:", "\ntitle: 重複\ntitle:")
    assert "load.yaml-syntax" in codes(project)


def test_missing_referenced_file(project):
    (project / "plan/chapters/05-policies.md").unlink()
    [found] = diagnostics(project)
    assert (found.code, found.loc.file) == ("load.io", "plan/chapters/05-policies.md")


def test_unknown_measure_reference(project):
    table = project / "plan/tables/progress.yaml"
    edit(table, "measure: open-data", "measure: open-dta")
    [found] = diagnostics(project)
    assert (found.code, found.loc.file, found.loc.line) == (
        "load.unknown-measure",
        "plan/tables/progress.yaml",
        line_of(table, "open-dta"),
    )
    assert "open-data" in found.hint


def test_unknown_measure_fence(project):
    edit(project / "plan/chapters/06-measures.md", "{measure} open-data", "{measure} open-dta")
    found = diagnostics(project)
    assert {d.code for d in found} == {"load.unknown-measure"}


def test_not_utf8(project):
    (project / "plan/measures/open-data.yaml").write_bytes("title: オープンデータ\n".encode("shift_jis"))
    [found] = diagnostics(project)
    assert (found.code, found.loc.line, found.loc.column) == ("load.encoding", 1, 8)


@pytest.mark.parametrize(
    "tag", ["!!python/object/apply:os.system ['touch /tmp/kplan-pwned']", "!!python/name:os.system", "!custom thing"]
)
def test_object_constructing_tags_refused(project, tag):
    edit(project / "plan/measures/open-data.yaml", "\ntitle: ", f"\ntitle: {tag}\nx: ")
    assert "load.yaml-tag" in codes(project)
    assert not Path("/tmp/kplan-pwned").exists()


def test_alias_bomb(project):
    """Anchors that expand to 10^8 values of the right shape: stopped by the budget, reported, no hang."""
    strings = ",".join(['"x"'] * 1000)
    rows = ",".join(["*r"] * 1000)
    groups = ",".join(["{id: g, rows: *rs}"] * 100)
    bomb = (
        "id: progress\ncolumns: [{title: a}, {title: b, kind: measures}, {title: c, kind: list}]\n"
        f"x: &s [{strings}]\n"
        "y: &r {id: r, cells: [e, [{measure: open-data}], *s]}\n"
        f"z: &rs [{rows}]\n"
        f"groups: [{groups}]\n"
    )
    (project / "plan/tables/progress.yaml").write_text(bomb, encoding="utf-8")
    found = diagnostics(project)
    assert "load.too-large" in {d.code for d in found}
    assert len(found) < 20


def test_recursive_alias(project):
    (project / "plan/measures/open-data.yaml").write_text("actions: &a [*a]\n", encoding="utf-8")
    assert any(d.loc.file == "plan/measures/open-data.yaml" for d in diagnostics(project))


def test_empty_file(project):
    (project / "plan/survey.yaml").write_text("", encoding="utf-8")
    [found] = diagnostics(project)
    assert found.loc.file == "plan/survey.yaml"


def test_chapter_without_front_matter(project):
    (project / "plan/chapters/01-about.md").write_text("## 策定の趣旨 {#purpose}\n\n本文。\n", encoding="utf-8")
    [found] = diagnostics(project)
    assert (found.code, found.loc.file) == ("load.front-matter", "plan/chapters/01-about.md")


def test_front_matter_error_points_at_file_line(project):
    chapter = project / "plan/chapters/01-about.md"
    edit(chapter, "title:", "titel:")
    unknown = next(d for d in diagnostics(project) if d.code == "load.unknown-key")
    assert unknown.loc.line == line_of(chapter, "titel:")


def test_heading_without_id(project):
    chapter = project / "plan/chapters/01-about.md"
    edit(chapter, " {#purpose}", "")
    [found] = diagnostics(project)
    assert (found.code, found.loc.line) == ("load.heading-id", line_of(chapter, "## 策定の趣旨"))


def test_old_format_plan(tmp_path):
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan/plan.yaml").write_text(
        "municipality: 市\ntitle: 計画\nchapters: [chapters/01.md]\n", encoding="utf-8"
    )
    [found] = diagnostics(tmp_path)
    assert found.code == "load.old-format"


def test_failed_build_keeps_previous_output(project, kplan):
    assert kplan("-C", str(project), "build", "--html").returncode == 0
    index = project / "build/html/index.html"
    before = index.read_bytes()
    edit(project / "plan/plan.yaml", "status: draft", "status: drafty")
    result = kplan("-C", str(project), "build", "--html")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert index.read_bytes() == before

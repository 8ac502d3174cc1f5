"""Hostile and unlucky input: each test is named after a defect the fault and fuzz runs found, and guards it.

Nothing outside the project is read or written, no input gives a traceback, every refusal is one diagnostic with
its code and place, and what kplan writes back never changes what the loader reads. Small plans of a fictional
city (`kplan init`), real processes for the command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import kplan_in
from kplan.diagnostics import DiagnosticError
from kplan.load import load_plan
from kplan.load.limits import MAX_MARKERS, MAX_TABLE_PIPES, MAX_YAML_EVENTS
from kplan.load.reading import first_difference

PLAN_YAML = "plan/plan.yaml"
CHAPTER = "plan/chapters/01-example.md"
GLOSSARY = "glossary/glossary.yaml"


@pytest.fixture
def plan(new_plan: Path) -> Path:
    return new_plan


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_bytes(text.replace(old, new, 1).encode("utf-8"))


def codes(root: Path) -> list[str]:
    with pytest.raises(DiagnosticError) as raised:
        load_plan(root)
    return [d.code for d in raised.value.diagnostics]


kplan = kplan_in


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


# ---- 1. containment -------------------------------------------------------------------------------------------


def test_symlink_inside_the_project_is_followed(plan: Path) -> None:
    (plan / "plan/chapters/alias.md").symlink_to("01-example.md")
    edit(plan, PLAN_YAML, "chapter: plan/chapters/01-example.md", "chapter: plan/chapters/alias.md")
    assert load_plan(plan).chapters


def test_errata_outside_the_project_is_neither_read_nor_rewritten_by_fmt(plan: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere/errata.yaml"
    outside.parent.mkdir()
    outside.write_text("errata:\n  - {id: x,   page: 1, wrong: あ, right: い}\n", encoding="utf-8")
    before = outside.read_bytes()
    edit(plan, PLAN_YAML, "parts:", "errata: ../elsewhere/errata.yaml\nparts:")
    assert codes(plan) == ["load.path-outside"]
    result = kplan(plan, "fmt")
    assert result.returncode == 2 and "load.path-outside" in result.stderr
    assert outside.read_bytes() == before


@pytest.mark.parametrize(
    "fence",
    [
        "```{records} ../outside.yaml\n```",
        "```{indicators} /etc/passwd\n```",
        "```{figure}\nid: f\ncaption: 図\nalt: 図\nimage: ../../outside.png\n```",
    ],
)
def test_directive_paths_outside_the_project_are_refused(plan: Path, fence: str) -> None:
    path = plan / CHAPTER
    path.write_text(path.read_text(encoding="utf-8") + "\n" + fence + "\n", encoding="utf-8")
    assert "load.path-outside" in codes(plan)


def test_path_with_nul_or_too_long_is_one_diagnostic(plan: Path) -> None:
    edit(plan, PLAN_YAML, "chapter: plan/chapters/01-example.md", 'chapter: "plan/chapters/01\\0.md"')
    assert codes(plan) == ["load.path-invalid"]
    edit(plan, PLAN_YAML, 'chapter: "plan/chapters/01\\0.md"', "chapter: plan/" + "x" * 600 + ".md")
    assert codes(plan) == ["load.path-invalid"]


# ---- 2. one reading of YAML -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('title: "情報化計画"', 'title: "情報化計画"\t'),  # a tab after a value
        ("status: draft", "status:\tdraft"),  # a tab after the key
        ("parts:\n", "parts: !!seq\n"),  # a tag on a list
        ("# 計画全体", "#\u2028計画全体"),  # U+2028 in a comment: a line break to one reader only
        ("# 計画全体", "#\x85計画全体"),  # U+0085 likewise
    ],
)
def test_fmt_never_crashes_or_changes_what_the_loader_reads(plan: Path, old: str, new: str) -> None:
    edit(plan, PLAN_YAML, old, new)
    try:
        before = _content(plan)
    except DiagnosticError:
        before = None
    source = (plan / PLAN_YAML).read_bytes()
    result = kplan(plan, "fmt")
    assert result.returncode in (0, 2), result.stderr
    if result.returncode == 2 or before is None:
        assert (plan / PLAN_YAML).read_bytes() == source, "a refused fmt changed the file"
    else:
        assert _content(plan) == before


def test_fmt_refuses_a_blank_line_the_two_readers_count_differently(plan: Path) -> None:
    path = plan / "plan/measures/example-measure.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("\n\n", "\r\r\n", 1).encode("utf-8"))
    source = path.read_bytes()
    before = _content(plan)
    result = kplan(plan, "fmt")
    if result.returncode == 0:
        assert _content(plan) == before, "fmt merged two paragraphs"
    else:
        assert result.returncode == 2 and "fmt.unsafe" in result.stderr
        assert path.read_bytes() == source


def test_reading_comparison_sees_values_not_formatting() -> None:
    assert first_difference("a: 1\nb: [x, y]\n", "b:\n  - x\n  - y\na: 1\n") is None
    assert first_difference("a: 'yes'\n", "a: yes\n") == (1, 4)
    assert first_difference("t:\n  - {k: 1}\n  - {k: 2}\n", "t:\n  - {k: 2}\n  - {k: 1}\n", unordered={"t"}) is None
    assert first_difference("t: [1, 2]\n", "t: [2, 1]\n") is not None


def _content(root: Path) -> object:
    sys.path.insert(0, str(Path(__file__).parent))
    from fuzz.same import plan_content

    return plan_content(root)


# ---- 3. validated before trusted --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["!!int abc", "!!bool maybe", "!!float abc", "0b_", "9" * 4301, "!!timestamp 2025-13-45", ".nan"]
)
def test_tagged_scalars_that_lie_are_wrong_type(plan: Path, value: str) -> None:
    edit(plan, PLAN_YAML, 'edition: "1"', f"edition: {value}")
    assert codes(plan) == ["load.wrong-type"]


@pytest.mark.parametrize("number", ["!!float abc", "1e999", "9" * 5000, "!!int 0x", ".inf"])
def test_numbers_in_indicator_tables_are_checked_whatever_their_tags(plan: Path, number: str) -> None:
    edit(plan, "plan/indicators/example-indicators.yaml", "{value: 10}", f"{{value: {number}}}")
    assert codes(plan) == ["load.wrong-type"]


@pytest.mark.parametrize("date", ["1800-03", "2201-01", "0999-12"])
def test_dates_outside_the_years_printed_in_wareki_are_refused(plan: Path, date: str) -> None:
    edit(plan, PLAN_YAML, "# dates:\n#   established: 2025-03", f"dates:\n  established: {date}")
    assert codes(plan) == ["load.invalid-value"]


def test_period_before_meiji_is_refused(plan: Path) -> None:
    edit(plan, PLAN_YAML, "# period: {from: 2025, to: 2029}", "period: {from: 1700, to: 2029}")
    assert codes(plan) == ["load.invalid-value"]


def test_an_edition_too_long_for_a_file_name_is_refused(plan: Path) -> None:
    edit(plan, PLAN_YAML, 'edition: "1"', 'edition: "' + "1" * 300 + '"')
    assert codes(plan) == ["load.invalid-value"]


@pytest.mark.parametrize("character", ["\x01", "\x07", "\x1b"])
def test_control_character_in_yaml_is_one_line_at_its_place(plan: Path, character: str) -> None:
    edit(plan, PLAN_YAML, 'title: "情報化計画"', f'title: "情報{character}化計画"')
    with pytest.raises(DiagnosticError) as raised:
        load_plan(plan)
    [found] = raised.value.diagnostics
    line = next(n for n, text in enumerate((plan / PLAN_YAML).read_text().splitlines(), 1) if character in text)
    assert (found.code, found.loc.line, found.loc.column) == ("load.control-character", line, 11)
    assert "\n" not in str(found)


def test_collection_in_place_of_a_value_has_a_hint(plan: Path) -> None:
    edit(plan, PLAN_YAML, 'title: "情報化計画"', "title: [a, b]")
    with pytest.raises(DiagnosticError) as raised:
        load_plan(plan)
    [found] = raised.value.diagnostics
    assert found.code == "load.wrong-type" and found.hint


# ---- 4. bounded cost --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "text"),
    [
        (CHAPTER, "---\ntitle: 章\n---\n\n" + "用語※ " * (MAX_MARKERS + 1) + "\n"),
        (CHAPTER, "---\ntitle: 章\n---\n\n" + ("|" * 100 + "\n") * (MAX_TABLE_PIPES // 100 + 1)),
        (GLOSSARY, "terms: [" + "a, " * MAX_YAML_EVENTS + "]\n"),
        (GLOSSARY, "# " + "x" * 2_100_000 + "\n"),
    ],
)
def test_sources_over_the_limits_are_refused_before_parsing(plan: Path, rel: str, text: str) -> None:
    (plan / rel).write_text(text, encoding="utf-8")
    assert codes(plan) == ["load.too-large"]


def test_a_yaml_character_makes_at_most_four_events() -> None:
    """What lets the loader skip counting the events of a short text (yamlsafe.SHORT_TEXT_CHARS): random texts
    of YAML's indicators never make more than 4 events a character besides the stream's and document's 4."""
    import random

    import yaml

    from kplan.load.yamlsafe import EVENTS_PER_CHARACTER_BOUND

    pieces = ["[", "]", "{", "}", ",", "-", " ", "\n", "?", ":", "a", "*x", "&x", "!", "'", '"', "|", ">", "---\n"]
    generator = random.Random(15)
    worst = 0.0
    for _ in range(20_000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 16)))
        try:
            events = sum(1 for _ in yaml.parse(text, Loader=yaml.SafeLoader))
        except yaml.YAMLError:
            continue
        worst = max(worst, (events - 4) / len(text))
    assert 1 < worst <= 4 < EVENTS_PER_CHARACTER_BOUND


def test_a_short_yaml_text_of_many_events_is_still_refused(plan: Path) -> None:
    """Just over the short-text bound, a text dense in events is counted, and refused over the limit."""
    from kplan.load.yamlsafe import SHORT_TEXT_CHARS

    (plan / GLOSSARY).write_text("terms: [" + "a," * (SHORT_TEXT_CHARS // 2 + 1) + "]\n", encoding="utf-8")
    assert codes(plan) != ["load.too-large"]  # 12,500 events: under the limit
    (plan / GLOSSARY).write_text("terms: [" + "[]," * (MAX_YAML_EVENTS // 2) + "]\n", encoding="utf-8")
    assert codes(plan) == ["load.too-large"]


def test_thousands_of_unknown_markers_lint_in_one_pass(plan: Path) -> None:
    path = plan / CHAPTER
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "謎語※ " * 5000 + "\n", encoding="utf-8")
    result = kplan(plan, "lint")  # the fuzz time limit guards the cost; here: it finishes and reports
    assert result.returncode == 1
    assert result.stdout.count("lint.unknown-term") == 5000


def test_a_chart_label_of_100000_characters_is_wrapped_in_one_pass() -> None:
    from kplan.render.charts import _text_width, label_lines

    label = "市民の、満足度 " * 12_500
    lines = label_lines(label, 160)
    assert "".join(lines).replace(" ", "") == label.replace(" ", "")
    assert all(_text_width(line, 14) <= 160 for line in lines)


def test_hyoki_group_reference_without_a_group_is_refused(plan: Path) -> None:
    (plan / "plan/hyoki.yaml").write_text('rules:\n  - expected: "$2です"\n    patterns: ["/(a)b/"]\n', "utf-8")
    result = kplan(plan, "lint")
    assert result.returncode == 2 and "plan/hyoki.yaml:3:" in result.stderr and "load.invalid-value" in result.stderr


def test_hyoki_catastrophic_regex_stops_with_its_place(plan: Path) -> None:
    (plan / "plan/hyoki.yaml").write_text('rules:\n  - expected: "ア"\n    patterns: ["/(a|aa)+$/"]\n', "utf-8")
    path = plan / CHAPTER
    path.write_text(path.read_text(encoding="utf-8") + "\n" + "a" * 60 + "b\n", encoding="utf-8")
    result = kplan(plan, "lint")
    assert result.returncode == 2 and "load.regex-too-slow" in result.stderr


def test_hyoki_expected_with_backslashes_is_taken_literally(plan: Path) -> None:
    (plan / "plan/hyoki.yaml").write_text(
        'rules:\n  - expected: "\\\\g<9>です"\n    patterns: ["/(例)です/"]\n', encoding="utf-8"
    )
    result = kplan(plan, "lint")
    assert result.returncode in (0, 1), result.stderr


# ---- 5. outputs, 6. terminal, templates, arguments ------------------------------------------------------------


def test_broken_project_templates_are_diagnostics_and_leave_the_site(plan: Path) -> None:
    assert kplan(plan, "build", "--html").returncode == 0
    site = snapshot(plan / "build/html")
    (plan / "templates").mkdir(exist_ok=True)
    for broken in ("{% for x in %}", "<p>\n{{ nosuch.attr }}\n</p>", "{% include 'nowhere.html' %}"):
        (plan / "templates/chapter.html").write_text(broken, encoding="utf-8")
        result = kplan(plan, "build", "--html", "--force")
        assert result.returncode == 2 and "templates/chapter.html:" in result.stderr
        assert "build.template" in result.stderr
        assert snapshot(plan / "build/html") == site


def test_terminal_escapes_in_plan_text_are_shown_escaped(plan: Path) -> None:
    path = plan / CHAPTER
    path.write_text(path.read_text(encoding="utf-8") + "\n謎\x1b[2J語※ と\u202e逆※\n", encoding="utf-8")
    result = kplan(plan, "lint")
    assert "\x1b" not in result.stdout + result.stderr and "\u202e" not in result.stdout + result.stderr
    assert "\\x1b" in result.stdout


@pytest.mark.parametrize("arguments", [("diff", "a" * 256, "b"), ("diff", "v1\0", "v2")])
def test_long_or_nul_arguments_to_diff_are_exit_2(plan: Path, arguments: tuple[str, ...]) -> None:
    if "\0" in arguments[1]:
        pytest.raises(ValueError, subprocess.run, [sys.executable, "-c", "", arguments[1]])  # the OS refuses NUL
        return
    assert kplan(plan, *arguments).returncode == 2


def test_a_directory_name_too_long_for_minus_c_is_exit_2() -> None:
    assert kplan("/tmp/" + "x" * 300, "lint").returncode == 2


def test_fix_keeps_a_symlinked_source_a_symlink(plan: Path) -> None:
    real = plan / "glossary/real.yaml"
    (plan / GLOSSARY).rename(real)
    (plan / GLOSSARY).symlink_to("real.yaml")
    text = real.read_text(encoding="utf-8")
    real.write_text(text.replace("definition: ", "definition: 舊い", 1), encoding="utf-8")
    result = kplan(plan, "lint", "--fix")
    assert result.returncode in (0, 1)
    assert (plan / GLOSSARY).is_symlink() and "舊" not in real.read_text(encoding="utf-8")


def test_table_caption_that_starts_with_a_link_builds(plan: Path) -> None:
    path = plan / CHAPTER
    table = "\nTable: [出典](https://example.jp/) の表\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    path.write_text(path.read_text(encoding="utf-8") + table, encoding="utf-8")
    assert kplan(plan, "lint").returncode in (0, 1)
    assert kplan(plan, "build", "--html").returncode == 0


def test_outputs_are_never_written_outside_the_given_places(plan: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    assert kplan(plan, "build", "--html").returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert {p.name for p in plan.iterdir()} >= {"build", "plan", "glossary"}
    assert not [p for p in plan.rglob("*") if ".new-" in p.name or ".old-" in p.name]


if os.geteuid() == 0:

    def test_root_can_still_not_write_into_proc(plan: Path) -> None:
        assert kplan(plan, "export", "-o", "/proc/kplan/plan.md").returncode == 2

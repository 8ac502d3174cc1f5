"""The build record: an output whose inputs are unchanged is not made again, and what is made is what a full build
makes, byte for byte."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kplan import build_cache, cli
from kplan.build_cache import BuildRecord, Reads, noop_build, parse_build_args, recording
from kplan.project import find_root
from printed_lines import prefix

WROTE, UNCHANGED = prefix("cli.wrote"), prefix("cli.unchanged")  # as kplan build says it


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test keeps its build records (and compiled templates) in a cache of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _build(kplan, project: Path, *args: str) -> str:
    result = kplan("-C", str(project), "build", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _states(directory: Path) -> dict[Path, tuple[int, int]]:
    return {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in directory.rglob("*") if p.is_file()}


def _tree(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


def test_a_second_build_makes_nothing_and_says_so(project, kplan):
    out = project / "build"
    first = _build(kplan, project)
    assert WROTE in first
    before = _states(out)
    second = _build(kplan, project)
    assert WROTE not in second
    assert second.count(UNCHANGED) == 2 and "plan-2.0.pdf" in second and "index.html" in second
    assert _states(out) == before


def test_the_no_op_answer_comes_before_typer_and_the_model(project, kplan):
    _build(kplan, project, "--html")
    probe = (
        "import sys; from kplan.fast_paths import noop_build; "
        f"code = noop_build(['-C', {str(project)!r}, 'build', '--html']); "
        "heavy = [m for m in ('typer', 'jinja2', 'kplan.model', 'kplan.load', 'yaml') if m in sys.modules]; "
        "print(code, heavy, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stderr.strip().endswith("0 []"), done.stderr
    assert UNCHANGED in done.stdout


def test_a_site_change_does_not_lay_out_the_pdf_and_a_print_change_leaves_the_site(project, kplan):
    out = project / "build"
    _build(kplan, project)
    pdf = out / "pdf" / "plan-2.0.pdf"
    pdf_state = (pdf.stat().st_mtime_ns, pdf.stat().st_ino)
    style = project / "templates" / "static" / "style.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n.kplan-test { color: red; }\n", encoding="utf-8")
    said = _build(kplan, project)
    wrote, unchanged = prefix("cli.wrote"), prefix("cli.unchanged")
    assert f"{wrote}{out / 'html'}" in said and f"{unchanged}{pdf}" in said
    assert (pdf.stat().st_mtime_ns, pdf.stat().st_ino) == pdf_state
    assert b".kplan-test" in (out / "html" / "style.css").read_bytes()

    site = _states(out / "html")
    printed = project / "templates" / "static" / "print.css"
    printed.write_text(printed.read_text(encoding="utf-8") + "\nh1 { letter-spacing: 0.01em; }\n", encoding="utf-8")
    said = _build(kplan, project)
    assert f"{wrote}{pdf}" in said and unchanged in said and f"{wrote}{out / 'html'}" not in said
    assert _states(out / "html") == site


def test_what_is_made_again_equals_a_full_build(project, kplan, tmp_path):
    out = project / "build"
    _build(kplan, project)
    chapter = project / "plan" / "chapters" / "03-policy.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8") + "\n本市は、この計画を毎年度見直します。\n", encoding="utf-8"
    )
    said = _build(kplan, project)
    assert said.count(WROTE) == 2  # a source both outputs read
    full = tmp_path / "full"
    _build(kplan, project, "--force", "-o", str(full))
    assert _tree(out) == _tree(full)
    assert "毎年度見直します".encode() in (out / "html" / "chapter-3.html").read_bytes()


def test_force_makes_every_output_again(project, kplan):
    _build(kplan, project, "--html")
    said = _build(kplan, project, "--html", "--force")
    assert prefix("cli.wrote") in said and prefix("cli.unchanged") not in said


def test_a_deleted_or_edited_output_is_made_again(project, kplan):
    out = project / "build" / "html"
    _build(kplan, project, "--html")
    (out / "search.html").unlink()
    assert WROTE in _build(kplan, project, "--html")
    assert (out / "search.html").is_file()
    (out / "stray.txt").write_text("not an output", encoding="utf-8")
    assert WROTE in _build(kplan, project, "--html")
    assert not (out / "stray.txt").exists()
    assert UNCHANGED in _build(kplan, project, "--html")


def test_a_new_override_in_the_project_templates_makes_the_site_stale(project, kplan):
    """A static file the project did not have comes from kplan's templates; adding one to the project's
    templates/ must be noticed although the build never read that path."""
    own = project / "templates" / "static" / "site.js"
    original = own.read_bytes()
    own.unlink()
    _build(kplan, project, "--html")
    assert UNCHANGED in _build(kplan, project, "--html")
    own.write_bytes(original + b"\n// the project's own\n")
    assert WROTE in _build(kplan, project, "--html")
    assert (project / "build" / "html" / "site.js").read_bytes().endswith(b"// the project's own\n")


def test_new_measure_file_in_a_listed_directory_is_an_input(project, kplan):
    """The loader lists plan/measures/ (an unplaced card is reported): a new file there changes the inputs."""
    _build(kplan, project, "--html")
    (project / "plan" / "measures" / "zz-new.yaml").write_bytes(
        (project / "plan" / "measures" / "open-data.yaml").read_bytes().replace(b"id: open-data", b"id: zz-new")
    )
    result = kplan("-C", str(project), "build", "--html")
    assert prefix("cli.unchanged") not in result.stdout


def test_the_audit_hook_records_reads_under_the_roots_and_not_writes(tmp_path):
    inside, outside = tmp_path / "project", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (inside / "a.txt").write_text("a", encoding="utf-8")
    (outside / "b.txt").write_text("b", encoding="utf-8")
    reads = Reads([inside], [inside / "build"])
    with recording(reads):
        (inside / "a.txt").read_text(encoding="utf-8")
        (outside / "b.txt").read_text(encoding="utf-8")
        (inside / "written.txt").write_text("w", encoding="utf-8")
        (inside / "build").mkdir()
        (inside / "build" / "out.txt").write_text("o", encoding="utf-8")
        list(os.scandir(inside))
    (inside / "later.txt").write_text("l", encoding="utf-8")
    (inside / "later.txt").read_text(encoding="utf-8")
    assert reads.files == {str(inside / "a.txt")}
    assert reads.dirs == {str(inside)}


def test_a_record_of_another_kplan_or_another_environment_is_not_trusted(tmp_path, monkeypatch):
    out = tmp_path / "out"
    (out / "html").mkdir(parents=True)
    (out / "html" / "index.html").write_text("x", encoding="utf-8")
    record = BuildRecord(tmp_path, out)
    record.update("site", [], [], [out / "html" / "index.html"], out / "html", ["unchanged"])
    record.save()
    assert BuildRecord(tmp_path, out).fresh("site") is not None
    assert BuildRecord(tmp_path, out, force=True).fresh("site") is None
    monkeypatch.setattr(build_cache, "_kplan_version", lambda: "99.0")
    assert BuildRecord(tmp_path, out).fresh("site") is None


def test_only_plain_build_command_lines_take_the_fast_path():
    assert parse_build_args(["build"]) == {
        "directory": None,
        "lang": None,
        "html": False,
        "pdf": False,
        "out": None,
        "profile": "download",
        "variant": "pdf/ua-1",
        "force": False,
        "strict": False,
    }
    parsed = parse_build_args(["-C", "plan-dir", "build", "--html", "-o", "site", "--profile=print"])
    assert parsed is not None
    assert (parsed["directory"], parsed["html"], parsed["out"], parsed["profile"]) == (
        "plan-dir",
        True,
        "site",
        "print",
    )
    for other in (["build", "--help"], ["lint"], ["build", "-o"], ["--help", "build"], ["build", "--frce"], []):
        assert parse_build_args(other) is None, other
    forced = parse_build_args(["--lang", "en", "build", "--force", "--strict"])
    assert forced is not None and (forced["lang"], forced["force"], forced["strict"]) == ("en", True, True)
    assert noop_build(["build", "--force"]) is None  # a forced build is never left as it is


def test_the_fast_path_knows_the_cli_defaults_and_finds_the_root_as_the_cli_does(project):
    defaults = {name: p.default for name, p in inspect.signature(cli.build).parameters.items()}
    assert defaults["profile"] == build_cache.DEFAULT_PROFILE
    assert defaults["pdf_variant"] == build_cache.DEFAULT_VARIANT
    deep = project / "plan" / "measures"
    assert build_cache.find_root(str(deep)) == str(find_root(deep))


def test_strict_still_checks_when_every_output_is_up_to_date(project, kplan):
    chapter = project / "plan" / "chapters" / "02-trends.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n存在しない用語※を使います。\n", encoding="utf-8")
    _build(kplan, project, "--html")  # lint errors are told, but the site is made
    strict = kplan("-C", str(project), "build", "--html", "--strict")
    assert strict.returncode == 1, strict.stderr
    assert "unchanged" not in strict.stdout or "--strict" in strict.stderr

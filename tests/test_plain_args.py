"""The plain command lines that kplan.entry runs without typer: read as typer reads them, the same output and exit
code either way, and everything else left to typer."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kplan.plain_args import global_options, lint_args

TYPER_PATH = "import sys; from kplan.cli import run; sys.argv[0] = 'kplan'; raise SystemExit(run())"


def test_plain_lint_command_lines_are_read_as_typer_reads_them():
    assert lint_args(["lint"]) == {
        "directory": None,
        "lang": None,
        "family": None,
        "format": "text",
        "strict": False,
        "fix": False,
    }
    parsed = lint_args(["-C", "plan-dir", "--lang=en", "lint", "glossary", "--format", "json", "--strict"])
    assert parsed is not None
    assert (parsed["directory"], parsed["lang"], parsed["family"], parsed["format"], parsed["strict"]) == (
        "plan-dir",
        "en",
        "glossary",
        "json",
        True,
    )
    assert lint_args(["-Cplan-dir", "lint", "--format=github", "--fix"]) is not None


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "--help"],
        ["lint", "--formt", "json"],  # a typo: typer says what it knows
        ["lint", "glossary", "text"],  # one FAMILY only
        ["lint", "--format"],  # a missing value
        ["-C", "lint"],
        ["--version", "lint"],
        ["build"],
        [],
    ],
)
def test_anything_else_goes_to_typer(args):
    assert lint_args(args) is None


def test_global_options_stop_at_the_command():
    assert global_options(["-C", "x", "lint", "-C", "y"]) == ({"directory": "x", "lang": None}, "lint", ["-C", "y"])


@pytest.mark.parametrize(
    "args",
    [
        ["lint"],
        ["lint", "glossary", "--format", "json"],
        ["--lang", "en", "lint", "text", "--strict"],
        ["lint", "--format", "xml"],  # a wrong value: the fast path leaves it to typer's message
        ["lint", "nonsense"],
    ],
)
def test_the_fast_path_says_what_typer_says(args, new_plan):
    fast = subprocess.run([sys.executable, "-m", "kplan", "-C", str(new_plan), *args], capture_output=True, text=True)
    typer = subprocess.run(
        [sys.executable, "-c", TYPER_PATH, "-C", str(new_plan), *args], capture_output=True, text=True
    )
    assert (fast.returncode, fast.stdout, fast.stderr) == (typer.returncode, typer.stdout, typer.stderr)


def test_a_plain_lint_does_not_import_typer(new_plan):
    probe = (
        "import sys; from kplan import fast_paths; "
        f"code = fast_paths.plain_lint(['-C', {str(new_plan)!r}, 'lint', '--format', 'json']); "
        "print(code, 'typer' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stderr.split()[-1:] == ["False"] and result.stderr.split()[-2] in ("0", "1"), result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--html", "--force", "-o", "{out}"],
        ["--lang", "en", "build", "--html", "--strict", "--force", "-o", "{out}"],
        ["build", "--html", "--profile", "nonsense", "-o", "{out}"],  # left to typer's message
    ],
)
def test_a_plain_build_says_what_typer_says(args, new_plan, tmp_path):
    args = [a.replace("{out}", str(tmp_path / "out")) for a in args]
    fast = subprocess.run([sys.executable, "-m", "kplan", "-C", str(new_plan), *args], capture_output=True, text=True)
    typer = subprocess.run(
        [sys.executable, "-c", TYPER_PATH, "-C", str(new_plan), *args], capture_output=True, text=True
    )
    assert (fast.returncode, fast.stdout, fast.stderr) == (typer.returncode, typer.stdout, typer.stderr)


def test_a_plain_build_does_not_import_typer(new_plan, tmp_path):
    probe = (
        "import sys; from kplan import fast_paths; "
        f"code = fast_paths.plain_build(['-C', {str(new_plan)!r}, 'build', '--html', '-o', {str(tmp_path)!r}]); "
        "print(code, 'typer' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stderr.split()[-2:] == ["0", "False"], result.stderr
    assert (tmp_path / "html" / "index.html").is_file()

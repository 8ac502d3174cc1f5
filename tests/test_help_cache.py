"""Help kept between runs (kplan.help_cache): the same text typer prints, for every command, language and width;
taken without importing typer; never kept for a command line whose answer may depend on more than those."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kplan import help_cache


def _help(cache: Path, *args: str, columns: str = "100") -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "COLUMNS": columns}
    env.pop("KPLAN_LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "kplan", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def _entries(cache: Path) -> list[str]:
    directory = cache / "kplan" / "help"
    return sorted(os.listdir(directory)) if directory.is_dir() else []


COMMAND_LINES = [
    ["--help"],
    ["build", "--help"],
    ["lint", "--help"],
    ["diff", "--help"],
    ["--lang", "en", "--help"],
    ["--lang", "en", "lint", "--help"],
]


def test_the_kept_text_is_typers_for_every_command_language_and_width(tmp_path):
    for args in COMMAND_LINES:
        for columns in ("60", "120"):
            first = _help(tmp_path / "a", *args, columns=columns)  # typer's, and kept
            kept = _help(tmp_path / "a", *args, columns=columns)
            fresh = _help(tmp_path / f"fresh-{columns}-{'-'.join(args)}", *args, columns=columns)
            assert first.returncode == kept.returncode == 0, first.stderr
            assert first.stdout == kept.stdout == fresh.stdout, args
            assert kept.stderr == ""
    assert len(_entries(tmp_path / "a")) == 2 * len(COMMAND_LINES)
    narrow, wide = (_help(tmp_path / "a", "build", "--help", columns=c).stdout for c in ("60", "120"))
    assert narrow != wide
    assert max(len(line) for line in narrow.splitlines()) < max(len(line) for line in wide.splitlines())


def test_kept_help_does_not_import_typer(tmp_path):
    probe = (
        "import sys; sys.argv = ['kplan', 'build', '--help']; from kplan.fast_paths import run_plain; "
        "code = run_plain(sys.argv[1:]); "
        "print(code, 'typer' in sys.modules, file=sys.stderr)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env) for _ in range(2)]
    assert [run.stderr.split() for run in runs] == [["0", "True"], ["0", "False"]]
    assert runs[0].stdout == runs[1].stdout and "--html" in runs[0].stdout


def test_a_language_from_the_environment_is_a_key_too(tmp_path):
    japanese = _help(tmp_path, "--help").stdout
    english = subprocess.run(
        [sys.executable, "-m", "kplan", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path), "KPLAN_LANG": "en", "COLUMNS": "100"},
        timeout=120,
    ).stdout
    assert "オプション" in japanese and "Options" in english


@pytest.mark.parametrize(
    "args",
    [
        ["nosuch", "--help"],  # an unknown command: typer's usage error, exit 2
        ["-C", "/nonexistent", "--help"],  # an option besides --lang: not a help-only command line
        ["build", "--html", "--help"],
        ["--help", "build"],
    ],
)
def test_other_command_lines_are_never_kept(tmp_path, args):
    first, second = _help(tmp_path, *args), _help(tmp_path, *args)
    assert (first.returncode, first.stdout, first.stderr) == (second.returncode, second.stdout, second.stderr)
    assert _entries(tmp_path) == []
    assert "Traceback" not in first.stderr


def test_the_key_holds_kplans_code(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    before = help_cache._entry(["--help"])
    monkeypatch.setattr("kplan.build_cache.code_environment", lambda: "another kplan")
    assert help_cache._entry(["--help"]) != before


def test_an_unreadable_entry_is_a_miss_and_is_written_again(tmp_path):
    expected = _help(tmp_path, "lint", "--help").stdout
    (entry,) = _entries(tmp_path)
    (tmp_path / "kplan" / "help" / entry).write_bytes(b"\xff\xfe not utf-8")
    again = _help(tmp_path, "lint", "--help")
    assert again.stdout == expected
    assert _help(tmp_path, "lint", "--help").stdout == expected


def test_only_the_newest_entries_are_kept(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(help_cache, "MAX_ENTRIES", 3)
    for width in range(5):
        monkeypatch.setenv("COLUMNS", str(60 + width))
        assert help_cache.keeping_help(["--help"], lambda: print("help") or 0) == 0
    assert len(_entries(tmp_path)) == 3

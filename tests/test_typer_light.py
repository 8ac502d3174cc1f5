"""Typer without pydantic at start-up: kplan's str, Path and bool options convert as typer converts them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer._coercion import build_runtime_param, resolve_type_descriptor
from typer.models import ArgumentInfo, OptionInfo

from kplan.typer_light import command_name, install, plain_converter


@pytest.mark.parametrize(
    ("annotation", "info", "value"),
    [
        (str, OptionInfo(), "pdf/ua-1"),
        (str, OptionInfo(), b"\xe5\xb8\x82"),
        (Path, OptionInfo(), "build/out"),
        (Path, ArgumentInfo(), "a plan"),
        (bool, OptionInfo(), True),
    ],
)
def test_plain_conversion_agrees_with_typers_own(annotation, info, value):
    plain = plain_converter(annotation, info)
    assert plain is not None
    own = build_runtime_param(resolve_type_descriptor(annotation, info))
    assert plain._coerce_value(value, None, None) == own._coerce_value(value, None, None)


def test_anything_else_is_left_to_typer():
    assert plain_converter(int, OptionInfo()) is None
    assert plain_converter(Path, OptionInfo(path_type=str)) is None
    assert plain_converter(str, OptionInfo(parser=str.upper)) is None


def test_kplan_runs_a_command_without_pydantic_or_rich(project):
    probe = (
        "import sys; from kplan import cli; "
        f"sys.argv = ['kplan', '-C', {str(project)!r}, 'lint', '--format', 'json']; code = cli.run(); "
        "print(code, [m for m in ('pydantic', 'rich') if m in sys.modules], file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stderr.strip().splitlines()[-1] == "0 []", done.stderr[-2000:]


def test_the_command_name_is_found_past_the_global_options():
    assert command_name(["-C", "dir", "lint", "--strict"]) == "lint"
    assert command_name(["-Cdir", "build"]) == "build"
    assert command_name(["--help"]) is None and command_name([]) is None


def test_install_is_idempotent():
    assert install() and install()

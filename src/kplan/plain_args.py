"""Plain command lines read without typer, for kplan.fast_paths.

`kplan [-C DIR] [--lang L] COMMAND ...` with only options whose meaning is certain. Anything else (help, a typo,
an unknown option, a missing argument) is None: typer then reads the command line, and explains what is wrong in
its own words. The values are not checked here (the fast path checks them against the command's own lists, and
leaves a wrong one to typer too).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def global_options(args: Sequence[str]) -> tuple[dict[str, str | None], str, list[str]] | None:
    """({"directory", "lang"}, the command, its arguments) of a plain command line, or None."""
    options: dict[str, str | None] = {"directory": None, "lang": None}
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in ("-C", "--lang") and index + 1 < len(args) and not args[index + 1].startswith("-"):
            options["directory" if arg == "-C" else "lang"] = args[index + 1]
            index += 2
        elif arg.startswith("-C") and len(arg) > 2:
            options["directory"], index = arg[2:], index + 1
        elif arg.startswith("--lang="):
            options["lang"], index = arg.split("=", 1)[1], index + 1
        elif arg.startswith("-"):
            return None
        else:
            return options, arg, list(args[index + 1 :])
    return None


def lint_args(args: Sequence[str]) -> dict[str, Any] | None:
    """The options of a plain `kplan [global options] lint [FAMILY] [--format F] [--strict] [--fix]`, or None."""
    found = global_options(args)
    if found is None or found[1] != "lint":
        return None
    options: dict[str, str | bool | None] = {
        **found[0],
        "family": None,
        "format": "text",
        "strict": False,
        "fix": False,
    }
    rest = found[2]
    index = 0
    while index < len(rest):
        arg = rest[index]
        if arg in ("--strict", "--fix"):
            options[arg[2:]] = True
        elif arg == "--format" and index + 1 < len(rest):
            options["format"], index = rest[index + 1], index + 1
        elif arg.startswith("--format="):
            options["format"] = arg.split("=", 1)[1]
        elif not arg.startswith("-") and options["family"] is None:
            options["family"] = arg
        else:
            return None
        index += 1
    return options

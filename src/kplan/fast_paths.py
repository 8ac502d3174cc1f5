"""The command lines kplan runs before typer is imported: a help command line whose text is kept
(kplan.help_cache), a plain `kplan build` whose outputs are all up to date (nothing but the build record is
read), and plain `kplan build` and `kplan lint` command lines (kplan.plain_args),
which run the same functions as typer's commands, without typer's imports and command-line machinery (a sixth of
a lint of a real plan). Anything else, or a value a command does not know, or a directory without a plan, is None:
typer then runs the command line, and says what is wrong in its own words.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kplan.project import Project


def run_plain(args: list[str]) -> int | None:
    """The exit code of `args` run on a fast path, or None when typer is to run them."""
    for fast_path in (kept_help, noop_build, plain_build, plain_lint):
        code = fast_path(args)
        if code is not None:
            return code
    return None


def kept_help(args: list[str]) -> int | None:
    """`kplan [COMMAND] --help`: the kept text when there is one, else typer's help, kept for the next time."""
    from kplan import help_cache

    if not help_cache.is_help(args):
        return None
    text = help_cache.kept_help(args)
    if text is not None:
        sys.stdout.write(text)
        return 0
    from kplan.cli import run

    return help_cache.keeping_help(args, run)


def noop_build(args: list[str]) -> int | None:
    """A plain `kplan build` whose every output is up to date: print what the full command would print for the
    outputs it leaves as they are, and exit 0, before Jinja or the model are imported. None otherwise (the full
    command then runs; it makes the same decision again, with the same build record)."""
    if "build" not in args:
        return None
    from kplan.build_cache import noop_build as up_to_date

    try:
        found = up_to_date(args)
    except (OSError, ValueError):
        return None  # an unreadable record or directory: the full command decides and explains
    if found is None:
        return None
    lines, notices = found
    for line in notices:
        print(line, file=sys.stderr)
    for line in lines:
        print(line)
    return 0


def plain_build(args: list[str]) -> int | None:
    """A plain `kplan build` that has something to make: kplan.build_command, as typer's command runs it."""
    if "build" not in args:
        return None
    from kplan.build_cache import parse_build_args

    options = parse_build_args(args)
    if options is None:
        return None
    from kplan.build_command import build_command
    from kplan.render.pdf import NO_VARIANT, PROFILES, VARIANTS

    profile, variant = options["profile"], options["variant"]
    project = _project(options, Path(options["out"]) if options["out"] else None)
    if project is None or profile not in PROFILES or variant not in (*VARIANTS, NO_VARIANT):
        return None
    return build_command(
        project, options["html"], options["pdf"], profile, variant, options["force"], options["strict"]
    )


def plain_lint(args: list[str]) -> int | None:
    """A plain `kplan lint`: kplan.lint.command, as typer's command runs it."""
    if "lint" not in args:
        return None
    from kplan.plain_args import lint_args

    options = lint_args(args)
    if options is None:
        return None
    from kplan.lint.command import lint_command
    from kplan.lint.findings import FAMILIES
    from kplan.lint.report import FORMATS

    family, form = options["family"], options["format"]
    project = _project(options)
    if project is None or family not in (None, *FAMILIES) or form not in FORMATS:
        return None
    return lint_command(project.root, family, form, options["strict"], options["fix"])


def _project(options: dict[str, Any], out: Path | None = None) -> Project | None:
    """The project of `-C` (or the current directory), with `--lang` in use; None when there is none or the
    language is not one kplan speaks."""
    from kplan.messages import LANGUAGES, set_language
    from kplan.project import NoProjectError, Project

    lang = options["lang"]
    if lang not in (None, *LANGUAGES):
        return None
    try:
        project = Project.find(Path(options["directory"] or "."), out)
    except NoProjectError:
        return None
    if lang:
        set_language(lang)
    return project

"""The `kplan` console script: signals first, then the command line.

SIGINT and SIGTERM become exceptions from the first instruction on, so an interrupted run unwinds through every
`finally` (temporary files removed, outputs left old or new) and ends with exit 130 or 143, never a traceback.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from pathlib import Path
from types import FrameType


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C does."""


def _on_term(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def _noop_build(args: list[str]) -> int | None:
    """A plain `kplan build` whose every output is up to date: print what the full command would print for the
    outputs it leaves as they are, and exit 0, before typer, Jinja or the model are imported. None otherwise (the
    full command line then runs; it makes the same decision again, with the same build record)."""
    if "build" not in args:
        return None
    from kplan.build_cache import noop_build

    try:
        found = noop_build(args)
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


def _plain_build(args: list[str]) -> int | None:
    """A plain `kplan build` that has something to make, run without typer (as `_plain_lint`); None for any other
    command line, an unknown profile or variant, or a directory without a plan."""
    if "build" not in args:
        return None
    from kplan.build_cache import parse_build_args

    options = parse_build_args(args)
    if options is None:
        return None
    from kplan.build_command import build_command
    from kplan.messages import LANGUAGES, set_language
    from kplan.project import NoProjectError, Project
    from kplan.render.pdf import NO_VARIANT, PROFILES, VARIANTS

    profile, variant, lang = options["profile"], options["variant"], options["lang"]
    if lang not in (None, *LANGUAGES) or profile not in PROFILES or variant not in (*VARIANTS, NO_VARIANT):
        return None
    try:
        project = Project.find(Path(options["directory"] or "."), Path(options["out"]) if options["out"] else None)
    except NoProjectError:
        return None
    if lang:
        set_language(lang)
    return build_command(
        project, options["html"], options["pdf"], profile, variant, options["force"], options["strict"]
    )


def _plain_lint(args: list[str]) -> int | None:
    """A plain `kplan lint` (kplan.plain_args) run without typer, whose imports and command-line machinery cost a
    sixth of a lint of a real plan; its exit code. None for any other command line, or a value the command does
    not know, or a directory without a plan: typer runs it then, and says what is wrong."""
    if "lint" not in args:
        return None
    from kplan.plain_args import lint_args

    options = lint_args(args)
    if options is None:
        return None
    from kplan.lint.command import lint_command
    from kplan.lint.registry import FAMILIES
    from kplan.lint.report import FORMATS
    from kplan.messages import LANGUAGES, set_language
    from kplan.project import NoProjectError, find_root

    lang, family, form = options["lang"], options["family"], options["format"]
    if lang not in (None, *LANGUAGES) or family not in (None, *FAMILIES) or form not in FORMATS:
        return None
    try:
        root = find_root(Path(str(options["directory"] or ".")))
    except NoProjectError:
        return None
    if isinstance(lang, str):
        set_language(lang)
    return lint_command(
        root, family if isinstance(family, str) else None, str(form), bool(options["strict"]), bool(options["fix"])
    )


GC_FIRST_GENERATION = 50_000  # objects allocated between young-generation collections (Python's default: 700)


def main() -> None:
    """Entry point of the `kplan` console script."""
    # A command allocates hundreds of thousands of objects that live until it exits (modules, the model, the
    # page boxes of a PDF): collecting the young generation every 700 of them costs 5-20% of a run. At 50,000
    # `kplan lint` of a real plan spends 0.7 ms in the collector (gc.callbacks), at 20,000 about 8 ms: its
    # start-up allocates just under 50,000 objects between collections. The older generations keep Python's
    # defaults; a PDF build also collects once per pagination pass (kplan.render.pdf_lean).
    gc.set_threshold(GC_FIRST_GENERATION, *gc.get_threshold()[1:])
    signal.signal(signal.SIGTERM, _on_term)
    try:
        code = _noop_build(sys.argv[1:])
        if code is None:
            code = _plain_build(sys.argv[1:])
        if code is None:
            code = _plain_lint(sys.argv[1:])
        if code is None:
            from kplan.cli import run

            code = run()
    except KeyboardInterrupt:
        code = 130
    except Terminated:
        code = 143
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # a profiler or coverage wants its report at exit
    # Every output is written and renamed into place by now. Skip the interpreter's teardown, which after a PDF
    # build spends a quarter of a second freeing WeasyPrint's objects one by one.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)

"""`kplan build` that makes nothing twice: the build record decides which outputs are stale, the pipeline renders
only those (loading the plan only when one is), and the record learns what they were made from.

`--force` (force=True) makes every output again. An output made here is byte for byte the one a full build makes:
the record only decides whether to make it, never how.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from kplan.build import BuildResult, Request, build_outputs
from kplan.build_cache import BuildRecord, Reads, recording, request_key, skipped_lines
from kplan.messages import LANGUAGES, using
from kplan.project import Project

if TYPE_CHECKING:
    from kplan.model import Plan


class Outcome(Struct):
    """What a build made (`result`, None when nothing was stale) and what it left as it was."""

    result: BuildResult | None
    skipped: list[dict[str, Any]] = field(default_factory=list)
    loaded: bool = True  # whether the plan was loaded (and its notices told) this time

    @property
    def skipped_lines(self) -> tuple[list[str], list[str]]:
        """What to print for the outputs left as they were: stdout lines, and the load's notices (stderr) when
        the plan was not loaded this time."""
        lines, notices = skipped_lines(self.skipped)
        return lines, [] if self.loaded else notices


def key_of(request: Request) -> str:
    return request_key(request.name, request.subdirectory, request.options)


def build(
    project: Project,
    requests: Sequence[Request],
    load: Callable[[], Plan],
    force: bool = False,
    check: bool = False,
) -> Outcome:
    """Make the stale outputs of `requests` (every one with `force`); OutputError as build_outputs. With `check`
    the plan is loaded (and `load` runs its checks) even when every output is up to date."""
    record = BuildRecord(project.root, project.out_dir, force=force)
    fresh = {key_of(r): record.fresh(key_of(r)) for r in requests}
    stale = [r for r in requests if fresh[key_of(r)] is None]
    skipped = [entry for entry in fresh.values() if entry is not None]
    if not stale:
        if check:
            load()
        return Outcome(None, skipped, loaded=check)
    dirs = project.template_dirs
    loaded = record.reads(dirs)
    with recording(loaded):
        plan = load()
    phases: dict[str, Reads] = {}

    @contextlib.contextmanager
    def watch(request: Request) -> Iterator[None]:
        phases[key_of(request)] = record.reads(dirs)
        with recording(phases[key_of(request)]):
            yield

    result = build_outputs(plan, project, stale, watch=watch)
    for item in result.built:
        rendered = item.rendered
        key = key_of(item.request)
        lines: dict[str, list[str]] = {}
        notices: dict[str, list[str]] = {}
        for lang in LANGUAGES:  # a later build may be asked for in the other language (--lang, KPLAN_LANG)
            with using(lang):
                lines[lang] = unchanged_lines(rendered.directory, rendered.paths, rendered.whole)
                notices[lang] = [str(notice) for notice in plan.notices] + [refused_line(u) for u in item.refused]
        record.update(
            key,
            [loaded, phases[key]],
            dirs,
            rendered.paths,
            rendered.directory if rendered.whole else None,
            lines,
            notices,
        )
    record.save()
    return Outcome(result, skipped)


def refused_line(url: str) -> str:
    """`kplan build: 警告 build.refused: URL は読み込みません …` (in the language in use)."""
    from kplan.diagnostics import line
    from kplan.messages import text

    return line("kplan build", "warning", "build.refused", text("build.refused", url=url))


def unchanged_lines(directory: Any, paths: Sequence[Any], whole: bool) -> list[str]:
    """What a later build prints when it leaves this output as it is (in the language of this build)."""
    from kplan.messages import text

    if whole:
        index = directory / "index.html"
        return [text("cli.unchanged-site", index=index, count=len(paths), directory=directory)]
    return [text("cli.unchanged", path=path) for path in paths]

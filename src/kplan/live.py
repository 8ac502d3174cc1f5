"""Rebuilding in process, for a live preview: after each save, load again only when a source changed (parsing
again only the YAML files that changed), render only the outputs that read what changed, and write only the files
whose bytes changed.

    live = Live(Project.find(Path.cwd()))
    update = live.rebuild()          # the first call builds the site
    ...                              # an editor saves a chapter
    update = live.rebuild()          # the plan is loaded again, the site rendered again, changed pages written

What each phase read is recorded as `kplan build` records it (kplan.build_cache), so a change to style.css renders
the site again without loading the plan, and a save that changed nothing does nothing. The outputs are those of
`kplan build` (the same builders and the same all-or-nothing commit).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from kplan.build import Request, build_outputs
from kplan.build_cache import Reads, input_digest, phase_reads, recording, request_key, shadowed
from kplan.project import Project

if TYPE_CHECKING:
    from kplan.diagnostics import Diagnostic
    from kplan.model import Plan

SITE = (Request("html", "html"),)


class Update(Struct):
    """One rebuild: whether the plan was loaded, which outputs were rendered, the files written, the time taken."""

    loaded: bool
    rendered: list[str]
    written: list[Path]
    seconds: float
    notices: tuple[Diagnostic, ...] = ()


class _Phase(Struct):
    """What one phase read last time, with the digests it had then."""

    digests: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, reads: Reads, template_dirs: Sequence[Path]) -> _Phase:
        keys = [f"f:{p}" for p in sorted(reads.files | shadowed(reads.files, template_dirs))]
        keys += [f"d:{p}" for p in sorted(reads.dirs)]
        return cls({key: input_digest(key) for key in keys})

    def changed(self) -> bool:
        return any(input_digest(key) != digest for key, digest in self.digests.items())


class _Memo(dict[Any, Any]):
    """The loader's YAML memo, which forgets after each load what that load did not use (old texts)."""

    def __init__(self) -> None:
        super().__init__()
        self.used: set[Any] = set()

    def __contains__(self, key: object) -> bool:
        self.used.add(key)
        return super().__contains__(key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self.used.add(key)
        super().__setitem__(key, value)

    def keep_used(self) -> None:
        for key in [k for k in self if k not in self.used]:
            del self[key]
        self.used = set()


def _key(request: Request) -> str:
    return request_key(request.name, request.subdirectory, request.options)


class Live:
    """A project kept in memory between rebuilds (the plan, and what each output was made from)."""

    def __init__(self, project: Project, requests: Sequence[Request] = SITE) -> None:
        self.project = project
        self.requests = list(requests)
        self.plan: Plan | None = None
        self._load: _Phase | None = None
        self._outputs: dict[str, _Phase] = {}  # by request_key
        self._yaml = _Memo()  # the YAML sources of the last load (an unchanged file is not parsed again)

    def _reads(self) -> Reads:
        return phase_reads(self.project.root, self.project.out_dir, self.project.template_dirs)

    def rebuild(self) -> Update:
        """Load and render what changed since the last call (everything on the first); DiagnosticError when the
        sources cannot be read (the outputs are left as they were), OutputError when they cannot be written."""
        from kplan.load import load_plan

        started = time.perf_counter()
        dirs = self.project.template_dirs
        loaded = self.plan is None or self._load is None or self._load.changed()
        if loaded:
            reads = self._reads()
            with recording(reads):
                plan = load_plan(self.project, yaml_memo=self._yaml)
            self._yaml.keep_used()
            self.plan, self._load = plan, _Phase.of(reads, dirs)
        assert self.plan is not None
        stale = [r for r in self.requests if loaded or _key(r) not in self._outputs or self._outputs[_key(r)].changed()]
        if not stale:
            return Update(False, [], [], time.perf_counter() - started, self.plan.notices)
        phases: dict[str, Reads] = {}

        def watch(request: Request) -> AbstractContextManager[Reads]:
            phases[_key(request)] = self._reads()
            return recording(phases[_key(request)])

        result = build_outputs(self.plan, self.project, stale, watch=watch)
        for key, reads in phases.items():
            self._outputs[key] = _Phase.of(reads, dirs)
        return Update(
            loaded,
            [r.name for r in stale],
            result.changed,
            time.perf_counter() - started,
            self.plan.notices,
        )

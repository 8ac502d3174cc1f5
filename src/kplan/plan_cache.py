"""The loaded plan (and the 表記ゆれ dictionary) kept between runs, while the sources they were read from are unchanged.

`kplan lint` and `kplan build` load the whole plan on every run: parsing its YAML and Markdown and checking every
value takes longer than importing PyYAML and the loader, and both together are a third of a lint of a real plan.
After a load without errors the plan (the model's records) is kept in $XDG_CACHE_HOME/kplan/plans/, one entry per
project directory, with the digest of every file the load read and of every directory it listed (seen by the build
record's audit hook, kplan.build_cache) and of kplan's code and the installed distributions. A later load whose
every digest is as recorded takes the plan from the entry (`load`; `kept` does the same for any value read from
the sources, as lint does for plan/hyoki.yaml's rules); anything else (a changed or new source, another kplan,
an unreadable, foreign or corrupt entry) loads the plan again. Deleting the directory is always safe.

Checking the digests reads every input again, so a caller that records what the load reads (the build record)
sees the same files either way. The entry is a pickle written by kplan from its own records; reading one accepts
only the model's classes and the few standard types they hold (`_ModelUnpickler`), so a tampered entry cannot
make other objects: it is a miss.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from kplan.build_cache import code_environment, inputs_unchanged, phase_digests, phase_reads, recording, short_digest
from kplan.cachedir import cache_dir

if TYPE_CHECKING:
    from kplan.model import Plan
    from kplan.project import Project

FORMAT = 1
MAX_ENTRIES = 200  # entries kept (two per project directory): the oldest go when there are more
_MODEL_MODULES = ("kplan.model.", "kplan.problems", "kplan.messages", "kplan.diagnostics", "kplan.lint.hyoki")
_STANDARD = {("pathlib", "PosixPath"), ("pathlib", "WindowsPath"), ("datetime", "date"), ("builtins", "frozenset")}
T = TypeVar("T")


def load(project: Project) -> Plan:
    """The plan of `project`: the kept one when nothing it was loaded from has changed, else loaded (and kept).
    Raises DiagnosticError as kplan.load.load_plan does."""
    from kplan.model import Plan

    def load_plan() -> Plan:
        from kplan.load import load_plan

        return load_plan(project)

    return kept(project.root, "plan", load_plan, Plan)


def kept(root: Path, name: str, produce: Callable[[], T], kind: type[T] | type[tuple[Any, ...]]) -> T:
    """What `produce()` makes from the sources under `root` (the value of type `kind` it returned last time, when
    every file and directory it read then is unchanged). Whatever `produce` raises goes to the caller, and nothing
    is kept."""
    path = entry_path(root, name)
    found = _kept(path, str(root), kind)
    if found is not None:
        return cast(T, found)
    reads = phase_reads(root, root / "build", ())
    with recording(reads):
        value = produce()
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        _keep(path, str(root), phase_digests([reads], ()), value)
    return value


def entry_path(root: Path, name: str) -> str:
    """Where the value `name` of a project directory is kept."""
    return os.path.join(cache_dir(), "plans", f"{short_digest(os.path.abspath(root))}-{name}.pickle")


def _kept(path: str, root: str, kind: type) -> Any:
    try:
        with open(path, "rb") as stream:
            data = stream.read()
        entry = _ModelUnpickler(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001  (a missing, unreadable, foreign or corrupt entry is a miss, whatever it raises)
        return None
    if not (isinstance(entry, tuple) and len(entry) == 5 and entry[:3] == (FORMAT, root, code_environment())):
        return None
    inputs, value = entry[3], entry[4]
    if not isinstance(inputs, dict) or not isinstance(value, kind) or not inputs_unchanged(inputs):
        return None
    return value


def _keep(path: str, root: str, inputs: dict[str, str], value: object) -> None:
    """Write the entry atomically (a crash leaves the old one or none), in a directory only the user can read."""
    directory = os.path.dirname(path)
    os.makedirs(directory, mode=0o700, exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as stream:
            pickle.dump((FORMAT, root, code_environment(), inputs, value), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(temporary)
    _prune(directory)


def _prune(directory: str) -> None:
    """Keep the MAX_ENTRIES most recently written entries (every test or copy of a plan makes its own)."""
    with contextlib.suppress(OSError):
        entries = [entry for entry in os.scandir(directory) if entry.name.endswith(".pickle")]
        if len(entries) > MAX_ENTRIES:
            entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
            for entry in entries[: len(entries) - MAX_ENTRIES]:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(entry.path)


class _ModelUnpickler(pickle.Unpickler):
    """Unpickles the model's records and the standard types they hold, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_MODEL_MODULES) or (module, name) in _STANDARD:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not one of the model's types")

"""The loaded plan (and the 表記ゆれ dictionary) kept between runs, while the sources they were read from are unchanged.

`kplan lint` and `kplan build` load the whole plan on every run: parsing its YAML and Markdown and checking every
value takes longer than importing PyYAML and the loader, and both together are a third of a lint of a real plan.
After a load without errors the plan (the model's records) is kept in $XDG_CACHE_HOME/kplan/plans/, one entry per
project directory, with the digest of every file the load read and of every directory it listed (seen by the build
record's audit hook, kplan.build_cache) and of kplan's code and the installed distributions. A later load whose
every digest is as recorded takes the plan from the entry (`load`; `kept` does the same for any value read from
the sources, as lint does for plan/hyoki.yaml's rules and for its findings, kplan.lint.kept); anything else (a
changed or new source, another kplan, an unreadable, foreign or corrupt entry) loads the plan again. Deleting the
directory is always safe.

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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from kplan.build_cache import code_environment, inputs_unchanged, phase_digests, phase_reads, recording, short_digest
from kplan.cachedir import cache_dir, keep_newest, write_entry

if TYPE_CHECKING:
    from kplan.model import Plan
    from kplan.project import Project

FORMAT = 1
MAX_ENTRIES = 300  # entries kept (three a project: plan, hyoki, findings); the oldest go when there are more
_MODEL_MODULES = (
    "kplan.model.",
    "kplan.problems",
    "kplan.messages",
    "kplan.diagnostics",
    "kplan.lint.hyoki",
    "kplan.lint.findings",
)
_STANDARD = {("pathlib", "PosixPath"), ("pathlib", "WindowsPath"), ("datetime", "date"), ("builtins", "frozenset")}
T = TypeVar("T")


def load(project: Project) -> Plan:
    """The plan of `project`: the kept one when nothing it was loaded from has changed, else loaded (and kept).
    Raises DiagnosticError as kplan.load.load_plan does."""
    return load_with_inputs(project)[0]


def load_with_inputs(project: Project) -> tuple[Plan, dict[str, str]]:
    """`load`, and the digests of what the plan was read from (for a value kept from the plan, `kept`'s `known`)."""
    from kplan.model import Plan

    def load_plan() -> Plan:
        from kplan.load import load_plan

        return load_plan(project)

    return kept_with_inputs(project.root, "plan", load_plan, Plan)


def kept(
    root: Path,
    name: str,
    produce: Callable[[], T],
    kind: type[T] | type[tuple[Any, ...]],
    known: Mapping[str, str] | None = None,
) -> T:
    """What `produce()` makes from the sources under `root` (the value of type `kind` it returned last time, when
    every file and directory it read then is unchanged). `known` is what the value also depends on but `produce`
    does not read (a plan already loaded): digests this process has just checked, kept with the entry and not read
    again. Whatever `produce` raises goes to the caller, and nothing is kept."""
    return kept_with_inputs(root, name, produce, kind, known)[0]


def kept_with_inputs(
    root: Path,
    name: str,
    produce: Callable[[], T],
    kind: type[T] | type[tuple[Any, ...]],
    known: Mapping[str, str] | None = None,
) -> tuple[T, dict[str, str]]:
    """`kept`, and the digests of every input of the value."""
    known = known or {}
    path = entry_path(root, name)
    found = _kept(path, str(root), kind, known)
    if found is not None:
        return cast(T, found[0]), found[1]
    reads = phase_reads(root, root / "build", ())
    with recording(reads):
        value = produce()
    inputs = {**known, **phase_digests([reads], ())}
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        _keep(path, str(root), inputs, value)
    return value, inputs


def entry_path(root: Path, name: str) -> str:
    """Where the value `name` of a project directory is kept."""
    return os.path.join(cache_dir(), "plans", f"{short_digest(os.path.abspath(root))}-{name}.pickle")


def _kept(path: str, root: str, kind: type, known: Mapping[str, str]) -> tuple[Any, dict[str, str]] | None:
    try:
        with open(path, "rb") as stream:
            data = stream.read()
        entry = _ModelUnpickler(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001  (a missing, unreadable, foreign or corrupt entry is a miss, whatever it raises)
        return None
    if not (isinstance(entry, tuple) and len(entry) == 5 and entry[:3] == (FORMAT, root, code_environment())):
        return None
    inputs, value = entry[3], entry[4]
    if not isinstance(inputs, dict) or not isinstance(value, kind):
        return None
    if not inputs_unchanged({key: digest for key, digest in inputs.items() if known.get(key) != digest}):
        return None
    return value, inputs


def _keep(path: str, root: str, inputs: dict[str, str], value: object) -> None:
    """Write the entry atomically (a crash leaves the old one or none), in a directory only the user can read."""
    entry = (FORMAT, root, code_environment(), inputs, value)
    write_entry(path, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
    keep_newest(os.path.dirname(path), MAX_ENTRIES, ".pickle")


class _ModelUnpickler(pickle.Unpickler):
    """Unpickles the model's records and the standard types they hold, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_MODEL_MODULES) or (module, name) in _STANDARD:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not one of the model's types")

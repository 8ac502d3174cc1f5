"""All-or-nothing outputs: everything a command writes is staged beside its target, then swapped in at once.

A build renders every output in memory first. `Outputs` then writes each staged directory into a temporary
sibling (`.NAME.new-…`) and each staged file into a temporary file beside it; only when all of them are written
are they renamed into place, with SIGINT and SIGTERM held back for those few renames. A failed or interrupted
command leaves the previous outputs complete; a finished one leaves the new ones, never a mix, and no temporary
file. Unchanged files keep their inode and time (hard-linked into the new directory), so a rebuild that changes
nothing touches nothing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from msgspec import Struct, field

NEW_MARK = ".new-"
OLD_MARK = ".old-"
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class OutputError(OSError):
    """An output could not be written; `path` is the one that failed. Nothing was changed."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(error.errno, error.strerror or str(error), str(path))
        self.path = path
        self.reason = error.strerror or str(error)


class Outputs(Struct):
    """The outputs of one command, staged in memory until `commit`."""

    trees: dict[Path, Mapping[str, bytes]] = field(default_factory=dict)
    files: dict[Path, bytes] = field(default_factory=dict)

    def tree(self, directory: Path, files: Mapping[str, bytes]) -> None:
        """Stage `directory` to hold exactly `files` (names relative to it) after the commit."""
        for name in files:
            if not _is_plain_relative(name):
                raise ValueError(f"output name {name!r} leaves its directory")
        self.trees[directory] = files

    def file(self, path: Path, data: bytes) -> None:
        """Stage one file, replacing `path` after the commit; the rest of its directory is left alone."""
        self.files[path] = data

    def commit(self) -> list[Path]:
        """Write everything, then swap it in; return the paths that changed. OutputError, and nothing changed,
        when any of it cannot be written."""
        staged: list[tuple[Path, Path]] = []  # (temporary, target)
        try:
            for directory, files in self.trees.items():
                unchanged = _unchanged(directory, files)
                if len(unchanged) == len(files) and _holds_only(directory, files):
                    continue
                staged.append((_write_tree(directory, files, unchanged), directory))
            for path, data in self.files.items():
                if _holds(path, data):
                    continue
                staged.append((_write_file(path, data), path))
        except BaseException:
            for temporary, _target in staged:
                _remove(temporary)
            raise
        with _signals_held():
            return _swap(staged)


def write_file(path: Path, data: bytes) -> bool:
    """Replace one file atomically; False when it already held `data`."""
    outputs = Outputs()
    outputs.file(path, data)
    return bool(outputs.commit())


def clean_leftovers(directory: Path) -> None:
    """Remove what a killed process (SIGKILL, power loss) left beside the outputs in `directory`."""
    with contextlib.suppress(OSError):
        for entry in directory.iterdir():
            if entry.name.startswith(".") and (NEW_MARK in entry.name or OLD_MARK in entry.name):
                _remove(entry)


def _is_plain_relative(name: str) -> bool:
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts and "\\" not in name


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _unchanged(directory: Path, files: Mapping[str, bytes]) -> set[str]:
    """The names whose file in `directory` already holds exactly their data (each old file read once)."""
    if not directory.is_dir():
        return set()
    return {
        name for name, data in files.items() if not (directory / name).is_symlink() and _holds(directory / name, data)
    }


def _holds_only(directory: Path, files: Mapping[str, bytes]) -> bool:
    """Whether `directory` holds no file besides `files`."""
    present = {p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file() or p.is_symlink()}
    return present == set(files)


def _write_tree(directory: Path, files: Mapping[str, bytes], unchanged: set[str]) -> Path:
    """A complete copy of the new `directory` in a temporary sibling; the `unchanged` files are hard links."""
    parent = _make_parent(directory)
    if directory.exists() and not directory.is_dir():
        raise OutputError(directory, NotADirectoryError(errno.ENOTDIR, "ディレクトリではなくファイルです"))
    try:
        temporary = Path(tempfile.mkdtemp(dir=parent, prefix=f".{directory.name}{NEW_MARK}"))
    except OSError as error:
        raise OutputError(directory, error) from None
    try:
        os.chmod(temporary, 0o755)
        for name, data in files.items():
            target = temporary / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if name in unchanged:
                with contextlib.suppress(OSError):
                    os.link(directory / name, target)
                    continue
            target.write_bytes(data)
            os.chmod(target, 0o644)
    except OSError as error:
        _remove(temporary)
        raise OutputError(Path(error.filename) if error.filename else directory, error) from None
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _write_file(path: Path, data: bytes) -> Path:
    parent = _make_parent(path)
    if path.is_dir():
        raise OutputError(path, IsADirectoryError(errno.EISDIR, "ファイルではなくディレクトリです"))
    try:
        handle, name = tempfile.mkstemp(dir=parent, prefix=f".{path.name}{NEW_MARK}", suffix=".tmp")
    except OSError as error:
        raise OutputError(path, error) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
    except OSError as error:
        _remove(temporary)
        raise OutputError(path, error) from None
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _make_parent(path: Path) -> Path:
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(parent, error) from None
    if not parent.is_dir():
        raise OutputError(parent, NotADirectoryError(errno.ENOTDIR, "ディレクトリではありません"))
    return parent


def _swap(staged: list[tuple[Path, Path]]) -> list[Path]:
    """Rename every staged output into place; on a failure, put back what was there and raise."""
    done: list[tuple[Path, Path, Path | None]] = []  # (temporary, target, the previous output set aside)
    failing = staged[0][1] if staged else Path()
    try:
        for temporary, target in staged:
            failing = target
            aside = None
            if target.exists() or target.is_symlink():
                aside = target.with_name(f".{target.name}{OLD_MARK}{temporary.name.rsplit('-', 1)[-1]}")
                os.rename(target, aside)
            done.append((temporary, target, aside))
            os.rename(temporary, target)
    except OSError as error:
        for temporary, target, aside in reversed(done):
            if not temporary.exists():  # it was renamed into place: take it out again
                _remove(target)
            if aside is not None:
                with contextlib.suppress(OSError):
                    os.rename(aside, target)
        for temporary, _target in staged:
            _remove(temporary)
        raise OutputError(failing, error) from None
    for _temporary, _target, aside in done:
        if aside is not None:
            _remove(aside)
    return [target for _temporary, target in staged]


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (where the platform can hold them)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)

"""The build record: what each output was made from, so that an output whose inputs are unchanged is not made again.

For every output (`html`, `pdf` with its options) the record keeps

- the digest of every file the build read to make it: the plan's sources (read by the loader), the templates,
  the static files, images and fonts WeasyPrint fetched; the listing of every directory it listed; and, for each
  template or static file taken from a later template directory, the absence of the same name in the earlier
  ones (a new override in the project's templates/ makes the output stale);
- the environment: kplan's version and its own files, the installed distributions, Python, the font
  directories and the fontconfig settings;
- the files it wrote, with their size and modification time (a deleted or edited output is made again).

The record of an output directory lives in the user's cache directory ($XDG_CACHE_HOME/kplan/builds/, named by a
digest of the directory's path), so the output directory holds the outputs and nothing else.

What was read is seen by an audit hook (`sys.addaudithook`: every `open` and every directory listing) while a
phase of the build runs, so nothing has to declare its inputs (kplan.plan_cache records the plan's load the same
way). `noop_build` is cheap enough to run before typer, Jinja or the model are imported (kplan.fast_paths): json,
BLAKE2 and os only.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from kplan.cachedir import cache_dir, write_entry

try:  # BLAKE2 alone: hashlib would load OpenSSL's algorithms too (2 ms of every lint)
    from _blake2 import blake2b
except ImportError:  # an interpreter without the builtin module
    from hashlib import blake2b

FORMAT = 1
ABSENT = "absent"
PLAN_MARKER = ("plan", "plan.yaml")  # kplan.project.MARKER, kept here so that the fast path imports nothing
DEFAULT_PROFILE = "download"  # kplan build's defaults (tests/test_build_cache.py checks them against the CLI)
DEFAULT_VARIANT = "pdf/ua-1"
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
FONT_CONFIG = "/etc/fonts"
CODE_SUFFIXES = (".py", ".pyc", ".pyi", ".so")


def record_path(out_dir: str) -> str:
    """Where the build record of an output directory is kept."""
    return os.path.join(cache_dir(), "builds", f"{short_digest(os.path.abspath(out_dir))}.json")


def short_digest(text: str) -> str:
    """A file name for a path: 24 hex digits of its BLAKE2b digest."""
    return blake2b(text.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()


def request_key(name: str, subdirectory: str, options: Mapping[str, object] | None = None) -> str:
    """The record's key for one output: builder, directory and options."""
    import json

    return json.dumps([name, subdirectory, sorted((options or {}).items())], ensure_ascii=False)


def build_requests(html: bool, pdf: bool, profile: str, variant: str) -> list[tuple[str, str, dict[str, object]]]:
    """(builder, subdirectory, options) of each output `kplan build` makes: both unless one is asked for."""
    if not html and not pdf:
        html = pdf = True
    requests: list[tuple[str, str, dict[str, object]]] = []
    if html:
        requests.append(("html", "html", {}))
    if pdf:
        requests.append(("pdf", "pdf", {"profile": profile, "variant": variant}))
    return requests


# ---- what a phase reads ---------------------------------------------------------------------------------------

_recording: list[Reads] = []
_hook_installed = False


class Reads:
    """The files opened for reading and the directories listed under `roots` (but not under `excluded`)."""

    def __init__(self, roots: Iterable[Path], excluded: Iterable[Path]) -> None:
        self.roots = tuple(_prefix(r) for r in roots)
        self.excluded = tuple(_prefix(e) for e in excluded)
        self.files: set[str] = set()
        self.dirs: set[str] = set()

    def wants(self, path: str) -> bool:
        """Whether a read of `path` (absolute) is an input: under a root (or a root itself), not excluded."""
        inside = os.path.join(path, "")
        return (
            inside.startswith(self.roots) and not inside.startswith(self.excluded) and not path.endswith(CODE_SUFFIXES)
        )


def _prefix(path: Path) -> str:
    return os.path.join(os.path.abspath(os.path.expanduser(path)), "")


def phase_reads(root: Path, out_dir: Path, template_dirs: Sequence[Path]) -> Reads:
    """A recorder for one phase of a build: what it reads under the project and the template directories (not
    the outputs, git's files, kplan's and Python's own files, or kplan's cache)."""
    own = [Path(__file__).parent, Path(sys.prefix), Path(sys.base_prefix), Path(cache_dir())]
    return Reads([root, *template_dirs], [out_dir, root / ".git", *own])


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """The audit hook: files opened for reading and directories listed while a phase records."""
    if not _recording or event not in ("open", "os.scandir", "os.listdir"):
        return
    path = args[0] if args else None
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, str):
        return  # a file descriptor, or the current directory's listing
    if event == "open":
        mode, flags = (args[1], args[2]) if len(args) >= 3 else (args[1] if len(args) > 1 else "r", 0)
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR)
        ):
            return
    path = os.path.abspath(path)
    for reads in _recording:
        if reads.wants(path):
            (reads.files if event == "open" else reads.dirs).add(path)


@contextlib.contextmanager
def recording(reads: Reads) -> Iterator[Reads]:
    """Record what is read while the block runs (the hook is installed once per process)."""
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True
    _recording.append(reads)
    try:
        yield reads
    finally:
        _recording.remove(reads)


# ---- digests --------------------------------------------------------------------------------------------------


def file_digest(path: str) -> str:
    """The content's BLAKE2b digest, or ABSENT when there is no such file."""
    try:
        with open(path, "rb") as stream:
            return blake2b(stream.read(), digest_size=16).hexdigest()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return ABSENT


def dir_digest(path: str) -> str:
    """The digest of a directory's sorted names (its listing), or ABSENT."""
    try:
        names = sorted(os.listdir(path))
    except (FileNotFoundError, NotADirectoryError):
        return ABSENT
    return blake2b("\0".join(names).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def input_digest(key: str) -> str:
    """`f:PATH` (a file's content) or `d:PATH` (a directory's listing)."""
    kind, path = key[:1], key[2:]
    return dir_digest(path) if kind == "d" else file_digest(path)


def phase_digests(phases: Sequence[Reads], template_dirs: Sequence[Path]) -> dict[str, str]:
    """The digest of every file the phases read (with the template names they shadow) and every directory they
    listed, by `input_digest`'s key."""
    files = set().union(*(p.files for p in phases)) if phases else set()
    dirs = set().union(*(p.dirs for p in phases)) if phases else set()
    inputs = {f"f:{path}": file_digest(path) for path in sorted(files | shadowed(files, template_dirs))}
    inputs.update({f"d:{path}": dir_digest(path) for path in sorted(dirs)})
    return inputs


def inputs_unchanged(inputs: Mapping[str, str]) -> bool:
    """Whether every input is as `phase_digests` recorded it (reading each again, in the recorded order)."""
    return all(input_digest(key) == digest for key, digest in inputs.items())


def shadowed(files: Iterable[str], template_dirs: Sequence[Path]) -> set[str]:
    """For each file read from a template directory, the same name in every earlier one (which must stay absent,
    or the loader would take it instead)."""
    prefixes = [_prefix(d) for d in template_dirs]
    found: set[str] = set()
    for path in files:
        for index, prefix in enumerate(prefixes):
            if path.startswith(prefix):
                rel = path[len(prefix) :]
                found.update(os.path.join(earlier, rel) for earlier in prefixes[:index])
                break
    return found


def environment() -> str:
    """A digest of what every output depends on besides its inputs: kplan's code and what it runs on
    (`code_environment`), fonts and fontconfig."""
    parts: list[str] = [code_environment()]
    for directory in FONT_DIRS:
        parts += _tree_stats(os.path.expanduser(directory), dirs_only=True)
    parts += _tree_stats(FONT_CONFIG)
    return blake2b("\n".join(parts).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


_code_environments: dict[str, str] = {}  # by kplan's version: the code a process runs does not change under it


def code_environment() -> str:
    """A digest of the code that turns sources into results: kplan (version and files), the installed
    distributions and Python; computed once a process (it stats every file of kplan)."""
    version = _kplan_version()
    if version not in _code_environments:
        _code_environments[version] = _code_environment(version)
    return _code_environments[version]


def _code_environment(version: str) -> str:
    parts: list[str] = [sys.version, version]
    package = os.path.dirname(os.path.abspath(__file__))
    parts += _tree_stats(package, skip_dirs=("__pycache__",))
    for entry in sys.path:
        if entry.endswith("site-packages") and os.path.isdir(entry):
            parts += sorted(name for name in os.listdir(entry) if name.endswith((".dist-info", ".egg-info")))
    return blake2b("\n".join(parts).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def _kplan_version() -> str:
    from kplan import __version__

    return __version__


def _tree_stats(top: str, skip_dirs: tuple[str, ...] = (), dirs_only: bool = False) -> list[str]:
    """path, size and modification time of every file (or only every directory) under `top`, sorted."""
    found = []
    for directory, subdirs, names in os.walk(top):
        subdirs[:] = sorted(d for d in subdirs if d not in skip_dirs)
        if dirs_only:
            stat = os.stat(directory)
            found.append(f"{directory} {stat.st_mtime_ns}")
            continue
        for name in sorted(names):
            path = os.path.join(directory, name)
            with contextlib.suppress(OSError):
                stat = os.stat(path)
                found.append(f"{path} {stat.st_size} {stat.st_mtime_ns}")
    return found


def _written_state(path: str) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _tree_names(directory: str) -> list[str]:
    names = []
    for top, subdirs, files in os.walk(directory):
        subdirs.sort()
        names += [os.path.relpath(os.path.join(top, name), directory) for name in files]
    return sorted(names)


# ---- the record -----------------------------------------------------------------------------------------------


class BuildRecord:
    """The record of one output directory: is an output up to date, what to print for it, and the new entries."""

    def __init__(self, root: Path, out_dir: Path, force: bool = False) -> None:
        self.root = os.path.abspath(root)
        self.out_dir = os.path.abspath(out_dir)
        self.path = record_path(self.out_dir)
        self.force = force
        self.entries: dict[str, dict[str, Any]] = {}
        self._environment: str | None = None
        try:
            import json

            with open(self.path, encoding="utf-8") as stream:
                data = json.load(stream)
            if data.get("format") == FORMAT and data.get("root") == self.root:
                self.entries = dict(data.get("outputs") or {})
        except (OSError, ValueError, AttributeError):
            self.entries = {}

    @property
    def environment(self) -> str:
        if self._environment is None:
            self._environment = environment()
        return self._environment

    def fresh(self, key: str) -> dict[str, Any] | None:
        """The entry of an output whose inputs, environment and written files are all as recorded; else None."""
        entry = self.entries.get(key)
        if self.force or not entry or entry.get("environment") != self.environment:
            return None
        for path, state in (entry.get("written") or {}).items():
            if _written_state(path) != state:
                return None
        tree = entry.get("tree")
        if tree and _tree_names(tree) != sorted(os.path.relpath(p, tree) for p in entry["written"]):
            return None
        return entry if inputs_unchanged(entry.get("inputs") or {}) else None

    def reads(self, template_dirs: Sequence[Path]) -> Reads:
        """A recorder for one phase of a build into this record's output directory."""
        return phase_reads(Path(self.root), Path(self.out_dir), template_dirs)

    def update(
        self,
        key: str,
        phases: Sequence[Reads],
        template_dirs: Sequence[Path],
        written: Sequence[Path],
        tree: Path | None,
        lines: Sequence[str] | Mapping[str, Sequence[str]],
        notices: Sequence[str] | Mapping[str, Sequence[str]] = (),
    ) -> None:
        """The new entry of an output that was just made from what `phases` read. `lines` and `notices` are what
        a later build prints when it leaves the output as it is: one list, or one per language (kplan.messages)."""
        self.entries[key] = {
            "environment": self.environment,
            "inputs": phase_digests(phases, template_dirs),
            "written": {os.path.abspath(p): _written_state(os.path.abspath(p)) for p in written},
            "tree": os.path.abspath(tree) if tree else None,
            "lines": _by_language(lines),
            "notices": _by_language(notices),
        }

    def save(self) -> None:
        """Write the record atomically in kplan's cache."""
        import json

        data = {"format": FORMAT, "root": self.root, "outputs": self.entries}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        write_entry(self.path, text.encode("utf-8"))


def skipped_lines(entries: Iterable[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
    """What a build prints for outputs it did not make again: (stdout lines, stderr notices without repeats)."""
    out: list[str] = []
    notices: list[str] = []
    for entry in entries:
        out += _in_language(entry.get("lines"))
        notices += [n for n in _in_language(entry.get("notices")) if n not in notices]
    return out, notices


def _by_language(said: Sequence[str] | Mapping[str, Sequence[str]]) -> list[str] | dict[str, list[str]]:
    return {lang: list(lines) for lang, lines in said.items()} if isinstance(said, Mapping) else list(said)


def _in_language(said: Any) -> list[str]:
    """Recorded lines in the language in use (a record written in another language keeps its lines for each)."""
    if isinstance(said, dict):
        from kplan.messages import language

        return list(said.get(language()) or next(iter(said.values()), []))
    return list(said or [])


# ---- the fast path --------------------------------------------------------------------------------------------


def parse_build_args(args: Sequence[str]) -> dict[str, Any] | None:
    """The options of a plain `kplan [-C DIR] [--lang L] build [--html] [--pdf] [-o DIR] [--profile P]
    [--pdf-variant V] [--force] [--strict]` command line (kplan.plain_args); None for anything else (help, an
    unknown option), which goes to typer."""
    from kplan.plain_args import global_options

    found = global_options(args)
    if found is None or found[1] != "build":
        return None
    options: dict[str, Any] = {
        **found[0],
        "html": False,
        "pdf": False,
        "out": None,
        "profile": DEFAULT_PROFILE,
        "variant": DEFAULT_VARIANT,
        "force": False,
        "strict": False,
    }
    values = {"-o": "out", "--out": "out", "--profile": "profile", "--pdf-variant": "variant"}
    items = found[2]
    index = 0
    while index < len(items):
        arg = items[index]
        if arg in ("--html", "--pdf", "--force", "--strict"):
            options[arg[2:]] = True
        elif arg in values and index + 1 < len(items) and not items[index + 1].startswith("-"):
            options[values[arg]] = items[index + 1]
            index += 1
        elif "=" in arg and arg.split("=", 1)[0] in values and arg.startswith("--"):
            name, value = arg.split("=", 1)
            options[values[name]] = value
        else:
            return None
        index += 1
    return options


def find_root(start: str) -> str | None:
    """The nearest directory at or above `start` holding plan/plan.yaml (as kplan.project.find_root)."""
    directory = os.path.realpath(start)
    while True:
        if os.path.isfile(os.path.join(directory, *PLAN_MARKER)):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def noop_build(args: Sequence[str], cwd: str | None = None) -> tuple[list[str], list[str]] | None:
    """When `args` is a plain `kplan build` whose every output is up to date: what it prints (stdout lines,
    stderr notices). None when anything is to be built, or the command line is not a plain build."""
    options = parse_build_args(args)
    if options is None or options["force"] or options["strict"]:
        return None  # --force makes everything; --strict lints even when nothing is to be made
    cwd = cwd or os.getcwd()
    start = os.path.join(cwd, options["directory"]) if options["directory"] else cwd
    root = find_root(start)
    if root is None:
        return None
    out_dir = os.path.join(cwd, options["out"]) if options["out"] else os.path.join(root, "build")
    record = BuildRecord(Path(root), Path(out_dir))
    entries = []
    for name, subdirectory, request_options in build_requests(
        options["html"], options["pdf"], options["profile"], options["variant"]
    ):
        entry = record.fresh(request_key(name, subdirectory, request_options))
        if entry is None:
            return None
        entries.append(entry)
    return skipped_lines(entries)

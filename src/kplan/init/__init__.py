"""`kplan init`: a new plan project from the skeleton kept in kplan/init/skeleton/, with the names filled in.

The skeleton's files are templates: `{{yaml:NAME}}` is replaced by the value as a quoted YAML scalar,
`{{md:NAME}}` by the value with Markdown punctuation escaped, `{{raw:NAME}}` by the value itself (only for values
kplan makes, such as its version). A file or directory name starting with `dot-` is written with a leading dot
(`dot-gitattributes` → `.gitattributes`), so the skeleton's own dotfiles do not act on kplan's repository.

Everything the new plan says about its contents is marked （例）: it is an example, not the city's words.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import unicodedata
from importlib import resources
from pathlib import Path

import yaml

from kplan import __version__
from kplan.init.png import boxes_diagram
from kplan.messages import Msg

__all__ = ["InitError", "InvalidValueError", "NotEmptyError", "create_plan", "skeleton_files", "write_files"]

SKELETON = "skeleton"
FIGURE = "plan/figures/example-diagram.png"
SCHEMA_DIR = "schema"
MAX_VALUE_LENGTH = 200
_PLACEHOLDER = re.compile(r"\{\{(yaml|md|raw):([a-z_]+)\}\}")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")


class InitError(Exception):
    """`kplan init` cannot create the plan; nothing was written. `said` is the catalog entry (cli.init-…), whose
    hint says what to do."""

    def __init__(self, said: Msg) -> None:
        super().__init__(said)
        self.said = said

    @property
    def hint(self) -> str:
        return self.said.hint


class NotEmptyError(InitError):
    """The target exists and is not an empty directory."""


class InvalidValueError(InitError, ValueError):
    """A municipality or title that cannot be used (empty, several lines, control characters, too long)."""


def _checked(name: str, value: str) -> str:
    what = Msg(f"cli.init-value/{name}")  # municipality or title
    value = value.strip() if isinstance(value, str) else value
    if not isinstance(value, str) or not value:
        raise InvalidValueError(Msg("cli.init-value", name=what))
    if len(value) > MAX_VALUE_LENGTH:
        raise InvalidValueError(Msg("cli.init-value/too-long", name=what, limit=MAX_VALUE_LENGTH))
    bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp")), None)
    if bad is not None:
        raise InvalidValueError(Msg("cli.init-value/control", name=what, unicode=f"{ord(bad):04X}"))
    return value


def yaml_quoted(value: str) -> str:
    """`value` as a double-quoted YAML scalar that reads back as exactly `value`."""
    quoted = json.dumps(value, ensure_ascii=False)
    if yaml.safe_load(quoted) != value:  # pragma: no cover - json escapes are a subset of YAML's
        raise InvalidValueError(Msg("cli.init-value/yaml", value=value))
    return quoted


def markdown_escaped(value: str) -> str:
    """`value` with Markdown punctuation backslash-escaped, so it prints as typed."""
    return _MD_SPECIAL.sub(r"\\\1", value)


def _fill(text: str, values: dict[str, str], where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        how, name = match[1], match[2]
        if name not in values:
            raise KeyError(f"{where}: unknown placeholder {match[0]}")
        value = values[name]
        return yaml_quoted(value) if how == "yaml" else markdown_escaped(value) if how == "md" else value

    return _PLACEHOLDER.sub(replace, text)


def _target_name(rel: str) -> str:
    return "/".join("." + part[4:] if part.startswith("dot-") else part for part in rel.split("/"))


def skeleton_files(municipality: str, title: str) -> dict[str, bytes]:
    """Every file of a new plan: path relative to the project root (with `/`) → its bytes."""
    from kplan.schema_export import schema_documents

    values = {
        "municipality": _checked("municipality", municipality),
        "title": _checked("title", title),
        "version": __version__,
    }
    files: dict[str, bytes] = {}
    root = resources.files(__package__).joinpath(SKELETON)
    stack = [(root, "")]
    while stack:
        node, prefix = stack.pop()
        for child in node.iterdir():
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    stack.append((child, rel + "/"))
                continue
            text = child.read_text(encoding="utf-8")
            files[_target_name(rel)] = _fill(text, values, rel).encode("utf-8")
    files[FIGURE] = boxes_diagram()
    for name, text in schema_documents().items():
        files[f"{SCHEMA_DIR}/{name}"] = text.encode("utf-8")
    return dict(sorted(files.items()))


def _write_all(base: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = base.joinpath(*rel.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as handle:
            handle.write(data)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def create_plan(directory: Path, municipality: str, title: str) -> list[Path]:
    """Create a new plan project in `directory` (made if missing; refused unless empty); return the files written.

    The plan is a draft 初版 of `municipality`'s `title` with one example chapter (a section, a measure card, an
    indicator table, a figure with its image), a glossary, JSON Schemas, editor and git settings, a lint workflow
    and a pre-commit hook. Raises NotEmptyError for an existing non-empty directory (or a file),
    InvalidValueError for an unusable name, InitError when the files cannot be written; in every case nothing
    is left behind.
    """
    files = skeleton_files(municipality, title)
    directory = Path(directory).absolute()
    if directory.exists() or directory.is_symlink():
        if not directory.is_dir():
            raise NotEmptyError(Msg("cli.init-not-a-directory", directory=directory))
        if any(directory.iterdir()):
            raise NotEmptyError(Msg("cli.init-not-empty", directory=directory))
    try:
        if directory.exists():
            _fill_empty_directory(directory, files)
        else:
            _create_directory(directory, files)
    except OSError as error:
        raise InitError(Msg("cli.init-failed", directory=directory, reason=error)) from error
    return [directory.joinpath(*rel.split("/")) for rel in files]


def write_files(directory: Path, files: dict[str, bytes]) -> None:
    """Write `files` (root-relative path → bytes) into `directory`, which must be new or empty, all or nothing:
    the writer `create_plan` uses, for other commands that make a plan (kplan import). Raises OSError."""
    directory = Path(directory).absolute()
    if directory.exists():
        _fill_empty_directory(directory, files)
    else:
        _create_directory(directory, files)


def _staging_directory(parent: Path, prefix: str) -> Path:
    """A new, uniquely named directory in `parent` with ordinary permissions (mkdtemp's are owner-only)."""
    for _ in range(100):
        path = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free temporary name in {parent}")


def _create_directory(directory: Path, files: dict[str, bytes]) -> None:
    """Write everything into a temporary directory beside `directory`, then rename it into place (atomic)."""
    created: list[Path] = []
    parent = directory.parent
    while not parent.exists():
        created.append(parent)
        parent = parent.parent
    staging: Path | None = None
    try:
        for missing in reversed(created):
            missing.mkdir()
        staging = _staging_directory(directory.parent, f".{directory.name}.kplan-init-")
        _write_all(staging, files)
        os.rename(staging, directory)
    except BaseException:
        if staging is not None:
            _remove(staging)
        for missing in created:
            try:
                missing.rmdir()
            except OSError:
                break
        raise


def _fill_empty_directory(directory: Path, files: dict[str, bytes]) -> None:
    """Write everything into a temporary directory inside `directory`, then move its entries up one by one;
    on failure remove what was moved, so the directory is empty again."""
    staging = _staging_directory(directory, ".kplan-init-")
    moved: list[Path] = []
    try:
        _write_all(staging, files)
        for entry in sorted(staging.iterdir()):
            target = directory / entry.name
            if target.exists() or target.is_symlink():
                raise FileExistsError(f"{target} appeared while the plan was being created")
            os.rename(entry, target)
            moved.append(target)
    except BaseException:
        for target in moved:
            _remove(target)
        raise
    finally:
        _remove(staging)

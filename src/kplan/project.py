"""The project: where a plan lives (its root), where its templates and outputs are, and containment of paths.

Every path a source names is resolved through `Project.source_path`, which refuses anything outside the root
(`../`, absolute paths, symlinks that lead out), so no command reads or writes outside the project.
"""

from __future__ import annotations

from pathlib import Path

from msgspec import Struct
from msgspec.structs import force_setattr

from kplan.diagnostics import printable
from kplan.messages import Msg

MARKER = Path("plan") / "plan.yaml"
_HERE = Path(__file__).resolve().parent
# kplan's own templates: inside the package when installed from a wheel, else templates/ at the top of the checkout
PACKAGE_TEMPLATES = next(
    (d for d in (_HERE / "templates", _HERE.parents[1] / "templates") if d.is_dir()), _HERE / "templates"
)


class NoProjectError(Exception):
    """No plan/plan.yaml in the directory or any parent; `said` is the catalog entry (cli.no-project)."""

    def __init__(self, said: Msg) -> None:
        super().__init__(said)
        self.said = said


class OutsideProjectError(ValueError):
    """A path named in the sources that lies outside the project root."""


def find_root(start: Path) -> Path:
    """The nearest directory at or above `start` that holds plan/plan.yaml."""
    try:
        start = start.resolve()
        for directory in (start, *start.parents):
            if (directory / MARKER).is_file():
                return directory
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise NoProjectError(
            Msg("cli.no-project/unreadable", start=printable(str(start))[:200], reason=reason)
        ) from None
    raise NoProjectError(Msg("cli.no-project", start=start, marker=MARKER))


class Project(Struct, frozen=True):
    """A plan checkout: its root, its templates (the project's own, else kplan's), and its output directory."""

    root: Path
    out_dir: Path = Path()
    settings: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        force_setattr(self, "root", self.root.resolve())
        if self.out_dir == Path():
            force_setattr(self, "out_dir", self.root / "build")

    @classmethod
    def find(cls, start: Path, out_dir: Path | None = None) -> Project:
        return cls(find_root(start), out_dir or Path())

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        """The project's templates/ first (when it has one), then kplan's own."""
        own = self.root / "templates"
        return (own, PACKAGE_TEMPLATES) if own.is_dir() else (PACKAGE_TEMPLATES,)

    def source_path(self, rel: str) -> Path:
        """The file a source names (relative to the root), resolved; OutsideProjectError if it leaves the root."""
        if "\0" in rel:
            raise OutsideProjectError(rel)
        candidate = Path(rel)
        if candidate.is_absolute():
            raise OutsideProjectError(rel)
        resolved = (self.root / candidate).resolve()
        if not resolved.is_relative_to(self.root):
            raise OutsideProjectError(rel)
        return resolved

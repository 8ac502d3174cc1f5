"""A version argument (a plan directory, an edition label or a git ref) to a loaded plan.

An edition label such as v1 or v2.0 names a tag when the repository has one, else the newest commit in the history
of HEAD whose message carries the trailer `Plan-Edition: v1`, so labels work in a fresh clone without tags.
An edition taken from git is read with `git archive` into a temporary directory and loaded there by the current
loader; the working tree is never touched.
"""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from msgspec import Struct

from kplan.diagnostics import Diagnostic, DiagnosticError
from kplan.diff.cover import dates_text
from kplan.diff.records import EditionInfo
from kplan.messages import Msg
from kplan.model import Plan
from kplan.model.labels import edition_name

LABEL = re.compile(r"v\d+(?:\.\d+)*")
TRAILER = "Plan-Edition"
# the directories an edition is made of (its images among them); one a commit lacks is simply not there
SOURCE_DIRS = ("plan", "glossary", "images", "figures", "assets")


class EditionError(Exception):
    """A version argument that names no edition, or an edition that cannot be read."""

    def __init__(
        self, said: Msg, problems: list[str] | None = None, diagnostics: list[Diagnostic] | None = None
    ) -> None:
        super().__init__(said)
        self.said = said  # a diff.* catalog entry: the message and its hint
        self.problems = problems or []  # one line each, the file named as the edition has it (COMMIT:path)
        self.diagnostics = diagnostics or []

    @property
    def hint(self) -> str:
        return self.said.hint


class Edition(Struct, frozen=True):
    plan: Plan
    info: EditionInfo


def load_edition(argument: str, start: Path) -> Edition:
    """Resolve `argument` from the directory `start` and load that edition of the plan."""
    directory = _plan_directory(Path(argument))
    if directory is not None:
        return _loaded(argument, f"directory {directory}", directory, f"{directory}/")
    git = _Git(start)
    commit, source = git.resolve(argument)
    with tempfile.TemporaryDirectory(prefix="kplan-edition-") as temporary:
        root = Path(temporary)
        git.extract(commit, root)
        return _loaded(argument, source, root, f"{commit[:10]}:{git.prefix}")


def _plan_directory(path: Path) -> Path | None:
    """The project root a path names: a checkout holding plan/plan.yaml, or a plan/ directory itself."""
    try:
        if (path / "plan" / "plan.yaml").is_file():
            return path.resolve()
        if path.name == "plan" and (path / "plan.yaml").is_file():
            return path.resolve().parent
    except (OSError, ValueError):  # a name too long for a path, a NUL: not a directory, so a git revision
        return None
    return None


def _loaded(argument: str, source: str, root: Path, where: str) -> Edition:
    """Load the plan under `root` (the root of its project, so no path it names may leave it); `where` prefixes the
    file names in problems (a directory, or COMMIT: as git names a file in a commit)."""
    from kplan.load import load_plan

    try:
        plan = load_plan(root)
    except DiagnosticError as error:
        raise EditionError(
            Msg("diff.unreadable-edition", argument=argument, source=source, count=len(error.problems)),
            [f"{where}{problem}" for problem in error.problems],
            error.diagnostics,
        ) from None
    meta, conventions = plan.meta, plan.conventions
    info = EditionInfo(
        argument=argument,
        source=source,
        edition=meta.edition,
        name=edition_name(meta.edition, conventions),
        title=f"{meta.municipality}{meta.full_title}",
        status=meta.status,
        dates=dates_text(meta, conventions),
        reconstructed=None if meta.reconstructed is None else str(meta.reconstructed),
    )
    return Edition(plan, info)


class _Git:
    """The repository that holds the plan found from `start`."""

    def __init__(self, start: Path) -> None:
        self.start = start
        top = self.run("rev-parse", "--show-toplevel", check=False)
        if top is None:
            raise EditionError(Msg("diff.not-in-git", start=start))
        self.top = Path(str(top).strip())
        self.prefix = self._plan_prefix()

    def run(self, *args: str, check: bool = True, binary: bool = False, top: bool = False) -> str | bytes | None:
        """Run git in `start` (or, with top, at the top of the repository, where paths are not relative)."""
        where = self.top if top else self.start
        result = subprocess.run(["git", "-C", str(where), *args], capture_output=True, check=False)
        if result.returncode != 0:
            if check:
                message = result.stderr.decode("utf-8", "replace").strip().splitlines()
                reason = message[-1] if message else result.returncode
                raise EditionError(Msg("diff.git-failed", command=args[0], reason=reason))
            return None
        return result.stdout if binary else result.stdout.decode("utf-8", "replace")

    def _plan_prefix(self) -> str:
        """Where the plan sits inside the repository: '' at the top, 'sub/dir/' deeper."""
        from kplan.project import NoProjectError, find_root

        try:
            root = find_root(self.start)
        except NoProjectError:
            return ""
        try:
            relative = root.resolve().relative_to(self.top.resolve())
        except ValueError:
            return ""
        return "" if str(relative) == "." else f"{relative.as_posix()}/"

    def resolve(self, argument: str) -> tuple[str, str]:
        """The commit an edition label or a git ref names, and a description of how it was found."""
        if LABEL.fullmatch(argument):
            return self._label(argument)
        if argument.startswith("-"):
            raise EditionError(Msg("diff.not-a-version", argument=argument))
        commit = self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{argument}^{{commit}}", check=False)
        if not commit:
            raise EditionError(Msg("diff.unknown-version", argument=argument))
        commit = str(commit).strip()
        return commit, f"git {argument} = commit {commit[:10]}"

    def _label(self, label: str) -> tuple[str, str]:
        tagged = self.run("rev-parse", "--verify", "--quiet", f"refs/tags/{label}^{{commit}}", check=False)
        if tagged:
            commit = str(tagged).strip()
            return commit, f"tag {label} = commit {commit[:10]}"
        log = self.run(
            "log",
            "-E",
            f"--grep=^{TRAILER}:[[:space:]]*{re.escape(label)}[[:space:]]*$",
            f"--format=%H%x00%(trailers:key={TRAILER},valueonly,separator=%x01)%x00",
            "HEAD",
            check=False,
        )
        for record in str(log or "").split("\x00\n"):
            commit, _, values = record.strip("\n").partition("\x00")
            if commit and label in (v.strip() for v in values.rstrip("\x00").split("\x01")):
                return commit, f"commit {commit[:10]} ({TRAILER}: {label})"
        raise EditionError(Msg("diff.no-edition", label=label, trailer=TRAILER))

    def extract(self, commit: str, root: Path) -> None:
        """Write the commit's plan sources under `root` (only regular files, only inside `root`)."""
        tree = f"{commit}:{self.prefix}"
        listing = str(self.run("ls-tree", "--name-only", tree, check=False, top=True) or "")
        present = [name for name in SOURCE_DIRS if name in listing.splitlines()]
        if "plan" not in present:
            raise EditionError(Msg("diff.no-plan-dir", commit=commit[:10], prefix=self.prefix))
        data = self.run("archive", "--format=tar", tree, *present, binary=True, top=True)
        assert isinstance(data, bytes)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r") as archive:
            for member in archive.getmembers():
                name = PurePosixPath(member.name)
                if not member.isfile() or name.is_absolute() or ".." in name.parts:
                    continue
                target = root.joinpath(*name.parts)
                if not target.resolve().is_relative_to(root.resolve()):
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                source = archive.extractfile(member)
                if source is not None:
                    target.write_bytes(source.read())

"""From a character of a printed text to its file:line:column, and to the source offset a fix edits.

Every text of the model knows where its first character stands (`Str.loc`, `RichText.loc`). The printed text is a
subsequence of the source from there on (markup such as list bullets, table pipes, link targets, `{id}` after ※,
quotes and indentation is skipped), so each printed character is found by a greedy forward scan from that exact
start; nothing is searched for elsewhere in the file. A fix is only offered when the printed span stands verbatim
and contiguous in the source, so a misaligned exotic case can never edit the wrong characters.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from kplan.diagnostics import Loc
from kplan.project import OutsideProjectError, Project

MAX_SKIP = 400  # markup between two printed characters (a long link target) is shorter than this
SHORT_SKIP = 8
LINE_BREAK = re.compile(r"\r\n|\r|\n")


class SourceFiles:
    """The text of the plan's source files, read once when a position inside a text is needed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.project = Project(root)
        self._texts: dict[str, str] = {}
        self._line_starts: dict[str, list[int]] = {}
        self._alignments: dict[tuple[Loc, str], list[int]] = {}

    def text(self, rel: str) -> str:
        if rel not in self._texts:
            try:
                path = self.project.source_path(rel)
                self._texts[rel] = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
            except (OSError, UnicodeDecodeError, OutsideProjectError):
                self._texts[rel] = ""
        return self._texts[rel]

    def exists(self, rel: str) -> bool:
        try:
            return self.project.source_path(rel).is_file()
        except OutsideProjectError:
            return False

    def line_starts(self, rel: str) -> list[int]:
        if rel not in self._line_starts:
            # LF, CRLF and a lone CR each end a line (as the loader counts them), so offsets stay the file's own
            self._line_starts[rel] = [0, *(match.end() for match in LINE_BREAK.finditer(self.text(rel)))]
        return self._line_starts[rel]

    def offset(self, loc: Loc) -> int:
        """The character offset of a location (clamped to the file)."""
        starts = self.line_starts(loc.file)
        line = min(max(loc.line, 1), len(starts))
        return min(starts[line - 1] + max(loc.column, 1) - 1, len(self.text(loc.file)))

    def loc(self, rel: str, offset: int) -> Loc:
        starts = self.line_starts(rel)
        line = bisect.bisect_right(starts, offset)
        return Loc(rel, line, offset - starts[line - 1] + 1)

    def align(self, start: Loc, printed: str) -> list[int]:
        """The source offset of each printed character, or -1 where it is not found (an escape, an entity)."""
        key = (start, printed)
        if key not in self._alignments:
            self._alignments[key] = _align(self.text(start.file), self.offset(start), printed)
        return self._alignments[key]


def _align(source: str, position: int, printed: str) -> list[int]:
    offsets = []
    for index, char in enumerate(printed):
        found = source.find(char, position, position + MAX_SKIP)
        # a long jump must be confirmed by the next printed character, or it would skip real text
        while found != -1 and found - position > SHORT_SKIP and not _continues(source, found, printed, index):
            found = source.find(char, found + 1, position + MAX_SKIP)
        if found == -1:
            offsets.append(-1)
            continue
        offsets.append(found)
        position = found + 1
    return offsets


def _continues(source: str, found: int, printed: str, index: int) -> bool:
    following = printed[index + 1 : index + 2]
    return not following or source[found + 1 : found + 2] == following

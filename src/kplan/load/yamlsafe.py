"""Read YAML as plain data: no object construction, bounded alias expansion, every node with its position."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from kplan.diagnostics import Collector, Loc
from kplan.load.limits import MAX_YAML_EVENTS
from kplan.messages import Msg

if TYPE_CHECKING:
    from kplan.load.slips import Slip

try:  # the C composer is several times faster; it composes the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(_CORE + name for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp"))
MAX_UNIQUE_NODES = 200_000


def read_text(path: Path, rel: str, problems: Collector) -> str | None:
    """The file's text, or None (with a problem recorded) when it is missing or not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.error(Loc(rel), "load.io")
        return None
    except OSError as error:
        problems.error(Loc(rel), "load.io/unreadable", reason=error.strerror or error)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.error(Loc(rel, line, column), "load.encoding", byte=f"{data[error.start]:02x}")
        return None
    return text.removeprefix("\ufeff")


def loc_of(node: yaml.Node, rel: str, line_offset: int = 0, column_offset: int = 0) -> Loc:
    """The 1-based location of a node's start; the offsets say where the YAML text stands in its file."""
    mark = node.start_mark
    return Loc(rel, mark.line + 1 + line_offset, mark.column + 1 + column_offset)


def compose_plain(text: str) -> yaml.Node | None:
    """The node tree of `text` exactly as the loader composes it; raises yaml.YAMLError."""
    return yaml.compose(text, Loader=_Loader)


def compose(text: str, rel: str, problems: Collector, line_offset: int = 0, column_offset: int = 0) -> yaml.Node | None:
    """Parse YAML text into a node tree, or None with the problems recorded."""
    if not _within_limit(text):
        problems.error(Loc(rel, 1 + line_offset), "load.too-large/yaml-events", limit=f"{MAX_YAML_EVENTS:,}")
        return None
    try:
        node = compose_plain(text)
    except yaml.reader.ReaderError as error:
        at = _character_offset(text, error.position)
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
        problems.error(
            Loc(rel, line + line_offset, column + (column_offset if line == 1 else 0)),
            "load.control-character",
            char=f"{code:04X}",
        )
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        loc = Loc(rel, mark.line + 1 + line_offset, mark.column + 1 + column_offset) if mark else Loc(rel)
        slips = report_slips(text, rel, problems, line_offset, column_offset)
        if not slips or loc.line < slips[0].line + 1 + line_offset:
            message = (error.problem or error.context or "malformed YAML").strip()
            problems.error(loc, "load.yaml-syntax", problem=_yaml_problem(message), advice=_yaml_hint(message))
        return None
    except yaml.YAMLError as error:
        problems.error(Loc(rel, 1 + line_offset), "load.yaml-syntax/other", problem=error)
        return None
    if node is None:
        problems.error(Loc(rel, 1 + line_offset), "load.missing-key/empty-file")
        return None
    if not _tags_are_plain(node, rel, problems, line_offset, column_offset):
        return None
    return node


def report_slips(text: str, rel: str, problems: Collector, line_offset: int = 0, column_offset: int = 0) -> list[Slip]:
    """Report each IME slip in the YAML text's structure (kplan.load.slips) at its place; return them."""
    from kplan.load.slips import yaml_slips  # only a file that failed to read is scanned

    slips = yaml_slips(text)
    for slip in slips:  # what the editor typed, named, rather than what YAML made of it
        problems.error(
            Loc(rel, slip.line + 1 + line_offset, slip.column + 1 + (column_offset if slip.line == 0 else 0)),
            f"load.ime-slip/{slip.kind}",
            char=slip.character,
            point=slip.code_point,
            key=slip.key,
        )
    return slips


def _character_offset(text: str, position: int) -> int:
    """The character offset of a reader error's position (libyaml counts UTF-8 bytes, PyYAML characters)."""
    if _Loader.__name__.startswith("C"):
        return len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
    return position


# One character makes at most 4 events ("?" alone: a mapping, its empty key and value, its end) besides the
# stream's and the document's own 4 (tests/test_hostile.py checks it): a text of at most this many characters
# cannot exceed the limit, and is not parsed twice.
EVENTS_PER_CHARACTER_BOUND = 8
SHORT_TEXT_CHARS = MAX_YAML_EVENTS // EVENTS_PER_CHARACTER_BOUND


def _within_limit(text: str) -> bool:
    """Whether the text holds at most MAX_YAML_EVENTS events; counted while parsing, before any node is made."""
    if len(text) <= SHORT_TEXT_CHARS:
        return True
    try:
        for count, _event in enumerate(yaml.parse(text, Loader=_Loader)):
            if count > MAX_YAML_EVENTS:
                return False
    except yaml.YAMLError:
        pass  # compose reports it, with its place
    return True


# PyYAML's and libyaml's commonest problems (the start of their English text) → the catalog's wording
_PROBLEMS = (
    ("could not find expected ':'", "colon"),
    ("mapping values are not allowed", "mapping-values"),
    ("expected <block end>", "block-end"),
    ("found character", "token"),
    ("did not find expected key", "expected-key"),
    ("found unexpected end of stream", "end-of-stream"),
    ("did not find expected ','", "flow-end"),
    ("found undefined alias", "undefined-alias"),
)


def _yaml_problem(message: str) -> Msg | str:
    """The parser's problem in the catalog's words; its own English text when the catalog does not know it."""
    variant = next((variant for start, variant in _PROBLEMS if message.startswith(start)), None)
    return Msg(f"load.yaml-syntax/{variant}") if variant else message


def _yaml_hint(message: str) -> Msg:
    if "tab" in message:
        return Msg("load.yaml-syntax/hint-tab")
    if "mapping values" in message:
        return Msg("load.yaml-syntax/hint-colon")
    if "alias" in message:
        return Msg("load.yaml-syntax/hint-alias")
    return Msg("load.yaml-syntax/hint-other")


def _tags_are_plain(root: yaml.Node, rel: str, problems: Collector, line_offset: int, column_offset: int) -> bool:
    """Check each distinct node once: only plain-data tags, a bounded size, no merge keys."""
    seen: set[int] = set()
    stack = [root]
    ok = True
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if len(seen) > MAX_UNIQUE_NODES:
            problems.error(loc_of(root, rel, line_offset, column_offset), "load.too-large/nodes")
            return False
        if node.tag not in ALLOWED_TAGS and not node.tag.startswith(_CORE + "merge"):
            problems.error(
                loc_of(node, rel, line_offset, column_offset), "load.yaml-tag", tag=node.tag.replace(_CORE, "!!")
            )
            ok = False
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.tag == _CORE + "merge":
                    problems.error(loc_of(key, rel, line_offset, column_offset), "load.yaml-tag/merge")
                    ok = False
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return ok

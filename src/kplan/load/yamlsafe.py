"""Read YAML as plain data: no object construction, bounded alias expansion, every node with its position."""

from __future__ import annotations

from pathlib import Path

import yaml

from kplan.diagnostics import Collector, Loc
from kplan.load.limits import MAX_YAML_EVENTS

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
        problems.add(Loc(rel), "file not found", "check the path, or create the file", code="load.io")
        return None
    except OSError as error:
        problems.add(Loc(rel), f"cannot read the file: {error.strerror}", "check its permissions", code="load.io")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(
            Loc(rel, line, column),
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x})",
            "save it as UTF-8 (in Windows Notepad: 名前を付けて保存 → 文字コード UTF-8)",
            code="load.encoding",
        )
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
        problems.add(
            Loc(rel, 1 + line_offset),
            f"計画のソースとしては大きすぎるため読みません（YAML の値と入れ物が {MAX_YAML_EVENTS:,} 個を超えています）",
            "ファイルを分けるか、誤って貼り付けた部分を消してください",
            code="load.too-large",
        )
        return None
    try:
        node = compose_plain(text)
    except yaml.reader.ReaderError as error:
        at = _character_offset(text, error.position)
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
        problems.add(
            Loc(rel, line + line_offset, column + (column_offset if line == 1 else 0)),
            f"YAML に使えない制御文字 U+{code:04X} があります",
            "この位置の見えない文字を消してください（他のソフトから貼り付けたときに紛れ込みます）",
            code="load.control-character",
        )
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        loc = Loc(rel, mark.line + 1 + line_offset, mark.column + 1 + column_offset) if mark else Loc(rel)
        message = (error.problem or error.context or "malformed YAML").strip()
        problems.add(loc, f"malformed YAML: {message}", _yaml_hint(message), code="load.yaml-syntax")
        return None
    except yaml.YAMLError as error:
        problems.add(
            Loc(rel, 1 + line_offset), f"malformed YAML: {error}", "check the file's syntax", code="load.yaml-syntax"
        )
        return None
    if node is None:
        problems.add(
            Loc(rel, 1 + line_offset),
            "the file is empty",
            "write the YAML it should hold (see docs/format.md)",
            code="load.missing-key",
        )
        return None
    if not _tags_are_plain(node, rel, problems, line_offset, column_offset):
        return None
    return node


def _character_offset(text: str, position: int) -> int:
    """The character offset of a reader error's position (libyaml counts UTF-8 bytes, PyYAML characters)."""
    if _Loader.__name__.startswith("C"):
        return len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
    return position


def _within_limit(text: str) -> bool:
    """Whether the text holds at most MAX_YAML_EVENTS events; counted while parsing, before any node is made."""
    try:
        for count, _event in enumerate(yaml.parse(text, Loader=_Loader)):
            if count > MAX_YAML_EVENTS:
                return False
    except yaml.YAMLError:
        pass  # compose reports it, with its place
    return True


def _yaml_hint(message: str) -> str:
    if "tab" in message:
        return "indent with spaces, not tabs"
    if "mapping values" in message:
        return "a value that contains ': ' must be quoted"
    if "alias" in message:
        return "anchors (&name) must be defined before an alias (*name) uses them"
    return "check indentation and quoting near here"


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
            problems.add(
                loc_of(root, rel, line_offset, column_offset),
                "the file is too large to be a plan source",
                "split it",
                code="load.too-large",
            )
            return False
        if node.tag not in ALLOWED_TAGS and not node.tag.startswith(_CORE + "merge"):
            problems.add(
                loc_of(node, rel, line_offset, column_offset),
                f"YAML tag {node.tag.replace(_CORE, '!!')} is not allowed: plan files hold plain data only",
                "remove the tag; write the value as plain text, a number, a list or a mapping",
                code="load.yaml-tag",
            )
            ok = False
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.tag == _CORE + "merge":
                    problems.add(
                        loc_of(key, rel, line_offset, column_offset),
                        "merge keys (<<) are not supported",
                        "write the keys out",
                        code="load.yaml-tag",
                    )
                    ok = False
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return ok

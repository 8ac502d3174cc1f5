"""Round-trip YAML (ruamel.yaml) set up to write the plan's files back as they were written: comments, key order,
quoting, indentation, `null` and line endings kept. Used by `kplan lint --fix` and `kplan fmt` only, so that
other commands do not pay for importing ruamel."""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

BOM = "\ufeff"


def _null(representer: Any, _data: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def round_trip(text: str) -> tuple[YAML, Any]:
    """A YAML instance matching the text's indentation, and the text loaded with it."""
    mapping, offset = guess_indent(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold long Japanese lines
    yaml.indent(mapping=mapping, sequence=offset + 2, offset=offset)
    yaml.representer.add_representer(type(None), _null)
    return yaml, yaml.load(to_lf(text))  # ruamel would keep the \r inside comments


def newline(text: str) -> str:
    """The text's line ending: CRLF (Windows), a lone CR (old Mac editors) or LF."""
    if "\r\n" in text:
        return "\r\n"
    return "\r" if "\r" in text and "\n" not in text else "\n"


def to_lf(text: str) -> str:
    """The text with LF line endings (CRLF and lone CR), for ruamel; a lone CR keeps every offset."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def guess_indent(text: str) -> tuple[int, int]:
    """(mapping indent, dash offset of block sequences) as the file writes them; (2, 2) when it does not tell."""
    mapping = offset = None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line, following in zip(lines, lines[1:], strict=False):
        if not line.rstrip().endswith(":"):
            continue
        parent = len(line) - len(line.lstrip(" -"))
        child = len(following) - len(following.lstrip(" "))
        if following.lstrip().startswith("- "):
            offset = child - parent if offset is None else offset
        elif child > parent:
            mapping = child - parent if mapping is None else mapping
        if mapping is not None and offset is not None:
            break
    return mapping or 2, offset if offset is not None else 2


def dump(yaml: YAML, data: Any, like: str) -> str:
    """The document as text, with the line endings of `like` (the text it was read from)."""
    stream = io.StringIO()
    yaml.dump(data, stream)
    text = compact_nested_lists(stream.getvalue().replace("\r\n", "\n"))
    ending = newline(like)
    return text if ending == "\n" else text.replace("\n", ending)


_NESTED_DASH = re.compile(r"^( *)- {3}- ")


def compact_nested_lists(text: str) -> str:
    """A list inside a list as `- - item` (as people write record table cells), not ruamel's `-   - item`.

    The inner list's lines move two columns left, together, so block scalars and comments inside keep their shape.
    """
    out: list[str] = []
    outer: int | None = None  # the column of the outer dash while its inner list's lines are being moved
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if outer is not None and line.strip() and indent <= outer:
            outer = None
        match = _NESTED_DASH.match(line)
        if match:
            outer = len(match[1])
            out.append(f"{match[1]}- - {line[match.end() :]}")
        elif outer is not None and line.startswith("  "):
            out.append(line[2:])
        else:
            out.append(line)
    return "\n".join(out)


def read_source(path: Path) -> tuple[str, bool]:
    """A source file's text without its byte-order mark, and whether it had one."""
    text = path.read_bytes().decode("utf-8")
    return text.removeprefix(BOM), text.startswith(BOM)


def write_source(path: Path, text: str, bom: bool) -> None:
    """Replace a source file atomically (temporary file, then rename), keeping its permissions."""
    data = ((BOM if bom else "") + text).encode("utf-8")
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

"""The loader's reading of a YAML text, to check that a rewrite (kplan fmt, lint --fix) keeps what it says.

fmt and `--fix` write YAML with ruamel.yaml (YAML 1.2); the loader reads it with libyaml (YAML 1.1). Where the two
disagree (a `\\r\\r\\n`, U+2028, `yes`, a tab after a value) a rewrite could change a value without anyone seeing it.
So before a rewritten file is written, both texts are read the loader's way and compared node by node: tags and
values of scalars, keys of mappings in any order, items of lists in order (or as a set, for a list the rewrite
sorts). Each node's digest is computed once, so anchors and aliases cost nothing extra.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection

import yaml

from kplan.load.yamlsafe import compose_plain


class ReadingError(ValueError):
    """The text cannot be read the loader's way; `line` and `column` are 1-based."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def first_difference(old: str, new: str, unordered: Collection[str] = ()) -> tuple[int, int] | None:
    """Where (1-based line and column in `old`) the loader would read `new` differently from `old`; None when it
    reads them the same. `unordered` names top-level keys whose lists may be reordered. ReadingError when `new`
    cannot be read."""
    old_root = _compose(old)
    new_root = _compose(new)
    old_digests: dict[int, bytes] = {}
    new_digests: dict[int, bytes] = {}
    if _digest(old_root, old_digests, unordered, top=True) == _digest(new_root, new_digests, unordered, top=True):
        return None
    return _where(old_root, new_root, old_digests, new_digests)


def _compose(text: str) -> yaml.Node | None:
    try:
        return compose_plain(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ReadingError(str(error.problem or error.context or error), line, column) from None
    except yaml.YAMLError as error:
        raise ReadingError(str(error)) from None


def _digest(node: yaml.Node | None, memo: dict[int, bytes], unordered: Collection[str], top: bool = False) -> bytes:
    if node is None:
        return b"empty"
    if id(node) in memo:
        return memo[id(node)]
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(type(node).__name__.encode() + b"\0" + node.tag.encode() + b"\0")
    if isinstance(node, yaml.ScalarNode):
        hasher.update(str(node.value).encode("utf-8", "surrogatepass"))
    elif isinstance(node, yaml.SequenceNode):
        for item in [_digest(child, memo, ()) for child in node.value]:
            hasher.update(item)
    elif isinstance(node, yaml.MappingNode):
        pairs = []
        for key, value in node.value:
            sort_items = top and isinstance(key, yaml.ScalarNode) and key.value in unordered
            value_digest = _unordered(value, memo) if sort_items else _digest(value, memo, ())
            pairs.append(_digest(key, memo, ()) + value_digest)
        for pair in sorted(pairs):
            hasher.update(pair)
    memo[id(node)] = result = hasher.digest()
    return result


def _unordered(node: yaml.Node, memo: dict[int, bytes]) -> bytes:
    if not isinstance(node, yaml.SequenceNode):
        return _digest(node, memo, ())
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(b"set\0")
    for item in sorted(_digest(child, memo, ()) for child in node.value):
        hasher.update(item)
    return hasher.digest()


def _where(
    old: yaml.Node | None, new: yaml.Node | None, old_memo: dict[int, bytes], new_memo: dict[int, bytes]
) -> tuple[int, int]:
    """The deepest node of `old` where the two trees part (following the first differing child each time)."""
    if old is None:
        return (1, 1)
    while True:
        here = (old.start_mark.line + 1, old.start_mark.column + 1)
        if new is None or type(old) is not type(new) or old.tag != new.tag or isinstance(old, yaml.ScalarNode):
            return here
        if isinstance(old, yaml.SequenceNode):
            pairs = list(zip(old.value, new.value, strict=False))
        else:
            new_values = {_key(key): value for key, value in new.value}
            pairs = [(value, new_values.get(_key(key))) for key, value in old.value]
        following = next(
            ((a, b) for a, b in pairs if b is None or old_memo.get(id(a)) != new_memo.get(id(b))),
            None,
        )
        if following is None or following[1] is None:
            return here if following is None else (following[0].start_mark.line + 1, following[0].start_mark.column + 1)
        old, new = following


def _key(node: yaml.Node) -> object:
    return node.value if isinstance(node, yaml.ScalarNode) else id(node)

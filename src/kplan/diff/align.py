"""Pairing the units of two editions: by stable id where units have one (`pair_units`, used at every level), by
text where they have none (`by_text`: paragraphs, list items, rows of Markdown tables)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar

from msgspec import Struct, field

from kplan.diff.chars import changed_ratio

T = TypeVar("T")
Pair = tuple[T | None, T | None]
# two texts at least this similar are one edited unit; less similar, one was removed and the other added
PAIR_AT_LEAST = 0.5


def unit_key(unit: Any) -> str:
    """A unit's stable id (every unit that has one keeps it in `id`)."""
    return str(unit.id)


class Pairing(Struct, Generic[T]):
    """Units of one container in two editions, paired by id.

    `pairs` lists every unit in the new edition's order, a removed one after its old predecessor; `moved` holds the
    ids whose order among the units both editions have changed.
    """

    pairs: list[tuple[T | None, T | None]]
    moved: set[str] = field(default_factory=set)

    @property
    def matched(self) -> list[tuple[T, T]]:
        return [(o, n) for o, n in self.pairs if o is not None and n is not None]

    @property
    def added(self) -> list[T]:
        return [n for o, n in self.pairs if o is None and n is not None]

    @property
    def removed(self) -> list[T]:
        return [o for o, n in self.pairs if n is None and o is not None]


def pair_units(old: Sequence[T], new: Sequence[T], key: Callable[[T], str] = unit_key) -> Pairing[T]:
    """The one pairing by id: parts, components, groups and rows of tables, indicators, terms, questions."""
    pairs = by_id(old, new, key)
    return Pairing(pairs, moved_keys([key(u) for u in old], [key(u) for u in new]))


def moved_keys(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """Keys in both sequences whose order relative to the others changed (outside the longest common order)."""
    common = set(old) & set(new)
    old_order = [k for k in old if k in common]
    new_order = [k for k in new if k in common]
    kept: set[str] = set()
    for block in SequenceMatcher(None, old_order, new_order, autojunk=False).get_matching_blocks():
        kept.update(old_order[block.a : block.a + block.size])
    return common - kept


def by_id(old: Sequence[T], new: Sequence[T], key: Callable[[T], Hashable]) -> list[Pair]:
    """Pairs in the new edition's order; a unit only in the old one stands after its old predecessor."""
    old_by_key = {key(item): item for item in old}
    new_keys = {key(item) for item in new}
    out: list[Pair] = [(old_by_key.get(key(item)), item) for item in new]
    position_of = {key(o if o is not None else n): i for i, (o, n) in enumerate(out)}  # type: ignore[arg-type]
    insert_at = 0
    for item in old:
        k = key(item)
        if k in new_keys:
            insert_at = position_of[k] + 1
            continue
        out.insert(insert_at, (item, None))
        insert_at += 1
        position_of = {key(o if o is not None else n): i for i, (o, n) in enumerate(out)}  # type: ignore[arg-type]
    return out


def by_text(
    old: Sequence[T], new: Sequence[T], text: Callable[[T], str], sort: Callable[[T], str] = lambda _item: ""
) -> list[Pair]:
    """Pairs of units without ids, in order: equal texts first, then in each gap the most similar of one `sort`."""
    old_keys = [(sort(item), text(item)) for item in old]
    new_keys = [(sort(item), text(item)) for item in new]
    out: list[Pair] = []
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for op, o1, o2, n1, n2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(zip(old[o1:o2], new[n1:n2], strict=True))
        else:
            out.extend(_pair_similar(old[o1:o2], new[n1:n2], old_keys[o1:o2], new_keys[n1:n2]))
    return out


def _pair_similar(
    old: Sequence[T], new: Sequence[T], old_keys: list[tuple[str, str]], new_keys: list[tuple[str, str]]
) -> list[Pair]:
    """An order-keeping pairing that maximises the total similarity of pairs at least PAIR_AT_LEAST alike."""
    rows, cols = len(old), len(new)
    similarity = [[changed_ratio(o[1], n[1]) if o[0] == n[0] else 0.0 for n in new_keys] for o in old_keys]
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            paired = best[i - 1][j - 1] + similarity[i - 1][j - 1] if similarity[i - 1][j - 1] >= PAIR_AT_LEAST else -1
            best[i][j] = max(best[i - 1][j], best[i][j - 1], paired)
    out: list[Pair] = []
    i, j = rows, cols
    while i > 0 or j > 0:
        sim = similarity[i - 1][j - 1] if i and j else 0.0
        if i and j and sim >= PAIR_AT_LEAST and best[i][j] == best[i - 1][j - 1] + sim:
            out.append((old[i - 1], new[j - 1]))
            i, j = i - 1, j - 1
        elif j and (not i or best[i][j] == best[i][j - 1]):
            out.append((None, new[j - 1]))
            j -= 1
        else:
            out.append((old[i - 1], None))
            i -= 1
    out.reverse()
    return _removed_first(out)


def _removed_first(pairs: list[Pair]) -> list[Pair]:
    """Within a run of unpaired units, the removed ones come before the added ones, as diff(1) shows them."""
    out: list[Pair] = []
    run: list[Pair] = []
    for pair in pairs:
        if pair[0] is not None and pair[1] is not None:
            out.extend(sorted(run, key=lambda p: p[0] is None))
            run = []
            out.append(pair)
        else:
            run.append(pair)
    out.extend(sorted(run, key=lambda p: p[0] is None))
    return out

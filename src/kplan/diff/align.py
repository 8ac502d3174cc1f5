"""Pairing the units of two editions: by stable id where units have one, by text where they have none."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

from kplan.diff.chars import changed_ratio

T = TypeVar("T")
Pair = tuple[T | None, T | None]
# two texts at least this similar are one edited unit; less similar, one was removed and the other added
PAIR_AT_LEAST = 0.5


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


def by_text(old: Sequence[T], new: Sequence[T], text: Callable[[T], str],
            sort: Callable[[T], str] = lambda _item: "") -> list[Pair]:
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


def _pair_similar(old: Sequence[T], new: Sequence[T], old_keys: list[tuple[str, str]],
                  new_keys: list[tuple[str, str]]) -> list[Pair]:
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

"""The spellings that share one exact piece, and which of them the text around an occurrence of that piece can be.

A spelling S within k edits of a window of the text, with one of its pieces P standing exactly in the window, is
S = L + P + R where the text before the piece ends within c₁ edits of L and the text after it starts within c₂
edits of R, c₁ + c₂ ≤ k. A group keeps the R of its spellings in a trie and their L reversed in another; at an
occurrence of P both are walked with at most k edits, so the cost depends on how the text goes on, not on how
many spellings share the piece (デジタル is in dozens of terms; the text after one デジタル fits few of them).

Edits are weighted as kplan.lint.similar counts slips on folded text: an inserted or dropped character costs 1,
a replaced one SUBSTITUTION = 2. A spelling within k such edits carries at most k of them, so one of its k + 1
pieces still stands whole, and the walks can hold a replacement to its real price: with k = 1 none is tried.
"""

from __future__ import annotations

Member = tuple[str, int]  # a spelling, and the offset of the piece in its folded form
SUBSTITUTION = 2  # what a replaced character costs; an inserted or dropped one costs 1


class _Node:
    """A trie node: its children by character, the members whose string ends here, and (after `index`) its
    grandchildren by their character and the members that end at one of its children."""

    __slots__ = ("child_ends", "children", "ends", "grand")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[Member] = []
        self.grand: dict[str, list[_Node]] = {}
        self.child_ends: list[Member] = []

    def add(self, text: str, member: Member) -> None:
        node = self
        for char in text:
            node = node.children.setdefault(char, _Node())
        node.ends.append(member)

    def index(self) -> None:
        """Fill `grand` and `child_ends` of this node and every node below it (without recursion: a spelling
        may be thousands of characters long)."""
        stack = [self]
        while stack:
            node = stack.pop()
            node.grand, node.child_ends = {}, []
            for child in node.children.values():
                node.child_ends += child.ends
                for char, grandchild in child.children.items():
                    node.grand.setdefault(char, []).append(grandchild)
                stack.append(child)


def _record(members: list[Member], spent: int, best: dict[Member, int]) -> None:
    for member in members:
        if best.get(member, spent + 1) > spent:
            best[member] = spent


def _walk(node: _Node, text: str, at: int, budget: int, spent: int, best: dict[Member, int]) -> None:
    """Every member whose string is within `budget` more edits of a prefix of text[at:] (the window's far end is
    free): its least cost goes into `best`. Follows the text exactly, trying each kind of edit on the way; the
    last edit is looked up in the `grand` index instead of trying every child."""
    size = len(text)
    while True:
        _record(node.ends, spent, best)
        here = text[at] if at < size else None
        if budget == 1:
            after = text[at + 1] if at + 1 < size else None
            _record(node.child_ends, spent + 1, best)  # a last character added (the window ends before `here`)
            # the spelling has one character more than the text here, then goes on as the text does
            for grandchild in node.grand.get(here, ()) if here is not None else ():
                _walk(grandchild, text, at + 1, 0, spent + 1, best)
            # the text has one character more (a replaced character would cost SUBSTITUTION, over the budget)
            if after is not None and after in node.children:
                _walk(node.children[after], text, at + 2, 0, spent + 1, best)
        elif budget > 1:
            for char, other in node.children.items():
                _walk(other, text, at, budget - 1, spent + 1, best)
                if here is not None and char != here and budget >= SUBSTITUTION:
                    _walk(other, text, at + 1, budget - SUBSTITUTION, spent + SUBSTITUTION, best)
            if here is not None:
                _walk(node, text, at + 1, budget - 1, spent + 1, best)
        following = node.children.get(here) if here is not None else None
        if following is None:
            return
        node, at = following, at + 1


class PieceGroup:
    """The spellings that hold one piece: what comes after it (a trie) and before it (reversed, a trie)."""

    def __init__(self, piece: str) -> None:
        self.piece = piece
        self.after = _Node()
        self.before = _Node()
        self.reach_after = 0
        self.reach_before = 0
        self.slips = 0  # the most edits any member may carry
        self._indexed = False

    def add(self, spelling: str, folded: str, offset: int, slips: int) -> None:
        """Add a spelling (and its folded form) whose piece stands at `offset`, to be found with `slips` edits."""
        member = (spelling, offset)
        self.slips = max(self.slips, slips)
        rest = folded[offset + len(self.piece) :]
        lead = folded[:offset]
        self.after.add(rest, member)
        self.before.add(lead[::-1], member)
        self.reach_after = max(self.reach_after, len(rest))
        self.reach_before = max(self.reach_before, len(lead))
        self._indexed = False

    def members_near(self, folded_text: str, start: int) -> list[tuple[Member, int]]:
        """The members that the text around the piece at folded_text[start:start + len(piece)] can be, each with
        its least number of edits (at most the group's `slips`; the caller holds each member to its own and
        compares the window properly)."""
        k = self.slips
        end = start + len(self.piece)
        after = folded_text[end : end + self.reach_after + k]
        before = folded_text[max(0, start - self.reach_before - k) : start][::-1]
        if not self._indexed:
            self.after.index()
            self.before.index()
            self._indexed = True
        right: dict[Member, int] = {}
        _walk(self.after, after, 0, k, 0, right)
        if not right:
            return []
        left: dict[Member, int] = {}
        _walk(self.before, before, 0, k, 0, left)
        return [(member, left[member] + cost) for member, cost in right.items() if left.get(member, k + 1) + cost <= k]

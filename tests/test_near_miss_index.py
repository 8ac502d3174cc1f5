"""Near misses of terms that share their pieces: found in one pass, with work that does not grow with the number
of terms that share a piece."""

from __future__ import annotations

import random

from kplan.lint import similar
from kplan.lint.piece_groups import PieceGroup
from kplan.lint.similar import NearMatcher

STOCK = ["地域", "情報", "行政", "防災", "連携", "基盤", "窓口", "申請", "教育", "支援", "デジタル", "システム"]


def _terms(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    terms: set[str] = set()
    while len(terms) < count:
        terms.add("".join(rng.choice(STOCK) for _ in range(rng.choice((3, 4)))))
    return sorted(terms)


def test_a_slip_of_one_term_among_many_that_share_its_pieces_is_found():
    terms = _terms(300)
    target = next(t for t in terms if len(t) >= 8)
    slipped = target[:3] + target[4:]  # one character dropped
    text = f"本市では{slipped}を進めます。{target}は別です。"
    found = [m for m in NearMatcher(terms).search(text) if m.spelling == target]
    assert found and text[found[0].start : found[0].end] == slipped
    assert not [m for m in NearMatcher(terms).search(f"本市では{target}を進めます。") if m.spelling == target]


def test_scan_reports_the_exact_occurrences_in_the_same_pass():
    terms = ["地域情報連携基盤", "行政窓口システム"]
    text = "地域情報連携基盤と行政窓システム"  # 口 dropped
    exact, near = NearMatcher(terms).scan(text, exact=True)
    assert exact == [(0, 8, "地域情報連携基盤")]
    assert [(m.spelling, text[m.start : m.end]) for m in near] == [("行政窓口システム", "行政窓システム")]


WORDS = [
    "地域",
    "情報",
    "行政",
    "防災",
    "連携",
    "基盤",
    "窓口",
    "申請",
    "教育",
    "支援",
    "人材",
    "育成",
    "業務",
    "改革",
    "市民",
    "参加",
    "公開",
    "共有",
    "管理",
    "活用",
]


def test_the_windows_compared_do_not_grow_with_the_terms_that_share_a_piece(monkeypatch):
    """Every term starts with デジタル, as dozens do in a real glossary; the text says デジタル often, but never
    anything near one of the terms: however many terms share the piece, no window is worth comparing."""
    text = "デジタルをつかう。デジタルでつなぐ。" * 50
    compared: list[int] = []
    original = similar._closest_window

    def counting(*args, **kwargs):
        compared.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(similar, "_closest_window", counting)
    counts = []
    for size in (20, 400):
        terms = [f"デジタル{a}{b}" for a in WORDS for b in WORDS if a != b][:size]
        compared.clear()
        assert list(NearMatcher(terms).search(text)) == []
        counts.append(len(compared))
    assert counts == [0, 0]


def test_a_group_walk_finds_each_kind_of_edit():
    group = PieceGroup("情報")
    for spelling in ("地域情報連携", "行政情報窓口"):
        group.add(spelling, spelling, 2, 1)
    text = "地域情報連係と行政情報窓口と地情報連携"
    members = {member[0]: edits for member, edits in group.members_near(text, 2)}
    assert members == {"地域情報連携": 1}  # 係 for 携
    assert {m[0] for m, _ in group.members_near(text, 9)} == {"行政情報窓口"}
    assert {m[0] for m, _ in group.members_near(text, 15)} == {"地域情報連携"}  # 域 dropped


def test_a_group_walk_prices_a_replaced_character_as_slips_does():
    """A replaced character inside the spelling is two edits (kplan.lint.similar.WEIGHTS): with one slip allowed
    the spelling is not worth comparing, with two it is."""
    text = "行政情報窗口の案内"  # 窗 for 窓, then the spelling goes on
    for slips_allowed, expected in ((1, {}), (2, {"行政情報窓口": 2})):
        group = PieceGroup("情報")
        group.add("行政情報窓口", "行政情報窓口", 2, slips_allowed)
        assert {member[0]: edits for member, edits in group.members_near(text, 2)} == expected
    assert similar.slips("行政情報窗口", "行政情報窓口") == 2

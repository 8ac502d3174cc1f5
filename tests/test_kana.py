"""50音順: the order of glossary entries and the index groups they file under."""

from __future__ import annotations

import pytest

from kplan.kana import group_label, is_kana, sort_key, to_hiragana


def ordered(*entries: tuple[str, str]) -> bool:
    keys = [sort_key(term, reading) for term, reading in entries]
    return keys == sorted(keys)


def test_latin_terms_come_first_in_a_to_z_order():
    assert ordered(
        ("AI", "えーあい"), ("ICT", "あいしーてぃー"), ("Society 5.0", "そさえてぃ"), ("アクセス", "あくせす")
    )
    assert not ordered(("ICT", "あいしーてぃー"), ("AI", "えーあい"))


def test_voicing_and_size_only_break_ties():
    assert ordered(("か", "か"), ("が", "が"), ("かい", "かい"))
    assert ordered(("はん", "はん"), ("ばん", "ばん"), ("ぱん", "ぱん"))
    assert ordered(("きって", "きって"), ("きつね", "きつね"))  # primary: きつて < きつね
    assert ordered(("っ", "っ"), ("つ", "つ"))
    assert not ordered(("ぎがすくーる", "ぎがすくーる"), ("かい", "かい"))


def test_long_vowel_takes_the_preceding_vowel():
    # おーぷん sorts as おおぷん: after おお and before おか.
    assert ordered(("オオカミ", "おおかみ"), ("オープン", "おーぷん"), ("おか", "おか"))
    assert not ordered(("おか", "おか"), ("オープン", "おーぷん"))


def test_katakana_and_half_width_readings_sort_like_hiragana():
    assert to_hiragana("ﾃﾞｼﾞﾀﾙ") == "でじたる"
    assert sort_key("デジタル", "デジタル")[1:3] == sort_key("デジタル", "でじたる")[1:3]


@pytest.mark.parametrize(
    ("term", "reading", "group"),
    [
        ("AI", "えーあい", "A–Z"),
        ("ＩＣＴ", "あいしーてぃー", "A–Z"),
        ("インシデント", "いんしでんと", "あ"),
        ("グループ", "ぐるーぷ", "か"),
        ("ゼロトラスト", "ぜろとらすと", "さ"),
        ("ぱそこん", "ぱそこん", "は"),
        ("無線LAN", "むせんらん", "ま"),
        ("ワイファイ", "わいふぁい", "わ"),
    ],
)
def test_group_label(term: str, reading: str, group: str):
    assert group_label(term, reading) == group


@pytest.mark.parametrize(
    ("reading", "kana"), [("でじたる", True), ("デジタル", True), ("でじたるA", False), ("", False), ("漢字", False)]
)
def test_is_kana(reading: str, kana: bool):
    assert is_kana(reading) is kana


def test_the_real_glossary_is_in_order(real_plan):
    keys = [sort_key(term.term, term.reading) for term in real_plan.glossary.terms]
    assert keys == sorted(keys)

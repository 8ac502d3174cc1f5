"""※ markers resolve to the longest term or alias ending just before them; notes are not markers."""

from __future__ import annotations

from kplan.diagnostics import Loc
from kplan.model import Marker, Text
from kplan.resolve import TermIndex, TextBuilder

INDEX = TermIndex(
    [
        ("ICT", "ict"),
        ("ICT-BCP", "ict-bcp"),
        ("インシデント", "incident"),
        ("情報セキュリティ", "infosec"),
        ("見守りシール", "seal"),
        ("AI", "ai"),
        ("生成系AI", "gen-ai"),
        ("チャットボット", "chatbot"),
        ("ネット", "net"),
        ("インターネット", "internet"),
        ("Society 5.0", "society"),
    ]
)


def markers(text: str) -> list[tuple[str, str | None]]:
    rich = TextBuilder(INDEX).line(text, Loc("t.md", 3, 1))
    return [(p.term, p.term_id) for p in rich.parts if isinstance(p, Marker)]


def test_simple_marker():
    assert markers("近年、ICT※は急速に進化") == [("ICT", "ict")]


def test_longest_match_wins():
    assert markers("新庁舎に対応したICT-BCP※の策定") == [("ICT-BCP", "ict-bcp")]
    assert markers("インターネット※利用") == [("インターネット", "internet")]
    assert markers("生成系AI※の急速な発展") == [("生成系AI", "gen-ai")]


def test_term_inside_a_longer_word():
    assert markers("情報セキュリティインシデント※に迅速に対応") == [("インシデント", "incident")]


def test_closing_bracket_between_term_and_marker():
    rich = TextBuilder(INDEX).line("二次元バーコード付きの「見守りシール」※を配布", Loc("t.md"))
    marker = next(p for p in rich.parts if isinstance(p, Marker))
    assert (marker.term, marker.between, marker.term_id) == ("見守りシール", "」", "seal")
    assert rich.plain == "二次元バーコード付きの「見守りシール」※を配布"


def test_explicit_form_overrides_longest_match():
    rich = TextBuilder(INDEX).line("AIチャットボット※{ai}サービス", Loc("t.md"))
    marker = next(p for p in rich.parts if isinstance(p, Marker))
    assert marker.term_id == "ai" and marker.explicit
    assert rich.plain == "AIチャットボット※サービス"  # the braces are not printed


def test_explicit_form_by_spelling():
    assert [m[1] for m in markers("インターネット※{ネット}の")] == ["net"]


def test_caption_notes_are_not_markers():
    assert markers("※イメージ図") == []
    assert markers("※各年代別の項目については、スペースの関係で一部短縮しています。") == []
    assert markers("図の下の注記 ※ 参考") == []


def test_unresolved_marker_is_kept_with_no_term():
    rich = TextBuilder(INDEX).line("デジタルデバйд※対策", Loc("t.md", 7, 3))
    [marker] = [p for p in rich.parts if isinstance(p, Marker)]
    assert marker.term_id is None
    assert rich.plain == "デジタルデバйд※対策"


def test_marker_location_points_at_the_mark():
    rich = TextBuilder(INDEX).line("近年、ICT※は", Loc("t.md", 7, 3))
    [marker] = [p for p in rich.parts if isinstance(p, Marker)]
    assert (marker.loc.line, marker.loc.column) == (7, 3 + len("近年、ICT"))


def test_text_around_markers_is_kept():
    rich = TextBuilder(INDEX).line("ICT※とAI※", Loc("t.md"))
    assert [type(p) for p in rich.parts] == [Marker, Text, Marker]
    assert rich.plain == "ICT※とAI※"


def test_real_plan_markers_all_resolve(real_plan):
    from kplan.model.visit import rich_texts

    found = [m for text in rich_texts(real_plan) for m in text.markers]
    assert len(found) >= 40
    assert all(m.term_id for m in found), [m for m in found if not m.term_id]
    by_term = {m.term: m.term_id for m in found}
    assert by_term["インシデント"] == "incident"  # 情報セキュリティインシデント※
    assert by_term["見守りシール"] == "mimamori-seal"  # 「見守りシール」※
    assert by_term["ICT-BCP"] == "ict-bcp"

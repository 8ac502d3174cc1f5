"""The transcribed plan: complete, faithful to the seed text, and its errata consistent."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fidelity import SEED, html_text, normalise, seed_fragments

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built_html(tmp_path_factory, kplan_module) -> str:
    out = tmp_path_factory.mktemp("html")
    result = kplan_module("build", "--html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return "".join(html_text(p.read_text(encoding="utf-8")) for p in sorted((out / "html").glob("*.html")))


def errata_pairs() -> list[tuple[str, str]]:
    entries = yaml.safe_load((REPO / "plan/errata.yaml").read_text(encoding="utf-8"))["entries"]
    return [(e["wrong"], e["right"]) for e in entries]


def test_every_seed_sentence_is_in_the_built_html(built_html):
    """Every sentence, cell and list item of the seed, artifacts normalised and errata applied, is in the site."""
    text = normalise(built_html)
    fragments = seed_fragments(SEED.read_text(encoding="utf-8"), errata_pairs())
    assert len(fragments) > 700
    missing = [f for f in fragments if f not in text]
    assert not missing, missing[:20]


def test_fidelity_check_notices_a_dropped_sentence(built_html):
    """The check above can fail: remove one sentence and it is missed."""
    sentence = normalise("このように、ICTは生活や経済活動の維持に必要不可欠なものとして、より重要性が増しています")
    assert sentence in normalise(built_html)
    assert sentence not in normalise(built_html).replace(sentence, "")


def test_plan_shape(real_plan):
    from kplan.model import RecordTable

    assert [c.number for c in real_plan.chapters] == [1, 2, 3, 4, 5, 6]
    assert len(real_plan.parts) == 9
    measures = real_plan.measures
    assert len(measures) == 17
    assert [m.reference for m in measures if m.added_in == "2.0"] == ["1-(2)", "2-(5)", "3-(4)"]
    assert [m.reference for m in measures if "priority" in m.marks] == [
        "1-(1)",
        "1-(2)",
        "1-(3)",
        "3-(1)",
        "3-(3)",
        "3-(5)",
    ]
    assert [m.label for m in measures][:2] == ["(1)", "(2)"]
    assert len(real_plan.glossary.terms) == 44  # the document's 43 and チャットボット (errata)
    assert [t.id for t in real_plan.glossary.terms if t.definition.drafted] == ["chatbot"]
    [table] = [c for c in real_plan.chapters[3].components if isinstance(c, RecordTable)]
    assert real_plan.chapters[3].components[-1] is table  # the table prints after the chapter's prose
    assert table.id == "progress" and sum(len(g.rows) for g in table.groups) == 15
    assert real_plan.meta.period == (2021, 2025) and real_plan.meta.established == (2021, 7)
    assert all(f.placeholder for m in measures for f in m.figures)
    assert real_plan.survey.respondents_caption == "回答者の性別(本文に記載された割合)"


def test_survey_has_only_stated_figures(real_plan):
    seed = normalise(SEED.read_text(encoding="utf-8"))
    survey = real_plan.survey
    results = [r for s in survey.sections for q in s.questions if q.chart for r in q.chart.results]
    results += list(survey.respondents_results)
    assert results
    for result in results:
        assert f"{result.percent:.1f}%" in seed, result


def test_errata_entries_are_applied_in_their_files():
    entries = yaml.safe_load((REPO / "plan/errata.yaml").read_text(encoding="utf-8"))["entries"]
    assert len(entries) >= 15
    kinds = {e["kind"] for e in entries}
    assert {"wrong-script", "old-form", "typo", "glossary-spelling", "missing-term", "glossary-order"} <= kinds
    for entry in entries:
        if entry.get("file"):
            text = (REPO / entry["file"]).read_text(encoding="utf-8")
            assert entry["right"] in text, entry["id"]
            if entry["wrong"] not in entry["right"]:
                assert entry["wrong"] not in text, entry["id"]


def test_no_extraction_artifacts_left(real_plan):
    from kplan.model.visit import rich_texts

    for text in rich_texts(real_plan):
        plain = text.plain
        assert "[※]" not in plain, text.loc
        assert "<" not in plain and ">" not in plain, text.loc
        for japanese_then_digit in ("令和 ", "平成 ", " 年", " 月"):
            assert japanese_then_digit not in plain, (text.loc, plain)

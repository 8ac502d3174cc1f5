"""The benchmark's own parts: synthetic plans that load like the real one, and the measuring harness."""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import instructions  # noqa: E402
from harness import compare, measure  # noqa: E402
from synthetic import make_synthetic_plan  # noqa: E402

from kplan.kana import sort_key  # noqa: E402
from kplan.load import load_plan  # noqa: E402
from kplan.model.parts import Chapter  # noqa: E402
from kplan.model.text import RichText  # noqa: E402
from kplan.model.visit import texts  # noqa: E402


def test_a_synthetic_plan_is_n_times_the_real_one_and_loads(tmp_path, real_plan, kplan):
    plan = load_plan(make_synthetic_plan(REPO, 3, tmp_path / "synthetic"))
    assert len(plan.measures) == 3 * len(real_plan.measures)
    assert len(plan.glossary.terms) == 3 * len(real_plan.glossary.terms)
    assert len(plan.chapters) == 3 * (len(real_plan.chapters) - 1) + 1
    questions = sum(len(s.questions) for s in plan.survey.sections)
    assert questions == 3 * sum(len(s.questions) for s in real_plan.survey.sections)
    keys = [sort_key(t.term, t.reading) for t in plan.glossary.terms]
    assert keys == sorted(keys)
    # the copies' ※ markers resolve to the copies' terms
    used = {m.term_id for where, text in texts(plan) if isinstance(text, RichText) for m in text.markers}
    assert "ict-2" in used and "ict" in used
    in_chapters = {
        m.term_id
        for where, text in texts(plan)
        if isinstance(where.part, Chapter) and isinstance(text, RichText)
        for m in text.markers
    }
    assert {"ict", "ict-1", "ict-2"} <= in_chapters
    # every copied card is placed once, and the copied progress tables refer to the copied cards
    assert not [d for d in plan.notices if d.code in ("load.measure-unplaced", "load.measure-twice")]
    result = kplan("-C", str(tmp_path / "synthetic"), "lint", "--format", "json")
    assert result.returncode == 0, result.stderr[-2000:]
    # no made-up term stands in the prose that every copy repeats, or a slip or two from it, or from another term:
    # lint's near misses are the real plan's, once per copy, not a number that grows with copies × terms
    real = kplan("-C", str(REPO), "lint", "--format", "json")
    assert _near_misses(result.stdout) == Counter({m: 3 * c for m, c in _near_misses(real.stdout).items()})


def _near_misses(report: str) -> Counter[str]:
    return Counter(f["message"] for f in json.loads(report) if f["rule"] == "near-miss")


def test_harness_measures_whole_processes_and_pairs_them(tmp_path):
    fast = [sys.executable, "-c", "pass"]
    slow = [sys.executable, "-c", "import time; x = bytearray(64 * 2**20); time.sleep(0.2)"]
    summary = measure("slow", slow, tmp_path, runs=2, warmup=1)
    assert len(summary.runs) == 2 and summary.median >= 0.2 and summary.peak_mb >= 64
    pairing = compare("fast", fast, "slow", slow, tmp_path, runs=2, warmup=0)
    assert len(pairing.ratios) == 2 and pairing.median_ratio > 1


def test_instructions_are_counted_and_grow_with_the_work(tmp_path):
    def loop(n: int) -> list[str]:
        return [sys.executable, "-S", "-c", f"for i in range({n}): pass"]

    small, large = instructions.count(loop(10_000), tmp_path), instructions.count(loop(1_000_000), tmp_path)
    assert 0 < small < large and large - small > 990_000 * 5  # each pass of the loop is several instructions
    assert instructions.count(loop(10_000), tmp_path) == small  # the same count every time


def test_the_synthetic_glossary_is_made_of_shared_pieces_not_copies(tmp_path, real_plan):
    from synthetic import STOCK

    plan = load_plan(make_synthetic_plan(REPO, 3, tmp_path / "synthetic"))
    originals = {str(t.term) for t in real_plan.glossary.terms}
    made = [str(t.term) for t in plan.glossary.terms if str(t.term) not in originals]
    assert len(made) == 2 * len(originals)
    assert not [t for t in made if any(t.startswith(o) and t[len(o) :].isdigit() for o in originals)]
    pieces = [w for kind in STOCK.values() for w, _ in kind]
    shared = {p: sum(p in t for t in made) for p in pieces}
    assert max(shared.values()) >= 3  # terms share their words, as 情報セキュリティ and 情報システム do
    # every copy's text speaks of its own terms: a made-up term is used and marked where the original was
    used = {m.term_id for _where, text in texts(plan) if isinstance(text, RichText) for m in text.markers}
    assert {"ict-1", "ict-2", "ict"} <= used


def test_peers_get_the_export_cut_into_its_chapters():
    from peers import pages

    cut = pages("表紙の文\n\n# 第1章 {#chapter-1}\n\n本文\n\n# 用語解説 {#glossary}\n\n用語\n")
    assert [name for name, _ in cut] == ["index.md", "page-01.md", "page-02.md"]
    assert cut[1][1].startswith("# 第1章\n") and "{#" not in "".join(text for _, text in cut)


def test_growth_exponent_and_the_ratio_direction(tmp_path):
    from growth import exponent
    from run import versus

    assert abs(exponent((20, 2.0), (50, 5.0)) - 1.0) < 1e-9
    assert exponent((20, 0.0), (50, 1.0)) is None
    fast = [sys.executable, "-c", "pass"]
    slow = [sys.executable, "-c", "import time; time.sleep(0.15)"]
    pairing = versus("kplan", slow, "peer", fast, tmp_path, runs=1, warmup=0)
    assert pairing.b.label == "kplan" and pairing.median_ratio > 1  # kplan / peer


def test_no_made_up_term_is_a_slip_from_the_prose_that_every_copy_repeats():
    from synthetic import STOCK, made_up_names

    from kplan.lint.similar import NearMatcher

    words = [w for kind in STOCK.values() for w, _ in kind][::3]
    prose = "。".join(f"{a}の{b}" for a in words for b in words)  # データの分析 is a slip from データ分析
    names = made_up_names([{"term": "オープンデータ"}, {"term": "情報セキュリティ"}], 200, random.Random(1), prose)
    made = [spelling for copy in names for spelling, _ in copy.values()]
    assert len(set(made)) == len(made) == 400
    exact, near = NearMatcher(made).scan("\n".join([prose, *made]), exact=True)
    assert not [spelling for start, _, spelling in exact if start < len(prose)]
    assert not near  # nor one from another

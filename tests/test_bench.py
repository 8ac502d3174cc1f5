"""The benchmark's own parts: synthetic plans that load like the real one, and the measuring harness."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

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
    result = kplan("-C", str(tmp_path / "synthetic"), "lint")
    assert result.returncode == 0, result.stderr[-2000:]


def test_harness_measures_whole_processes_and_pairs_them(tmp_path):
    fast = [sys.executable, "-c", "pass"]
    slow = [sys.executable, "-c", "import time; x = bytearray(64 * 2**20); time.sleep(0.2)"]
    summary = measure("slow", slow, tmp_path, runs=2, warmup=1)
    assert len(summary.runs) == 2 and summary.median >= 0.2 and summary.peak_mb >= 64
    pairing = compare("fast", fast, "slow", slow, tmp_path, runs=2, warmup=0)
    assert len(pairing.ratios) == 2 and pairing.median_ratio > 1

"""A short, seeded fuzz run in every CI: mutated copies of each corpus plan (150 of the small plans, 20 of the real
one) through load, lint, the site, the
print HTML, the export, fmt and `lint --fix` (tests/fuzz). It fails on any exception other than the loader's
diagnostics, on a case over 5 s, and on a fmt that changes what the loader reads. `python -m tests.fuzz` runs
the long version (docs/fuzzing.md)."""

from __future__ import annotations

import pytest

from fuzz.corpus import CORPORA, case

CASES = {"init": 150, "example": 150, "real": 20}
SEED = 12


@pytest.mark.parametrize("corpus", CORPORA)
def test_mutated_sources_never_crash_hang_or_change_on_fmt(corpus: str) -> None:
    defects = []
    for number in range(CASES[corpus]):
        mutations, defect = case(corpus, SEED * 100_000 + number)
        if defect is not None:
            defects.append(f"seed {SEED * 100_000 + number} {mutations}: {defect.stage}: {defect.detail}")
    assert not defects, "\n".join(defects[:5])

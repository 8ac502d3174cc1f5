"""The plans the fuzzer mutates: a new plan from `kplan init`, the constructed example of another shape, and the
real plan of the checkout."""

from __future__ import annotations

import random
import shutil
import tempfile
from functools import cache
from pathlib import Path

from .mutate import mutate
from .pipeline import Defect, run_case

REPO = Path(__file__).resolve().parents[2]
CORPORA = ("init", "example", "real")


@cache
def corpus(name: str) -> Path:
    """A pristine copy of the named plan, made once per process."""
    target = Path(tempfile.mkdtemp(prefix=f"kplan-fuzz-{name}-"))
    if name == "init":
        from kplan.init import create_plan

        create_plan(target / "plan", "架空市", "情報化計画")
    elif name == "example":
        shutil.copytree(REPO / "examples/kakuu-dx", target / "plan")
    else:
        for part in ("plan", "glossary", "templates"):
            shutil.copytree(REPO / part, target / "plan" / part)
    return target / "plan"


def case(name: str, seed: int, stages: tuple[str, ...] = ()) -> tuple[list[str], Defect | None]:
    """Mutate a copy of the named plan with `seed` and run every stage (or the named ones) on it."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="kplan-fuzz-case-") as scratch:
        root = Path(scratch) / "plan"
        shutil.copytree(corpus(name), root)
        mutations = mutate(root, rng, rng.randint(1, 3))
        return mutations, run_case(root, stages=stages)

"""The plans the fuzzer mutates: a new plan from `kplan init` and the constructed example of another shape."""

from __future__ import annotations

import random
import shutil
import tempfile
from functools import cache
from pathlib import Path

from .mutate import mutate
from .pipeline import Defect, run_case

REPO = Path(__file__).resolve().parents[2]
CORPORA = ("init", "example")


@cache
def corpus(name: str) -> Path:
    """A pristine copy of the named plan, made once per process."""
    target = Path(tempfile.mkdtemp(prefix=f"kplan-fuzz-{name}-"))
    if name == "init":
        from kplan.init import create_plan

        create_plan(target / "plan", "架空市", "情報化計画")
    else:
        shutil.copytree(REPO / "examples/kakuu-dx", target / "plan")
    return target / "plan"


def case(name: str, seed: int) -> tuple[list[str], Defect | None]:
    """Mutate a copy of the named plan with `seed` and run every stage on it."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="kplan-fuzz-case-") as scratch:
        root = Path(scratch) / "plan"
        shutil.copytree(corpus(name), root)
        mutations = mutate(root, rng, rng.randint(1, 3))
        return mutations, run_case(root)

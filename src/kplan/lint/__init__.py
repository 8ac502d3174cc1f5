"""kplan lint: rules grouped in families (glossary, text, refs, content); each rule is a small function registered
with an id, a family and a default severity, and reads only the model and the project's settings.

The rules are imported when `run` or `RULES` is first used, not with the package: a lint of unchanged sources
takes its findings from kplan.lint.kept and never needs them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kplan.lint.findings import FAMILIES, Finding

if TYPE_CHECKING:
    from kplan.lint.registry import RULES, run

__all__ = ["FAMILIES", "RULES", "Finding", "run"]


def __getattr__(name: str) -> Any:
    """`RULES` and `run`, with every rule registered."""
    if name in ("RULES", "run"):
        from kplan.lint import registry, rules

        rules.register_all()
        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""kplan lint: rules grouped in families; each rule is a small function registered with an id.

This is the first set of rules; the lint issue extends the registry.
"""

from __future__ import annotations

from kplan.lint import glossary_rules, text_rules  # noqa: F401  (registers the rules)
from kplan.lint.registry import FAMILIES, RULES, run

__all__ = ["FAMILIES", "RULES", "run"]

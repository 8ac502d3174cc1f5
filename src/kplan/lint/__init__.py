"""kplan lint: rules grouped in families (glossary, text, refs, content); each rule is a small function registered
with an id, a family and a default severity, and reads only the model and the project's settings."""

from __future__ import annotations

from kplan.lint import (  # noqa: F401  (registers the rules)
    content_rules,
    glossary_rules,
    ime_rules,
    markup_rules,
    refs_rules,
    text_rules,
)
from kplan.lint.findings import Finding
from kplan.lint.registry import FAMILIES, RULES, run

__all__ = ["FAMILIES", "RULES", "Finding", "run"]

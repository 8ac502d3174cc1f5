"""Every rule module, imported (which registers its rules in kplan.lint.registry) when the rules are first run."""

from __future__ import annotations


def register_all() -> None:
    """Import every rule module once; each registers its rules as it is imported."""
    from kplan.lint import (  # noqa: F401
        content_rules,
        glossary_rules,
        ime_rules,
        markup_rules,
        refs_rules,
        text_rules,
    )

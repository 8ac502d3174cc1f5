"""The loader: a plan's sources in source format 2 (docs/format.md) into kplan.model.Plan (kplan.load.whole).

Importing a module of the package does not import the whole loader (PyYAML, the shapes, every reader): lint's
rules use a few of its patterns, and a plan kept between runs (kplan.plan_cache) is not loaded at all. The names
below are the whole loader's, imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kplan.load.whole import FRONT_MATTER, GLOSSARY_FILE, PLAN_FILE, SourceError, load_plan

__all__ = ["FRONT_MATTER", "GLOSSARY_FILE", "PLAN_FILE", "SourceError", "load_plan"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kplan.load import whole

        return getattr(whole, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""What a plan says, without where it says it: the model as plain values, locations left out.

Two plans whose content is equal print the same everything; fmt must never change it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

SKIPPED_FIELDS = frozenset({"loc", "root", "notices"})


def plan_content(root: Path) -> Any:
    from kplan.load import load_plan

    return content(load_plan(root))


def content(value: Any) -> Any:
    """`value` as nested tuples of plain values; the model's fields named in SKIPPED_FIELDS are left out."""
    if isinstance(value, msgspec.Struct):
        fields = {name: content(getattr(value, name)) for name in value.__struct_fields__}
        if type(value).__name__ == "Glossary" and fields.get("order") == "kana":
            fields["terms"] = tuple(sorted(fields["terms"], key=repr))  # printed in 50音順 whatever the file's order
        return (type(value).__name__, *((k, v) for k, v in fields.items() if k not in SKIPPED_FIELDS))
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return tuple(sorted(((str(k), content(v)) for k, v in value.items()), key=repr))
    if isinstance(value, list | tuple):
        return tuple(content(item) for item in value)
    return value

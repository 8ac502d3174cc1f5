"""One attribute of a library replaced for the length of a block: the guarded patches' shared mechanism."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any


@contextlib.contextmanager
def replaced(owner: Any, name: str, replacement_for: Callable[[Any], Any]) -> Iterator[None]:
    """Within the block `owner.name` is `replacement_for(original)`; after it (even on an error), the original.
    The original is read from the owner's own namespace, so a class's method is put back as it was defined."""
    original = owner.__dict__[name]
    setattr(owner, name, replacement_for(original))
    try:
        yield
    finally:
        setattr(owner, name, original)

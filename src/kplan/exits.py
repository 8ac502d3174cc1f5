"""Exit codes, the same for every command (README and docs/ja list them). A module of its own so that the CLI
can name them without importing the model's records (`kplan --help` stays light)."""

from __future__ import annotations

import enum


class Exit(enum.IntEnum):
    """Exit codes, the same for every command."""

    OK = 0
    FINDINGS = 1  # lint errors (or warnings with --strict), differences, files fmt would change
    UNREADABLE = 2  # sources that cannot be read, outputs that cannot be written, bad arguments
    INTERRUPTED = 130

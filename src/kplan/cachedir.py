"""Where kplan keeps what it makes between runs: $XDG_CACHE_HOME/kplan (else ~/.cache/kplan).

The build record (builds/), Jinja's compiled templates (jinja-VERSION/) and markdown-it's tokens (markdown/) live
under it; nothing there is an input, and deleting it only makes the next run slower. A module of its own (os
only) so that the loader and the no-op build's fast path can name it without importing anything else.
"""

from __future__ import annotations

import os


def cache_dir() -> str:
    """kplan's directory in the user's cache ($XDG_CACHE_HOME/kplan, else ~/.cache/kplan)."""
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "kplan")

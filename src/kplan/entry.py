"""The `kplan` console script: signals first, then the command line.

SIGINT and SIGTERM become exceptions from the first instruction on, so an interrupted run unwinds through every
`finally` (temporary files removed, outputs left old or new) and ends with exit 130 or 143, never a traceback.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C does."""


def _on_term(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def main() -> None:
    """Entry point of the `kplan` console script."""
    signal.signal(signal.SIGTERM, _on_term)
    try:
        from kplan.cli import run

        code = run()
    except KeyboardInterrupt:
        code = 130
    except Terminated:
        code = 143
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # a profiler or coverage wants its report at exit
    # Every output is written and renamed into place by now. Skip the interpreter's teardown, which after a PDF
    # build spends a quarter of a second freeing WeasyPrint's objects one by one.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)

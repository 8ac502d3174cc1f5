"""The `kplan` console script: signals first, then the command line.

SIGINT and SIGTERM become exceptions from the first instruction on, so an interrupted run unwinds through every
`finally` (temporary files removed, outputs left old or new) and ends with exit 130 or 143, never a traceback.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from types import FrameType


class Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C does."""


def _on_term(signum: int, frame: FrameType | None) -> None:
    raise Terminated


GC_FIRST_GENERATION = 50_000  # objects allocated between young-generation collections (Python's default: 700)


def main() -> None:
    """Entry point of the `kplan` console script."""
    # A command allocates hundreds of thousands of objects that live until it exits (modules, the model, the
    # page boxes of a PDF): collecting the young generation every 700 of them costs 5-20% of a run. At 50,000
    # `kplan lint` of a real plan spends 0.7 ms in the collector (gc.callbacks), at 20,000 about 8 ms: its
    # start-up allocates just under 50,000 objects between collections. The older generations keep Python's
    # defaults; a PDF build also collects once per pagination pass (kplan.render.pdf_lean).
    gc.set_threshold(GC_FIRST_GENERATION, *gc.get_threshold()[1:])
    signal.signal(signal.SIGTERM, _on_term)
    try:
        from kplan.fast_paths import run_plain

        code = run_plain(sys.argv[1:])
        if code is None:
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

"""The `kplan` console script: signals first, then the command line.

SIGINT and SIGTERM become exceptions from main's first instruction on, so an interrupted run unwinds through every
`finally` (temporary files removed, outputs left old or new) and ends with exit 130 or 143, never a traceback.
A Ctrl-C in the interpreter's first milliseconds, before this module is imported, is Python's own: it prints
Python's traceback and ends the process before any of kplan's code has run, so nothing is half-written. This
module imports only built-in modules, to keep that window short.
"""

from __future__ import annotations

import _signal  # the C module: `signal` imports enum first, 4 ms in which Ctrl-C would print Python's traceback
import gc
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    _signal.signal(_signal.SIGTERM, _on_term)
    gc.set_threshold(GC_FIRST_GENERATION, *gc.get_threshold()[1:])
    try:
        # msgspec's module initialisation imports datetime without checking that it worked (PyDateTime_IMPORT in
        # PyInit__core, msgspec 0.23): a Ctrl-C during that import is lost and leaves msgspec without datetime's
        # types, and its first Decoder then crashes the interpreter (SIGSEGV). Imported here first, an interrupt
        # during datetime's import is an ordinary KeyboardInterrupt, and msgspec finds the module already loaded.
        import datetime  # noqa: F401

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

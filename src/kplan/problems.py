"""Former names of the diagnostic types (kplan.diagnostics), kept for modules not yet moved over."""

from __future__ import annotations

from kplan.diagnostics import Collector, Diagnostic, DiagnosticError, Loc

Problem = Diagnostic
SourceError = DiagnosticError

__all__ = ["Collector", "Loc", "Problem", "SourceError"]

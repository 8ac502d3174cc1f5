"""Why an import cannot be done: one Japanese message and a hint, with a stable code; nothing is written."""

from __future__ import annotations


class CannotImportError(Exception):
    """The input cannot be imported (or the plan cannot be written). `code` is stable; tests assert it."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint

    def line(self, file: str) -> str:
        """The one line the user sees: `file: エラー code: message（ヒント: hint）` (the message stays Japanese with
        --lang en; the severity and the frame follow the language)."""
        from kplan.diagnostics import line

        return line(file, "error", self.code, self.message, self.hint)

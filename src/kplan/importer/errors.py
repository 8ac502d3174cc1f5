"""Why an import cannot be done: one catalog entry (a message and a hint), with a stable code; nothing is written."""

from __future__ import annotations

from kplan.messages import Msg


class CannotImportError(Exception):
    """The input cannot be imported (or the plan cannot be written). `code` is stable; tests assert it."""

    def __init__(self, said: Msg) -> None:
        super().__init__(said)
        self.said = said

    @property
    def code(self) -> str:
        return self.said.code

    @property
    def message(self) -> str:
        return str(self.said)

    @property
    def hint(self) -> str:
        return self.said.hint

    def line(self, file: str) -> str:
        """The one line the user sees: `file: エラー code: message（ヒント: hint）`, in the language in use."""
        from kplan.diagnostics import line

        return line(file, "error", self.code, self.message, self.hint)

"""`kplan import`: a city's existing plan, from Word (.docx) or Markdown, into a new plan project.

One job a module: container (reading the file safely), docx_reader and md_reader (the input into the neutral
document of document.py), cleanup (control characters, typed bullets, ※ markers), numbering (typed numbers and
the plan's patterns), metadata (cover and colophon), glossary and readings (the 用語解説 and its kana),
structure (parts, sections, ids), components and measures (figures, indicator tables, measure cards),
markdown_out and writer (the plan's files), report and command (what the user sees).
"""

from kplan.importer.command import run_import
from kplan.importer.errors import CannotImportError

__all__ = ["CannotImportError", "run_import"]

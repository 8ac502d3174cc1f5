"""A WeasyPrint URL fetcher that loads files inside the allowed folders and refuses everything else."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher


class ProjectOnlyFetcher(URLFetcher):
    """Only file: URLs under the allowed roots; no network, no other files. Refusals are recorded."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(allowed_protocols=("file",))
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots):
                return super().fetch(url, headers)
        self.refused.append(url)
        raise ValueError(f"refused to load {url}: only files inside the project may be loaded")

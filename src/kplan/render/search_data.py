"""The site's search documents: one per place, written as a script so that search works from file:// too.

The browser indexes them with MiniSearch (templates/static/search.js) using character bigrams, the n-gram approach
Japanese full-text engines such as Groonga use by default: Japanese has no spaces between words, and bigrams find
any word of two characters or more without a dictionary. Building the index in the browser keeps `kplan build` fast
(this file is plain data) and the index format MiniSearch's own business.
"""

from __future__ import annotations

import json

from kplan.render.places import Place, plain

GLOBAL_NAME = "KPLAN_SEARCH_DOCUMENTS"


def search_documents(places: list[Place]) -> list[dict[str, object]]:
    """The documents: id, href, label, page title, text and extra keywords (readings, aliases) of each place."""
    documents = []
    for index, place in enumerate(places):
        text = " ".join(t for t in (plain(piece).strip() for piece in place.texts) if t)
        documents.append(
            {
                "id": index,
                "href": place.href,
                "label": place.label,
                "page": place.page_title,
                "text": text,
                "keywords": " ".join(place.keywords),
            }
        )
    return documents


def search_data_js(places: list[Place]) -> bytes:
    """The documents as a script that sets `window.KPLAN_SEARCH_DOCUMENTS`; <, > and & are escaped as \\u00XX."""
    lines = [json.dumps(d, ensure_ascii=False, separators=(",", ":")) for d in search_documents(places)]
    body = ",\n".join(lines).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"window.{GLOBAL_NAME} = [\n{body}\n];\n".encode()

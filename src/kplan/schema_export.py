"""The JSON Schemas of the YAML sources, generated from the shapes the loader validates against."""

from __future__ import annotations

import json
from pathlib import Path

from kplan.load.shapes import SHAPES

FILE_NAMES = {name: f"{name}.schema.json" for name in SHAPES}


def schema_documents() -> dict[str, str]:
    """File name → JSON text, for every kind of YAML source."""
    documents = {}
    for name, shape in SHAPES.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"kplan:{FILE_NAMES[name]}"}
        schema.update(shape.schema())
        documents[FILE_NAMES[name]] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return documents


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into `directory`, all of them or (OutputError) none; return their paths."""
    from kplan.outputs import Outputs

    outputs = Outputs()
    written = []
    for name, text in schema_documents().items():
        path = directory / name
        outputs.file(path, text.encode("utf-8"))
        written.append(path)
    outputs.commit()
    return written

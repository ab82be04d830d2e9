"""The document as JSON (its JSON Schema is `catalogue/schema/cahier-des-charges.schema.json`)."""

import json
from pathlib import Path

from tpt_model.export.document import SCHEMA_NAME, Document


def to_json(document: Document) -> str:
    """The whole document, analyses and figures' Vega-Lite specs included, as indented JSON."""
    return document.model_dump_json(indent=2) + "\n"


def document_schema_text() -> str:
    """The JSON Schema of the JSON export, as stable, indented text."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_document_schema(out_dir: Path) -> Path:
    """Write `cahier-des-charges.schema.json` into `out_dir`."""
    path = out_dir / f"{SCHEMA_NAME}.schema.json"
    path.write_text(document_schema_text(), encoding="utf-8")
    return path

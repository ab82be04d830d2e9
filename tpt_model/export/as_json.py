"""The document as JSON (its JSON Schema is `catalogue/schema/cahier-des-charges.schema.json`)."""

from pathlib import Path

from tpt_model.catalogue.schema import schema_text, write_schema
from tpt_model.export.document import SCHEMA_NAME, Document


def to_json(document: Document) -> str:
    """The whole document, analyses and figures' Vega-Lite specs included, as indented JSON."""
    return document.model_dump_json(indent=2) + "\n"


def document_schema_text() -> str:
    """The JSON Schema of the export's JSON export, as stable, indented text."""
    return schema_text(Document)


def write_document_schema(out_dir: Path) -> Path:
    """Write its `.schema.json` file into `out_dir`."""
    return write_schema(out_dir, SCHEMA_NAME, Document)

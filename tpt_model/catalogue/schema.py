"""JSON Schema files generated from the models, for the pilots' editors."""

import json
from pathlib import Path

from pydantic import BaseModel

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.calendar import CalendarFile
from tpt_model.catalogue.partner import PartnerFile
from tpt_model.catalogue.persona import PersonaFile
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import Scenario

SCHEMAS: dict[str, type[BaseModel]] = {
    "programme": Programme,
    "partners": PartnerFile,
    "calendar": CalendarFile,
    "personas": PersonaFile,
    "brick": Brick,
    "scenario": Scenario,
}


def schema_text(model: type[BaseModel]) -> str:
    """The JSON Schema of one file format (or export), as stable, indented text."""
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    """Write one `<name>.schema.json` per file format into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_schema(out_dir, name, model) for name, model in SCHEMAS.items()]


def write_schema(out_dir: Path, name: str, model: type[BaseModel]) -> Path:
    """Write `<name>.schema.json`, the JSON Schema of `model`, into `out_dir`."""
    path = out_dir / f"{name}.schema.json"
    path.write_text(schema_text(model), encoding="utf-8")
    return path

"""A brick as the editor holds it: its file's data (what the YAML says), before and while it is edited.

The form edits this plain data, not a `Brick`: a half-typed brick is not a valid one, and the
validator's messages must say what is still wrong with it.
"""

import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.yamlio.roundtrip import same_value

BRICK_HEADER = "# yaml-language-server: $schema=../schema/brick.schema.json\n"
BRICKS = "bricks"

BrickData = dict[str, Any]


def brick_path(brick_id: str) -> str:
    """The file of a brick, relative to the catalogue folder (« bricks/mentorat.yaml »)."""
    return f"{BRICKS}/{brick_id}.yaml"


def full_data(brick: Brick) -> BrickData:
    """Every field of a brick as its YAML would hold it, defaults included (the form's starting point)."""
    return brick.model_dump(mode="json", by_alias=True)


def minimal_data(brick: Brick) -> BrickData:
    """The fields that say something: those whose value differs from the model's default."""
    return brick.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def free_id(catalogue: Catalogue, base: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """An id no brick has: `base`, else « base-2 », « base-3 »…"""
    used = set(catalogue.bricks_by_id) | set(taken)
    if base not in used:
        return base
    number = 2
    while f"{base}-{number}" in used:
        number += 1
    return f"{base}-{number}"


def copy_data(
    catalogue: Catalogue, brick: Brick, taken: set[str] | frozenset[str] = frozenset()
) -> BrickData:
    """A duplicate of a brick under a free id (« mentorat-copie »), its titles marked as a copy."""
    data = full_data(brick)
    data["id"] = free_id(catalogue, f"{brick.id}-copie"[:80].rstrip("-"), taken)
    data["title"] = f"{brick.title} (copie)"
    data["short_title"] = f"{brick.short_title[:20]} (copie)"
    return data


def blank_data(catalogue: Catalogue) -> BrickData:
    """A new brick to fill in: the programme's first choices, its criteria at their lowest score.

    Texts are left empty so that the validator asks for each of them.
    """
    programme = catalogue.programme
    first, last = programme.stages[0].id, programme.stages[-1].id
    return {
        "id": "",
        "title": "",
        "short_title": "",
        "summary": "",
        "status": "proposition",
        "pillar": programme.pillars[0].id,
        "modality": "individuel",
        "kind": "atelier",
        "stages": {"from": first, "to": last},
        "audience": "",
        "partners": [],
        "prospective_partners": [],
        "working_groups": [programme.working_groups[0].id] if programme.working_groups else [],
        "cost": {"per_beneficiary_eur": 0, "fixed_eur": 0, "inferred": True, "note": ""},
        "hours_per_beneficiary": 0,
        "criteria": {c.id: c.scale.min for c in programme.criteria},
        "barriers": [],
        "good_practices": [],
        "communication": {"moments": [], "tools": []},
        "sources": [],
    }


def _sub_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X`, `X | None` or `tuple[X, ...]` (None for plain values)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _sub_model(arg)
        if found is not None:
            return found
    return None


def _fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _json_default(field: FieldInfo) -> Any:
    default = field.get_default(call_default_factory=True)
    if isinstance(default, BaseModel):
        return default.model_dump(mode="json", by_alias=True)
    return list(default) if isinstance(default, tuple) else default


def shaped(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """The data in the model's field order (unknown keys last), without empty optional values.

    An optional text left empty in the form (a cost note, a source's address) is absent from the
    file, never `note: ""`; so is an optional number left empty.
    """
    fields = _fields(model)
    order = [key for key in fields if key in data] + [key for key in data if key not in fields]
    out: dict[str, Any] = {}
    for key in order:
        value, field = data[key], fields.get(key)
        sub = _sub_model(field.annotation) if field is not None else None
        if sub is not None and isinstance(value, dict):
            value = shaped(sub, value)
        elif sub is not None and isinstance(value, list):
            value = [shaped(sub, v) if isinstance(v, dict) else v for v in value]
        optional = field is not None and not field.is_required() and _json_default(field) is None
        if optional and (value is None or (isinstance(value, str) and not value.strip())):
            continue
        out[key] = value
    return out


def without_defaults(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """The data less the values equal to the model's defaults (what `exclude_defaults` would leave)."""
    fields = _fields(model)
    out: dict[str, Any] = {}
    for key, value in data.items():
        field = fields.get(key)
        if field is not None and not field.is_required() and same_value(value, _json_default(field)):
            continue
        sub = _sub_model(field.annotation) if field is not None else None
        if sub is not None and isinstance(value, dict):
            value = without_defaults(sub, value)
        elif sub is not None and isinstance(value, list):
            value = [without_defaults(sub, v) if isinstance(v, dict) else v for v in value]
        out[key] = value
    return out


def file_values(draft: BrickData) -> tuple[BrickData, BrickData]:
    """What the file should hold for this draft: every value, and only those that say something."""
    full = shaped(Brick, draft)
    return full, without_defaults(Brick, full)

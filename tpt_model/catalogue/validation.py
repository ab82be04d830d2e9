"""Model validation of located YAML documents, with pydantic errors turned into French."""

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from tpt_model.errors import MAX_PROBLEMS_PER_FILE, Problem, field_path, more_problems
from tpt_model.i18n import _, mark_
from tpt_model.yamlio.reader import Document, Loc

M = TypeVar("M", bound=BaseModel)

_SIMPLE = {
    "missing": mark_("champ obligatoire manquant"),
    "string_type": mark_("texte attendu (mettez la valeur entre guillemets)"),
    "int_type": mark_("nombre entier attendu"),
    "int_parsing": mark_("nombre entier attendu"),
    "int_from_float": mark_("nombre entier attendu"),
    "float_type": mark_("nombre attendu"),
    "bool_type": mark_("booléen attendu (true ou false)"),
    "tuple_type": mark_("liste attendue"),
    "list_type": mark_("liste attendue"),
    "dict_type": mark_("liste de « clé: valeur » attendue"),
    "model_type": mark_("liste de « clé: valeur » attendue"),
    "model_attributes_type": mark_("liste de « clé: valeur » attendue"),
    "string_too_short": mark_("texte vide"),
    "none_required": mark_("aucune valeur attendue"),
}


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the last element of `loc` (for listing allowed keys)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        field = current.model_fields.get(str(part)) or next(
            (f for f in current.model_fields.values() if f.alias == part), None
        )
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """The model class inside `X`, `tuple[X, ...]`, `dict[str, X]` or `X | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (tuple, list, dict, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _allowed_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _unknown_key_message(root: type[BaseModel], loc: Loc) -> str:
    key = str(loc[-1])
    holder = _model_at(root, loc)
    if holder is None:
        return _("champ inconnu « {key} »").format(key=key)
    allowed = _allowed_keys(holder)
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = _(" ; vouliez-vous dire « {key} » ?").format(key=close[0]) if close else ""
    return _("champ inconnu « {key} »{hint} (champs permis : {allowed})").format(
        key=key, hint=hint, allowed=", ".join(allowed)
    )


def _literal_message(error: ErrorDetails) -> str:
    expected = str(error.get("ctx", {}).get("expected", "")).replace(" or ", ", ").replace("'", "")
    return _("valeur « {value} » invalide ; valeurs permises : {expected}").format(
        value=error["input"], expected=expected
    )


def french_message(error: ErrorDetails, root: type[BaseModel], loc: Loc) -> str:
    """A French sentence for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "extra_forbidden":
        return _unknown_key_message(root, loc)
    if kind in ("literal_error", "enum"):
        return _literal_message(error)
    if kind == "string_pattern_mismatch":
        return _(
            "identifiant « {value} » invalide : minuscules, chiffres et tirets (ex. « mentorat-en-ligne »)"
        ).format(value=error["input"])
    if kind == "string_too_long":
        return _("texte trop long (au plus {most} caractères)").format(most=ctx.get("max_length"))
    if kind in ("greater_than_equal", "greater_than"):
        return _("valeur {value} trop petite (au moins {least})").format(
            value=error["input"], least=ctx.get("ge", ctx.get("gt"))
        )
    if kind in ("less_than_equal", "less_than"):
        return _("valeur {value} trop grande (au plus {most})").format(
            value=error["input"], most=ctx.get("le", ctx.get("lt"))
        )
    if kind == "too_short":
        return _("au moins {least} élément(s) attendu(s)").format(least=ctx.get("min_length"))
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return _(_SIMPLE[kind]) if kind in _SIMPLE else error["msg"]


def _data_loc(loc: tuple[Any, ...]) -> Loc:
    """Drop pydantic's internal loc parts (union tags, `[key]`) that are not data keys."""
    return tuple(p for p in loc if p != "[key]" and not (isinstance(p, str) and p.startswith("function-")))


def validate_document(doc: Document, model: type[M], base: Loc = ()) -> tuple[M | None, list[Problem]]:
    """Validate `doc.data` (or the part at `base`) against `model`; problems are located."""
    data = doc.data
    for part in base:
        data = data[part]
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        return None, _located_problems(doc, model, base, err)


def _located_problems(
    doc: Document, model: type[BaseModel], base: Loc, err: ValidationError
) -> list[Problem]:
    """One problem per place, in file order, worded only for the first few (a file can hold thousands)."""
    located: dict[tuple[int, int, str], tuple[ErrorDetails, Loc]] = {}
    for error in err.errors(include_url=False):
        loc = _data_loc(error["loc"])
        full = (*base, *loc)
        is_key = error["type"] == "extra_forbidden" or "[key]" in error["loc"]
        line, column = doc.position(full, key=is_key)
        located.setdefault((line, column, field_path(full)), (error, loc))
    places = sorted(located)
    problems = []
    for line, column, name in places[:MAX_PROBLEMS_PER_FILE]:
        error, loc = located[(line, column, name)]
        problems.append(Problem(doc.file, line, column, name, french_message(error, model, loc)))
    if len(places) > MAX_PROBLEMS_PER_FILE:
        line, column, _ = places[MAX_PROBLEMS_PER_FILE]
        problems.append(more_problems(doc.file, line, column, len(places) - MAX_PROBLEMS_PER_FILE))
    return problems

"""Shared building blocks of the catalogue models: strict base model, field types, sources."""

import datetime
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictInt

from tpt_model.i18n import _

# Models read from YAML are strict: a typo is an error, and nothing can change them afterwards.
# Scalars are typed with Strict* so that YAML 1.1 leftovers (« yes », « 1:30 ») never coerce.


class StrictModel(BaseModel):
    """Base of every model read from the catalogue: unknown keys refused, immutable."""

    # Field docstrings (in French) become the descriptions pilots read in their editor.
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, use_attribute_docstrings=True
    )


Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", strict=True, max_length=80)]
Text = Annotated[str, Field(strict=True, min_length=1)]
Month = Annotated[StrictInt, Field(ge=1, le=12)]
Amount = Annotated[float, Field(strict=True, ge=0)]
Flag = StrictBool

PillarId = Literal["empower", "attract", "fix_the_system"]
Modality = Literal["individuel", "collectif", "materiel"]
Track = Literal["court", "long"]
Exit = Literal["salariat", "entrepreneuriat", "doctorat"]
PersonaFlag = Literal["boursiere", "rurale", "qpv", "premiere_generation", "handicap", "alternance"]
BrickKind = Literal[
    "mentorat",
    "coaching",
    "tutorat",
    "atelier",
    "evenement",
    "communaute",
    "immersion",
    "intervention_classe",
    "bourse",
    "equipement",
    "ressource",
    "formation",
    "politique",
    "communication",
]
MilestoneKind = Literal["orientation", "examen", "communication", "risque"]
PartnerKind = Literal[
    "fondation", "recherche", "association", "enseignement_superieur", "entreprise", "public", "reseau"
]
CostUnit = Literal["once", "per_year", "per_session"]
BrickStatus = Literal["programme", "proposition"]
# What a brick's source backs: a field of the brick, or « action » (the programme runs or announced it).
Claim = Literal[
    "action",
    "summary",
    "stages",
    "audience",
    "partners",
    "cost",
    "hours_per_beneficiary",
    "barriers",
    "good_practices",
    "communication",
]

_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_URL = r"^https?://[^\s<>\"`]+$"  # no space, quote or angle bracket: safe in a Markdown link


def _real_date(value: str) -> str:
    """A year, a month (2023-10) or a day (2023-10-06) that exists."""
    try:
        # « 2023 » and « 2023-10 » are completed to their first day to check the month exists.
        if re.match(_DATE, value) and datetime.date.fromisoformat((value + "-01-01")[:10]):
            return value
    except ValueError:
        pass
    raise ValueError(
        _("date « {value} » invalide : AAAA, AAAA-MM ou AAAA-MM-JJ (ex. « 2023-10-06 »)").format(value=value)
    )


def _web_address(value: str) -> str:
    if not re.match(_URL, value):
        raise ValueError(
            _("adresse « {value} » invalide : une adresse web complète (https://…)").format(value=value)
        )
    return value


# The pattern goes into the JSON Schema for the editors; the check gives the French message.
Date = Annotated[str, Field(strict=True, json_schema_extra={"pattern": _DATE}), AfterValidator(_real_date)]
Url = Annotated[str, Field(strict=True, json_schema_extra={"pattern": _URL}), AfterValidator(_web_address)]


class Source(StrictModel):
    """A public source that can be checked: what it is, who publishes it, where and when."""

    title: Text
    """Titre de la page, du rapport ou de l'article."""
    publisher: Text
    """Qui la publie (organisme, ministère, association)."""
    url: Url | None = None
    """Adresse web complète (https://…), quand elle existe."""
    date: Date | None = None
    """Date de publication, ou de consultation pour une page qui change : AAAA, AAAA-MM ou AAAA-MM-JJ."""


class BrickSource(Source):
    """A source of a brick, with what it backs."""

    supports: Annotated[tuple[Claim, ...], Field(min_length=1)]
    """Ce que la source appuie : « action » (le programme mène ou annonce cette action), ou un champ
    de la brique (summary, stages, audience, partners, cost, hours_per_beneficiary, barriers,
    good_practices, communication)."""

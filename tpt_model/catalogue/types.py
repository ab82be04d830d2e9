"""Shared building blocks of the catalogue models: strict base model and field types."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

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

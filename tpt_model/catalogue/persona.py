"""Personas: typical young women whose walk through a scenario we follow."""

from typing import Annotated

from pydantic import Field, StrictInt

from tpt_model.catalogue.types import Exit, Id, PersonaFlag, StrictModel, Text, Track


class Persona(StrictModel):
    """A typical beneficiary: where she starts, her track, her exit and her situation."""

    id: Id
    name: Text
    age: Annotated[StrictInt, Field(ge=14, le=30)]
    description: Text
    start_stage: Id
    track: Track
    exit: Exit
    flags: tuple[PersonaFlag, ...] = ()


class PersonaFile(StrictModel):
    """The content of personas.yaml."""

    personas: tuple[Persona, ...]

"""Partners: organisations that deliver bricks or lead working groups."""

from tpt_model.catalogue.types import Id, PartnerKind, StrictModel, Text


class Partner(StrictModel):
    """An organisation of the programme's ecosystem."""

    id: Id
    name: Text
    kind: PartnerKind
    description: Text
    url: Text | None = None
    working_groups: tuple[Id, ...] = ()


class PartnerFile(StrictModel):
    """The content of partners.yaml."""

    partners: tuple[Partner, ...]

"""Partners: organisations that deliver bricks or lead working groups."""

from tpt_model.catalogue.types import Id, PartnerKind, Source, StrictModel, Text


class Partner(StrictModel):
    """An organisation of the programme's ecosystem."""

    id: Id
    """Identifiant en minuscules et tirets (cité par les briques et les groupes de travail)."""
    name: Text
    """Nom affiché."""
    kind: PartnerKind
    """Nature : fondation, recherche, association, enseignement_superieur, entreprise, public, reseau."""
    description: Text
    """Ce qu'est l'organisation et son rôle dans le programme (membre du consortium, mécène…)."""
    url: Text | None = None
    """Site web."""
    working_groups: tuple[Id, ...] = ()
    """Groupes de travail qu'elle pilote ou anime, quand une source le dit (gt1 … gt5)."""
    sources: tuple[Source, ...] = ()
    """Sources de son rôle dans le programme et de ses groupes de travail."""


class PartnerFile(StrictModel):
    """The content of partners.yaml."""

    partners: tuple[Partner, ...]

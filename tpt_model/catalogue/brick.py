"""Bricks: the reusable actions the frise is composed of."""

from typing import Annotated

from pydantic import Field, StrictInt

from tpt_model.catalogue.types import (
    Amount,
    BrickKind,
    Exit,
    Flag,
    Id,
    Modality,
    PersonaFlag,
    PillarId,
    StrictModel,
    Text,
    Track,
)
from tpt_model.text import fold


class StageRange(StrictModel):
    """The stages a brick fits, from one stage to another (inclusive)."""

    from_stage: Id = Field(alias="from")
    """Première étape où la brique a sa place (id d'une étape de programme.yaml)."""
    to_stage: Id = Field(alias="to")
    """Dernière étape où la brique a sa place (pas avant « from »)."""


class Cost(StrictModel):
    """What a brick costs: per beneficiary and fixed, with whether the figure is inferred."""

    per_beneficiary_eur: Amount
    """Coût par bénéficiaire, en euros."""
    fixed_eur: Amount
    """Coûts fixes (coordination, outils), en euros."""
    inferred: Flag = False
    """true quand le chiffre est estimé d'après un programme comparable (à expliquer dans « note »)."""
    note: Text | None = None
    """D'où vient le chiffre : programme comparable, hypothèse."""


class Communication(StrictModel):
    """When and with what a brick is made known."""

    moments: tuple[Text, ...] = ()
    """Moments de communication (8 mars, salons, rentrée…)."""
    tools: tuple[Text, ...] = ()
    """Outils de communication (réseaux sociaux, affiches, lettre d'information…)."""


class Brick(StrictModel):
    """An action brick of the catalogue (one YAML file, named after its id)."""

    id: Id
    """Identifiant en minuscules et tirets ; le fichier porte le même nom (mentorat-en-ligne.yaml)."""
    title: Text
    """Titre de la brique."""
    short_title: Annotated[str, Field(strict=True, min_length=1, max_length=28)]
    """Titre court (28 caractères au plus), affiché sur la barre de la frise."""
    summary: Text
    """Résumé en deux ou trois phrases."""
    pillar: PillarId
    """Volet : attract (Attirer), empower (Accompagner) ou fix_the_system (Transformer)."""
    modality: Modality
    """Modalité : individuel, collectif ou materiel (accompagnement matériel et financier)."""
    kind: BrickKind
    """Type d'action (mentorat, atelier, evenement, bourse…)."""
    stages: StageRange
    """Étapes du parcours où la brique a sa place (from, to)."""
    tracks: tuple[Track, ...] = ("court", "long")
    """Parcours concernés : court (bac+2/3), long (bac+5) ; les deux par défaut."""
    exits: tuple[Exit, ...] = ("salariat", "entrepreneuriat", "doctorat")
    """Sorties concernées : salariat, entrepreneuriat, doctorat ; toutes par défaut."""
    audience: Text
    """Public visé."""
    eligibility: tuple[PersonaFlag, ...] = ()
    """Conditions de la bénéficiaire (boursiere, rurale, qpv…) ; vide = toutes."""
    partners: tuple[Id, ...]
    """Partenaires qui peuvent la mettre en œuvre (ids de partners.yaml)."""
    working_groups: Annotated[tuple[Id, ...], Field(min_length=1)]
    """Groupes de travail qui portent la brique (gt1 … gt5)."""
    cost: Cost
    """Coûts de la brique."""
    hours_per_beneficiary: Amount
    """Heures d'accompagnement par bénéficiaire."""
    duration_months: Annotated[StrictInt, Field(ge=1, le=120)] | None = None
    """Durée habituelle d'un placement, en mois (1 si absent) : la frise l'ajoute sur cette durée."""
    criteria: dict[Id, StrictInt]
    """Note de référence par critère (id du critère : note sur son échelle)."""
    barriers: tuple[Text, ...]
    """Freins que la brique lève."""
    good_practices: tuple[Text, ...]
    """Bonnes pratiques."""
    communication: Communication
    """Moments et outils de communication."""
    sources: Annotated[tuple[Text, ...], Field(min_length=1)]
    """Sources des faits et des chiffres."""

    def search_text(self) -> str:
        """The folded text a free-text search looks into."""
        parts = [self.id, self.title, self.summary, self.audience, *self.barriers, *self.good_practices]
        return fold(" ".join(parts))

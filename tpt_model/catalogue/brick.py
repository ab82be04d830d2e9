"""Bricks: the reusable actions the frise is composed of."""

from typing import Annotated

from pydantic import Field, StrictInt, model_validator

from tpt_model.catalogue.types import (
    Amount,
    BrickKind,
    BrickSource,
    BrickStatus,
    CostUnit,
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
from tpt_model.i18n import _, current_language
from tpt_model.text import fold


class StageRange(StrictModel):
    """The stages a brick fits, from one stage to another (inclusive)."""

    from_stage: Id = Field(alias="from")
    """Première étape où la brique a sa place (id d'une étape de programme.yaml)."""
    to_stage: Id = Field(alias="to")
    """Dernière étape où la brique a sa place (pas avant « from »)."""


class Cost(StrictModel):
    """What a brick costs the programme, per beneficiary (once, a year or a session) and fixed.

    What a third party pays to the young woman (a State aid, a grant) is kept apart: it is not
    in the programme's budget.
    """

    per_beneficiary_eur: Amount
    """Coût pour le programme par bénéficiaire, en euros, selon « unit »."""
    unit: CostUnit = "once"
    """Ce que couvre ce montant : once (une fois par placement), per_year (chaque année scolaire
    que couvre le placement : une bourse annuelle), per_session (par séance, fois « sessions »)."""
    sessions: Annotated[StrictInt, Field(ge=1)] | None = None
    """Nombre de séances par bénéficiaire (seulement avec « unit: per_session »)."""
    fixed_eur: Amount
    """Coûts fixes (coordination, outils), en euros."""
    third_party_eur: Amount = 0
    """Montant versé par un tiers (État, Crous, entreprise) à la bénéficiaire, hors budget du
    programme ; même unité que per_beneficiary_eur. À expliquer dans « note »."""
    inferred: Flag = False
    """true quand le chiffre est estimé d'après un programme comparable (à expliquer dans « note »)."""
    note: Text | None = None
    """D'où vient le chiffre : programme comparable, hypothèse ; par élève ou par enseignante
    ou enseignant formé, quand la brique forme des adultes."""

    @model_validator(mode="after")
    def _sessions_with_their_unit(self) -> "Cost":
        if self.unit == "per_session" and self.sessions is None:
            raise ValueError(_("un coût par séance (per_session) demande « sessions » (nombre de séances)"))
        if self.unit != "per_session" and self.sessions is not None:
            raise ValueError(_("« sessions » ne va qu'avec « unit: per_session »"))
        return self

    @property
    def beneficiary_eur(self) -> float:
        """Programme cost for one beneficiary over one school year of the action (sessions counted)."""
        return self.per_beneficiary_eur * (self.sessions or 1)


class Timing(StrictModel):
    """When a brick falls against the calendar's milestones (ids from calendar.yaml)."""

    after: tuple[Id, ...] = ()
    """Jalons avant le début desquels la brique ne commence pas (ex. après les premiers partiels)."""
    before: tuple[Id, ...] = ()
    """Jalons au début desquels la brique a déjà commencé : elle y prépare (ex. avant les vœux)."""
    during: tuple[Id, ...] = ()
    """Jalons pendant lesquels la brique se tient, du début à la fin (ex. le stage de seconde)."""

    def milestone_ids(self) -> tuple[str, ...]:
        """Every milestone the timing names."""
        return (*self.after, *self.before, *self.during)


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
    """Titre de la brique, écrit comme une action (verbe à l'infinitif : « Accueillir une stagiaire »)."""
    short_title: Annotated[str, Field(strict=True, min_length=1, max_length=28)]
    """Titre court (28 caractères au plus), affiché sur la barre de la frise."""
    summary: Text
    """Résumé en deux ou trois phrases."""
    title_en: Text | None = None
    """Titre en anglais, montré à qui lit l'application ou un export en anglais (sinon « title »)."""
    summary_en: Text | None = None
    """Résumé en anglais, montré à qui lit en anglais (sinon « summary »)."""
    status: BrickStatus = "programme"
    """programme : une source publique (supports: [action]) dit que le programme mène ou annonce
    cette action ; proposition : idée d'un groupe de travail qu'aucune source publique ne rattache
    encore au programme."""
    pillar: PillarId
    """Volet : attract (Attirer), empower (Accompagner) ou fix_the_system (Transformer)."""
    modality: Modality
    """Modalité : individuel, collectif ou materiel (accompagnement matériel et financier)."""
    kind: BrickKind
    """Type d'action (mentorat, atelier, evenement, bourse…)."""
    stages: StageRange
    """Étapes du parcours où la brique a sa place (from, to)."""
    timing: Timing = Timing()
    """Place de la brique face aux jalons du calendrier (after, before, during)."""
    tracks: tuple[Track, ...] = ("court", "long")
    """Parcours concernés : court (bac+2/3), long (bac+5) ; les deux par défaut."""
    exits: tuple[Exit, ...] = ("salariat", "entrepreneuriat", "doctorat")
    """Sorties concernées : salariat, entrepreneuriat, doctorat ; toutes par défaut."""
    audience: Text
    """Public visé."""
    eligibility: tuple[PersonaFlag, ...] = ()
    """Conditions de la bénéficiaire (boursiere, rurale, qpv…) ; vide = toutes."""
    partners: tuple[Id, ...]
    """Partenaires confirmés (ids de partners.yaml) : une source (supports: [partners]) dit
    qu'ils mettent en œuvre cette action."""
    prospective_partners: tuple[Id, ...] = ()
    """Partenaires pressentis (ids de partners.yaml) : hypothèse de travail, à confirmer."""
    working_groups: Annotated[tuple[Id, ...], Field(min_length=1)]
    """Groupes de travail qui portent la brique (gt1 … gt5)."""
    cost: Cost
    """Coûts de la brique."""
    hours_per_beneficiary: Amount
    """Heures que la bénéficiaire passe dans l'action, pour un placement (0 quand la brique forme
    des adultes autour d'elle)."""
    hours_per_trainee: Amount | None = None
    """Heures de formation par adulte formé (enseignante ou enseignant, manager), pour une brique
    qui forme les équipes ; elles ne comptent pas dans le temps de la bénéficiaire."""
    duration_months: Annotated[StrictInt, Field(ge=1, le=120)] | None = None
    """Durée habituelle d'un placement, en mois (1 si absent) : la frise l'ajoute sur cette durée."""
    criteria: dict[Id, StrictInt]
    """Note de référence par critère (id du critère : note sur son échelle)."""
    barriers: tuple[Text, ...]
    """Freins que la brique lève."""
    good_practices: tuple[Text, ...]
    """Bonnes pratiques, chacune écrite comme une action (verbe à l'infinitif : « Intervenir avant… »)."""
    communication: Communication
    """Moments et outils de communication."""
    sources: tuple[BrickSource, ...] = ()
    """Sources vérifiables (title, publisher, url, date) et ce que chacune appuie (supports) ; une
    proposition qu'aucune source publique n'appuie n'en a aucune."""

    @property
    def partner_ids(self) -> tuple[str, ...]:
        """Every partner linked to the brick: the confirmed ones first, then the prospective ones."""
        return (*self.partners, *self.prospective_partners)

    def supported(self, claim: str) -> bool:
        """Whether one of the brick's sources backs this claim (« action », « partners », a field)."""
        return any(claim in source.supports for source in self.sources)

    @property
    def shown_title(self) -> str:
        """The title people read: the pilots' English one in English when they gave it, else `title`."""
        return self.title_en if self.title_en and current_language() == "en" else self.title

    @property
    def shown_summary(self) -> str:
        """The summary people read: `summary_en` in English when the pilots gave it, else `summary`."""
        return self.summary_en if self.summary_en and current_language() == "en" else self.summary

    def search_text(self) -> str:
        """The folded text a free-text search looks into (the English title and summary too)."""
        parts = [self.id, self.title, self.short_title, self.summary, self.audience]
        parts += [text for text in (self.title_en, self.summary_en) if text]
        parts += [*self.barriers, *self.good_practices]
        return fold(" ".join(parts))

"""The `analyses` object of the JSON export: budget, gaps, coverage and partners, for a partner's tools."""

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from tpt_model.analysis.budget import budget_entries, budget_years, by_year
from tpt_model.analysis.coverage import coverage
from tpt_model.analysis.gaps import GapKind, journey_gaps
from tpt_model.analysis.partners import partner_loads
from tpt_model.analysis.totals import journey_totals
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.catalogue.schema import schema_text, write_schema
from tpt_model.i18n import mark_

SCHEMA_NAME = "analyses"


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class YearAmount(_Doc):
    """What the programme spends in one calendar year."""

    year: int
    """Année civile."""
    eur: float
    """Montant en euros (bénéficiaires des cohortes et coûts fixes)."""


class BudgetDoc(_Doc):
    """The budget: one young woman's whole frise, fixed costs, and spending by year from the cohort plan."""

    per_beneficiary_eur: float
    """Coût par bénéficiaire de toute la frise, chaque placement compté une fois."""
    fixed_eur: float
    """Coûts fixes des briques placées, chacune une fois."""
    by_calendar_year: list[YearAmount]
    """Dépenses par année civile sur cinq ans, d'après le plan de cohortes du scénario."""
    by_school_year: list[YearAmount]
    """Dépenses par année scolaire sur cinq ans (`year` : l'année de sa rentrée de septembre)."""


class GapDoc(_Doc):
    """A gap of the journey."""

    kind: GapKind
    """stage, risk_window, pillar, track, exit ou idle_stretch."""
    stage: str | None
    """Étape concernée (id de programme.yaml), quand le trou en a une."""
    message: str
    """Le trou en une phrase française."""


class CoverageDoc(_Doc):
    """One cell stage × pillar."""

    stage: str
    pillar: str
    placements: int
    hours: float
    """Heures par bénéficiaire passées dans l'étape."""


class PartnerDoc(_Doc):
    """What one partner delivers."""

    partner: str
    bricks: list[str]
    single_partner_bricks: list[str] = Field(
        description=mark_("Briques que ce partenaire est seul à mettre en œuvre.")
    )


class Analyses(_Doc):
    """The analyses of a scenario."""

    budget: BudgetDoc
    gaps: list[GapDoc]
    coverage: list[CoverageDoc]
    partners: list[PartnerDoc]


class AnalysesExport(_Doc):
    """The JSON export of a scenario (only its `analyses` for now; the other sections come later)."""

    analyses: Analyses


def analyses(catalogue: Catalogue, scenario: Scenario) -> AnalysesExport:
    """The scenario's analyses as the export document."""
    totals = journey_totals(catalogue, scenario)
    years = budget_years(catalogue, scenario)
    entries = budget_entries(catalogue, scenario)
    budget = BudgetDoc(
        per_beneficiary_eur=totals.cost_per_beneficiary_eur,
        fixed_eur=totals.fixed_eur,
        by_calendar_year=[YearAmount.model_validate(r) for r in by_year(entries, years, "calendar")],
        by_school_year=[YearAmount.model_validate(r) for r in by_year(entries, years, "school")],
    )
    return AnalysesExport(
        analyses=Analyses(
            budget=budget,
            gaps=[
                GapDoc(kind=g.kind, stage=g.stage, message=g.message)
                for g in journey_gaps(catalogue, scenario)
            ],
            coverage=[
                CoverageDoc(stage=c.stage, pillar=c.group, placements=c.placements, hours=c.hours)
                for c in coverage(catalogue, scenario)
            ],
            partners=[
                PartnerDoc(partner=p.partner, bricks=p.bricks, single_partner_bricks=p.single_partner_bricks)
                for p in partner_loads(catalogue, scenario)
            ],
        )
    )


def analyses_schema_text() -> str:
    """The JSON Schema of the export's `analyses` document, as stable, indented text."""
    return schema_text(AnalysesExport)


def write_analyses_schema(out_dir: Path) -> Path:
    """Write its `.schema.json` file into `out_dir`."""
    return write_schema(out_dir, SCHEMA_NAME, AnalysesExport)

"""The specification of a scenario, or a partner's brief, as one document built from the scenario's data."""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tpt_model.analysis.partners import delivering
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.costs import placement_cost
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.errors import InputError
from tpt_model.evaluation.scoring import BrickResult, default_weights, evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.export.analyses import analyses
from tpt_model.export.brick_sheets import brick_sheets
from tpt_model.export.document import Column, Cover, Document, Paragraph, Section, Table
from tpt_model.export.evaluation_section import evaluation_section
from tpt_model.export.sections import (
    annex_section,
    budget_section,
    communication_section,
    context_section,
    coverage_section,
    frise_section,
    partners_section,
    pillars_section,
    remark,
    walks_section,
)
from tpt_model.export.workshop_section import workshops_section
from tpt_model.workshop.report import WorkshopReport


@dataclass(frozen=True)
class ExportSource:
    """What a specification is made from: a scenario, its catalogue, scores, workshops, who saved it when."""

    catalogue: Catalogue
    scenario: Scenario
    today: datetime.date
    sheets: Sequence[ScoreSheet] = ()
    weights: Mapping[str, float] | None = None
    include_reference: bool = False
    version: int | None = None
    author: str | None = None
    workshops: Sequence[WorkshopReport] = ()
    """The scenario's workshops and focus groups, newest first (the caller reads them from the store)."""


def unknown_partner_message(catalogue: Catalogue, partner_id: str) -> str:
    """« Partenaire inconnu : « x » ; partenaires du catalogue : a, b »."""
    known = ", ".join(p.id for p in catalogue.partners) or "aucun"
    return f"Partenaire inconnu : « {partner_id} » ; partenaires du catalogue : {known}"


def partner_placements(
    catalogue: Catalogue, scenario: Scenario, partner_id: str
) -> list[tuple[int, Placement]]:
    """The placements (with their index) a partner delivers: it is named by the placement, or by its brick."""
    return [
        (i, p)
        for i, p in enumerate(scenario.placements)
        if p.brick in catalogue.bricks_by_id and partner_id in delivering(p, catalogue.brick(p.brick))
    ]


def brief_scenario(catalogue: Catalogue, scenario: Scenario, partner_id: str) -> Scenario:
    """The scenario with only the placements a partner delivers (its name and cohort plan kept)."""
    placed = partner_placements(catalogue, scenario, partner_id)
    return scenario.model_copy(update={"placements": tuple(p for _, p in placed)})


def _cover(source: ExportSource, partner: str | None) -> Cover:
    catalogue, scenario = source.catalogue, source.scenario
    group = next((g for g in catalogue.programme.working_groups if g.id == scenario.working_group), None)
    return Cover(
        title="Brief partenaire" if partner else "Cahier des charges",
        programme=catalogue.programme.name,
        scenario=scenario.name,
        working_group=f"GT{group.number} · {group.title}" if group else None,
        version=source.version,
        author=source.author,
        date=source.today.isoformat(),
        partner=partner,
    )


def _results(source: ExportSource, bricks: Sequence[str]) -> list[BrickResult]:
    return evaluate(
        source.catalogue,
        list(dict.fromkeys(bricks)),
        source.sheets,
        dict(source.weights or {}),
        source.include_reference,
    )


def _weights(source: ExportSource) -> dict[str, float]:
    return {**default_weights(source.catalogue.programme), **(source.weights or {})}


def build_document(source: ExportSource) -> Document:
    """The full specification of the scenario, chapter by chapter."""
    catalogue, scenario = source.catalogue, source.scenario
    placed = list(enumerate(scenario.placements))
    results = _results(source, [p.brick for _, p in placed if p.brick in catalogue.bricks_by_id])
    by_brick = {r.brick_id: r for r in results}
    sections = [
        context_section(catalogue, scenario),
        pillars_section(catalogue),
        frise_section(catalogue, scenario),
        _sheets_section(catalogue, placed, by_brick),
        evaluation_section(catalogue, results, _weights(source), source.include_reference),
        workshops_section(catalogue, source.workshops),
        coverage_section(catalogue, scenario),
        partners_section(catalogue, scenario),
        budget_section(catalogue, scenario),
        walks_section(catalogue, scenario),
        communication_section(catalogue, scenario),
        annex_section(catalogue),
    ]
    return Document(
        cover=_cover(source, None), sections=sections, analyses=analyses(catalogue, scenario).analyses
    )


def _sheets_section(
    catalogue: Catalogue, placed: Sequence[tuple[int, Placement]], results: Mapping[str, BrickResult]
) -> Section:
    sheets = brick_sheets(catalogue, placed, results)
    blocks = [] if sheets else [remark("Aucune brique n'est placée sur la frise.")]
    return Section(id="briques", title="Fiches des briques", blocks=blocks, subsections=sheets)  # type: ignore[arg-type]


def _costs_section(catalogue: Catalogue, placed: Sequence[tuple[int, Placement]]) -> Section:
    """What each of the partner's placements costs the programme for one beneficiary, and the fixed costs."""
    programme = catalogue.programme
    rows: list[list[str | int | float | bool | None]] = []
    for i, p in placed:
        brick = catalogue.brick(p.brick)
        rows.append(
            [
                i + 1,
                brick.title,
                placement_cost(programme, brick, p).programme_eur,
                brick.cost.fixed_eur,
                brick.cost.inferred,
            ]
        )
    table = Table(
        title="Coûts de vos placements",
        columns=[
            Column(name="N°", kind="int"),
            Column(name="Brique"),
            Column(name="Coût par bénéficiaire (€)", kind="eur"),
            Column(name="Coûts fixes de la brique (€)", kind="eur"),
            Column(name="Estimé", kind="bool"),
        ],
        rows=rows,
    )
    blocks = [table] if rows else [remark("Aucun placement.")]
    return Section(id="couts", title="Coûts", blocks=blocks)  # type: ignore[arg-type]


def build_brief(source: ExportSource, partner_id: str) -> Document:
    """The specification cut down to what a partner delivers: her bricks, placements, scores, costs, moments.

    Raises InputError (French) for a partner the catalogue does not know.
    """
    catalogue, scenario = source.catalogue, source.scenario
    partner = catalogue.partners_by_id.get(partner_id)
    if partner is None:
        raise InputError(unknown_partner_message(catalogue, partner_id))
    mine = brief_scenario(catalogue, scenario, partner_id)
    # Numbered as in the brief's own frise table: 1 for her first placement.
    placed = list(enumerate(mine.placements))
    bricks = list(dict.fromkeys(p.brick for _, p in placed))
    results = _results(source, bricks)
    intro = Paragraph(
        text=f"Ce brief ne retient du scénario que les actions que {partner.name} met en œuvre : "
        "ses briques, leurs placements sur la frise, leurs notes, leurs coûts et les moments où elle est "
        "attendue."
    )
    context = context_section(catalogue, mine)
    context = context.model_copy(update={"blocks": [intro, *context.blocks]})
    sections = [
        context,
        pillars_section(catalogue),
        frise_section(catalogue, mine),
        _sheets_section(catalogue, placed, {r.brick_id: r for r in results}),
        evaluation_section(catalogue, results, _weights(source), source.include_reference),
        _costs_section(catalogue, placed),
        communication_section(catalogue, scenario, only=bricks),
        annex_section(catalogue),
    ]
    found = analyses(catalogue, mine).analyses
    # The gaps of a partial frise say nothing of the programme's journey: a brief leaves them out.
    found = found.model_copy(update={"gaps": []})
    return Document(cover=_cover(source, partner.name), sections=sections, analyses=found)

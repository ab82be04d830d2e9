"""The chapters of the specification that read the programme and the scenario (not the evaluation)."""

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from tpt_model.analysis.budget import budget_entries, budget_years, cohort_plan, inferred_share
from tpt_model.analysis.budget_tables import (
    AMOUNT,
    budget_pivot,
    budget_rows,
    budget_spec,
    walk_table,
)
from tpt_model.analysis.communication import communication_plan, plan_table
from tpt_model.analysis.coverage import coverage, coverage_spec, coverage_table
from tpt_model.analysis.gaps import journey_gaps
from tpt_model.analysis.partners import partner_table, single_partner_bricks, unused_partners
from tpt_model.analysis.totals import journey_totals, shown_totals
from tpt_model.catalogue.card import PERSONA_FLAG_LABELS
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Scenario
from tpt_model.export.document import (
    Block,
    BulletList,
    Column,
    ColumnKind,
    Fact,
    Facts,
    Figure,
    Paragraph,
    Section,
    Table,
)
from tpt_model.export.tables import table_from_frame, table_from_rows
from tpt_model.formatting import counted, euros, hours, month_name, number
from tpt_model.frise.chart import frise_chart
from tpt_model.frise.rows import FriseOptions, FriseRow, for_persona, frise_rows, frise_table
from tpt_model.frise.spec import chart_spec
from tpt_model.i18n import _
from tpt_model.journey.cohort import cohort_label

# Static pictures have no container to fit: a chart drawn « container » wide gets this width.
FIGURE_WIDTH = 640
FRISE_WIDTH = 1400  # the plot's width: with the lane titles, a picture wider than 1,600 px at scale 2


def remark(text: str) -> Paragraph:
    """A sentence that stands in for a section with nothing to show."""
    return Paragraph(text=text, style="remark")


def static_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with a fixed width where it fits its container (a picture has none)."""
    return {**spec, "width": FIGURE_WIDTH} if spec.get("width") == "container" else spec


def context_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """The programme's context and goals, the working group's theme, the scenario's own description."""
    programme = catalogue.programme
    blocks: list[Block] = [Paragraph(text=programme.description)]
    group = next((g for g in programme.working_groups if g.id == scenario.working_group), None)
    if group is not None:
        blocks.append(Paragraph(text=f"Groupe de travail {group.number} — {group.title}", style="label"))
        blocks.append(Paragraph(text=group.theme))
    blocks.append(Paragraph(text="Ce scénario", style="label"))
    blocks.append(
        Paragraph(text=scenario.description) if scenario.description.strip() else remark("Sans description.")
    )
    bricks = len({p.brick for p in scenario.placements})
    blocks.append(
        Facts(
            items=[
                Fact(label="Placements", value=counted(len(scenario.placements), "placement", "placements")),
                Fact(label="Briques différentes", value=counted(bricks, "brique", "briques")),
            ]
        )
    )
    return Section(id="contexte", title="Contexte et objectifs", blocks=blocks)


def pillars_section(catalogue: Catalogue) -> Section:
    """The three pillars and the three phases with their stages."""
    programme = catalogue.programme
    pillars = Table(
        title="Volets",
        columns=[Column(name="Volet"), Column(name="Description")],
        rows=[[p.label, p.description] for p in programme.pillars],
    )
    phases = Table(
        title="Phases",
        columns=[
            Column(name="N°", kind="int"),
            Column(name="Phase"),
            Column(name="Description"),
            Column(name="Étapes"),
        ],
        rows=[
            [
                p.number,
                p.label,
                p.description,
                ", ".join(s.label for s in programme.stages if s.phase == p.id),
            ]
            for p in programme.phases
        ],
    )
    return Section(id="volets-et-phases", title="Volets et phases", blocks=[pillars, phases])


def frise_figure(catalogue: Catalogue, scenario: Scenario) -> Figure:
    """The frise over its whole axis, every track and exit, lanes by pillar."""
    spec = chart_spec(frise_chart(catalogue, scenario, FriseOptions(), width=FRISE_WIDTH))
    placements = counted(len(scenario.placements), "placement", "placements")
    return Figure(
        kind="frise",
        title="La frise du parcours",
        description=f"Frise du scénario « {scenario.name} » : {placements} "
        "sur les étapes du parcours, en couloirs par volet, avec les jalons.",
        spec=spec,
    )


def frise_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """The frise as a figure and as a table."""
    if not scenario.placements:
        return Section(
            id="frise", title="La frise", blocks=[remark("La frise ne compte encore aucun placement.")]
        )
    table = table_from_frame("La frise en tableau", frise_table(catalogue, scenario, FriseOptions()))
    return Section(
        id="frise",
        title="La frise",
        blocks=[frise_figure(catalogue, scenario), table],
        subsections=phase_sections(catalogue, scenario),
        landscape=True,
    )


def _short_point(catalogue: Catalogue, point: JourneyPoint) -> str:
    """« octobre 2de »: a month and the stage's short label, for lists read on a slide."""
    return f"{month_name(point.month)} {catalogue.programme.stage(point.stage).short}"


def phase_sections(catalogue: Catalogue, scenario: Scenario) -> list[Section]:
    """For each phase, the bricks that start in it: short title, months, how many more placements."""
    programme = catalogue.programme
    by_phase: dict[str, dict[str, list[str]]] = {p.id: {} for p in programme.phases}
    for row in frise_rows(catalogue, scenario, FriseOptions()):
        start, end = (_short_point(catalogue, p) for p in (row.placement.start, row.placement.end))
        span = start if row.months == 1 else f"{start} → {end}"
        by_phase[programme.phase_of(row.placement.start.stage).id].setdefault(row.brick.id, []).append(span)
    sections = []
    for phase in programme.phases:
        items = [
            f"{catalogue.brick(b).short_title} — {spans[0]}"
            + (f" (+ {len(spans) - 1})" if len(spans) > 1 else "")
            for b, spans in by_phase[phase.id].items()
        ]
        blocks: list[Block] = [Paragraph(text=phase.description)]
        blocks.append(
            BulletList(items=items) if items else remark("Aucune action ne commence dans cette phase.")
        )
        title = f"Phase {phase.number} · {phase.label}"
        sections.append(Section(id=f"phase-{phase.id}", title=title, blocks=blocks))
    return sections


def coverage_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """Coverage stage × pillar (heat map and table) and the gaps with the bricks that could fill them."""
    if not scenario.placements:
        return Section(id="couverture", title="Couverture et trous", blocks=[remark("La frise est vide.")])
    cells = coverage(catalogue, scenario)
    figure = Figure(
        kind="coverage",
        title="Couverture par étape et par volet",
        description="Nombre de placements (couleur) et heures par bénéficiaire (chiffre) par étape et volet.",
        spec=static_spec(coverage_spec(catalogue, cells)),
    )
    table = table_from_rows(
        "Couverture",
        coverage_table(catalogue, cells, "pillar"),
        {"Placements": "int", "Heures par bénéficiaire": "hours"},
    )
    gaps = journey_gaps(catalogue, scenario)
    titles = {b.id: b.short_title for b in catalogue.bricks}
    found: list[Block] = [Paragraph(text="Trous du parcours", style="label")]
    if gaps:
        found.append(
            BulletList(
                items=[
                    g.message
                    + (
                        f" Briques possibles : {', '.join(titles[c] for c in g.candidates)}."
                        if g.candidates
                        else ""
                    )
                    for g in gaps
                ]
            )
        )
    else:
        found.append(remark("Aucun trou repéré dans ce parcours."))
    return Section(id="couverture", title="Couverture et trous", blocks=[figure, table, *found])


def partners_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """Who delivers what, by phase; bricks on one partner only; partners no placement names."""
    rows = partner_table(catalogue, scenario)
    if not rows:
        return Section(
            id="partenaires", title="Partenaires", blocks=[remark("Aucun placement ne nomme de partenaire.")]
        )
    kinds: dict[str, ColumnKind] = {
        "Placements": "int",
        "Heures par bénéficiaire": "hours",
        "Coût par bénéficiaire (€)": "eur",
    }
    blocks: list[Block] = [table_from_rows("Partenaires", rows, kinds)]
    alone = [catalogue.brick(b).title for b in single_partner_bricks(catalogue, scenario)]
    blocks.append(Paragraph(text="Briques qui ne reposent que sur un partenaire", style="label"))
    blocks.append(BulletList(items=alone) if alone else remark("Aucune."))
    names = {p.id: p.name for p in catalogue.partners}
    unused = [names[p] for p in unused_partners(catalogue, scenario)]
    blocks.append(Paragraph(text="Partenaires du catalogue sans placement", style="label"))
    blocks.append(BulletList(items=unused) if unused else remark("Aucun."))
    return Section(id="partenaires", title="Partenaires", blocks=blocks)


def budget_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """The five-year budget from the cohort plan, by year and pillar, and each typical walk's cost."""
    totals = journey_totals(catalogue, scenario)
    entries = budget_entries(catalogue, scenario)
    years = budget_years(catalogue, scenario)
    rows = budget_rows(catalogue, entries, years)
    plan = cohort_plan(catalogue, scenario)
    entrants = sum(c.entrants for c in plan.cohorts)
    facts = Facts(
        items=[
            Fact(
                label="Coût par bénéficiaire de toute la frise", value=euros(totals.cost_per_beneficiary_eur)
            ),
            Fact(label="Coûts fixes des briques placées", value=euros(totals.fixed_eur)),
            Fact(label="Heures par bénéficiaire", value=hours(totals.hours)),
            Fact(
                label="Plan de cohortes",
                value=counted(entrants, "entrante", "entrantes")
                + " sur "
                + counted(len(plan.cohorts), "cohorte", "cohortes"),
            ),
            Fact(
                label="Part estimée",
                value=f"{number(100 * inferred_share(entries, years), 0)} % des dépenses (coûts estimés)",
            ),
        ]
    )
    blocks: list[Block] = [facts]
    if rows and any(r[_(AMOUNT)] for r in rows):
        blocks.append(
            Figure(
                kind="budget",
                title="Dépenses par année civile et par volet",
                description=f"Dépenses de {years[0]} à {years[-1]}, empilées par volet.",
                spec=static_spec(budget_spec(catalogue, rows)),
            )
        )
    else:
        blocks.append(remark("Le plan de cohortes ne donne aucune dépense sur ces cinq ans."))
    pivot = budget_pivot(rows, "pillar", "calendar").round(0)  # a budget reads in whole euros
    money: dict[str, ColumnKind] = {str(c): "eur" for c in pivot.columns[1:]}  # all but the pillars
    records = [{str(k): v for k, v in row.items()} for row in pivot.to_dict("records")]
    blocks.append(table_from_rows("Budget par année et par volet", records, money))
    walks = walk_table(catalogue, scenario)
    blocks.append(
        table_from_rows("Coût des parcours-types", walks, {"Non boursière": "eur", "Boursière": "eur"})
    )
    return Section(id="budget", title="Budget sur cinq ans", blocks=blocks)


def walks_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """Each persona's walk through the scenario: what she receives, when, at what cost."""
    programme = catalogue.programme
    subsections = []
    for persona in catalogue.personas:
        options = for_persona(catalogue, FriseOptions(), persona.id)
        rows = frise_rows(catalogue, scenario, options)
        totals = shown_totals(catalogue, scenario, options)
        situation = (
            ", ".join(PERSONA_FLAG_LABELS[f] for f in persona.flags) or "aucune condition particulière"
        )
        blocks: list[Block] = [
            Paragraph(text=f"{persona.name}, {persona.age} ans — {persona.description}"),
            Facts(
                items=[
                    Fact(label="Situation", value=situation),
                    Fact(label="Entrée", value=programme.stage(persona.start_stage).label),
                    Fact(label="Ce qu'elle reçoit", value=counted(len(rows), "action", "actions")),
                    Fact(label="Coût pour le programme", value=euros(totals.cost_per_beneficiary_eur)),
                    Fact(label="Heures", value=hours(totals.hours)),
                ]
            ),
        ]
        if rows:
            blocks.append(_walk_table(persona.name, rows))
        else:
            blocks.append(remark("Aucun placement de ce scénario ne la concerne."))
        subsections.append(Section(id=f"persona-{persona.id}", title=persona.name, blocks=blocks))
    blocks_top: list[Block] = [] if subsections else [remark("Le catalogue ne décrit aucune persona.")]
    return Section(id="parcours", title="Parcours des personas", blocks=blocks_top, subsections=subsections)


def _walk_table(name: str, rows: Sequence[FriseRow]) -> Table:
    """What she receives, one line per brick (a brick placed several times is one line): a few dozen lines."""
    by_brick: dict[str, list[FriseRow]] = {}
    for row in sorted(rows, key=lambda r: (r.start, r.idx)):
        by_brick.setdefault(row.brick.id, []).append(row)
    return Table(
        title=f"Parcours de {name}",
        columns=[
            Column(name="Brique"),
            Column(name="Placements", kind="int"),
            Column(name="Début"),
            Column(name="Fin"),
            Column(name="Mois", kind="int"),
        ],
        rows=[
            [
                placed[0].brick.title,
                len(placed),
                placed[0].start_label,
                max(placed, key=lambda r: r.end).end_label,
                sum(r.months for r in placed),
            ]
            for placed in by_brick.values()
        ],
    )


def plan_year(catalogue: Catalogue, scenario: Scenario) -> int:
    """The September a young woman of the plan's first cohort entered the first stage (the plan's cohort)."""
    programme = catalogue.programme
    cohorts = [c for c in cohort_plan(catalogue, scenario).cohorts if c.entry_stage in programme.stage_index]
    if not cohorts:
        return min(budget_years(catalogue, scenario))
    first = min(cohorts, key=lambda c: (c.year - programme.stage_index[c.entry_stage], c.year))
    return first.year - programme.stage_index[first.entry_stage]


def communication_section(
    catalogue: Catalogue, scenario: Scenario, only: Sequence[str] | None = None
) -> Section:
    """The communication plan of the plan's first cohort; with `only`, the moments those bricks use."""
    year = plan_year(catalogue, scenario)
    dates = communication_plan(catalogue, scenario, year)
    if only is not None:
        mine = set(only)
        dates = [d for d in dates if mine & set(d.bricks)]
        dates = [replace(d, bricks=tuple(b for b in d.bricks if b in mine)) for d in dates]
    intro = Paragraph(text=f"Moments de la {cohort_label(year)}, avec les briques qui s'en servent.")
    if not dates:
        return Section(
            id="communication",
            title="Plan de communication",
            blocks=[intro, remark("Aucun moment du calendrier ne concerne ces briques.")],
        )
    table = table_from_rows("Plan de communication", plan_table(catalogue, dates))
    return Section(id="communication", title="Plan de communication", blocks=[intro, table])


def annex_section(catalogue: Catalogue) -> Section:
    """The criteria: question, weight, scale and each level's descriptor; a cost scale where there is one."""
    subsections = []
    for c in catalogue.programme.criteria:
        blocks: list[Block] = [
            Paragraph(text=c.question),
            Facts(
                items=[
                    Fact(label="Poids", value=number(c.weight)),
                    Fact(label="Échelle", value=f"de {c.scale.min} à {c.scale.max}"),
                ]
            ),
            Table(
                title=f"Niveaux — {c.label}",
                columns=[Column(name="Niveau", kind="int"), Column(name="Descripteur")],
                rows=[[level, text] for level, text in sorted(c.levels.items())],
            ),
        ]
        if c.cost_levels:
            blocks.append(
                Table(
                    title=f"Barème de coûts — {c.label}",
                    columns=[
                        Column(name="Note", kind="int"),
                        Column(name="Coût par bénéficiaire au plus", kind="eur"),
                        Column(name="Coûts fixes au plus", kind="eur"),
                    ],
                    rows=[[lv.score, lv.max_per_beneficiary_eur, lv.max_fixed_eur] for lv in c.cost_levels],
                )
            )
        subsections.append(Section(id=f"critere-{c.id}", title=c.label, blocks=blocks))
    return Section(id="annexe", title="Annexe : les critères d'évaluation", subsections=subsections)

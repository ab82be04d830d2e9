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
        blocks.append(
            Paragraph(
                text=_("Groupe de travail {number} — {title}").format(number=group.number, title=group.title),
                style="label",
            )
        )
        blocks.append(Paragraph(text=group.theme))
    blocks.append(Paragraph(text=_("Ce scénario"), style="label"))
    blocks.append(
        Paragraph(text=scenario.description)
        if scenario.description.strip()
        else remark(_("Sans description."))
    )
    bricks = len({p.brick for p in scenario.placements})
    blocks.append(
        Facts(
            items=[
                Fact(
                    label=_("Placements"), value=counted(len(scenario.placements), "placement", "placements")
                ),
                Fact(label=_("Briques différentes"), value=counted(bricks, "brique", "briques")),
            ]
        )
    )
    return Section(id="contexte", title=_("Contexte et objectifs"), blocks=blocks)


def pillars_section(catalogue: Catalogue) -> Section:
    """The three pillars and the three phases with their stages."""
    programme = catalogue.programme
    pillars = Table(
        title=_("Volets"),
        columns=[Column(name=_("Volet")), Column(name=_("Description"))],
        rows=[[p.label, p.description] for p in programme.pillars],
    )
    phases = Table(
        title=_("Phases"),
        columns=[
            Column(name=_("N°"), kind="int"),
            Column(name=_("Phase")),
            Column(name=_("Description")),
            Column(name=_("Étapes")),
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
    return Section(id="volets-et-phases", title=_("Volets et phases"), blocks=[pillars, phases])


def frise_figure(catalogue: Catalogue, scenario: Scenario) -> Figure:
    """The frise over its whole axis, every track and exit, lanes by pillar."""
    spec = chart_spec(frise_chart(catalogue, scenario, FriseOptions(), width=FRISE_WIDTH))
    placements = counted(len(scenario.placements), "placement", "placements")
    return Figure(
        kind="frise",
        title=_("La frise du parcours"),
        description=_(
            "Frise du scénario « {name} » : {placements} sur les étapes du parcours, "
            "en couloirs par volet, avec les jalons."
        ).format(name=scenario.name, placements=placements),
        spec=spec,
    )


def frise_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """The frise as a figure and as a table."""
    if not scenario.placements:
        return Section(
            id="frise", title=_("La frise"), blocks=[remark(_("La frise ne compte encore aucun placement."))]
        )
    table = table_from_frame(_("La frise en tableau"), frise_table(catalogue, scenario, FriseOptions()))
    return Section(
        id="frise",
        title=_("La frise"),
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
            BulletList(items=items) if items else remark(_("Aucune action ne commence dans cette phase."))
        )
        title = _("Phase {number} · {label}").format(number=phase.number, label=phase.label)
        sections.append(Section(id=f"phase-{phase.id}", title=title, blocks=blocks))
    return sections


def coverage_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """Coverage stage × pillar (heat map and table) and the gaps with the bricks that could fill them."""
    if not scenario.placements:
        return Section(
            id="couverture", title=_("Couverture et trous"), blocks=[remark(_("La frise est vide."))]
        )
    cells = coverage(catalogue, scenario)
    figure = Figure(
        kind="coverage",
        title=_("Couverture par étape et par volet"),
        description=_(
            "Nombre de placements (couleur) et heures par bénéficiaire (chiffre) par étape et volet."
        ),
        spec=static_spec(coverage_spec(catalogue, cells)),
    )
    table = table_from_rows(
        _("Couverture"),
        coverage_table(catalogue, cells, "pillar"),
        {_("Placements"): "int", _("Heures par bénéficiaire"): "hours"},
    )
    gaps = journey_gaps(catalogue, scenario)
    titles = {b.id: b.short_title for b in catalogue.bricks}
    found: list[Block] = [Paragraph(text=_("Trous du parcours"), style="label")]
    if gaps:
        found.append(
            BulletList(
                items=[
                    g.message
                    + (
                        _(" Briques possibles : {bricks}.").format(
                            bricks=", ".join(titles[c] for c in g.candidates)
                        )
                        if g.candidates
                        else ""
                    )
                    for g in gaps
                ]
            )
        )
    else:
        found.append(remark(_("Aucun trou repéré dans ce parcours.")))
    return Section(id="couverture", title=_("Couverture et trous"), blocks=[figure, table, *found])


def partners_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """Who delivers what, by phase; bricks on one partner only; partners no placement names."""
    rows = partner_table(catalogue, scenario)
    if not rows:
        return Section(
            id="partenaires",
            title=_("Partenaires"),
            blocks=[remark(_("Aucun placement ne nomme de partenaire."))],
        )
    kinds: dict[str, ColumnKind] = {
        _("Placements"): "int",
        _("Heures par bénéficiaire"): "hours",
        _("Coût par bénéficiaire (€)"): "eur",
    }
    blocks: list[Block] = [table_from_rows(_("Partenaires"), rows, kinds)]
    alone = [catalogue.brick(b).shown_title for b in single_partner_bricks(catalogue, scenario)]
    blocks.append(Paragraph(text=_("Briques qui ne reposent que sur un partenaire"), style="label"))
    blocks.append(BulletList(items=alone) if alone else remark(_("Aucune.")))
    names = {p.id: p.name for p in catalogue.partners}
    unused = [names[p] for p in unused_partners(catalogue, scenario)]
    blocks.append(Paragraph(text=_("Partenaires du catalogue sans placement"), style="label"))
    blocks.append(BulletList(items=unused) if unused else remark(_("Aucun.")))
    return Section(id="partenaires", title=_("Partenaires"), blocks=blocks)


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
                label=_("Coût par bénéficiaire de toute la frise"),
                value=euros(totals.cost_per_beneficiary_eur),
            ),
            Fact(label=_("Coûts fixes des briques placées"), value=euros(totals.fixed_eur)),
            Fact(label=_("Heures par bénéficiaire"), value=hours(totals.hours)),
            Fact(
                label=_("Plan de cohortes"),
                value=counted(entrants, "entrante", "entrantes")
                + _(" sur ")
                + counted(len(plan.cohorts), "cohorte", "cohortes"),
            ),
            Fact(
                label=_("Part estimée"),
                value=_("{share} des dépenses (coûts estimés)").format(
                    share=number(100 * inferred_share(entries, years), 0) + " %"
                ),
            ),
        ]
    )
    blocks: list[Block] = [facts]
    if rows and any(r[_(AMOUNT)] for r in rows):
        blocks.append(
            Figure(
                kind="budget",
                title=_("Dépenses par année civile et par volet"),
                description=_("Dépenses de {first} à {last}, empilées par volet.").format(
                    first=years[0], last=years[-1]
                ),
                spec=static_spec(budget_spec(catalogue, rows)),
            )
        )
    else:
        blocks.append(remark(_("Le plan de cohortes ne donne aucune dépense sur ces cinq ans.")))
    pivot = budget_pivot(rows, "pillar", "calendar").round(0)  # a budget reads in whole euros
    money: dict[str, ColumnKind] = {str(c): "eur" for c in pivot.columns[1:]}  # all but the pillars
    records = [{str(k): v for k, v in row.items()} for row in pivot.to_dict("records")]
    blocks.append(table_from_rows(_("Budget par année et par volet"), records, money))
    walks = walk_table(catalogue, scenario)
    blocks.append(
        table_from_rows(
            _("Coût des parcours-types"), walks, {_("Non boursière"): "eur", _("Boursière"): "eur"}
        )
    )
    return Section(id="budget", title=_("Budget sur cinq ans"), blocks=blocks)


def walks_section(catalogue: Catalogue, scenario: Scenario) -> Section:
    """Each persona's walk through the scenario: what she receives, when, at what cost."""
    programme = catalogue.programme
    subsections = []
    for persona in catalogue.personas:
        options = for_persona(catalogue, FriseOptions(), persona.id)
        rows = frise_rows(catalogue, scenario, options)
        totals = shown_totals(catalogue, scenario, options)
        situation = ", ".join(_(PERSONA_FLAG_LABELS[f]) for f in persona.flags) or _(
            "aucune condition particulière"
        )
        blocks: list[Block] = [
            Paragraph(
                text=_("{name}, {age} ans — {description}").format(
                    name=persona.name, age=persona.age, description=persona.description
                )
            ),
            Facts(
                items=[
                    Fact(label=_("Situation"), value=situation),
                    Fact(label=_("Entrée"), value=programme.stage(persona.start_stage).label),
                    Fact(label=_("Ce qu'elle reçoit"), value=counted(len(rows), "action", "actions")),
                    Fact(label=_("Coût pour le programme"), value=euros(totals.cost_per_beneficiary_eur)),
                    Fact(label=_("Heures"), value=hours(totals.hours)),
                ]
            ),
        ]
        if rows:
            blocks.append(_walk_table(persona.name, rows))
        else:
            blocks.append(remark(_("Aucun placement de ce scénario ne la concerne.")))
        subsections.append(Section(id=f"persona-{persona.id}", title=persona.name, blocks=blocks))
    blocks_top: list[Block] = [] if subsections else [remark(_("Le catalogue ne décrit aucune persona."))]
    return Section(
        id="parcours", title=_("Parcours des personas"), blocks=blocks_top, subsections=subsections
    )


def _walk_table(name: str, rows: Sequence[FriseRow]) -> Table:
    """What she receives, one line per brick (a brick placed several times is one line): a few dozen lines."""
    by_brick: dict[str, list[FriseRow]] = {}
    for row in sorted(rows, key=lambda r: (r.start, r.idx)):
        by_brick.setdefault(row.brick.id, []).append(row)
    return Table(
        title=_("Parcours de {name}").format(name=name),
        columns=[
            Column(name=_("Brique")),
            Column(name=_("Placements"), kind="int"),
            Column(name=_("Début")),
            Column(name=_("Fin")),
            Column(name=_("Mois"), kind="int"),
        ],
        rows=[
            [
                placed[0].brick.shown_title,
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
    intro = Paragraph(
        text=_("Moments de la {cohort}, avec les briques qui s'en servent.").format(cohort=cohort_label(year))
    )
    if not dates:
        return Section(
            id="communication",
            title=_("Plan de communication"),
            blocks=[intro, remark(_("Aucun moment du calendrier ne concerne ces briques."))],
        )
    table = table_from_rows(_("Plan de communication"), plan_table(catalogue, dates))
    return Section(id="communication", title=_("Plan de communication"), blocks=[intro, table])


def annex_section(catalogue: Catalogue) -> Section:
    """The criteria: question, weight, scale and each level's descriptor; a cost scale where there is one."""
    subsections = []
    for c in catalogue.programme.criteria:
        blocks: list[Block] = [
            Paragraph(text=c.question),
            Facts(
                items=[
                    Fact(label=_("Poids"), value=number(c.weight)),
                    Fact(
                        label=_("Échelle"),
                        value=_("de {min} à {max}").format(min=c.scale.min, max=c.scale.max),
                    ),
                ]
            ),
            Table(
                title=_("Niveaux — {label}").format(label=c.label),
                columns=[Column(name=_("Niveau"), kind="int"), Column(name=_("Descripteur"))],
                rows=[[level, text] for level, text in sorted(c.levels.items())],
            ),
        ]
        if c.cost_levels:
            blocks.append(
                Table(
                    title=_("Barème de coûts — {label}").format(label=c.label),
                    columns=[
                        Column(name=_("Note"), kind="int"),
                        Column(name=_("Coût par bénéficiaire au plus"), kind="eur"),
                        Column(name=_("Coûts fixes au plus"), kind="eur"),
                    ],
                    rows=[[lv.score, lv.max_per_beneficiary_eur, lv.max_fixed_eur] for lv in c.cost_levels],
                )
            )
        subsections.append(Section(id=f"critere-{c.id}", title=c.label, blocks=blocks))
    return Section(id="annexe", title=_("Annexe : les critères d'évaluation"), subsections=subsections)

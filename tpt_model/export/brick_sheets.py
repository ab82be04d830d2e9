"""One sheet per placed brick: what it is, where it sits, who delivers it, what it costs, its scores."""

from collections.abc import Mapping, Sequence

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.card import (
    CLAIM_LABELS,
    MODALITY_LABELS,
    PERSONA_FLAG_LABELS,
    STATUS_LABELS,
    cost_sentence,
    counted,
    partner_names,
    stage_span,
)
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement
from tpt_model.catalogue.search import brick_phases
from tpt_model.catalogue.types import BrickSource
from tpt_model.evaluation.scoring import BrickResult
from tpt_model.evaluation.wording import aggregate_lines
from tpt_model.export.document import Block, BulletList, Column, Fact, Facts, Paragraph, Section, Table, colon
from tpt_model.formatting import hours
from tpt_model.frise.rows import partner_name
from tpt_model.i18n import _, mark_
from tpt_model.journey.timeline import duration_months, point_label

NOT_FILLED = mark_("Non renseigné.")


def source_text(source: BrickSource) -> str:
    """One source in plain text: title, publisher, date, what it backs, address."""
    date = f", {source.date}" if source.date else ""
    backs = ", ".join(_(CLAIM_LABELS[c]) for c in source.supports)
    url = f" — {source.url}" if source.url else ""
    return _("{title}, {publisher}{date} (appuie {backs}){url}").format(
        title=source.title, publisher=source.publisher, date=date, backs=backs, url=url
    )


def _facts(catalogue: Catalogue, brick: Brick) -> Facts:
    programme = catalogue.programme
    tracks = {t.id: t.label for t in programme.tracks}
    exits = {e.id: e.label for e in programme.exits}
    phases = ", ".join(p.label for p in programme.phases if p.id in brick_phases(programme, brick))
    groups = {g.id: g.title for g in programme.working_groups}
    time = hours(brick.hours_per_beneficiary) + _(" par bénéficiaire")
    if brick.hours_per_trainee is not None:
        time += _(", {hours} de formation par personne formée").format(hours=hours(brick.hours_per_trainee))
    conditions = ", ".join(_(PERSONA_FLAG_LABELS[f]) for f in brick.eligibility) or _(
        "aucune : toutes les jeunes femmes"
    )
    pairs = [
        (_("Statut"), _(STATUS_LABELS[brick.status])),
        (_("Volet"), programme.pillar(brick.pillar).label),
        (_("Modalité"), _(MODALITY_LABELS[brick.modality])),
        (_("Phases"), phases),
        (_("Étapes"), stage_span(catalogue, brick)),
        (_("Parcours"), ", ".join(tracks.get(t, t) for t in brick.tracks)),
        (_("Sorties"), ", ".join(exits.get(e, e) for e in brick.exits)),
        (_("Public"), brick.audience),
        (_("Conditions"), conditions),
        (_("Partenaires"), ", ".join(partner_names(catalogue, brick)) or _("à trouver")),
        (_("Groupes de travail"), ", ".join(groups.get(g, g) for g in brick.working_groups)),
        (_("Coût"), cost_sentence(brick.cost)),
        (_("Coût compté"), counted(brick.cost)),
        (_("Temps"), time),
    ]
    return Facts(items=[Fact(label=label, value=value) for label, value in pairs])


def _placements(catalogue: Catalogue, brick: Brick, placed: Sequence[tuple[int, Placement]]) -> Table:
    programme = catalogue.programme
    rows: list[list[str | int | float | bool | None]] = [
        [
            i + 1,
            point_label(programme, p.start),
            point_label(programme, p.end),
            duration_months(programme, p.start, p.end),
            partner_name(catalogue, p),
            p.note or None,
        ]
        for i, p in placed
    ]
    columns = [
        Column(name=_("N°"), kind="int"),
        Column(name=_("Début")),
        Column(name=_("Fin")),
        Column(name=_("Durée (mois)"), kind="int"),
        Column(name=_("Partenaire")),
        Column(name=_("Note")),
    ]
    return Table(
        title=_("Placements — {short_title}").format(short_title=brick.short_title),
        columns=columns,
        rows=rows,
        in_workbook=False,
    )


def _bullets(items: Sequence[str]) -> Block:
    return BulletList(items=list(items)) if items else Paragraph(text=_(NOT_FILLED), style="remark")


def _scores(catalogue: Catalogue, brick: Brick, result: BrickResult | None) -> list[Block]:
    programme = catalogue.programme
    reference = [
        f"{c.label}{colon()}{brick.criteria[c.id]}/{c.scale.max}"
        for c in programme.criteria
        if c.id in brick.criteria
    ]
    blocks: list[Block] = [
        Paragraph(text=_("Notes de référence du catalogue"), style="label"),
        _bullets(reference),
    ]
    blocks.append(Paragraph(text=_("Notes d'atelier"), style="label"))
    if result is None or not result.evaluators:
        blocks.append(Paragraph(text=_("Cette brique n'a pas encore été notée en atelier."), style="remark"))
        return blocks
    blocks.append(BulletList(items=aggregate_lines(programme, result)))
    if result.comments:
        blocks.append(Paragraph(text=_("Commentaires"), style="label"))
        blocks.append(BulletList(items=[who + colon() + comment for who, comment in result.comments]))
    return blocks


def brick_sheet(
    catalogue: Catalogue,
    brick: Brick,
    placed: Sequence[tuple[int, Placement]],
    result: BrickResult | None,
) -> Section:
    """One brick's sheet: summary, facts, its placements in the scenario, scores and the rest of its card."""
    communication = [
        *brick.communication.moments,
        *(_("Outil : {t}").format(t=t) for t in brick.communication.tools),
    ]
    blocks: list[Block] = [
        Paragraph(text=brick.shown_summary),
        _facts(catalogue, brick),
        _placements(catalogue, brick, placed),
        *_scores(catalogue, brick, result),
        Paragraph(text=_("Freins levés"), style="label"),
        _bullets(brick.barriers),
        Paragraph(text=_("Bonnes pratiques"), style="label"),
        _bullets(brick.good_practices),
        Paragraph(text=_("Moments et outils de communication"), style="label"),
        _bullets(communication),
        Paragraph(text=_("Sources"), style="label"),
        _bullets([source_text(s) for s in brick.sources]),
    ]
    return Section(id=f"brique-{brick.id}", title=brick.shown_title, blocks=blocks)


def brick_sheets(
    catalogue: Catalogue,
    placements: Sequence[tuple[int, Placement]],
    results: Mapping[str, BrickResult],
) -> list[Section]:
    """A sheet per brick placed, in the order of their first placement."""
    by_brick: dict[str, list[tuple[int, Placement]]] = {}
    for i, p in placements:
        if p.brick in catalogue.bricks_by_id:
            by_brick.setdefault(p.brick, []).append((i, p))
    return [
        brick_sheet(catalogue, catalogue.brick(b), placed, results.get(b)) for b, placed in by_brick.items()
    ]

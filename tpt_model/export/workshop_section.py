"""The workshops chapter: each workshop's revealed rounds, participants counted, aggregates, disputed bricks.

An evaluation workshop gives one table of its rounds' results (a worksheet in the workbook); a focus
group gives its answers per brick and per stage, and its free answers. Participants are counted,
and named only when they agreed to be (a focus group names no one): `workshop.report` decides.
"""

from collections.abc import Sequence

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.evaluation.scoring import criterion_headers
from tpt_model.export.document import Block, BulletList, Cell, Column, Fact, Facts, Paragraph, Section, Table
from tpt_model.formatting import counted
from tpt_model.workshop.focus import QUESTIONS, FocusItemResult
from tpt_model.workshop.records import KIND_LABELS
from tpt_model.workshop.report import RoundReport, WorkshopReport

NO_WORKSHOP = "Aucun atelier ni focus group n'a encore eu lieu sur ce scénario."
NO_ROUND = "Aucun tour n'a encore été révélé : les réponses restent dans la salle."
_STATES = {"revealed": "révélé", "locked": "verrouillé"}
_SCALES = tuple(q for q in QUESTIONS if q.scale)


def _facts(report: WorkshopReport) -> Facts:
    named = ", ".join(report.named) if report.named else "aucune"
    pairs = [
        ("Type", KIND_LABELS[report.kind]),
        ("Ouvert le", report.created_at.date().isoformat()),
        ("Version du scénario", str(report.scenario_version)),
        ("Participantes", counted(report.participants, "participante", "participantes")),
    ]
    if report.kind == "evaluation":
        pairs.append(("Nommées, avec leur accord", named))
    else:
        pairs.append(("Anonymat", "aucun nom n'est demandé"))
    return Facts(items=[Fact(label=label, value=value) for label, value in pairs])


def _round_line(round_: RoundReport) -> str:
    """« Tour 1 · Phase 1 (révélé) : 12 briques, 8 participantes ont répondu ; à discuter : A, B »."""
    if round_.item_kind == "brick":
        items = counted(round_.items, "brique", "briques")
    else:
        items = counted(round_.items, "étape", "étapes")
    answered = counted(round_.respondents, "participante a répondu", "participantes ont répondu")
    state = _STATES.get(round_.state, round_.state)
    line = f"Tour {round_.number} · {round_.title} ({state}) : {items}, {answered}"
    if not round_.bricks:
        return line  # a focus round: nothing is disputed
    disputed = ", ".join(round_.disputed) or "aucune"
    return f"{line} ; à discuter : {disputed}"


# Tables are titled by what they hold first: the workbook names its sheets after them, in 31 characters.


def _evaluation_table(catalogue: Catalogue, report: WorkshopReport) -> Table:
    headers = criterion_headers(catalogue.programme)
    criteria = [c.id for c in catalogue.programme.criteria]
    columns = [
        Column(name="Tour", kind="int"),
        Column(name="Rang", kind="int"),
        Column(name="Brique"),
        Column(name="Total pondéré", kind="number"),
        *(Column(name=f"{headers[c]} (moyenne)", kind="number") for c in criteria),
        # One spread for the brick, not one per criterion: the table stays readable on an upright page.
        Column(name="Écart le plus grand", kind="int"),
        Column(name="Évaluatrices", kind="int"),
        Column(name="À discuter", kind="bool"),
    ]
    rows: list[list[Cell]] = [
        [
            round_.number,
            brick.rank,
            brick.title,
            brick.total,
            *(brick.means.get(c) for c in criteria),
            max((g for g in brick.gaps.values() if g is not None), default=None),
            brick.evaluators,
            brick.to_discuss,
        ]
        for round_ in report.rounds
        for brick in round_.bricks
    ]
    return Table(title=f"Notes de l'atelier « {report.title} »", columns=columns, rows=rows)


def _spread(result: FocusItemResult, question_id: str) -> str:
    """« Plutôt oui : 3 · Oui, carrément : 1 » (the levels somebody chose)."""
    levels = next(q.levels for q in _SCALES if q.id == question_id)
    counts = result.counts.get(question_id, ())
    return " · ".join(f"{level} : {n}" for level, n in zip(levels, counts, strict=False) if n)


def _focus_table(title: str, subject: str, report: WorkshopReport, stages: bool) -> Table:
    columns = [Column(name="Tour", kind="int"), Column(name=subject), Column(name="Répondantes", kind="int")]
    for question in _SCALES:
        columns += [
            Column(name=f"{question.brick_text} (moyenne de 1 à {len(question.levels)})", kind="number"),
            Column(name=f"{question.brick_text} (réponses)"),
        ]
    rows: list[list[Cell]] = []
    for round_ in report.rounds:
        results = round_.focus_stages if stages else round_.focus_items
        for result in results:
            row: list[Cell] = [round_.number, result.label, result.respondents]
            for question in _SCALES:
                row += [result.means.get(question.id), _spread(result, question.id)]
            rows.append(row)
    return Table(title=f"Focus {title} « {report.title} »", columns=columns, rows=rows)


def _focus_texts(report: WorkshopReport) -> Table:
    missing = next(q for q in QUESTIONS if not q.scale)
    rows: list[list[Cell]] = [
        [round_.number, result.label, text]
        for round_ in report.rounds
        for result in round_.focus_items
        for text in result.texts
    ]
    return Table(
        title=f"Focus, réponses libres « {report.title} »",
        columns=[Column(name="Tour", kind="int"), Column(name="Sujet"), Column(name=missing.brick_text)],
        rows=rows,
    )


def _workshop(catalogue: Catalogue, report: WorkshopReport, index: int) -> Section:
    blocks: list[Block] = [_facts(report)]
    if not report.rounds:
        blocks.append(Paragraph(text=NO_ROUND, style="remark"))
    else:
        blocks.append(BulletList(items=[_round_line(r) for r in report.rounds]))
        if report.kind == "evaluation":
            blocks.append(_evaluation_table(catalogue, report))
        else:
            by_item = any(r.item_kind == "brick" for r in report.rounds)
            if by_item:
                blocks.append(_focus_table("par brique", "Brique", report, stages=False))
            blocks.append(_focus_table("par étape", "Étape", report, stages=True))
            blocks.append(_focus_texts(report))
    title = f"{KIND_LABELS[report.kind]} « {report.title} »"
    return Section(id=f"atelier-{index}", title=title, blocks=blocks)


def workshops_section(catalogue: Catalogue, reports: Sequence[WorkshopReport]) -> Section:
    """The scenario's workshops and focus groups, newest first; one sentence when there was none."""
    if not reports:
        return Section(
            id="ateliers",
            title="Ateliers et focus groups",
            blocks=[Paragraph(text=NO_WORKSHOP, style="remark")],
        )
    intro = Paragraph(
        text="Seuls les tours révélés ou verrouillés sont rapportés ; les participantes sont comptées, "
        "et nommées seulement si elles l'ont accepté."
    )
    return Section(
        id="ateliers",
        title="Ateliers et focus groups",
        blocks=[intro],
        subsections=[_workshop(catalogue, r, i) for i, r in enumerate(reports, 1)],
    )

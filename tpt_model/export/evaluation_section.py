"""The evaluation chapter: weights used, weighted ranking, priority matrix, bricks « à discuter »."""

from collections.abc import Mapping, Sequence

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.evaluation.matrix import matrix_table, priority_matrix_chart
from tpt_model.evaluation.ranking import ranking_table, unscored_line
from tpt_model.evaluation.scoring import (
    REFERENCE_EVALUATOR,
    BrickResult,
    default_weights,
    disagreement_rule,
    split_unscored,
)
from tpt_model.export.document import Block, BulletList, Column, Figure, Paragraph, Section, Table
from tpt_model.export.tables import table_from_frame
from tpt_model.frise.spec import chart_spec


def _weights(catalogue: Catalogue, weights: Mapping[str, float]) -> Table:
    programme_weights = default_weights(catalogue.programme)
    return Table(
        title="Poids des critères",
        columns=[
            Column(name="Critère"),
            Column(name="Poids utilisé", kind="number"),
            Column(name="Poids du programme", kind="number"),
        ],
        rows=[
            [c.label, weights.get(c.id, programme_weights[c.id]), programme_weights[c.id]]
            for c in catalogue.programme.criteria
        ],
    )


def _to_discuss(catalogue: Catalogue, scored: Sequence[BrickResult]) -> list[Block]:
    labels = {c.id: c.label for c in catalogue.programme.criteria}
    disputed = [
        f"{r.title} — désaccord sur : {', '.join(labels.get(c, c) for c in r.disputed_criteria)}"
        for r in scored
        if r.to_discuss
    ]
    blocks: list[Block] = [Paragraph(text="Briques « à discuter »", style="label")]
    blocks.append(
        BulletList(items=disputed)
        if disputed
        else Paragraph(text="Aucune : les évaluatrices s'accordent.", style="remark")
    )
    return blocks


def evaluation_section(
    catalogue: Catalogue,
    results: Sequence[BrickResult],
    weights: Mapping[str, float],
    include_reference: bool,
) -> Section:
    """The evaluation of the placed bricks with the weights used; a sentence when nobody has scored yet."""
    programme = catalogue.programme
    reference = (
        "comptées comme une évaluatrice de plus" if include_reference else "non comptées (montrées à part)"
    )
    blocks: list[Block] = [
        _weights(catalogue, weights),
        Paragraph(text=f"Notes « {REFERENCE_EVALUATOR} » : {reference}. {disagreement_rule(programme)}"),
    ]
    scored, unscored = split_unscored(results)
    if scored:
        blocks.append(table_from_frame("Classement pondéré", ranking_table(catalogue, scored)))
        blocks.append(
            Figure(
                kind="matrix",
                title="Matrice de priorisation",
                description="Les briques notées selon la pertinence et la simplicité ; "
                "taille : coût par bénéficiaire.",
                spec=chart_spec(priority_matrix_chart(catalogue, scored)),
            )
        )
        blocks.append(
            table_from_frame(
                "Matrice de priorisation",
                matrix_table(catalogue, scored),
                {"Coût par bénéficiaire (€)": "eur"},
            )
        )
        blocks += _to_discuss(catalogue, scored)
    else:
        blocks.append(Paragraph(text="Aucune brique de ce scénario n'a encore été notée.", style="remark"))
    line = unscored_line(unscored)
    if line:
        blocks.append(Paragraph(text=line))
    return Section(id="evaluation", title="Évaluation", blocks=blocks)

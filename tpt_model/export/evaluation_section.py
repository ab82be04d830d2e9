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
from tpt_model.i18n import _, mark_

# What follows a brick « à discuter » in its line; the slides count the lines that hold it.
DISPUTED_ON = mark_(" — désaccord sur : ")


def _weights(catalogue: Catalogue, weights: Mapping[str, float]) -> Table:
    programme_weights = default_weights(catalogue.programme)
    return Table(
        title=_("Poids des critères"),
        columns=[
            Column(name=_("Critère")),
            Column(name=_("Poids utilisé"), kind="number"),
            Column(name=_("Poids du programme"), kind="number"),
        ],
        rows=[
            [c.label, weights.get(c.id, programme_weights[c.id]), programme_weights[c.id]]
            for c in catalogue.programme.criteria
        ],
    )


def _to_discuss(catalogue: Catalogue, scored: Sequence[BrickResult]) -> list[Block]:
    labels = {c.id: c.label for c in catalogue.programme.criteria}
    disputed = [
        r.title + _(DISPUTED_ON) + ", ".join(labels.get(c, c) for c in r.disputed_criteria)
        for r in scored
        if r.to_discuss
    ]
    blocks: list[Block] = [Paragraph(text=_("Briques « à discuter »"), style="label")]
    blocks.append(
        BulletList(items=disputed)
        if disputed
        else Paragraph(text=_("Aucune : les évaluatrices s'accordent."), style="remark")
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
        _("comptées comme une évaluatrice de plus")
        if include_reference
        else _("non comptées (montrées à part)")
    )
    blocks: list[Block] = [
        _weights(catalogue, weights),
        Paragraph(
            text=_("Notes « {reference} » : {counted}. {rule}").format(
                reference=_(REFERENCE_EVALUATOR), counted=reference, rule=disagreement_rule(programme)
            )
        ),
    ]
    scored, unscored = split_unscored(results)
    if scored:
        blocks.append(table_from_frame(_("Classement pondéré"), ranking_table(catalogue, scored)))
        blocks.append(
            Figure(
                kind="matrix",
                title=_("Matrice de priorisation"),
                description=_(
                    "Les briques notées selon la pertinence et la simplicité ; "
                    "taille : coût par bénéficiaire."
                ),
                spec=chart_spec(priority_matrix_chart(catalogue, scored)),
            )
        )
        blocks.append(
            table_from_frame(
                _("Matrice de priorisation"),
                matrix_table(catalogue, scored),
                {_("Coût par bénéficiaire (€)"): "eur"},
            )
        )
        blocks += _to_discuss(catalogue, scored)
    else:
        blocks.append(Paragraph(text=_("Aucune brique de ce scénario n'a encore été notée."), style="remark"))
    line = unscored_line(unscored)
    if line:
        blocks.append(Paragraph(text=line))
    return Section(id="evaluation", title=_("Évaluation"), blocks=blocks)

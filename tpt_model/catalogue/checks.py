"""Checks that read a catalogue file against the programme: reference errors, and warnings.

A warning never drops a brick: it tells the pilot what a partner reading the specification would
question (an action no source backs, partners nobody confirmed, a score off the programme's cost
scale, a yearly cost counted once, a milestone that runs out of its school year).
"""

import re
from dataclasses import replace

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.calendar import CalendarFile
from tpt_model.catalogue.programme import Programme
from tpt_model.errors import WARNING, Problem, field_path
from tpt_model.formatting import euros, month_range
from tpt_model.i18n import _
from tpt_model.text import fold
from tpt_model.yamlio.reader import Document, Loc

# How a cost note says the amount comes back each year (folded: no accents, lower case).
_YEARLY = re.compile(r"\bpar an\b|\bpar annee\b|\bchaque annee\b")


def _warning(doc: Document, loc: Loc, message: str, *, key: bool = False) -> Problem:
    return replace(doc.problem(loc, field_path(loc), message, key=key), level=WARNING)


def brick_reference_problems(doc: Document, brick: Brick, milestone_ids: set[str] | None) -> list[Problem]:
    """Errors: a timing milestone that the calendar lacks, a partner both confirmed and prospective.

    `milestone_ids` is None when calendar.yaml is itself broken: no milestone is blamed then.
    """
    out = []
    if milestone_ids is not None:
        for name in ("after", "before", "during"):
            for i, milestone_id in enumerate(getattr(brick.timing, name)):
                if milestone_id not in milestone_ids:
                    loc: Loc = ("timing", name, i)
                    message = _("jalon inconnu « {milestone} » (voir calendar.yaml)").format(
                        milestone=milestone_id
                    )
                    out.append(doc.problem(loc, field_path(loc), message))
    for i, partner_id in enumerate(brick.prospective_partners):
        if partner_id in brick.partners:
            loc = ("prospective_partners", i)
            message = _("partenaire « {partner} » à la fois confirmé et pressenti").format(partner=partner_id)
            out.append(doc.problem(loc, field_path(loc), message))
    return out


def _source_warnings(doc: Document, brick: Brick) -> list[Problem]:
    out = []
    if brick.status == "programme" and not brick.supported("action"):
        out.append(
            _warning(
                doc,
                ("sources",),
                _(
                    "aucune source ne dit que le programme mène cette action : ajoutez-en une avec "
                    "« supports: [action] », ou écrivez « status: proposition »"
                ),
            )
        )
    if brick.partners and not brick.supported("partners"):
        out.append(
            _warning(
                doc,
                ("partners",),
                _(
                    "aucune source ne confirme ces partenaires : ajoutez-en une avec "
                    "« supports: [partners] », ou passez-les dans « prospective_partners »"
                ),
            )
        )
    return out


def _cost_scale_warnings(doc: Document, brick: Brick, programme: Programme) -> list[Problem]:
    out = []
    per_head, fixed = brick.cost.beneficiary_eur, brick.cost.fixed_eur
    for criterion in programme.criteria:
        expected = criterion.cost_score(per_head, fixed)
        score = brick.criteria.get(criterion.id)
        if expected is None or score is None or score == expected:
            continue
        out.append(
            _warning(
                doc,
                ("criteria", criterion.id),
                _(
                    "note {score} hors du barème de « {criterion} » : {per_head} par bénéficiaire "
                    "et {fixed} de coûts fixes donnent {expected} (programme.yaml, cost_levels)"
                ).format(
                    score=score,
                    criterion=criterion.label,
                    per_head=euros(per_head),
                    fixed=euros(fixed),
                    expected=expected,
                ),
            )
        )
    return out


def _yearly_cost_warnings(doc: Document, brick: Brick) -> list[Problem]:
    cost = brick.cost
    several_years = brick.stages.from_stage != brick.stages.to_stage
    if cost.unit != "once" or not several_years or not _YEARLY.search(fold(cost.note or "")):
        return []
    return [
        _warning(
            doc,
            ("cost", "unit"),
            _(
                "la note dit le coût annuel mais « unit » vaut once : sur plusieurs années, il ne serait "
                "compté qu'une fois ; écrivez « unit: per_year »"
            ),
        )
    ]


def brick_warnings(doc: Document, brick: Brick, programme: Programme | None) -> list[Problem]:
    """Warnings on a valid brick: unsourced action or partners, cost scale, yearly cost counted once."""
    out = _source_warnings(doc, brick) + _yearly_cost_warnings(doc, brick)
    if programme is not None:
        out += _cost_scale_warnings(doc, brick, programme)
    return out


def calendar_warnings(doc: Document, calendar: CalendarFile) -> list[Problem]:
    """A warning for each milestone of one stage whose range runs past August (out of its school year)."""
    out = []
    for i, milestone in enumerate(calendar.milestones):
        if milestone.leaves_its_year:
            first, last = milestone.months
            out.append(
                _warning(
                    doc,
                    ("milestones", i, "to"),
                    _(
                        "la période va {months} et passe le mois d'août : "
                        "elle sort de l'année scolaire de son étape ; coupez-la en deux jalons"
                    ).format(months=month_range(first, last)),
                )
            )
    return out

"""The frise in words, for screen readers: what the chart shows, said beside it (issue 13)."""

from collections import Counter
from collections.abc import Iterable

from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import counted
from tpt_model.i18n import _


def frise_description(programme: Programme, scenario: Scenario, shown: Iterable[int]) -> str:
    """How many actions the frise shows, and how many start in each phase of the journey.

    `shown` holds the indices of the placements drawn (a track, a persona or a one-phase view may
    leave some out): the sentence says what a reader of the picture sees, not the whole scenario.
    """
    placements = [scenario.placements[i] for i in sorted(set(shown))]
    starts = Counter(programme.phase_of(p.start.stage).id for p in placements)
    phases = " ; ".join(
        _("phase {number} « {label} » : {actions}").format(
            number=phase.number, label=phase.label, actions=counted(starts[phase.id], "action", "actions")
        )
        for phase in programme.phases
        if starts[phase.id]
    )
    actions = counted(len(placements), "action", "actions")
    if not phases:
        return _("Frise « {name} » : {actions} sur le parcours.").format(name=scenario.name, actions=actions)
    return _(
        "Frise « {name} » : {actions} sur le parcours, selon la phase où elles commencent : {phases}."
    ).format(name=scenario.name, actions=actions, phases=phases)

"""The frise in words, for screen readers: what the chart shows, said beside it (issue 13)."""

from collections import Counter
from collections.abc import Iterable

from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import count


def frise_description(programme: Programme, scenario: Scenario, shown: Iterable[int]) -> str:
    """How many actions the frise shows, and how many start in each phase of the journey.

    `shown` holds the indices of the placements drawn (a track, a persona or a one-phase view may
    leave some out): the sentence says what a reader of the picture sees, not the whole scenario.
    """
    placements = [scenario.placements[i] for i in sorted(set(shown))]
    starts = Counter(programme.phase_of(p.start.stage).id for p in placements)
    phases = " ; ".join(
        f"phase {phase.number} « {phase.label} » : {count(starts[phase.id], 'action')}"
        for phase in programme.phases
        if starts[phase.id]
    )
    shown_count = count(len(placements), "action")
    detail = f", selon la phase où elles commencent : {phases}" if phases else ""
    return f"Frise « {scenario.name} » : {shown_count} sur le parcours{detail}."

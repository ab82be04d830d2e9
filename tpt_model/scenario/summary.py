"""How a scenario reads at a glance: one line per placement and counts for the summary under the frise."""

from typing import TypedDict, get_args

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.catalogue.types import Modality
from tpt_model.formatting import counted
from tpt_model.i18n import _, n_
from tpt_model.journey.timeline import duration_months, point_label


class ScenarioStats(TypedDict):
    """Counts of a scenario's placements; every phase, pillar and modality is present, zeros included."""

    placements: int
    months: int
    phases: dict[str, int]
    pillars: dict[str, int]
    modalities: dict[str, int]


def placement_summary(catalogue: Catalogue, placement: Placement) -> str:
    """« Mentorat en ligne — janvier · Terminale → juin · Bac+1 (18 mois) »."""
    programme = catalogue.programme
    brick = catalogue.bricks_by_id.get(placement.brick)
    # A template may name a brick whose file is broken: its id still tells the user which one.
    title = brick.shown_title if brick is not None else placement.brick
    start = point_label(programme, placement.start)
    months = duration_months(programme, placement.start, placement.end)
    span = start if placement.start == placement.end else f"{start} → {point_label(programme, placement.end)}"
    return _("{title} — {span} ({months} mois)").format(title=title, span=span, months=months)


def scenario_stats(catalogue: Catalogue, scenario: Scenario) -> ScenarioStats:
    """Placements per phase (of the start stage), per pillar, per modality, and the total months.

    The months add up every placement's duration, so two actions at the same time count twice:
    it measures the amount of accompaniment, not the length of the journey. A placement whose
    brick is unknown counts in its phase and in the total but in no pillar or modality.
    """
    programme = catalogue.programme
    stats = ScenarioStats(
        placements=len(scenario.placements),
        months=0,
        phases={p.id: 0 for p in programme.phases},
        pillars={p.id: 0 for p in programme.pillars},
        modalities=dict.fromkeys(get_args(Modality), 0),
    )
    for placement in scenario.placements:
        stats["months"] += duration_months(programme, placement.start, placement.end)
        phase = programme.stage(placement.start.stage).phase
        stats["phases"][phase] = stats["phases"].get(phase, 0) + 1
        brick = catalogue.bricks_by_id.get(placement.brick)
        if brick is not None:
            stats["pillars"][brick.pillar] = stats["pillars"].get(brick.pillar, 0) + 1
            stats["modalities"][brick.modality] += 1
    return stats


def placement_labels(catalogue: Catalogue, scenario: Scenario) -> tuple[str, ...]:
    """« 3. Mentorat en ligne — … » for each placement, built once per scenario (a list to choose from)."""
    return catalogue.memo.get(
        ("placement-labels", scenario),
        lambda: tuple(
            f"{i + 1}. {placement_summary(catalogue, p)}" for i, p in enumerate(scenario.placements)
        ),
    )


def scenario_caption(catalogue: Catalogue, scenario: Scenario) -> str:
    """« 31 placements · Je construis mon projet : 12 · Je réussis ma formation : 14 · … »."""
    return catalogue.memo.get(("caption", scenario), lambda: _caption(catalogue, scenario))


def _caption(catalogue: Catalogue, scenario: Scenario) -> str:
    stats = scenario_stats(catalogue, scenario)
    phases = {p.id: p.label for p in catalogue.programme.phases}
    counts = " · ".join(
        _("{phase} : {count}").format(phase=phases.get(k, k), count=v) for k, v in stats["phases"].items()
    )
    return counted(stats["placements"], "placement", "placements") + f" · {counts}"


def _numbers(indexes: list[int]) -> str:
    return ", ".join(str(i + 1) for i in indexes)


def already_placed(catalogue: Catalogue, scenario: Scenario, brick_id: str) -> str | None:
    """What to say before adding a brick the frise already holds (None when it holds none)."""
    indexes = [i for i, p in enumerate(scenario.placements) if p.brick == brick_id]
    if not indexes:
        return None
    brick = catalogue.bricks_by_id.get(brick_id)
    title = brick.shown_title if brick is not None else brick_id
    count = counted(len(indexes), "placement", "placements")
    return _(
        "« {title} » est déjà sur la frise : {count} (n° {numbers}). "
        "« Ajouter à la frise » en crée un de plus."
    ).format(title=title, count=count, numbers=_numbers(indexes))


def brick_notices(catalogue: Catalogue, scenario: Scenario) -> list[str]:
    """What the frise must say about its bricks: shown from a last valid version, or missing."""
    by_brick: dict[str, list[int]] = {}
    for i, placement in enumerate(scenario.placements):
        by_brick.setdefault(placement.brick, []).append(i)
    notices = []
    for brick_id, indexes in by_brick.items():
        brick = catalogue.bricks_by_id.get(brick_id)
        if brick is None:
            what = n_("ce placement n'est pas dessiné", "ces placements ne sont pas dessinés", len(indexes))
            notices.append(
                _("La brique « {brick} » (n° {numbers}) n'est plus dans le catalogue : {what}.").format(
                    brick=brick_id, numbers=_numbers(indexes), what=what
                )
            )
        elif brick_id in catalogue.stale_bricks:
            notices.append(
                _(
                    "« {title} » (n° {numbers}) est montrée d'après la dernière version valide "
                    "de bricks/{brick}.yaml, qui a maintenant un problème (voir le catalogue)."
                ).format(title=brick.shown_title, numbers=_numbers(indexes), brick=brick_id)
            )
    return notices

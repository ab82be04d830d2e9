"""Every rule of a placement: blocking findings refuse it, warnings let it through."""

import pytest
from helpers import AXIS, pt

from tpt_model import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement
from tpt_model.scenario.rules import Finding, check_placement

OUTSIDE_TEXT = "en dehors des étapes prévues pour « Mentorat en ligne » (Terminale → Bac+2)"
OUTSIDE_MENTORAT = Finding(("start",), OUTSIDE_TEXT, False)


def placement(
    brick: str = "mentorat",
    start: JourneyPoint | None = None,
    end: JourneyPoint | None = None,
    partner: str | None = None,
) -> Placement:
    """A mentorat placement within its stages (terminale January → bac+1 June) unless told otherwise."""
    return Placement(
        brick=brick, start=start or pt("terminale", 1), end=end or pt("bac-1", 6), partner=partner
    )


@pytest.mark.parametrize(
    "clean",
    [
        placement(),
        placement(partner="inria"),
        # A known partner that the brick does not list is the editor's warning, not a rule of the axis.
        placement(partner="femmes-at-numerique"),
        placement(start=pt("terminale", 9), end=pt("bac-2", 6)),  # exactly the brick's stages
        placement(start=pt("bac-2", 8), end=pt("bac-2", 8)),  # July and August of the last stage count
        placement(start=pt("bac-1", 3), end=pt("bac-1", 3)),  # one month: start and end equal
        placement(brick="ordinateur", start=pt("bac-1", 9), end=pt("bac-1", 9)),
    ],
)
def test_within_the_bricks_stages_is_clean(catalogue: Catalogue, clean: Placement) -> None:
    assert check_placement(catalogue, clean) == []


CASES = [
    (
        "unknown brick",
        placement(brick="inconnue"),
        [Finding(("brick",), "brique inconnue « inconnue »", True)],
    ),
    (
        "unknown start stage",
        placement(start=pt("bac-9", 1)),
        [Finding(("start", "stage"), f"étape « bac-9 » hors de l'axe du parcours ({AXIS})", True)],
    ),
    (
        "unknown end stage",
        placement(end=pt("cm2", 6)),
        [Finding(("end", "stage"), f"étape « cm2 » hors de l'axe du parcours ({AXIS})", True)],
    ),
    (
        "end before start",
        placement(start=pt("bac-1", 6), end=pt("terminale", 1)),
        [Finding(("end",), "la fin vient avant le début", True)],
    ),
    (
        "end before start in one school year",
        placement(start=pt("bac-1", 1), end=pt("bac-1", 12)),  # December comes before January
        [Finding(("end",), "la fin vient avant le début", True)],
    ),
    (
        "unknown partner",
        placement(partner="personne"),
        [Finding(("partner",), "partenaire inconnu « personne »", True)],
    ),
    ("starts before the first stage", placement(start=pt("premiere", 8)), [OUTSIDE_MENTORAT]),
    ("ends after the last stage", placement(end=pt("emploi-1", 9)), [Finding(("end",), OUTSIDE_TEXT, False)]),
    (
        "both ends outside",
        placement(start=pt("seconde", 9), end=pt("emploi-1", 8)),
        [Finding((), OUTSIDE_TEXT, False)],
    ),
    (
        "one-stage brick outside its stage",
        placement(brick="ordinateur", start=pt("bac-2", 9), end=pt("bac-2", 9)),
        [Finding(("end",), "en dehors des étapes prévues pour « Ordinateur offert » (Bac+1)", False)],
    ),
    (
        "every blocking finding at once",
        placement(brick="inconnue", start=pt("bac-9", 1), end=pt("cm2", 6), partner="personne"),
        [
            Finding(("start", "stage"), f"étape « bac-9 » hors de l'axe du parcours ({AXIS})", True),
            Finding(("end", "stage"), f"étape « cm2 » hors de l'axe du parcours ({AXIS})", True),
            Finding(("brick",), "brique inconnue « inconnue »", True),
            Finding(("partner",), "partenaire inconnu « personne »", True),
        ],
    ),
    (
        # Order cannot be judged on an unknown stage: only the stage is blamed.
        "unknown stage hides the order",
        placement(start=pt("bac-9", 1), end=pt("seconde", 9)),
        [Finding(("start", "stage"), f"étape « bac-9 » hors de l'axe du parcours ({AXIS})", True)],
    ),
]


@pytest.mark.parametrize(
    ("bad", "expected"), [pytest.param(bad, expected, id=case) for case, bad, expected in CASES]
)
def test_findings(catalogue: Catalogue, bad: Placement, expected: list[Finding]) -> None:
    assert check_placement(catalogue, bad) == expected


def test_outside_the_stages_is_only_a_warning(catalogue: Catalogue) -> None:
    findings = check_placement(catalogue, placement(start=pt("seconde", 1)))
    assert findings and not any(f.blocking for f in findings)


# --- Timing: a brick may name milestones it prepares for, follows or falls within.


def timed(catalogue: Catalogue, **timing: tuple[str, ...]) -> Catalogue:
    """The test catalogue whose mentoring names these milestones in its timing."""
    mentorat = catalogue.brick("mentorat")
    mentorat = mentorat.model_copy(update={"timing": mentorat.timing.model_copy(update=timing)})
    bricks = tuple(mentorat if b.id == "mentorat" else b for b in catalogue.bricks)
    return Catalogue(programme=catalogue.programme, milestones=catalogue.milestones, bricks=bricks)


def test_a_brick_that_prepares_for_a_milestone_starts_by_its_first_month(catalogue: Catalogue) -> None:
    before = timed(catalogue, before=("voeux-parcoursup",))
    assert check_placement(before, placement(start=pt("terminale", 1))) == []
    assert check_placement(before, placement(start=pt("terminale", 2))) == [
        Finding(
            ("start",),
            "commence après le début de « Vœux Parcoursup » (de janvier à mars · Terminale) : "
            "« Mentorat en ligne » doit y préparer",
            False,
        )
    ]


def test_a_brick_that_follows_a_milestone_does_not_start_before_it(catalogue: Catalogue) -> None:
    after = timed(catalogue, after=("decrochage-l1",))
    assert check_placement(after, placement(start=pt("bac-1", 10), end=pt("bac-1", 12))) == []
    assert check_placement(after, placement(start=pt("bac-1", 9), end=pt("bac-1", 12))) == [
        Finding(
            ("start",),
            "commence avant « Risque de décrochage en L1 » (d'octobre à février · Bac+1) : "
            "« Mentorat en ligne » vient après son début",
            False,
        )
    ]


def test_a_brick_held_during_a_yearly_moment_stays_within_it(catalogue: Catalogue) -> None:
    during = timed(catalogue, during=("huit-mars",))
    # A yearly moment is read in the stage where the placement starts.
    assert check_placement(during, placement(start=pt("bac-1", 3), end=pt("bac-1", 3))) == []
    assert check_placement(during, placement(start=pt("terminale", 3), end=pt("terminale", 4))) == [
        Finding(
            ("end",),
            "en dehors de « 8 mars » (mars · Terminale) : « Mentorat en ligne » se tient pendant ce moment",
            False,
        )
    ]


def test_a_milestone_of_one_track_binds_only_placements_on_that_track(catalogue: Catalogue) -> None:
    long_only = tuple(
        m.model_copy(update={"tracks": ("long",)}) if m.id == "voeux-parcoursup" else m
        for m in catalogue.milestones
    )
    before = timed(catalogue, before=("voeux-parcoursup",)).model_copy(update={"milestones": long_only})
    late = placement(start=pt("terminale", 2))
    assert check_placement(before, late) == []  # the placement may be on the short track too
    on_long = late.model_copy(update={"tracks": ("long",)})
    assert [f.loc for f in check_placement(before, on_long)] == [("start",)]

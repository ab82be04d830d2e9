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

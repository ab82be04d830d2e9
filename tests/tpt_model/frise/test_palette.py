"""The frise's colours stay apart for colour-blind readers (issue 13), and never carry meaning alone.

Each colour is seen as a reader with deuteranopia, protanopia or tritanopia sees it (Machado,
Oliveira and Fernandes 2009, severity 1, on linear RGB), then compared in CIELAB: two colours of
one legend must stay at least `APART` apart (CIE76). Bars also carry a label or a number, milestones
their name, lanes their pillar's name: colour is never the only way to tell them apart.
"""

import itertools
import math
from pathlib import Path

import pytest

from tpt_model import load_catalogue
from tpt_model.frise.chart import KIND_COLORS
from tpt_model.frise.records import RISK_COLOR

SHIPPED = Path(__file__).resolve().parents[3] / "catalogue"
APART = 15.0  # CIE76 ΔE: two marks side by side read as different colours at a glance
Matrix = tuple[tuple[float, float, float], ...]
SIGHTS: dict[str, Matrix | None] = {
    "vision ordinaire": None,
    "deutéranopie": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopie": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "tritanopie": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def seen(colour: str, sight: Matrix | None) -> tuple[float, float, float]:
    """The CIELAB coordinates of `colour` (« #RRGGBB ») as a reader with this sight sees it."""
    rgb = [_linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5)]
    if sight is not None:
        rgb = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in sight]
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def closest(colours: list[str], sight: Matrix | None) -> float:
    return min(math.dist(seen(a, sight), seen(b, sight)) for a, b in itertools.combinations(colours, 2))


def test_the_simulation_merges_red_and_green_for_a_red_green_deficiency() -> None:
    red, green = "#FF0000", "#008000"  # far apart for most readers
    assert closest([red, green], SIGHTS["vision ordinaire"]) > 120
    assert closest([red, green], SIGHTS["deutéranopie"]) < APART * 2
    assert closest([red, green], SIGHTS["protanopie"]) < APART
    assert closest([red, green], SIGHTS["tritanopie"]) > 120  # a blue-yellow deficiency keeps them apart


@pytest.mark.parametrize("sight", list(SIGHTS))
def test_the_pillars_of_the_shipped_catalogue_stay_apart(sight: str) -> None:
    pillars = [p.color for p in load_catalogue(SHIPPED).programme.pillars]
    assert closest(pillars, SIGHTS[sight]) >= APART


@pytest.mark.parametrize("sight", ["vision ordinaire", "deutéranopie", "protanopie"])
def test_the_milestone_kinds_stay_apart(sight: str) -> None:
    assert KIND_COLORS["risque"] == RISK_COLOR
    assert closest(list(KIND_COLORS.values()), SIGHTS[sight]) >= APART

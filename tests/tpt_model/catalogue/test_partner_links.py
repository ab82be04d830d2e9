"""A prospective partner is linked like a confirmed one (search, lanes, placements); only the card tells them apart."""

import pytest
from helpers import pt

from tpt_model import Catalogue
from tpt_model.catalogue.scenario_format import Placement
from tpt_model.catalogue.search import BrickFilter, filter_bricks
from tpt_model.frise.rows import lane_of
from tpt_model.scenario.editor import update_placement


@pytest.fixture(scope="module")
def linked(catalogue: Catalogue) -> Catalogue:
    """The test catalogue where the laptop brick has a prospective partner and no confirmed one."""
    laptop = catalogue.brick("ordinateur").model_copy(
        update={"prospective_partners": ("femmes-at-numerique",)}
    )
    bricks = tuple(laptop if b.id == "ordinateur" else b for b in catalogue.bricks)
    return Catalogue(
        programme=catalogue.programme,
        partners=catalogue.partners,
        milestones=catalogue.milestones,
        bricks=bricks,
        templates=catalogue.templates,
    )


def test_the_brick_links_its_confirmed_then_its_prospective_partners(linked: Catalogue) -> None:
    both = linked.brick("mentorat").model_copy(update={"prospective_partners": ("femmes-at-numerique",)})
    assert both.partner_ids == ("inria", "femmes-at-numerique")
    assert linked.brick("ordinateur").partner_ids == ("femmes-at-numerique",)


def test_a_search_by_partner_finds_its_prospective_bricks(linked: Catalogue) -> None:
    found = filter_bricks(linked, BrickFilter(partners=("femmes-at-numerique",)))
    assert [b.id for b in found] == ["atelier-classe", "ordinateur"]


def test_the_partner_lane_takes_a_prospective_partner_when_none_is_confirmed(linked: Catalogue) -> None:
    placement = Placement(brick="ordinateur", start=pt("bac-1", 9), end=pt("bac-1", 9))
    assert lane_of(linked, placement, "partner") == "Femmes@Numérique"


def test_choosing_a_prospective_partner_for_a_placement_gives_no_warning(linked: Catalogue) -> None:
    result = update_placement(linked, linked.template("mini"), 2, partner="femmes-at-numerique")
    assert (result.error, result.warnings) == (None, [])

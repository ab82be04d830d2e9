"""The frise's milestones: which show for a track and exit, merged marks, the yearly ones folded."""

from pathlib import Path

import pytest

from tpt_model import Catalogue, load_catalogue
from tpt_model.catalogue.calendar import Milestone
from tpt_model.frise.display import FriseDisplay
from tpt_model.frise.layout import frise_layout
from tpt_model.frise.milestones import dated_marks, yearly_line, yearly_moments, yearly_spans
from tpt_model.frise.rows import FriseOptions

SHIPPED = Path(__file__).resolve().parents[3] / "catalogue"


def moment(id_: str, label: str, **when: object) -> Milestone:
    return Milestone.model_validate(
        {"id": id_, "label": label, "kind": "communication", "description": "…", **when}
    )


def with_milestones(catalogue: Catalogue, *extra: Milestone) -> Catalogue:
    # A new catalogue, not a copy: a copy would share the memo of the charts already drawn.
    return Catalogue(
        programme=catalogue.programme, milestones=(*catalogue.milestones, *extra), bricks=catalogue.bricks
    )


def test_yearly_moments_are_folded_into_one_line_grouped_by_month(catalogue: Catalogue) -> None:
    richer = with_milestones(
        catalogue,
        moment("ada", "Ada Lovelace Day", month=10),
        moment("fete", "Fête de la science", month=10),
        moment("salons", "Salons d'orientation", **{"from": 11, "to": 2}),
        moment("bts", "Journée du BTS", month=5, tracks=["court"]),
    )
    moments = yearly_moments(richer, FriseOptions())
    # Once each, in the order of a school year (September first), not once per stage.
    assert [m.label for m in moments] == [
        "Ada Lovelace Day",
        "Fête de la science",
        "Salons d'orientation",
        "8 mars",
        "Journée du BTS",
    ]
    assert yearly_line(moments) == (
        "Chaque année. En octobre : Ada Lovelace Day, Fête de la science · "
        "De novembre à février : Salons d'orientation · En mars : 8 mars · En mai : Journée du BTS."
    )
    # The track followed keeps its own moments only, as it does for dated milestones.
    long_line = yearly_line(yearly_moments(richer, FriseOptions(track="long")))
    short_line = yearly_line(yearly_moments(richer, FriseOptions(track="court")))
    assert long_line is not None and "Journée du BTS" not in long_line
    assert short_line is not None and "Journée du BTS" in short_line
    assert yearly_line([]) is None


def test_yearly_marks_are_drawn_only_when_asked_and_once_per_stage_shown(catalogue: Catalogue) -> None:
    mini = catalogue.template("mini")
    assert frise_layout(catalogue, mini, FriseOptions()).yearly == []
    drawn = frise_layout(catalogue, mini, FriseOptions(), display=FriseDisplay(yearly=True))
    assert [m["start"] for m in drawn.yearly] == [6, 18, 30, 42, 54, 66]
    assert "annuel" in drawn.bands
    # In a one-phase view, only the stages of that phase.
    phase_two = FriseDisplay(view="presentation", phase=2, yearly=True)
    assert [s for _, s, _ in yearly_spans(catalogue, FriseOptions(), (36, 60))] == [42, 54]
    assert [m["start"] for m in frise_layout(catalogue, mini, FriseOptions(), display=phase_two).yearly] == [
        42,
        54,
    ]


def test_dated_marks_keep_the_filter_of_the_track_and_exit_followed() -> None:
    catalogue = load_catalogue(SHIPPED)
    everyone = {m.label for m in dated_marks(catalogue, FriseOptions(), (0, 108))}
    short = {m.label for m in dated_marks(catalogue, FriseOptions(track="court"), (0, 108))}
    doctorate = {
        m.label for m in dated_marks(catalogue, FriseOptions(track="long", exit="doctorat"), (0, 108))
    }
    assert "Stage de deuxième année de BTS SIO" in everyone & short
    assert "Stage de deuxième année de BTS SIO" not in doctorate
    assert "Candidatures aux contrats doctoraux" in doctorate - short
    assert "Recherche du premier emploi" not in doctorate  # for the « salariat » exit only
    assert short < everyone and doctorate < everyone


def test_dated_marks_of_one_phase_only_and_merged_when_they_share_their_months() -> None:
    catalogue = load_catalogue(SHIPPED)
    phase_one = dated_marks(catalogue, FriseOptions(), (0, 36))
    assert all(m.start < 36 for m in phase_one)
    merged = next(m for m in phase_one if len(m.group) > 1)
    assert merged.label == " · ".join(g.label for g in merged.group)
    assert len({(g.stage, g.months) for g in merged.group}) == 1
    risk = next(m for m in dated_marks(catalogue, FriseOptions(), (36, 48)) if m.kind == "risque")
    assert risk.priority == 0 < next(m for m in phase_one if m.kind == "orientation").priority


@pytest.mark.parametrize("view", ["normal", "presentation", "telephone"])
def test_every_milestone_shown_has_its_label_or_its_mark_on_a_line_of_its_own(view: str) -> None:
    catalogue = load_catalogue(SHIPPED)
    _, scenario = catalogue.templates[0]
    layout = frise_layout(catalogue, scenario, FriseOptions(), display=FriseDisplay(view=view))
    expected = {m.label for m in dated_marks(catalogue, FriseOptions(), layout.window)}
    assert {m["label"] for m in layout.milestones} == expected
    assert [m for m in layout.milestones if m["labelled"]], "some labels kept"
    assert {m["label"] for m in layout.unlabelled} == {
        m["label"] for m in layout.milestones if not m["labelled"]
    }
    # Risk windows are what no one must miss: their label is always kept.
    assert all(m["labelled"] for m in layout.milestones if m["risk"])

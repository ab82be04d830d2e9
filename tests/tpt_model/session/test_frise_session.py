"""A session's edits are saved at once; a stale write is caught and nothing is lost."""

import pytest
from sqlalchemy import Engine

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Scenario
from tpt_model.frise.rows import FriseOptions
from tpt_model.scenario.editor import add_placement, placement_for, remove_placement, update_placement
from tpt_model.session.frise import (
    FriseView,
    Notice,
    commit,
    ensure_open,
    open_scenario,
    redo,
    save_conflict_as_copy,
    undo,
)
from tpt_model.store.scenarios import ScenarioStore


@pytest.fixture
def store(sqlite_engine: Engine) -> ScenarioStore:
    return ScenarioStore(sqlite_engine)


def opened(store: ScenarioStore) -> FriseView:
    """A session on a fresh, empty scenario."""
    view = FriseView()
    open_scenario(view, store, store.create(Scenario(name="Atelier"), "Alice").id)
    return view


def add_brick(
    view: FriseView,
    store: ScenarioStore,
    catalogue: Catalogue,
    brick: str = "mentorat",
    author: str = "Alice",
) -> Notice:
    """Commit the addition of `brick` where the catalogue places it, as `author` would."""
    return commit(
        view, store, add_placement(catalogue, view.scenario, placement_for(catalogue, brick)), author, "Ajout"
    )


def test_first_visit_creates_the_typical_journey(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = FriseView()
    ensure_open(view, store, catalogue, "Alice")
    assert [i.name for i in store.list()] == ["Mini parcours"]  # the test catalogue's only template
    assert view.version == 1
    assert len(view.scenario.placements) == 3


def test_each_change_is_a_new_version(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = opened(store)
    notice = add_brick(view, store, catalogue)
    assert notice.saved and notice.error is None
    assert view.version == 2
    assert store.get(view.scenario_id).scenario.placements[0].brick == "mentorat"
    assert [v.summary for v in store.versions(view.scenario_id)][0] == "Ajout"


def test_refused_change_is_not_saved(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = opened(store)
    add_brick(view, store, catalogue)
    bad = update_placement(catalogue, view.scenario, 0, end=JourneyPoint(stage="seconde", month=9))
    notice = commit(view, store, bad, "Alice", "Modification")
    assert notice.error == "Fin : la fin vient avant le début"
    assert view.version == 2
    assert store.get(view.scenario_id).version == 2


def test_warning_is_kept_with_the_saved_change(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = opened(store)
    add_brick(view, store, catalogue)
    change = update_placement(catalogue, view.scenario, 0, start=JourneyPoint(stage="seconde", month=9))
    notice = commit(view, store, change, "Alice", "Modification")
    assert notice.saved
    assert notice.warnings == ("En dehors des étapes prévues pour « Mentorat en ligne » (Terminale → Bac+2)",)


def test_undo_and_redo_are_saved_too(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = opened(store)
    add_brick(view, store, catalogue)
    assert undo(view, store, "Alice").saved
    assert store.get(view.scenario_id).scenario.placements == ()
    assert redo(view, store, "Alice").saved
    assert len(store.get(view.scenario_id).scenario.placements) == 1
    assert [v.summary for v in store.versions(view.scenario_id)][:2] == ["Rétablissement", "Annulation"]
    assert not redo(view, store, "Alice").saved


def test_stale_write_is_caught_and_the_work_kept(store: ScenarioStore, catalogue: Catalogue) -> None:
    alice = opened(store)
    bob = FriseView()
    open_scenario(bob, store, alice.scenario_id)
    add_brick(alice, store, catalogue)
    notice = add_brick(bob, store, catalogue, "ordinateur", "Bob")
    assert notice.error is not None and "Alice" in notice.error
    # Bob now sees Alice's version, and his own work waits to be saved as a copy.
    assert [p.brick for p in bob.scenario.placements] == ["mentorat"]
    assert [p.brick for p in bob.conflict.placements] == ["ordinateur"]
    assert [p.brick for p in store.get(alice.scenario_id).scenario.placements] == ["mentorat"]
    copy = save_conflict_as_copy(bob, store, "Bob")
    assert [p.brick for p in copy.scenario.placements] == ["ordinateur"]
    assert copy.scenario.name.endswith("(ma version)")
    assert bob.scenario_id == copy.id and bob.conflict is None


def test_reopening_after_deletion_falls_back(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = opened(store)
    other = store.create(view.scenario.model_copy(update={"name": "Autre"}), "Bob")
    store.delete(view.scenario_id)
    view.editor = None
    ensure_open(view, store, catalogue, "Alice")
    assert view.scenario_id == other.id


def test_remove_then_undo_restores(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = opened(store)
    add_brick(view, store, catalogue)
    commit(view, store, remove_placement(view.scenario, 0), "Alice", "Suppression")
    assert view.scenario.placements == ()
    undo(view, store, "Alice")
    assert len(view.scenario.placements) == 1


def test_options_change_one_at_a_time() -> None:
    view = FriseView()
    view.change_options(track="long")
    view.change_options(cohort_year=2026, lane_mode="partner")
    assert view.options == FriseOptions(track="long", cohort_year=2026, lane_mode="partner")
    with pytest.raises(ValueError, match="track"):
        view.change_options(track="moyen")


def test_follow_a_persona_then_everyone(catalogue: Catalogue) -> None:
    view = FriseView(options=FriseOptions(track="long", lane_mode="modality"))
    view.follow_persona(catalogue, "lea")
    assert view.options == FriseOptions(persona="lea", track="court", exit="salariat", lane_mode="modality")
    view.follow_persona(catalogue, None)
    assert view.options.persona is None and view.options.track == "court"
    view.follow_persona(catalogue, "partie")  # a persona no longer in the catalogue
    assert view.options.persona is None


def test_editing_selects_the_placement_and_a_dropped_conflict_is_gone(store: ScenarioStore) -> None:
    view = opened(store)
    view.start_editing(2)
    assert (view.selected, view.editing) == (2, 2)
    view.stop_editing()
    assert (view.selected, view.editing) == (2, None)
    view.conflict, view.notice = Scenario(name="Refusée"), Notice(error="refusé")
    view.drop_conflict()
    assert (view.conflict, view.notice) == (None, None)


def test_forget_only_the_deleted_scenario(store: ScenarioStore) -> None:
    view = opened(store)
    view.forget("autre")
    assert view.editor is not None
    view.forget(view.scenario_id or "")
    assert (view.scenario_id, view.editor) == (None, None)

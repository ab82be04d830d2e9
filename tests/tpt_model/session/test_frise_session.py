"""A session's edits are saved at once; a stale write is caught and nothing is lost."""

from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Scenario
from tpt_model.frise.rows import FriseOptions
from tpt_model.scenario.editor import add_placement, placement_for, remove_placement, update_placement
from tpt_model.session.frise import (
    COPY_NOT_SAVED,
    KEPT,
    NOT_SAVED,
    SCENARIO_GONE,
    FieldError,
    FriseView,
    Notice,
    commit,
    ensure_open,
    follow_saves,
    open_scenario,
    redo,
    retry,
    save_conflict_as_copy,
    undo,
)
from tpt_model.store.errors import StoreError
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
        view, store, add_placement(catalogue, view.scenario, placement_for(catalogue, brick)), author
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
    assert [v.summary for v in store.versions(view.scenario_id)][0] == "Ajout de « Mentorat en ligne »"


def test_refused_change_is_not_saved(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = opened(store)
    add_brick(view, store, catalogue)
    bad = update_placement(catalogue, view.scenario, 0, end=JourneyPoint(stage="seconde", month=9))
    notice = commit(view, store, bad, "Alice")
    assert notice.error == "Fin : la fin vient avant le début"
    assert view.version == 2
    assert store.get(view.scenario_id).version == 2


def test_warning_is_kept_with_the_saved_change(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = opened(store)
    add_brick(view, store, catalogue)
    change = update_placement(catalogue, view.scenario, 0, start=JourneyPoint(stage="seconde", month=9))
    notice = commit(view, store, change, "Alice")
    assert notice.saved
    assert notice.warnings == ("En dehors des étapes prévues pour « Mentorat en ligne » (Terminale → Bac+2)",)


def test_undo_and_redo_are_saved_too(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = opened(store)
    add_brick(view, store, catalogue)
    assert undo(view, store, "Alice") == Notice(saved=True, done="Annulé : ajout de « Mentorat en ligne ».")
    assert store.get(view.scenario_id).scenario.placements == ()
    assert redo(view, store, "Alice") == Notice(saved=True, done="Rétabli : ajout de « Mentorat en ligne ».")
    assert len(store.get(view.scenario_id).scenario.placements) == 1
    assert [v.summary for v in store.versions(view.scenario_id)][:2] == [
        "Rétablissement : ajout de « Mentorat en ligne »",
        "Annulation : ajout de « Mentorat en ligne »",
    ]
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
    assert save_conflict_as_copy(bob, store, "Bob") == Notice(saved=True)
    copy = store.get(bob.scenario_id)
    assert bob.scenario_id != alice.scenario_id and bob.conflict is None
    assert [p.brick for p in copy.scenario.placements] == ["ordinateur"]
    assert copy.scenario.name == "Atelier (ma version)"


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
    commit(view, store, remove_placement(catalogue, view.scenario, 0), "Alice")
    assert view.scenario.placements == ()
    undo(view, store, "Alice")
    assert len(view.scenario.placements) == 1


def test_a_missing_author_is_written_anonyme(store: ScenarioStore, catalogue: Catalogue) -> None:
    view = FriseView()
    ensure_open(view, store, catalogue, "")
    add_brick(view, store, catalogue, author=" \t")
    undo(view, store, "  Alice \n Martin ")
    assert [v.author for v in store.versions(view.scenario_id)] == ["Alice Martin", "Anonyme", "Anonyme"]


# --- the frise never lies: a change shows only once it is saved ---------------------------------

DOWN = StoreError("La base de données ne répond pas : réessayez dans un instant.")


def refuse(error: Exception) -> Callable[..., object]:
    """A store method that fails the way the database can."""

    def fail(*_args: object, **_kwargs: object) -> object:
        raise error

    return fail


def snapshot(view: FriseView) -> tuple[object, ...]:
    """Everything the frise shows of its scenario: content, undo and redo history, version, selection."""
    assert view.editor is not None
    return (view.scenario, list(view.editor.past), list(view.editor.future), view.version, view.selected)


def with_history(store: ScenarioStore, catalogue: Catalogue) -> FriseView:
    """A session with a change to undo and one to redo, a placement selected."""
    view = opened(store)
    add_brick(view, store, catalogue)
    add_brick(view, store, catalogue, "ordinateur")
    undo(view, store, "Alice")
    view.selected = 0
    return view


@pytest.mark.parametrize(
    "change",
    [
        lambda view, store, catalogue: add_brick(view, store, catalogue, "atelier-classe"),
        lambda view, store, _: undo(view, store, "Alice"),
        lambda view, store, _: redo(view, store, "Alice"),
    ],
    ids=["commit", "undo", "redo"],
)
def test_a_failed_save_leaves_the_frise_as_it_was(
    store: ScenarioStore, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch, change: Callable
) -> None:
    view = with_history(store, catalogue)
    before, stored_before = snapshot(view), store.get(view.scenario_id)
    monkeypatch.setattr(store, "save", refuse(DOWN))
    notice = change(view, store, catalogue)
    assert (
        notice
        == view.notice
        == Notice(
            error="Votre changement n'a pas été enregistré : la frise est restée telle qu'elle était. "
            "La base de données ne répond pas : réessayez dans un instant. "
            "Votre changement est gardé : réessayez quand la base répond, ou enregistrez-le comme copie."
        )
    )
    assert notice.error == f"{NOT_SAVED} {DOWN.message} {KEPT}"
    assert snapshot(view) == before
    assert view.pending is not None and view.conflict == view.pending.editor.scenario != view.scenario
    monkeypatch.undo()
    assert store.get(view.scenario_id) == stored_before
    waiting = view.pending.editor.scenario
    assert retry(view, store, "Alice").saved  # once the database is back, the kept change goes through
    assert view.scenario == waiting == store.get(view.scenario_id).scenario
    assert store.get(view.scenario_id).version == stored_before.version + 1
    assert (view.pending, view.conflict) == (None, None)


def test_a_change_kept_from_a_failure_is_not_retried_over_a_newer_version(
    store: ScenarioStore, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = with_history(store, catalogue)
    monkeypatch.setattr(store, "save", refuse(DOWN))
    add_brick(view, store, catalogue, "atelier-classe")
    monkeypatch.undo()
    assert add_brick(view, store, catalogue, "ordinateur").saved
    assert view.pending is None, "only a copy can keep it now"
    assert view.conflict is not None and view.conflict.placements[-1].brick == "atelier-classe"
    assert save_conflict_as_copy(view, store, "Alice").saved
    assert view.conflict is None


def test_a_change_to_a_deleted_scenario_waits_to_be_saved_as_a_copy(
    store: ScenarioStore, catalogue: Catalogue
) -> None:
    view = with_history(store, catalogue)
    before = snapshot(view)
    store.delete(view.scenario_id)
    notice = add_brick(view, store, catalogue, "atelier-classe")
    assert (
        notice.error
        == SCENARIO_GONE
        == (
            "Ce scénario a été supprimé entre-temps : votre changement n'a pas été enregistré. "
            "Enregistrez votre version comme copie pour la garder."
        )
    )
    assert snapshot(view) == before
    assert [p.brick for p in view.conflict.placements] == ["mentorat", "atelier-classe"]
    assert save_conflict_as_copy(view, store, "Alice").saved
    assert [i.name for i in store.list()] == ["Atelier (ma version)"]


def test_a_failed_copy_keeps_the_work_waiting(store: ScenarioStore, monkeypatch: pytest.MonkeyPatch) -> None:
    view = opened(store)
    view.conflict = Scenario(name="Refusée")
    before = snapshot(view)
    monkeypatch.setattr(store, "create", refuse(DOWN))
    notice = save_conflict_as_copy(view, store, "Alice")
    assert notice == view.notice
    assert notice.error == (
        "Votre version n'a pas pu être enregistrée comme copie : elle attend toujours. "
        "La base de données ne répond pas : réessayez dans un instant."
    )
    assert notice.error == f"{COPY_NOT_SAVED} {DOWN.message}"
    assert view.conflict == Scenario(name="Refusée") and snapshot(view) == before


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
    assert view.options == FriseOptions(lane_mode="modality"), "everyone's track and exit, not hers"
    view.change_options(track="long")
    view.follow_persona(catalogue, None)  # following nobody already: the chosen track stays
    assert view.options == FriseOptions(track="long", lane_mode="modality")
    view.follow_persona(catalogue, "lea")
    view.follow_persona(catalogue, "partie")  # a persona no longer in the catalogue
    assert view.options == FriseOptions(lane_mode="modality")


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


def test_a_refused_edit_keeps_the_dialog_open_with_its_field(catalogue: Catalogue) -> None:
    view = FriseView()
    view.start_editing(1)
    scenario = catalogue.template("mini")
    refused = update_placement(catalogue, scenario, 1, end=JourneyPoint(stage="seconde", month=9))
    assert view.refuse_edit(refused)
    assert view.editing == 1
    assert view.edit_error == FieldError(field="end", message="Fin : la fin vient avant le début")
    assert not view.refuse_edit(update_placement(catalogue, scenario, 1, note="Binômes"))
    view.stop_editing()
    assert (view.editing, view.edit_error) == (None, None)


def test_a_newcomer_opens_the_shared_parcours_type_not_the_last_copy(
    store: ScenarioStore, catalogue: Catalogue
) -> None:
    first = FriseView()
    ensure_open(first, store, catalogue, "Alice")
    shared = first.scenario_id
    copy = store.create(first.scenario.model_copy(update={"name": "Mini parcours (ma version)"}), "Bob")
    imported = store.create(Scenario(name="Import de Chloé"), "Chloé")
    store.save(imported.id, Scenario(name="Import de Chloé"), 1, "Chloé", "Encore")  # the last modified
    newcomer = FriseView()
    ensure_open(newcomer, store, catalogue, "Dora")
    assert newcomer.scenario_id == shared
    chosen = FriseView(scenario_id=copy.id)  # from the address, or opened last in this session
    ensure_open(chosen, store, catalogue, "Dora")
    assert chosen.scenario_id == copy.id


def test_the_default_without_the_shared_name_is_the_oldest(
    store: ScenarioStore, catalogue: Catalogue
) -> None:
    older = store.create(Scenario(name="Frise de mars"), "Alice")
    store.create(Scenario(name="Frise d'avril"), "Bob")
    view = FriseView()
    ensure_open(view, store, catalogue, "Dora")
    assert view.scenario_id == older.id


def test_a_link_to_a_scenario_that_is_gone_opens_the_default(
    store: ScenarioStore, catalogue: Catalogue
) -> None:
    view = FriseView(scenario_id="00000000-0000-4000-8000-000000000000")
    ensure_open(view, store, catalogue, "Alice")
    assert [i.id for i in store.list()] == [view.scenario_id]


def test_the_undo_history_is_rebuilt_from_the_versions_in_the_database(
    store: ScenarioStore, catalogue: Catalogue
) -> None:
    view = opened(store)
    add_brick(view, store, catalogue)
    add_brick(view, store, catalogue, "ordinateur")
    reloaded = FriseView()  # a reload: a new session on the same scenario
    open_scenario(reloaded, store, view.scenario_id)
    assert reloaded.editor is not None
    assert [step.summary for step in reloaded.editor.past] == [
        "Ajout de « Mentorat en ligne »",
        "Ajout de « Ordinateur offert »",
    ]
    assert undo(reloaded, store, "Alice").done == "Annulé : ajout de « Ordinateur offert »."
    assert [p.brick for p in reloaded.scenario.placements] == ["mentorat"]
    assert [v.summary for v in store.versions(view.scenario_id)][
        0
    ] == "Annulation : ajout de « Ordinateur offert »"


def test_a_newer_version_saved_elsewhere_is_shown_at_the_next_rerun(
    store: ScenarioStore, catalogue: Catalogue
) -> None:
    alice = opened(store)
    bob = FriseView()
    open_scenario(bob, store, alice.scenario_id)
    bob.selected = 0
    add_brick(alice, store, catalogue)
    assert follow_saves(bob, store)  # what the end of his next rerun does
    assert [p.brick for p in bob.scenario.placements] == ["mentorat"]
    assert bob.version == 2 and bob.selected is None  # a number may now name another placement
    assert bob.notice == Notice(update="Mis à jour : version 2 enregistrée par Alice.")
    assert bob.editor is not None and bob.editor.undo_summary is not None  # the history came too
    # Nothing new: nothing read again, the notice stays until his next change.
    assert not follow_saves(bob, store)
    assert bob.version == 2 and bob.notice is not None and bob.notice.update is not None
    assert add_brick(bob, store, catalogue, "ordinateur", "Bob").saved  # on top of Alice's version


@pytest.mark.parametrize("work", ["conflict", "editing"])
def test_work_of_its_own_keeps_the_old_version_until_its_save_is_refused(
    store: ScenarioStore, catalogue: Catalogue, work: str
) -> None:
    alice = opened(store)
    bob = FriseView()
    open_scenario(bob, store, alice.scenario_id)
    if work == "conflict":
        bob.conflict = Scenario(name="Sa version à lui")
    else:
        bob.start_editing(0)
    add_brick(alice, store, catalogue)
    assert not follow_saves(bob, store)
    assert (bob.version, bob.scenario.placements, bob.notice) == (1, (), None)
    notice = add_brick(bob, store, catalogue, "ordinateur", "Bob")  # the existing conflict path
    assert notice.error is not None and "Alice" in notice.error
    assert [p.brick for p in bob.conflict.placements] == ["ordinateur"]


def test_a_scenario_deleted_elsewhere_stays_shown_until_the_next_change_says_so(
    store: ScenarioStore, catalogue: Catalogue
) -> None:
    view = opened(store)
    store.delete(view.scenario_id)
    assert not follow_saves(view, store)
    notice = add_brick(view, store, catalogue)
    assert notice.error == SCENARIO_GONE and view.conflict is not None

"""The frise page: add, edit, remove and undo placements; switch lanes and tracks."""

import datetime
import json
from pathlib import Path

from helpers import app_test, pt
from streamlit.testing.v1 import AppTest

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.journey.cohort import cohort_label, cohort_years
from tpt_model.settings import load_settings
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from ui.state import STATE_KEY


def page_store() -> ScenarioStore:
    """The scenario store of the page's database (TPT_DATA_DIR is set by the `isolated_app` fixture)."""
    return ScenarioStore(open_database(load_settings().database_url))


def frise_page() -> AppTest:
    at = app_test().run()
    assert not at.exception, at.exception
    return at


def scenario(at: AppTest) -> Scenario:
    return at.session_state[STATE_KEY].frise.scenario


def bar_values(at: AppTest) -> list[dict]:
    """The records of the chart's bars."""
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    bars = next(layer for layer in spec["layer"] if layer.get("name") == "barres")
    return bars["data"]["values"]


def test_opens_the_template_and_draws_it() -> None:
    at = frise_page()
    assert [p.brick for p in scenario(at).placements] == ["atelier-classe", "mentorat", "ordinateur"]
    assert sorted({v["idx"] for v in bar_values(at)}) == [0, 1, 2]
    table = at.dataframe[0].value
    assert list(table["Brique"]) == ["Atelier en classe", "Mentorat en ligne", "Ordinateur offert"]


def test_add_a_brick_then_undo_and_redo() -> None:
    at = frise_page()
    at.text_input(key="frise_pick_text").set_value("mentorat").run()
    at.selectbox(key="frise_pick_brick").set_value("mentorat").run()
    at.button(key="frise_add").click().run()
    assert [p.brick for p in scenario(at).placements][-1] == "mentorat"
    assert len(bar_values_idx := {v["idx"] for v in bar_values(at)}) == 4, bar_values_idx
    assert len(at.dataframe[0].value) == 4
    at.button(key="frise_undo").click().run()
    assert len(scenario(at).placements) == 3
    at.button(key="frise_redo").click().run()
    assert len(scenario(at).placements) == 4
    assert at.session_state[STATE_KEY].frise.version == 4


def test_search_proposes_the_best_match_and_says_it_is_already_there(isolated_app: Path) -> None:
    # « mentorat » is also in the first brick's good practices: catalogue order would propose it.
    path = isolated_app / "bricks" / "atelier-classe.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[Tôt dans l'année]", "[Suivi par un mentorat]"))
    at = frise_page()
    assert at.selectbox(key="frise_pick_brick").value is None, "nothing is proposed before a search"
    assert at.button(key="frise_add").disabled
    at.text_input(key="frise_pick_text").set_value("Mentorat").run()
    assert at.selectbox(key="frise_pick_brick").options == ["Mentorat en ligne", "Atelier en classe"]
    assert at.selectbox(key="frise_pick_brick").value == "mentorat"
    assert [i.value for i in at.info] == [
        "« Mentorat en ligne » est déjà sur la frise : 1 placement \\(n° 2\\)\\. "
        "« Ajouter à la frise » en crée un de plus\\."
    ]
    at.button(key="frise_add").click().run()
    assert [p.brick for p in scenario(at).placements] == [
        "atelier-classe",
        "mentorat",
        "ordinateur",
        "mentorat",
    ]


def test_a_brick_added_lasts_one_month_at_its_first_stage_unless_its_data_say_more() -> None:
    at = frise_page()
    for text, brick in (("atelier en classe", "atelier-classe"), ("mentorat", "mentorat")):
        at.text_input(key="frise_pick_text").set_value(text).run()
        assert at.selectbox(key="frise_pick_brick").value == brick
        at.button(key="frise_add").click().run()
    atelier, mentorat = scenario(at).placements[-2:]
    assert (atelier.start, atelier.end) == (pt("seconde", 9), pt("seconde", 9))
    assert (mentorat.start, mentorat.end) == (pt("terminale", 9), pt("terminale", 2))  # duration_months: 6


def test_a_persona_shows_her_situation_and_toutes_gives_back_everyones_track_and_exit() -> None:
    at = frise_page()
    at.selectbox(key="frise_persona").set_value("lea").run()
    assert (at.selectbox(key="frise_track").value, at.selectbox(key="frise_exit").value) == (
        "court",
        "salariat",
    )
    assert len(at.info) == 1
    assert "**Situation** : boursière, vit en zone rurale" in at.info[0].value
    at.selectbox(key="frise_persona").set_value(None).run()
    assert (at.selectbox(key="frise_track").value, at.selectbox(key="frise_exit").value) == (None, None)
    assert not at.selectbox(key="frise_track").disabled
    assert not at.info
    assert sorted({v["idx"] for v in bar_values(at)}) == [0, 1, 2]


def test_edit_a_placement_in_the_dialog() -> None:
    at = frise_page()
    at.selectbox(key="frise_selected").set_value(1).run()
    at.button(key="frise_edit_open").click().run()
    at.text_input(key="frise_edit_1_lane").set_value("Accompagnement renforcé")
    at.text_area(key="frise_edit_1_note").set_value('=HYPERLINK("x") <b>gras</b>')
    at.selectbox(key="frise_edit_1_end_month").set_value(3)
    at.button(key="FormSubmitter:frise_edit_form-Enregistrer").click().run()
    assert not at.exception, at.exception
    placement = scenario(at).placements[1]
    assert at.session_state[STATE_KEY].frise.editing is None, "the dialog closes once saved"
    assert placement.lane == "Accompagnement renforcé"
    assert placement.note == '=HYPERLINK("x") <b>gras</b>'
    assert placement.end.month == 3


def test_impossible_edit_keeps_the_dialog_open_with_the_message_beside_the_field() -> None:
    at = frise_page()
    at.selectbox(key="frise_selected").set_value(1).run()
    at.button(key="frise_edit_open").click().run()
    at.selectbox(key="frise_edit_1_end_stage").set_value("seconde")
    at.text_area(key="frise_edit_1_note").set_value("Binômes choisis")
    at.button(key="FormSubmitter:frise_edit_form-Enregistrer").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == ["Fin : la fin vient avant le début"]
    assert scenario(at).placements[1].end.stage == "bac-1"
    assert at.session_state[STATE_KEY].frise.editing == 1, "the dialog stays open"
    # What was typed is still there, and the message comes right after the end's inputs.
    assert at.selectbox(key="frise_edit_1_end_stage").value == "seconde"
    assert at.text_area(key="frise_edit_1_note").value == "Binômes choisis"
    form = at.get("form")[0]
    order = [getattr(el, "key", None) or getattr(el, "value", None) for el in form]
    assert order.index("Fin : la fin vient avant le début") == order.index("frise_edit_1_end_month") + 1
    # Corrected, it saves and closes.
    at.selectbox(key="frise_edit_1_end_stage").set_value("bac-2")
    at.button(key="FormSubmitter:frise_edit_form-Enregistrer").click().run()
    assert scenario(at).placements[1].end.stage == "bac-2"
    assert scenario(at).placements[1].note == "Binômes choisis"
    assert at.session_state[STATE_KEY].frise.editing is None
    assert not at.error


def test_undo_says_what_it_undid_in_titles() -> None:
    at = frise_page()
    at.selectbox(key="frise_selected").set_value(0).run()
    at.button(key="frise_remove").click().run()
    assert at.button(key="frise_undo").help == "Annuler : retrait de « Atelier en classe » \\(n° 1\\)"
    at.button(key="frise_undo").click().run()
    assert [t.value for t in at.toast] == ["Annulé : retrait de « Atelier en classe » \\(n° 1\\)\\."]
    assert at.button(key="frise_redo").help == "Rétablir : retrait de « Atelier en classe » \\(n° 1\\)"
    frise = at.session_state[STATE_KEY].frise
    assert [v.summary for v in page_store().versions(frise.scenario_id)][:2] == [
        "Annulation : retrait de « Atelier en classe » (n° 1)",
        "Retrait de « Atelier en classe » (n° 1)",
    ]


def test_remove_a_placement_then_undo() -> None:
    at = frise_page()
    at.selectbox(key="frise_selected").set_value(0).run()
    at.button(key="frise_remove").click().run()
    assert [p.brick for p in scenario(at).placements] == ["mentorat", "ordinateur"]
    assert at.session_state[STATE_KEY].frise.selected is None, "nothing stays selected after a removal"
    assert len(at.dataframe[0].value) == 2
    at.button(key="frise_undo").click().run()
    assert [p.brick for p in scenario(at).placements] == ["atelier-classe", "mentorat", "ordinateur"]


def test_duplicate_a_placement() -> None:
    at = frise_page()
    at.selectbox(key="frise_selected").set_value(2).run()
    at.button(key="frise_duplicate").click().run()
    assert [p.brick for p in scenario(at).placements] == [
        "atelier-classe",
        "mentorat",
        "ordinateur",
        "ordinateur",
    ]


def test_switch_lanes() -> None:
    at = frise_page()
    assert {v["lane"] for v in bar_values(at)} == {"Attirer", "Accompagner"}
    at.radio(key="frise_lane").set_value("modality").run()
    assert {v["lane"] for v in bar_values(at)} == {"Individuel", "Collectif", "Matériel et financier"}
    at.radio(key="frise_lane").set_value("partner").run()
    assert {v["lane"] for v in bar_values(at)} == {"Inria", "Femmes@Numérique", "Sans partenaire"}
    assert set(at.dataframe[0].value["Couloir"]) == {"Inria", "Femmes@Numérique", "Sans partenaire"}


def test_track_filter_hides_what_does_not_apply() -> None:
    at = frise_page()
    at.selectbox(key="frise_selected").set_value(1).run()
    at.button(key="frise_edit_open").click().run()
    at.multiselect(key="frise_edit_1_tracks").set_value(["long"])
    at.button(key="FormSubmitter:frise_edit_form-Enregistrer").click().run()
    at.selectbox(key="frise_track").set_value("court").run()
    assert sorted({v["idx"] for v in bar_values(at)}) == [0, 2]
    assert list(at.dataframe[0].value["Brique"]) == ["Atelier en classe", "Ordinateur offert"]
    at.selectbox(key="frise_track").set_value("long").run()
    assert sorted({v["idx"] for v in bar_values(at)}) == [0, 1, 2]


def test_options_survive_a_visit_to_another_page() -> None:
    at = frise_page()
    year = cohort_years(datetime.date.today())[0]
    at.radio(key="frise_lane").set_value("modality").run()
    at.selectbox(key="frise_track").set_value("long").run()
    at.selectbox(key="frise_exit").set_value("doctorat").run()
    at.selectbox(key="frise_cohort").set_value(year).run()
    for page in ("pages/catalogue.py", "pages/evaluation.py", "pages/frise.py"):
        at.switch_page(page).run()
    options = at.session_state[STATE_KEY].frise.options
    assert (options.lane_mode, options.track, options.exit, options.cohort_year) == (
        "modality",
        "long",
        "doctorat",
        year,
    )
    assert at.radio(key="frise_lane").value == "modality"
    assert at.selectbox(key="frise_track").value == "long"
    assert at.selectbox(key="frise_exit").value == "doctorat"
    assert at.selectbox(key="frise_cohort").value == year
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert cohort_label(year).capitalize() in json.dumps(spec, ensure_ascii=False)


def test_a_followed_persona_survives_a_visit_to_another_page() -> None:
    at = frise_page()
    at.selectbox(key="frise_persona").set_value("lea").run()
    at.switch_page("pages/scenarios.py").run()
    at.switch_page("pages/frise.py").run()
    assert at.selectbox(key="frise_persona").value == "lea"
    assert (at.selectbox(key="frise_track").value, at.selectbox(key="frise_track").disabled) == (
        "court",
        True,
    )
    assert [m.label for m in at.metric][0] == "Coût pour Léa"


def test_the_placement_list_shows_what_the_chart_selected() -> None:
    at = frise_page()
    at.session_state[STATE_KEY].frise.selected = 2  # what a click on the third bar does
    at.run()
    assert at.selectbox(key="frise_selected").value == 2
    assert at.button(key="frise_edit_open") is not None


def test_custom_lanes_use_the_placements_own_lane() -> None:
    at = frise_page()
    at.radio(key="frise_lane").set_value("custom").run()
    assert {v["lane"] for v in bar_values(at)} == {"Sans couloir", "Accompagnement"}


def test_picker_filters_by_partner() -> None:
    at = frise_page()
    at.multiselect(key="frise_pick_partners").set_value(["femmes-at-numerique"]).run()
    assert at.selectbox(key="frise_pick_brick").options == ["Atelier en classe"]


def named(at: AppTest, name: str) -> AppTest:
    """The session after its user gave her name in the prompt."""
    at.text_input(key="app_name_prompt").set_value(name)
    at.button(key="app_name_ok").click().run()
    return at


def test_a_change_saved_in_one_session_is_seen_in_the_other_at_its_next_rerun() -> None:
    alice, bob = named(frise_page(), "Alice"), frise_page()
    alice.selectbox(key="frise_selected").set_value(0).run()
    alice.button(key="frise_remove").click().run()
    bob.run()  # any rerun: a click, a widget, the chart's selection
    assert [p.brick for p in scenario(bob).placements] == ["mentorat", "ordinateur"]
    updates = [i.value for i in bob.info if i.value.startswith("Mis à jour")]
    assert len(updates) == 1 and "version 2 enregistrée par Alice" in updates[0], updates
    assert bob.session_state[STATE_KEY].frise.version == 2 and not bob.error
    # His next change goes on top of hers: nothing refused, nothing overwritten.
    bob.selectbox(key="frise_selected").set_value(1).run()
    bob.button(key="frise_duplicate").click().run()
    alice.run()
    assert [p.brick for p in scenario(alice).placements] == ["mentorat", "ordinateur", "ordinateur"]


def edited_while_removed(alice: AppTest, bob: AppTest) -> None:
    """Bob edits the third placement's note while Alice removes the first one, and saves after her."""
    bob.selectbox(key="frise_selected").set_value(2).run()
    bob.button(key="frise_edit_open").click().run()
    alice.selectbox(key="frise_selected").set_value(0).run()
    alice.button(key="frise_remove").click().run()
    bob.text_area(key="frise_edit_2_note").set_value("Prêté pour l'année")
    bob.button(key="FormSubmitter:frise_edit_form-Enregistrer").click().run()


def test_two_sessions_on_one_scenario_never_overwrite_each_other() -> None:
    alice, bob = frise_page(), frise_page()
    assert alice.session_state[STATE_KEY].frise.scenario_id == bob.session_state[STATE_KEY].frise.scenario_id
    # An open dialog is work of his own: Alice's version waits until his save is refused.
    edited_while_removed(alice, bob)
    # Bob is told, sees Alice's version, and keeps his own change aside.
    assert len(bob.error) == 1 and "vos changements n'ont pas été enregistrés" in bob.error[0].value
    assert [p.brick for p in scenario(bob).placements] == ["mentorat", "ordinateur"]
    bob.button(key="frise_conflict_copy").click().run()
    copy = scenario(bob)
    assert [p.brick for p in copy.placements] == ["atelier-classe", "mentorat", "ordinateur"]
    assert copy.placements[2].note == "Prêté pour l'année"
    assert copy.name == "Mini parcours (ma version)"
    assert [p.brick for p in scenario(alice).placements] == ["mentorat", "ordinateur"]


def test_a_refused_change_can_be_dropped() -> None:
    alice, bob = frise_page(), frise_page()
    edited_while_removed(alice, bob)
    bob.button(key="frise_conflict_drop").click().run()
    frise = bob.session_state[STATE_KEY].frise
    assert (frise.conflict, frise.notice) == (None, None)
    assert not bob.error and not [b for b in bob.button if b.key == "frise_conflict_copy"]
    assert [p.brick for p in scenario(bob).placements] == ["mentorat", "ordinateur"]


def test_totals_and_gaps_under_the_frise() -> None:
    at = frise_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {
        "Coût par bénéficiaire": "855\u00a0€",
        "Coûts fixes": "1\u202f000\u00a0€",
        "Heures d'accompagnement": "13\u202fh",
    }
    gaps = [e for e in at.expander if e.label.startswith("Points d'attention")]
    assert [g.label for g in gaps] == ["Points d'attention (2)"]


def test_follow_a_persona() -> None:
    at = frise_page()
    at.selectbox(key="frise_persona").set_value("lea").run()
    assert at.selectbox(key="frise_track").value == "court"
    assert at.selectbox(key="frise_track").disabled
    assert sorted({v["idx"] for v in bar_values(at)}) == [0, 1, 2]
    assert [m.label for m in at.metric][0] == "Coût pour Léa"
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert "parcours de Léa" in json.dumps(spec, ensure_ascii=False)
    at.selectbox(key="frise_persona").set_value(None).run()
    assert [m.label for m in at.metric][0] == "Coût par bénéficiaire"


def test_cohort_calendar_offers_the_years_around_today() -> None:
    at = frise_page()
    years = cohort_years(datetime.date.today())
    assert at.selectbox(key="frise_cohort").options == ["Années scolaires", *map(cohort_label, years)]
    at.selectbox(key="frise_cohort").set_value(years[3]).run()
    assert at.session_state[STATE_KEY].frise.options.cohort_year == years[3]


def test_a_cohort_chosen_before_the_school_year_turned_stays_shown() -> None:
    at = frise_page()
    at.session_state[STATE_KEY].frise.change_options(cohort_year=1990)
    at.run()
    assert at.selectbox(key="frise_cohort").value == 1990
    assert cohort_label(1990) in at.selectbox(key="frise_cohort").options

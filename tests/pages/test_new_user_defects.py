"""Issue 11, « what a new user meets »: the defects that had no test of their own.

Each defect of the issue and the tests that prove it is gone, on the current code (file::test):

 1. The evaluator's name asked twice; a red error on a page nobody used.
    tests/pages/test_evaluation_page.py::test_names_the_scenario_and_asks_for_an_evaluator
    tests/pages/test_evaluation_page.py::test_the_name_given_in_qui_etes_vous_is_the_evaluator_s
    tests/pages/test_evaluation_page.py::test_the_evaluator_s_name_answers_qui_etes_vous
    tests/pages/test_evaluation_page.py::test_a_blank_evaluator_name_asks_for_one_without_an_error
    here::test_defect_1_a_session_opening_the_evaluation_first_is_asked_its_name_once
    tests/browser/test_new_user.py::test_defect_1_the_name_given_on_a_fresh_evaluation_page_is_the_evaluator_s
 2. Search picks the wrong brick; « Ajouter » adds a brick already there without a word.
    tests/tpt_model/catalogue/test_search.py (relevance, accents and case, the issue's own words on
      the shipped catalogue: test_the_shipped_catalogue_proposes_the_brick_named_by_the_words)
    tests/pages/test_frise_page.py::test_search_proposes_the_best_match_and_says_it_is_already_there
    here::test_defect_2_the_frise_search_ignores_accents_and_case
    tests/browser/test_frise_flow.py::test_compose_a_placement_by_clicking
 3. Everyone lands on the last-modified scenario.
    tests/pages/test_reload_and_links.py::test_a_newcomer_opens_the_shared_parcours_type_not_the_last_copy
    tests/pages/test_reload_and_links.py::test_a_shared_link_opens_its_scenario_but_not_the_sender_s_name
    here::test_defect_3_a_returning_session_opens_the_scenario_it_opened_last
    tests/pages/test_scenarios_page.py::test_an_import_of_a_name_taken_can_replace_it
    tests/pages/test_scenarios_page.py::test_an_import_of_a_name_taken_can_take_another_name
    tests/pages/test_scenarios_page.py::test_an_import_of_a_name_taken_can_be_cancelled
 4. A reload (F5) loses the name, the scenario, the filters and the undo history.
    tests/pages/test_reload_and_links.py::test_a_reload_keeps_the_name_the_scenario_the_view_and_the_undo_history
    here::test_defect_4_a_reload_keeps_the_frise_filters_and_the_evaluation_section
    tests/browser/test_reload.py::test_a_reload_keeps_the_session
 5. Bricks nobody scored lead the ranking and vote in « à discuter ».
    tests/pages/test_evaluation_page.py::test_the_reference_is_off_by_default_shown_apart_and_never_a_voter
    tests/browser/test_evaluation_flow.py::test_score_two_bricks_and_see_results
 6. Numbers not French, « None » in tables, a greyed checkbox for « à discuter ».
    tests/tpt_model/test_formatting.py (one formatter: numbers, euros, hours, « — », the badge)
    tests/pages/test_catalogue_page.py::test_the_table_starts_with_the_title_and_writes_numbers_the_french_way
    tests/pages/test_evaluation_page.py::test_weights_change_the_ranking_live (« 0,5 » on the sliders)
    tests/pages/test_evaluation_page.py::test_the_form_shows_cost_and_hours_beside_the_levels
    tests/pages/test_frise_page.py::test_totals_and_gaps_under_the_frise
    here::test_defect_6_no_page_shows_none_or_a_decimal_point (every table, metric, slider and text
      of every page; the Analyse page's tables and the share of bursary holders were still English)
    here::test_defect_6_a_brick_to_discuss_has_a_badge
 7. Persona « Toutes » keeps the last persona's track and exit; her situation never shown.
    tests/pages/test_frise_page.py::test_a_persona_shows_her_situation_and_toutes_gives_back_everyones_track_and_exit
 8. A brick added covers its whole stage range.
    tests/pages/test_frise_page.py::test_a_brick_added_lasts_one_month_at_its_first_stage_unless_its_data_say_more
 9. An invalid edit closes the dialog and drops what was typed.
    tests/pages/test_frise_page.py::test_impossible_edit_keeps_the_dialog_open_with_the_message_beside_the_field
10. History and undo speak in identifiers.
    tests/pages/test_frise_page.py::test_undo_says_what_it_undid_in_titles
    tests/pages/test_reload_and_links.py::test_a_reload_keeps_the_name_the_scenario_the_view_and_the_undo_history
11. « 1 scénario(s) » beside a list of 3; labels cut; « couloirs par couloirs »; an id first.
    tests/pages/test_scenarios_page.py::test_the_sidebar_counts_the_database_s_scenarios_apart_from_the_catalogue_s_templates
    tests/tpt_model/frise/test_frise_chart.py::test_subtitle_says_how_lanes_are_made
    tests/pages/test_catalogue_page.py::test_the_table_starts_with_the_title_and_writes_numbers_the_french_way
    tests/browser/test_new_user.py::test_defect_11_no_label_is_cut
12. The scoring form hides the cost.
    tests/pages/test_evaluation_page.py::test_the_form_shows_cost_and_hours_beside_the_levels
13. `make test` without chromium skips silently, and is slow.
    tests/test_browser_setup.py (the message before and after, the failure under TPT_REQUIRE_BROWSER)
"""

import datetime
import re
from collections.abc import Iterator

import pandas as pd
from helpers import PAGES, TITLES, app_test
from streamlit.testing.v1 import AppTest

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.journey.cohort import cohort_years
from tpt_model.session.app import AppState
from tpt_model.settings import load_settings
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from ui.evaluation_scoring import NAME_NEEDED
from ui.state import STATE_KEY


def state(at: AppTest) -> AppState:
    return at.session_state[STATE_KEY]


def checked(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def opened(page: str, query: dict[str, str] | None = None) -> AppTest:
    """A new browser session whose first page is `page`, at an address with these parameters."""
    at = app_test()
    at.query_params = dict(query or {})
    return checked(at.switch_page(page).run())


def database() -> str:
    """The page's database (TPT_DATA_DIR is set by the `isolated_app` fixture)."""
    return load_settings().database_url


def test_defect_1_a_session_opening_the_evaluation_first_is_asked_its_name_once() -> None:
    at = opened("pages/evaluation.py")
    assert not at.error, "no error box on a page nobody has used yet"
    assert [i.value for i in at.info] == [NAME_NEEDED]
    assert at.text_input(key="eval_name").value == ""
    at.text_input(key="app_name_prompt").set_value("Béatrice").run()  # typed, then Enter
    checked(at)
    assert "app_name_prompt" not in [t.key for t in at.text_input], "the question is answered"
    assert at.text_input(key="eval_name").value == "Béatrice"
    assert not at.error and not at.info
    assert at.header[0].value == "Atelier en classe", "the form is there: nothing else to type"


def test_defect_2_the_frise_search_ignores_accents_and_case() -> None:
    at = opened("pages/frise.py")
    at.text_input(key="frise_pick_text").set_value("BOURSIERES ordinateur").run()  # « boursières »
    picker = checked(at).selectbox(key="frise_pick_brick")
    assert (picker.options, picker.value) == (["Ordinateur offert"], "ordinateur")
    assert [i.value for i in at.info] == [
        "« Ordinateur offert » est déjà sur la frise : 1 placement \\(n° 3\\)\\. "
        "« Ajouter à la frise » en crée un de plus\\."
    ]


def test_defect_3_a_returning_session_opens_the_scenario_it_opened_last() -> None:
    store = ScenarioStore(open_database(database()))
    first = opened("pages/frise.py")
    shared = state(first).frise.scenario_id
    mine = store.create(Scenario(name="Frise de Lyon"), "Béatrice")
    # She opens her scenario on the Scénarios page…
    first.switch_page("pages/scenarios.py").run()
    first.selectbox(key="scenarios_selected").set_value(mine.id).run()
    first.button(key="scenarios_open").click().run()
    assert checked(first).session_state[STATE_KEY].frise.scenario_id == mine.id
    # …comes back later with her session's address but no scenario in it: hers opens, not the shared one.
    returning = opened("pages/frise.py", {"s": first.query_params["s"]})
    assert state(returning).frise.scenario_id == mine.id
    newcomer = opened("pages/frise.py")
    assert state(newcomer).frise.scenario_id == shared


def test_defect_4_a_reload_keeps_the_frise_filters_and_the_evaluation_section() -> None:
    at = opened("pages/frise.py")
    at.selectbox(key="frise_track").set_value("long").run()
    at.selectbox(key="frise_exit").set_value("doctorat").run()
    year = cohort_years(datetime.date.today())[1]
    at.selectbox(key="frise_cohort").set_value(year).run()
    reloaded = opened("pages/frise.py", dict(at.query_params))
    assert reloaded.selectbox(key="frise_track").value == "long"
    assert reloaded.selectbox(key="frise_exit").value == "doctorat"
    assert reloaded.selectbox(key="frise_cohort").value == year

    at.selectbox(key="frise_persona").set_value("lea").run()
    reloaded = opened("pages/frise.py", dict(checked(at).query_params))
    assert reloaded.selectbox(key="frise_persona").value == "lea"

    at.switch_page("pages/evaluation.py").run()
    at.button_group(key="eval_section").set_value("results").run()
    reloaded = opened("pages/evaluation.py", dict(checked(at).query_params))
    assert reloaded.button_group(key="eval_section").value == "results"


# « None », « nan », a decimal point between digits, or a plural in brackets (« scénario(s) »).
NOT_FRENCH = re.compile(r"\b(None|nan|NaN|NaT)\b|\d\.\d|\w\(s\)")


def shown_texts(at: AppTest) -> Iterator[tuple[str, str]]:
    """What a page shows that holds numbers: (where, text) for every table cell, metric, widget and text."""
    for table in at.dataframe:
        frame: pd.DataFrame = table.value
        for column in frame.columns:
            for cell in frame[column]:
                yield f"tableau, colonne « {column} »", str(cell)
    for metric in at.metric:
        yield f"indicateur « {metric.label} »", str(metric.value)
    for slider in at.select_slider:
        yield f"curseur {slider.key}", " ".join(map(str, slider.options))
    for field in at.number_input:
        # Streamlit writes a float field with a decimal point: whole numbers only.
        yield f"champ {field.key}", "0.0" if isinstance(field.value, float) else str(field.value)
    for kind in ("markdown", "caption", "info", "warning", "success", "header", "subheader", "title"):
        for element in getattr(at, kind):
            yield kind, element.value
    for widget in [*at.selectbox, *at.radio, *at.multiselect]:
        yield f"liste {widget.key}", " | ".join(map(str, widget.options))
    for button in at.button:
        yield f"bouton {button.key}", f"{button.label} {button.help or ''}"


def test_defect_6_no_page_shows_none_or_a_decimal_point() -> None:
    at = opened("pages/frise.py")
    at.button(key="app_name_later").click().run()
    frise = state(at).frise
    assert frise.scenario_id is not None
    scores = ScoreStore(open_database(database()))
    for who, pertinence in (("Alice", 1), ("Bob", 4)):  # averages with decimals, and a disagreement
        for brick in ("atelier-classe", "mentorat"):
            sheet = ScoreSheet(brick=brick, evaluator=who, scores={"pertinence": pertinence, "simplicite": 2})
            scores.save_sheet(frise.scenario_id, sheet, as_evaluator=who)
    found: list[tuple[str, str, str]] = []
    for page in PAGES:
        checked(at.switch_page(page).run())
        views = [page]
        if page == "pages/frise.py":
            at.selectbox(key="frise_selected").set_value(1).run()
        if page == "pages/evaluation.py":
            at.text_input(key="eval_name").set_value("Alice").run()
            found += [(f"{page} (noter)", *t) for t in shown_texts(checked(at))]
            at.button_group(key="eval_section").set_value("results").run()
            at.toggle(key="eval_matrix_table").set_value(True).run()
            views = [f"{page} (résultats)"]
        found += [(view, *t) for view in views for t in shown_texts(checked(at))]
    assert len(found) > 200, "every page was looked at"
    assert [f for f in found if NOT_FRENCH.search(f[2])] == []


def test_defect_6_a_brick_to_discuss_has_a_badge() -> None:
    at = opened("pages/evaluation.py")
    frise = state(at).frise
    assert frise.scenario_id is not None
    scores = ScoreStore(open_database(database()))
    for who, value in (("Alice", 1), ("Bob", 4)):
        sheet = ScoreSheet(brick="mentorat", evaluator=who, scores={"pertinence": value})
        scores.save_sheet(frise.scenario_id, sheet, as_evaluator=who)
    at.button_group(key="eval_section").set_value("results").run()
    table = checked(at).dataframe[0].value
    assert dict(zip(table["Brique"], table["À discuter"], strict=True)) == {TITLES[1]: "⚠ à discuter"}
    assert [c.key for c in at.checkbox] == ["eval_include_reference"], "no checkbox in the table"

"""The Analyse page: coverage, gaps, the cohort plan and the budget, partners, communication, comparison."""

import json

import pandas as pd
import pyarrow as pa
from helpers import app_test
from streamlit.testing.v1 import AppTest

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.session.frise import FriseView
from tpt_model.settings import load_settings
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from tpt_model.text import escape_markdown
from ui.state import STATE_KEY

NNBSP, NBSP = "\u202f", "\u00a0"
FIRST_GAP = "- " + escape_markdown("Aucune action en « Première ».")
PLAN_ROW = {"year": 2025, "entrants": 100, "entry_stage": "seconde"}


def analyse_page() -> AppTest:
    at = app_test().run()
    at.switch_page("pages/analyse.py").run()
    assert not at.exception, at.exception
    return at


def engine_store() -> ScenarioStore:
    """A store on the page's database (TPT_DATA_DIR is set by the `isolated_app` fixture)."""
    return ScenarioStore(open_database(load_settings().database_url))


def x_field(at: AppTest) -> str:
    """The heat map's column field (Streamlit moves the chart's rows out of the spec)."""
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    return spec["layer"][0]["encoding"]["x"]["field"]


def bullets(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("- ")]


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if column in d.value.columns)


def budget(at: AppTest, group: str = "Volet") -> pd.DataFrame:
    """The budget chart's table twin: a row per group, a column per year and the totals."""
    return next(d.value for d in at.dataframe if {group, "Total"} <= set(d.value.columns)).set_index(group)


def budget_chart(at: AppTest) -> dict:
    return json.loads(at.get("vega_lite_chart")[1].proto.spec)


def budget_bars(at: AppTest) -> list[dict]:
    """The rows the budget chart draws (Streamlit sends them apart from the spec, as Arrow)."""
    data = at.get("vega_lite_chart")[1].proto.data.data
    return pa.ipc.open_stream(data).read_all().to_pandas().to_dict("records")


def edit_plan(at: AppTest, rows: list[dict], **shares: int) -> AppTest:
    """Type cohort rows and percentages into the plan's form, then submit it."""
    at.session_state["analyse_cohorts"] = {"edited_rows": {}, "added_rows": rows, "deleted_rows": []}
    for key, value in shares.items():
        at.number_input(key=f"analyse_{key}").set_value(value)
    # In a form, what is typed is sent with the submission, in the same run.
    at.button(key="analyse_save_plan").click().run()
    assert not at.exception, at.exception
    return at


def opened(at: AppTest) -> FriseView:
    return at.session_state[STATE_KEY].frise


def test_the_heat_map_and_its_table_show_the_open_scenario_in_french() -> None:
    at = analyse_page()
    assert at.title[0].value == "Analyse du parcours"
    assert x_field(at) == "Volet"
    table = at.dataframe[0].value
    assert table.shape == (18, 4)
    assert table.iloc[0].to_dict() == {
        "Étape": "Seconde",
        "Volet": "Attirer",
        "Placements": "1",
        "Heures par bénéficiaire": f"1{NNBSP}h",
    }


def test_the_modality_axis_redraws_the_heat_map() -> None:
    at = analyse_page()
    at.segmented_control(key="analyse_axis").set_value("modality").run()
    assert x_field(at) == "Modalité"
    assert list(at.dataframe[0].value.columns)[1] == "Modalité"


def test_the_gaps_are_listed_and_a_button_places_a_candidate_there() -> None:
    at = analyse_page()
    assert FIRST_GAP in bullets(at)
    at.button(key="analyse_fill_0_atelier-classe").click().run()
    assert not at.exception, at.exception
    assert FIRST_GAP not in bullets(at)
    placements = opened(at).scenario.placements
    assert placements[-1].brick == "atelier-classe"
    assert placements[-1].start.stage == "premiere"


def test_the_idle_setting_changes_the_stretches_reported() -> None:
    at = analyse_page()
    idle = [b for b in bullets(at) if "rien pendant" in b]
    assert idle
    at.number_input(key="analyse_idle_months").set_value(36).run()
    assert not [b for b in bullets(at) if "rien pendant" in b]


def test_the_walks_are_priced_in_euros() -> None:
    at = analyse_page()
    walks = table_with(at, "Sortie")
    # The mentoring (400 €) and the class workshop (5 €); the computer only with a bursary (450 €).
    assert walks.iloc[0].to_dict() == {
        "Parcours": "Études courtes",
        "Sortie": "Salariat",
        "Non boursière": f"405{NBSP}€",
        "Boursière": f"855{NBSP}€",
    }


def test_a_cohort_plan_with_its_shares_saved_as_a_new_version_drives_the_budget_and_its_chart() -> None:
    at = analyse_page()
    assert budget(at).loc["Total", "Total"] == f"0{NBSP}€"  # the test programme plans no cohort
    assert {bar["Montant (€)"] for bar in budget_bars(at)} == {0}
    version = opened(at).version
    edit_plan(at, [PLAN_ROW], bursary=50, track_court=40, track_long=60)
    view = opened(at)
    assert view.version == version + 1  # saved in the database, as every change
    plan = view.scenario.cohort_plan
    assert [(c.year, c.entrants, c.entry_stage) for c in plan.cohorts] == [(2025, 100, "seconde")]
    assert (plan.tracks, plan.flags) == ({"court": 0.4, "long": 0.6}, {"boursiere": 0.5})
    assert engine_store().get(view.scenario_id).scenario.cohort_plan == plan
    table = budget(at)
    # The class workshop in October 2025: 100 × 5 € and its fixed 1,000 €.
    assert table.loc["Attirer", "2025"] == f"1{NNBSP}500{NBSP}€"
    # January 2028 the mentoring (100 × 400 €), September 2028 the computer for half of them (50 × 450 €).
    assert table.loc["Accompagner", "2028"] == f"62{NNBSP}500{NBSP}€"
    assert table.loc["dont estimé", "2028"] == f"62{NNBSP}500{NBSP}€"
    bars = budget_bars(at)
    assert {"Année civile": "2028", "Volet": "Accompagner", "Coût": "estimé", "Montant (€)": 62_500} in bars
    assert {"Année civile": "2025", "Volet": "Attirer", "Coût": "sourcé", "Montant (€)": 1_500} in bars
    assert "dont 98\u00a0% de coûts estimés" in next(
        c.value for c in at.caption if c.value.startswith("Total")
    )


def test_the_budget_by_school_year_and_by_partner() -> None:
    at = edit_plan(analyse_page(), [PLAN_ROW], bursary=100)
    at.segmented_control(key="analyse_budget_years").set_value("school").run()
    table = budget(at)
    assert list(table.columns)[:2] == ["2025–2026", "2026–2027"]
    # Terminale is the school year 2027–2028: the mentoring of January 2028 falls there.
    assert table.loc["Accompagner", "2027–2028"] == f"40{NNBSP}000{NBSP}€"
    at.segmented_control(key="analyse_budget_by").set_value("partner").run()
    table = budget(at, "Partenaire")
    assert list(table.index) == ["Inria", "Femmes@Numérique", "Sans partenaire", "Total", "dont estimé"]
    assert table.loc["Sans partenaire", "2028–2029"] == f"45{NNBSP}000{NBSP}€"  # the computer names none
    spec = budget_chart(at)
    assert spec["encoding"]["color"]["field"] == "Partenaire"
    assert spec["encoding"]["x"]["field"] == "Année scolaire"
    assert spec["config"]["locale"]["number"]["thousands"] == NNBSP  # « 20 000 000 » on the axis
    at.segmented_control(key="analyse_budget_by").set_value("phase").run()
    assert list(budget(at, "Phase").index)[:3] == [
        "Je construis mon projet",
        "Je réussis ma formation",
        "Je m'épanouis dans mon job",
    ]


def test_a_wrong_cohort_row_is_refused_in_french_and_nothing_is_saved() -> None:
    at = analyse_page()
    version = opened(at).version
    edit_plan(at, [{**PLAN_ROW, "year": 1990}])
    assert at.error[0].value == escape_markdown(
        "Plan de cohortes, ligne 1 : la rentrée doit être une année entre 2000 et 2100."
    )
    assert (opened(at).scenario.cohort_plan, opened(at).version) == (None, version)


def test_exit_shares_that_do_not_make_a_whole_are_refused_in_french() -> None:
    at = edit_plan(analyse_page(), [PLAN_ROW], exit_salariat=50)
    assert at.error[0].value == escape_markdown(
        "Plan de cohortes : les parts des sorties font 116,7 % : elles doivent faire 100 %."
    )
    assert opened(at).scenario.cohort_plan is None


def test_a_plan_saved_over_someone_else_s_version_is_kept_to_be_saved_as_a_copy() -> None:
    at = analyse_page()
    view = opened(at)
    renamed = view.scenario.model_copy(update={"name": "Autre nom"})
    engine_store().save(view.scenario_id, renamed, view.version, "Bea", "Renommage")
    edit_plan(at, [PLAN_ROW])
    assert at.error[0].value.startswith(escape_markdown("Ce scénario a été modifié par Bea à "))
    assert opened(at).scenario.name == "Autre nom"  # the page shows the version saved first
    assert opened(at).conflict is not None  # and the plan typed is not lost
    at.button(key="frise_conflict_copy").click().run()
    assert not at.exception, at.exception
    copy = opened(at).scenario
    assert [c.entrants for c in copy.cohort_plan.cohorts] == [100]


def test_partners_their_load_and_the_single_partner_risk() -> None:
    at = analyse_page()
    table = table_with(at, "Partenaire")
    assert list(table["Partenaire"]) == ["Inria", "Femmes@Numérique"]
    inria = table.iloc[0].to_dict()
    assert inria["Je construis mon projet"] == "Mentorat"  # the brick's short title, not its id
    assert (inria["Heures par bénéficiaire"], inria["Coût par bénéficiaire"]) == (
        f"12{NNBSP}h",
        f"400{NBSP}€",
    )
    assert at.warning[-1].value == escape_markdown(
        "Briques qui ne reposent que sur un partenaire : Mentorat en ligne, Atelier en classe."
    )


def compared_lines(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("- :orange[")]


def test_compare_with_an_earlier_version_finds_the_added_brick_and_highlights_the_budget() -> None:
    at = analyse_page()
    assert at.selectbox(key="analyse_compare_with").placeholder == "Choisir une version ou un scénario"
    at.button(key="analyse_fill_0_atelier-classe").click().run()
    at = edit_plan(at, [PLAN_ROW])
    at.selectbox(key="analyse_compare_with").set_value("version 2 de ce scénario").run()
    assert not at.exception, at.exception
    # Only the plan changed: a sentence says so, the budget table says how much.
    assert compared_lines(at) == [
        "- :orange[" + escape_markdown("Plan de cohortes modifié : 0 entrante → 100 entrantes.") + "]"
    ]
    spend = table_with(at, "Écart").set_index("Année")
    assert spend.loc["2025", "Référence"] == f"0{NBSP}€"
    # The class workshop in seconde (2025) and the one placed in première (2026): 100 × 5 € + 1,000 €.
    assert spend.loc["2025", "Ce scénario"] == f"1{NNBSP}500{NBSP}€"
    assert spend.loc["2026", "Écart"] == f"+1{NNBSP}500{NBSP}€"
    at.selectbox(key="analyse_compare_with").set_value("version 1 de ce scénario").run()
    assert compared_lines(at) == [
        "- :orange[" + escape_markdown(line) + "]"
        for line in (
            "« Atelier en classe » : 1 → 2 placements.",
            "Coût par bénéficiaire : 855 € → 860 €.",
            "Plan de cohortes modifié : 0 entrante → 100 entrantes.",
        )
    ]


def test_compare_with_another_saved_scenario_and_its_scores() -> None:
    at = analyse_page()
    view = opened(at)
    store = engine_store()
    other = store.create(Scenario(name="Frise courte", placements=view.scenario.placements[:1]), "Bea")
    scores = ScoreStore(store.engine)
    sheet = ScoreSheet(brick="atelier-classe", evaluator="Bea", scores={"pertinence": 4})
    scores.save_sheet(other.id, sheet, as_evaluator="Bea")
    at.run()
    at.selectbox(key="analyse_compare_with").set_value("scénario « Frise courte » (version 1)").run()
    assert not at.exception, at.exception
    lines = compared_lines(at)
    assert (
        "- :orange[" + escape_markdown("Seulement dans ce scénario : « Mentorat en ligne ».") + "]" in lines
    )
    notes = table_with(at, "Brique").set_index("Brique")
    # Scored in the other scenario only: the row differs, and the mean score says so.
    assert notes.loc["Atelier en classe", "Ce scénario"] == "—"
    assert notes.loc["Atelier en classe", "Référence"] != "—"
    assert any("Note moyenne des briques notées" in line for line in lines)


def test_the_communication_plan_of_a_cohort_in_french_dates_and_its_files() -> None:
    at = analyse_page()
    at.selectbox(key="analyse_cohort").set_value(2025).run()
    table = table_with(at, "Moment")
    assert ("01/01/2028", "Vœux Parcoursup") in list(zip(table["Début"], table["Moment"], strict=True))
    assert [b.proto.label for b in at.get("download_button")] == [
        "Télécharger (CSV)",
        "Ajouter à un agenda (ICS)",
    ]

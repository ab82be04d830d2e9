"""The analyse page: the coverage heat map and its table, the gaps, and a button that fills one."""

import json

from helpers import app_test
from streamlit.testing.v1 import AppTest

from tpt_model.text import escape_markdown
from ui.state import STATE_KEY


def analyse_page() -> AppTest:
    at = app_test().run()
    at.switch_page("pages/analyse.py").run()
    assert not at.exception, at.exception
    return at


def x_field(at: AppTest) -> str:
    """The heat map's column field (Streamlit moves the chart's rows out of the spec)."""
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    return spec["layer"][0]["encoding"]["x"]["field"]


def bullets(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("- ")]


FIRST_GAP = "- " + escape_markdown("Aucune action en « Première ».")


def test_the_heat_map_and_its_table_show_the_open_scenario() -> None:
    at = analyse_page()
    assert at.title[0].value == "Analyse du parcours"
    assert x_field(at) == "Volet"
    table = at.dataframe[0].value
    assert table.shape == (18, 4)
    assert table.iloc[0].to_dict() == {
        "Étape": "Seconde",
        "Volet": "Attirer",
        "Placements": "1",
        "Heures par bénéficiaire": "1\u202fh",
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
    placements = at.session_state[STATE_KEY].frise.scenario.placements
    assert placements[-1].brick == "atelier-classe"
    assert placements[-1].start.stage == "premiere"


def test_the_idle_setting_changes_the_stretches_reported() -> None:
    at = analyse_page()
    idle = [b for b in bullets(at) if "rien pendant" in b]
    assert idle
    at.number_input(key="analyse_idle_months").set_value(36).run()
    assert not [b for b in bullets(at) if "rien pendant" in b]


def budget_rows(at: AppTest) -> list[dict]:
    table = next(d.value for d in at.dataframe if "Année" in d.value.columns)
    return table.to_dict("records")


def test_a_cohort_plan_edited_and_saved_drives_the_budget() -> None:
    at = analyse_page()
    assert all(
        row["Montant (€)"] == "0\u00a0€" for row in budget_rows(at)
    )  # the test programme plans no cohort
    at.session_state["analyse_cohorts"] = {
        "edited_rows": {},
        "added_rows": [{"year": 2025, "entrants": 100, "entry_stage": "seconde"}],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="analyse_save_plan").click().run()
    assert not at.exception, at.exception
    plan = at.session_state[STATE_KEY].frise.scenario.cohort_plan
    assert [(c.year, c.entrants, c.entry_stage) for c in plan.cohorts] == [(2025, 100, "seconde")]
    # The class workshop in October of seconde: 100 × 5 € and its fixed 1,000 € in 2025.
    assert {"Année": "2025", "Volet": "Attirer", "Montant (€)": "1\u202f500\u00a0€"} in budget_rows(at)


def test_a_wrong_cohort_row_is_refused_in_french() -> None:
    at = analyse_page()
    at.session_state["analyse_cohorts"] = {
        "edited_rows": {},
        "added_rows": [{"year": 1990, "entrants": 100, "entry_stage": "seconde"}],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="analyse_save_plan").click().run()
    assert at.error[0].value == escape_markdown(
        "Plan de cohortes, ligne 1 : la rentrée doit être une année entre 2000 et 2100."
    )
    assert at.session_state[STATE_KEY].frise.scenario.cohort_plan is None


def test_partners_their_load_and_the_single_partner_risk() -> None:
    at = analyse_page()
    table = next(d.value for d in at.dataframe if "Partenaire" in d.value.columns)
    assert list(table["Partenaire"]) == ["Inria", "Femmes@Numérique"]
    assert at.warning[-1].value == escape_markdown(
        "Briques qui ne reposent que sur un partenaire : Mentorat en ligne, Atelier en classe."
    )


def test_compare_with_an_earlier_version_finds_the_added_brick() -> None:
    at = analyse_page()
    at.button(key="analyse_fill_0_atelier-classe").click().run()
    at.selectbox(key="analyse_compare_with").set_value("version 1 de ce scénario").run()
    assert not at.exception, at.exception
    lines = [m.value for m in at.markdown if m.value.startswith("- :orange[")]
    assert lines == [
        "- :orange[" + escape_markdown(line) + "]"
        for line in ("« Atelier en classe » : 1 → 2 placements.", "Coût par bénéficiaire : 855 € → 860 €.")
    ]


def test_the_communication_plan_of_a_cohort_and_its_files() -> None:
    at = analyse_page()
    at.selectbox(key="analyse_cohort").set_value(2025).run()
    table = next(d.value for d in at.dataframe if "Moment" in d.value.columns)
    assert ("01/01/2028", "Vœux Parcoursup") in list(zip(table["Début"], table["Moment"], strict=True))
    assert [b.proto.label for b in at.get("download_button")] == [
        "Télécharger (CSV)",
        "Ajouter à un agenda (ICS)",
    ]

"""The evaluation page: score bricks one by one, consensus, weights that re-rank, matrix and exports."""

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from helpers import ROOT, TITLES, app_test, set_weight
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from tpt_model import load_catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.scoring import disagreement_rule
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.session.evaluation import SCENARIO_GONE
from tpt_model.settings import load_settings
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from tpt_model.text import escape_markdown
from ui.evaluation_scoring import NAME_NEEDED
from ui.state import STATE_KEY

SUBMIT = "eval_submit"


def score_store() -> ScoreStore:
    """A store on the page's database (TPT_DATA_DIR is set by the `isolated_app` fixture)."""
    return ScoreStore(open_database(load_settings().database_url))


def evaluation_page(author: str = "") -> AppTest:
    at = app_test().run()
    # After its first run AppTest runs the page script alone, so the sidebar's name field cannot be
    # typed into here: set the name it would have set.
    at.session_state[STATE_KEY].author = author
    at.switch_page("pages/evaluation.py").run()
    assert not at.exception, at.exception
    return at


def scenario_id(at: AppTest) -> str:
    return at.session_state[STATE_KEY].frise.scenario_id


def as_evaluator(at: AppTest, name: str) -> AppTest:
    at.text_input(key="eval_name").set_value(name).run()
    assert not at.exception, at.exception
    return at


def progress(at: AppTest) -> str:
    return at.get("progress")[0].proto.text


def subheader(at: AppTest) -> str:
    return at.header[0].value


def scores(at: AppTest) -> dict[str, int | None]:
    return {r.key.removeprefix("eval_score_"): r.value for r in at.radio if r.key.startswith("eval_score_")}


def submit(at: AppTest, comment: str | None = None, **values: int) -> AppTest:
    for criterion, value in values.items():
        at.radio(key=f"eval_score_{criterion}").set_value(value)
    if comment is not None:
        at.text_area(key="eval_comment").set_value(comment)
    at.button(key=SUBMIT).click().run()
    assert not at.exception, at.exception
    return at


def section(at: AppTest, name: str) -> AppTest:
    at.button_group(key="eval_section").set_value(name).run()
    assert not at.exception, at.exception
    return at


def ranking(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def click_bubble(at: AppTest, brick_id: str) -> AppTest:
    """What the browser sends when a bubble is clicked (AppTest has no API for chart selections)."""
    chart = at.get("vega_lite_chart")[0]
    states = at._tree.get_widget_states()
    selection = {"selection": {"brick": [{"brick_id": brick_id}]}}
    states.widgets.append(WidgetState(id=chart.proto.id, string_value=json.dumps(selection)))
    at._run(widget_state=states)
    assert not at.exception, at.exception
    return at


def test_names_the_scenario_and_asks_for_an_evaluator() -> None:
    at = evaluation_page()
    assert at.title[0].value == "Évaluation des briques"
    assert "Scénario évalué : **Mini parcours** (version 1) · 3 briques à noter" in [
        m.value for m in at.markdown
    ]
    assert not at.error, "no error box on a page nobody has used yet"
    assert [i.value for i in at.info] == [NAME_NEEDED]
    assert not at.radio


def test_the_name_given_in_qui_etes_vous_is_the_evaluator_s() -> None:
    at = evaluation_page()
    at.text_input(key="app_name_prompt").set_value("Béatrice").run()  # typed, then Enter
    assert not at.exception, at.exception
    assert at.session_state[STATE_KEY].author == "Béatrice"
    assert "app_name_prompt" not in [t.key for t in at.text_input], "the question is answered"
    assert at.text_input(key="eval_name").value == "Béatrice"
    assert not at.error and not at.info
    assert subheader(at) == "Atelier en classe"


def test_the_evaluator_s_name_answers_qui_etes_vous() -> None:
    at = as_evaluator(evaluation_page(), "Chloé")
    assert at.session_state[STATE_KEY].author == "Chloé"
    assert "app_name_prompt" not in [t.key for t in at.text_input]
    at.switch_page("pages/frise.py").run()
    assert "app_name_prompt" not in [t.key for t in at.text_input], "not asked again on another page"


def test_the_author_is_the_default_evaluator() -> None:
    at = evaluation_page(author="Béatrice")
    assert at.text_input(key="eval_name").value == "Béatrice"
    assert not at.error
    assert subheader(at) == "Atelier en classe"


def test_the_form_shows_cost_and_hours_beside_the_levels() -> None:
    at = as_evaluator(evaluation_page(), "Alice")
    at.button(key="eval_next").click().run()
    assert subheader(at) == "Mentorat en ligne"
    # Two columns side by side: the form (three fifths) and the facts (two fifths).
    form_column = next(c for c in at.columns if c.get("form"))
    facts_column = next(c for c in at.columns if "**Repères pour noter**" in [m.value for m in c.markdown])
    assert (form_column.weight, facts_column.weight) == pytest.approx((0.6, 0.4))
    facts = "\n".join(m.value for m in facts_column.markdown)
    assert "- **Coût** : 400\u00a0€ par bénéficiaire, 0\u00a0€ de coûts fixes" in facts
    assert "- **Temps** : 12\u202fh par bénéficiaire" in facts
    assert form_column.radio(key="eval_score_abordable").options[0] == "1 — Très coûteuse"


def test_score_the_bricks_one_after_the_other() -> None:
    at = as_evaluator(evaluation_page(), "Alice")
    assert progress(at) == "Brique 1 / 3"
    assert at.caption[1].value == "0 / 3 briques notées par « Alice »"
    assert subheader(at) == "Atelier en classe"
    assert scores(at) == {"pertinence": None, "simplicite": None, "abordable": None}
    assert at.radio(key="eval_score_pertinence").options == [
        "1 — Peu pertinente",
        "2 — Utile",
        "3 — Pertinente",
        "4 — Essentielle",
    ]
    assert at.radio(key="eval_score_pertinence").help == "L'action répond-elle à un frein réel ?"

    submit(at, comment="Très bien", pertinence=4, simplicite=2, abordable=3)
    assert progress(at) == "Brique 2 / 3"
    assert subheader(at) == "Mentorat en ligne"
    assert [s.value for s in at.success] == [escape_markdown("Notes de « Alice » enregistrées.")]
    assert at.caption[1].value == "1 / 3 briques notées par « Alice »"
    assert scores(at) == {"pertinence": None, "simplicite": None, "abordable": None}
    assert at.text_area(key="eval_comment").value == ""
    assert score_store().sheets(scenario_id(at)) == [
        ScoreSheet(
            brick="atelier-classe",
            evaluator="Alice",
            scores={"pertinence": 4, "simplicite": 2, "abordable": 3},
            comment="Très bien",
        )
    ]

    at.button(key="eval_next").click().run()
    assert progress(at) == "Brique 3 / 3"
    assert at.button(key="eval_next").disabled
    at.button(key="eval_prev").click().run()
    at.button(key="eval_prev").click().run()
    assert progress(at) == "Brique 1 / 3"
    assert scores(at) == {"pertinence": 4, "simplicite": 2, "abordable": 3}


def test_a_blank_form_is_not_saved() -> None:
    at = as_evaluator(evaluation_page(), "Alice")
    submit(at, comment="Sans note")
    assert [e.value for e in at.error] == [
        escape_markdown("Choisissez au moins une note avant d'enregistrer.")
    ]
    assert progress(at) == "Brique 1 / 3"
    assert score_store().sheets(scenario_id(at)) == []


def test_existing_scores_are_filled_in() -> None:
    at = evaluation_page()
    store, sid = score_store(), scenario_id(at)
    store.save_sheet(
        sid,
        ScoreSheet(
            brick="atelier-classe",
            evaluator="Alice",
            scores={"pertinence": 1, "abordable": 4},
            comment="Déjà",
        ),
        as_evaluator="Alice",
    )
    store.save_sheet(
        sid, ScoreSheet(brick="mentorat", evaluator="Alice", scores={"simplicite": 3}), as_evaluator="Alice"
    )
    as_evaluator(at, "Alice")
    # Scores already stand under that name: the session says they are hers before taking them over.
    assert "Des notes existent déjà sous le nom « Alice »" in at.warning[0].value
    assert not at.radio
    at.button(key="eval_claim").click().run()
    assert scores(at) == {"pertinence": 1, "simplicite": None, "abordable": 4}
    assert at.text_area(key="eval_comment").value == "Déjà"
    assert at.caption[1].value == "2 / 3 briques notées par « Alice »"
    at.button(key="eval_next").click().run()
    assert scores(at) == {"pertinence": None, "simplicite": 3, "abordable": None}
    # Streamlit forgets the values of widgets it did not draw: they come back from the store.
    section(section(at, "results"), "score")
    assert progress(at) == "Brique 2 / 3"
    assert scores(at) == {"pertinence": None, "simplicite": 3, "abordable": None}
    as_evaluator(at, "Bob")  # Bob has not scored anything yet
    assert scores(at) == {"pertinence": None, "simplicite": None, "abordable": None}
    # Changing one score keeps the others of the sheet.
    as_evaluator(at, "Alice")
    at.selectbox(key="eval_jump").set_value(0).run()
    submit(at, pertinence=2)
    assert {s.brick: s.scores for s in store.sheets(sid)}["atelier-classe"] == {
        "pertinence": 2,
        "abordable": 4,
    }


def test_group_consensus_saves_under_groupe() -> None:
    at = as_evaluator(evaluation_page(), "Alice")
    at.toggle(key="eval_group").set_value(True).run()
    assert "eval_name" not in [t.key for t in at.text_input]
    assert "Notes enregistrées sous le nom « Groupe »." in [c.value for c in at.caption]
    submit(at, pertinence=3)
    assert [(s.evaluator, s.scores) for s in score_store().sheets(scenario_id(at))] == [
        ("Groupe", {"pertinence": 3})
    ]
    at.toggle(key="eval_group").set_value(False).run()
    assert at.text_input(key="eval_name").value == "Alice"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Référence catalogue",
            "« Référence catalogue » est réservé aux notes du catalogue : choisissez un autre nom.",
        ),
        (
            "référence  CATALOGUE",
            "« Référence catalogue » est réservé aux notes du catalogue : choisissez un autre nom.",
        ),
        ("x" * 61, "Le nom de l'évaluatrice ou de l'évaluateur ne doit pas dépasser 60 caractères."),
    ],
)
def test_bad_evaluator_names_are_refused(name: str, message: str) -> None:
    at = as_evaluator(evaluation_page(), name)
    assert [e.value for e in at.error] == [escape_markdown(message)]
    assert not at.radio and SUBMIT not in [b.key for b in at.button]
    assert at.session_state[STATE_KEY].author == "", "a refused name does not become the session's"


def test_a_blank_evaluator_name_asks_for_one_without_an_error() -> None:
    at = as_evaluator(evaluation_page(), "   ")
    assert not at.error and [i.value for i in at.info] == [NAME_NEEDED]
    assert not at.radio


def test_a_deleted_scenario_is_said_when_saving() -> None:
    at = as_evaluator(evaluation_page(), "Alice")
    ScenarioStore(open_database(load_settings().database_url)).delete(scenario_id(at))
    submit(at, pertinence=3)
    assert [e.value for e in at.error] == [escape_markdown(SCENARIO_GONE)]
    assert progress(at) == "Brique 1 / 3"


def weighted_setup() -> AppTest:
    """Alice alone: atelier first with the programme's weights, mentorat first when pertinence weighs 5."""
    at = evaluation_page()
    store, sid = score_store(), scenario_id(at)
    for brick, values in {
        "atelier-classe": {"pertinence": 2, "simplicite": 4, "abordable": 4},
        "mentorat": {"pertinence": 4, "simplicite": 1, "abordable": 1},
    }.items():
        store.save_sheet(sid, ScoreSheet(brick=brick, evaluator="Alice", scores=values), as_evaluator="Alice")
    section(at, "results")
    return at


def test_weights_change_the_ranking_live() -> None:
    at = weighted_setup()
    assert [s.value for s in at.select_slider] == [2.0, 1.0, 1.0]
    assert at.select_slider(key="eval_weight_pertinence").options[:4] == ["0", "0,5", "1", "1,5"]
    table = ranking(at)
    assert list(table["Brique"]) == TITLES[:2], "the brick nobody scored is listed apart"
    assert list(table["Total pondéré"]) == ["66,7", "50"]
    assert list(table.columns) == [
        "Rang",
        "Brique",
        "Volet",
        "Pertinence",
        "Simplicité de mise en œuvre",
        "Caractère abordable",
        "Total pondéré",
        "Référence catalogue",
        "Évaluations",
        "À discuter",
    ]
    assert escape_markdown("Non notées (1) : Ordinateur offert") in [c.value for c in at.caption]
    assert not at.info
    rule = disagreement_rule(load_catalogue(ROOT / "tests" / "data" / "catalogue").programme)
    assert escape_markdown(rule) in [c.value for c in at.caption]

    at.select_slider(key="eval_weight_pertinence").set_value(5.0).run()
    assert not at.exception, at.exception
    assert list(ranking(at)["Brique"]) == ["Mentorat en ligne", "Atelier en classe"]
    assert [i.value for i in at.info] == [
        escape_markdown("Avec ces poids, 2 briques changent de rang par rapport aux poids du programme.")
    ]

    at.button(key="eval_weights_reset").click().run()
    assert [s.value for s in at.select_slider] == [2.0, 1.0, 1.0]
    assert list(ranking(at)["Brique"]) == TITLES[:2]
    assert not at.info


def test_a_heavy_programme_weight_is_shown_and_used_as_it_is(isolated_app: Path) -> None:
    set_weight(isolated_app, "pertinence", 10)
    at = weighted_setup()
    slider = at.select_slider(key="eval_weight_pertinence")
    assert (slider.value, slider.options[0], slider.options[-1]) == (10.0, "0", "20")
    # mentorat: pertinence 4/4, the rest 1/4: 100 × 10 / 12; atelier: (10 × 1/3 + 1 + 1) / 12.
    assert list(ranking(at)["Brique"])[:2] == ["Mentorat en ligne", "Atelier en classe"]
    assert list(ranking(at)["Total pondéré"]) == ["83,3", "44,4"]
    assert not at.info, "the programme's own weights change no rank"
    at.select_slider(key="eval_weight_pertinence").set_value(15.0).run()
    assert list(ranking(at)["Total pondéré"]) == ["88,2", "41,2"]


def test_weights_and_reference_choice_survive_a_section_switch() -> None:
    at = weighted_setup()
    at.select_slider(key="eval_weight_simplicite").set_value(0.5).run()
    section(at, "score")
    section(at, "results")
    assert [s.value for s in at.select_slider] == [2.0, 0.5, 1.0]
    assert at.checkbox(key="eval_include_reference").value is False


def test_section_weights_and_reference_choice_survive_a_visit_to_another_page() -> None:
    at = weighted_setup()
    at.select_slider(key="eval_weight_pertinence").set_value(5.0).run()
    at.switch_page("pages/frise.py").run()
    at.switch_page("pages/evaluation.py").run()
    assert at.button_group(key="eval_section").value == "results"
    assert [s.value for s in at.select_slider] == [5.0, 1.0, 1.0]
    assert at.checkbox(key="eval_include_reference").value is False
    assert list(ranking(at)["Brique"])[0] == "Mentorat en ligne"


def test_the_evaluator_and_the_brick_survive_a_visit_to_another_page() -> None:
    at = as_evaluator(evaluation_page("Inès"), "Alice")
    at.selectbox(key="eval_jump").set_value(2).run()
    at.switch_page("pages/catalogue.py").run()
    at.switch_page("pages/evaluation.py").run()
    assert at.text_input(key="eval_name").value == "Alice"
    assert at.selectbox(key="eval_jump").value == 2
    assert progress(at) == "Brique 3 / 3"
    at.toggle(key="eval_group").set_value(True).run()
    at.switch_page("pages/frise.py").run()
    at.switch_page("pages/evaluation.py").run()
    assert at.toggle(key="eval_group").value is True
    assert at.session_state[STATE_KEY].evaluation.evaluator_name("Inès") == "Groupe"


def test_the_reference_is_off_by_default_shown_apart_and_never_a_voter() -> None:
    at = evaluation_page()
    section(at, "results")
    assert at.checkbox(key="eval_include_reference").value is False
    assert ranking(at).empty, "no brick ranks before someone in the room scores it"
    assert escape_markdown("Non notées (3) : " + ", ".join(TITLES)) in [c.value for c in at.caption]
    # Alice disagrees with the reference by 3 levels on the mentorat: nothing to discuss for that.
    sheet = ScoreSheet(brick="mentorat", evaluator="Alice", scores={"pertinence": 1})
    score_store().save_sheet(scenario_id(at), sheet, as_evaluator="Alice")
    at.run()
    table = ranking(at)
    assert list(table["Brique"]) == ["Mentorat en ligne"]
    assert (table["Évaluations"][0], table["Référence catalogue"][0], table["À discuter"][0]) == (
        "1",
        "83,3",
        "",
    )
    at.checkbox(key="eval_include_reference").check().run()
    table = ranking(at)
    assert dict(zip(table["Brique"], table["Évaluations"], strict=True)) == dict(
        zip(TITLES, "121", strict=True)
    )
    assert list(table["À discuter"]) == ["", "", ""]
    assert not [c.value for c in at.caption if c.value.startswith("Non notées")]


def test_matrix_with_its_table_twin_and_the_clicked_brick() -> None:
    at = evaluation_page()
    store, sid = score_store(), scenario_id(at)
    for who, value, comment in [("Alice", 1, "**Trop** <b>cher</b>"), ("Bob", 4, None)]:
        sheet = ScoreSheet(brick="mentorat", evaluator=who, scores={"pertinence": value}, comment=comment)
        store.save_sheet(sid, sheet, as_evaluator=who)
    section(at, "results")
    charts = at.get("vega_lite_chart")
    assert [c.key for c in charts] == ["eval_matrix"]
    spec = json.loads(charts[0].proto.spec)
    assert [(p["name"], p["select"]["fields"]) for p in spec["params"]] == [("brick", ["brick_id"])]
    assert list(charts[0].proto.selection_mode) == ["brick"]
    assert len(at.dataframe) == 1, "the table twin waits for its toggle"
    at.toggle(key="eval_matrix_table").set_value(True).run()
    twin = at.dataframe[1].value
    assert "Quadrant" in twin.columns and sorted(twin["Brique"]) == sorted(TITLES)
    assert at.selectbox(key="eval_detail_brick").value is None

    click_bubble(at, "mentorat")
    assert at.selectbox(key="eval_detail_brick").value == "mentorat"
    texts = [m.value for m in at.markdown]
    assert any(t.startswith("**Mentorat en ligne** · rang") and "à discuter" in t for t in texts)
    assert "- *Alice* : " + escape_markdown("**Trop** <b>cher</b>") in texts
    assert any(
        "Pertinence : moyenne 2,5, médiane 2,5, de 1 à 4 \\(2 notes\\) — désaccord" in t for t in texts
    )

    at.selectbox(key="eval_detail_brick").set_value("ordinateur").run()
    assert any(t.startswith("**Ordinateur offert**") for t in (m.value for m in at.markdown))


def test_a_fourth_criterion_needs_no_code(
    isolated_app: Path, add_impact_criterion: Callable[[Path], None]
) -> None:
    add_impact_criterion(isolated_app)
    at = as_evaluator(evaluation_page(), "Alice")
    assert list(scores(at)) == ["pertinence", "simplicite", "abordable", "impact"]
    assert at.radio(key="eval_score_impact").options == [
        "1 — Aucun",
        "2 — Faible",
        "3 — Moyen",
        "4 — Fort",
        "5 — Décisif",
    ]
    submit(at, impact=5)
    assert score_store().sheets(scenario_id(at))[0].scores == {"impact": 5}
    section(at, "results")
    assert [s.key for s in at.select_slider][-1] == "eval_weight_impact"
    table = ranking(at)
    assert "Impact" in table.columns
    assert dict(zip(table["Brique"], table["Impact"], strict=True))["Atelier en classe"] == "5"
    # The matrix can put the new criterion on an axis.
    at.selectbox(key="eval_axis_y").set_value("impact").run()
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert "Impact (moyenne)" in json.dumps(spec, ensure_ascii=False)


def test_exports() -> None:
    at = as_evaluator(evaluation_page(), "Alice")
    submit(at, pertinence=3)
    section(at, "export")
    downloads = at.get("download_button")
    assert [d.key for d in downloads] == ["eval_csv"]
    at.button(key="eval_xlsx_prepare").click().run()
    assert not at.exception, at.exception
    assert [d.key for d in at.get("download_button")] == ["eval_csv", "eval_xlsx"]


def test_an_empty_scenario_says_what_to_do() -> None:
    ScenarioStore(open_database(load_settings().database_url)).create(Scenario(name="Vide"), "Test")
    at = evaluation_page()
    assert [i.value for i in at.info] == [
        "Ce scénario ne contient encore aucune brique du catalogue : ajoutez-en sur la page Frise."
    ]
    assert not at.button_group


def test_save_and_go_back() -> None:
    at = evaluation_page(author="Chloé")
    at.button(key="eval_next").click().run()
    assert subheader(at) == "Mentorat en ligne"
    at.radio(key="eval_score_pertinence").set_value(2)
    at.button(key="eval_submit_back").click().run()
    assert subheader(at) == "Atelier en classe"
    sheets = score_store().sheets(scenario_id(at))
    assert [(s.brick, s.evaluator, s.scores) for s in sheets] == [("mentorat", "Chloé", {"pertinence": 2})]

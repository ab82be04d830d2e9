"""The catalogue page filters bricks and shows the chosen brick's card."""

from pathlib import Path

from helpers import app_test
from streamlit.testing.v1 import AppTest

from tpt_model.text import escape_markdown
from ui.state import STATE_KEY


def catalogue_page() -> AppTest:
    at = app_test().run()
    return at.switch_page("pages/catalogue.py").run()


TITLE = {
    "atelier-classe": "Atelier en classe",
    "mentorat": "Mentorat en ligne",
    "ordinateur": "Ordinateur offert",
}
ID = {title: brick for brick, title in TITLE.items()}


def table_ids(at: AppTest) -> list[str]:
    """The bricks listed, by id (the table itself shows titles only)."""
    return [ID[title] for title in at.dataframe[0].value["Brique"]]


def test_lists_every_brick_at_first() -> None:
    at = catalogue_page()
    assert table_ids(at) == ["atelier-classe", "mentorat", "ordinateur"]
    assert "3 briques sur 3" in at.caption[0].value


def test_the_table_starts_with_the_title_and_writes_numbers_the_french_way(catalogue_dir: Path) -> None:
    path = catalogue_dir / "bricks" / "mentorat.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "hours_per_beneficiary: 12", "hours_per_beneficiary: 547.5"
    )
    path.write_text(text.replace("per_beneficiary_eur: 400", "per_beneficiary_eur: 1234.5"), encoding="utf-8")
    at = catalogue_page()
    table = at.dataframe[0].value
    assert list(table.columns)[0] == "Brique"
    assert "id" not in table.columns and "mentorat" not in table.to_string()
    row = table[table["Brique"] == "Mentorat en ligne"].iloc[0]
    assert (row["Coût / bénéficiaire"], row["Heures / bénéficiaire"]) == (
        "1\u202f234,50\u00a0€",
        "547,5\u202fh",
    )
    assert table[table["Brique"] == "Ordinateur offert"].iloc[0]["Partenaires"] == "—"


def test_filters_by_pillar_and_modality() -> None:
    at = catalogue_page()
    at.multiselect(key="catalogue_pillars").set_value(["empower"]).run()
    assert table_ids(at) == ["mentorat", "ordinateur"]
    at.multiselect(key="catalogue_modalities").set_value(["materiel"]).run()
    assert table_ids(at) == ["ordinateur"]


def test_filters_by_phase_partner_and_text() -> None:
    at = catalogue_page()
    at.multiselect(key="catalogue_phases").set_value(["construire"]).run()
    assert table_ids(at) == ["atelier-classe", "mentorat"]
    at.multiselect(key="catalogue_partners").set_value(["inria"]).run()
    assert table_ids(at) == ["mentorat"]
    at.multiselect(key="catalogue_phases").set_value([]).run()
    at.multiselect(key="catalogue_partners").set_value([]).run()
    at.text_input(key="catalogue_text").set_value("ÉQUIPEMENT").run()
    assert table_ids(at) == ["ordinateur"]


def test_nothing_found_says_so() -> None:
    at = catalogue_page()
    at.text_input(key="catalogue_text").set_value("licorne").run()
    assert "Aucune brique" in at.warning[0].value
    assert not at.exception


def test_card_of_chosen_brick() -> None:
    at = catalogue_page()
    at.selectbox(key="catalogue_selected").set_value("mentorat").run()
    card = "\n".join(m.value for m in at.markdown)
    assert "Mentorat en ligne" in card
    assert "estimation d'après un programme comparable" in card
    assert "Pertinence : **4**/4" in card


def test_the_chosen_card_and_the_filters_survive_a_visit_to_another_page() -> None:
    at = catalogue_page()
    at.multiselect(key="catalogue_pillars").set_value(["empower"]).run()
    at.selectbox(key="catalogue_selected").set_value("ordinateur").run()
    at.switch_page("pages/frise.py").run()
    at.switch_page("pages/catalogue.py").run()
    view = at.session_state[STATE_KEY].catalogue
    assert (view.selected, view.filter.pillars) == ("ordinateur", ("empower",))
    assert at.selectbox(key="catalogue_selected").value == "ordinateur"
    assert at.multiselect(key="catalogue_pillars").value == ["empower"]
    assert table_ids(at) == ["mentorat", "ordinateur"]
    assert any(m.value.startswith("## Ordinateur offert") for m in at.markdown)


def test_the_chosen_card_follows_the_state() -> None:
    at = catalogue_page()
    at.session_state[STATE_KEY].catalogue.selected = "mentorat"  # as a click on the table's row does
    at.run()
    assert at.selectbox(key="catalogue_selected").value == "mentorat"


def test_broken_brick_is_reported_and_others_still_listed(isolated_app: Path) -> None:
    (isolated_app / "bricks" / "mentorat.yaml").write_text("id: mentorat\npillar: [\n", encoding="utf-8")
    at = app_test().run()
    assert [w.value for w in at.sidebar.warning] == [escape_markdown("1 erreur dans 1 fichier du catalogue")]
    assert not at.sidebar.code, "the list is drawn only when asked for"
    at.toggle(key="app_problems_detail").set_value(True).run()
    problems = "\n".join(c.value for c in at.sidebar.code)
    assert "bricks/mentorat.yaml:3:1: (syntaxe): YAML invalide" in problems
    at.switch_page("pages/catalogue.py").run()
    assert table_ids(at) == ["atelier-classe", "ordinateur"]
    assert not at.exception


def test_a_warning_is_listed_and_its_brick_kept(isolated_app: Path) -> None:
    path = isolated_app / "bricks" / "mentorat.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("supports: [action, partners]", "supports: [partners]"),
        encoding="utf-8",
    )
    at = app_test().run()
    assert [w.value for w in at.sidebar.warning] == [
        escape_markdown("1 avertissement dans 1 fichier du catalogue")
    ]
    at.toggle(key="app_problems_detail").set_value(True).run()
    problems = "\n".join(c.value for c in at.sidebar.code)
    assert (
        "bricks/mentorat.yaml:30:3: sources: avertissement : aucune source ne dit que le programme"
        in problems
    )
    at.switch_page("pages/catalogue.py").run()
    assert table_ids(at) == ["atelier-classe", "mentorat", "ordinateur"]

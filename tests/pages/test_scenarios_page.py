"""The scenarios page lists, creates, opens, renames, copies, deletes, restores, imports and exports.

Tests start on the scenarios page itself (switching before the first run), so that they do not
depend on what the frise page does on its first visit.
"""

import shutil
from pathlib import Path

import pytest
from helpers import app_test
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.errors import AppTestError

from tpt_model import Catalogue, load_catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.formatting import time_label
from tpt_model.scenario.files import export_bytes, parse_scenario, scenario_file_name
from tpt_model.session.app import AppState
from tpt_model.session.frise import ensure_open, open_scenario
from tpt_model.settings import load_settings
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.text import escape_markdown

PAGE = "pages/scenarios.py"


@pytest.fixture
def store(isolated_app: Path) -> ScenarioStore:  # noqa: ARG001 (the database URL comes from its env)
    """A second connection to the database the app uses."""
    return ScenarioStore(open_database(load_settings().database_url))


@pytest.fixture
def catalogue(isolated_app: Path) -> Catalogue:
    return load_catalogue(isolated_app)


def scenarios_page(author: str = "") -> AppTest:
    at = app_test()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    # What app.py copies from the sidebar's name field: after a page switch, AppTest runs the page
    # alone (not app.py), so the sidebar cannot be driven here.
    state(at).author = author
    return at


def state(at: AppTest) -> AppState:
    return at.session_state["tpt_state"]


def rows(at: AppTest) -> list[dict[str, object]]:
    return at.dataframe[0].value.to_dict("records")


def names(at: AppTest) -> list[str]:
    return [row["Nom"] for row in rows(at)]


def success(at: AppTest) -> str:
    assert not at.error, [e.value for e in at.error]
    return at.success[0].value


def error(at: AppTest) -> str:
    assert not at.success, [s.value for s in at.success]
    return at.error[0].value


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    assert not at.warning, [w.value for w in at.warning]
    return at


def choose(at: AppTest, scenario_id: str) -> AppTest:
    at.selectbox(key="scenarios_selected").set_value(scenario_id).run()
    return at


# The list


def test_empty_library_invites_to_create_or_import() -> None:
    at = scenarios_page()
    assert at.title[0].value == "Scénarios"
    assert at.info[0].value == "Aucun scénario pour l'instant : créez-en un ou importez un fichier YAML."
    assert not at.dataframe
    assert at.button(key="scenarios_create")
    assert at.file_uploader(key="scenarios_import_file")


def test_lists_the_scenario_the_frise_opened(store: ScenarioStore, catalogue: Catalogue) -> None:
    at = app_test().run()  # the frise page, default
    frise = state(at).frise
    ensure_open(frise, store, catalogue, "Alice")  # what the frise page does on a first visit
    at.switch_page(PAGE).run()
    assert not at.exception
    info = store.get(frise.scenario_id)
    opened = [row for row in rows(at) if row["Ouvert"]]
    assert opened == [
        {
            "Ouvert": "▶ ouvert",
            "Nom": info.scenario.name,
            "Groupe de travail": "GT1 · Briques du programme"
            if info.scenario.working_group == "gt1"
            else "—",
            "Version": str(info.version),
            "Modifié": time_label(info.updated_at),
            "Par": info.updated_by,
        }
    ]
    assert at.selectbox(key="scenarios_selected").value == frise.scenario_id


def test_lists_most_recent_first_with_group_version_date_author(
    store: ScenarioStore, catalogue: Catalogue
) -> None:
    first = store.create(Scenario(name="Atelier **gras**"), "Alice")
    second = store.create(catalogue.template("mini"), "Bob")
    store.rename(first.id, "Atelier <b>Lyon</b>", 1, "Chloé")
    at = scenarios_page()
    latest = store.get(first.id)
    assert rows(at) == [
        {
            "Ouvert": "",
            "Nom": "Atelier <b>Lyon</b>",  # a dataframe shows user text as it is
            "Groupe de travail": "—",
            "Version": "2",
            "Modifié": time_label(latest.updated_at),
            "Par": "Chloé",
        },
        {
            "Ouvert": "",
            "Nom": "Mini parcours",
            "Groupe de travail": "GT1 · Briques du programme",
            "Version": "1",
            "Modifié": time_label(second.updated_at),
            "Par": "Bob",
        },
    ]
    assert at.caption[0].value == "2 scénarios, du plus récemment modifié au plus ancien."


# Create and open


def test_create_blank_requires_a_name(store: ScenarioStore) -> None:
    at = scenarios_page()
    assert at.selectbox(key="scenarios_new_source").value == ""  # the test catalogue has no parcours-type
    click(at, "scenarios_create")
    assert error(at) == escape_markdown("Le nom du scénario ne peut pas être vide.")
    assert store.list() == []


def test_create_blank_opens_it_with_the_sidebar_author(store: ScenarioStore) -> None:
    at = scenarios_page(author="Alice")
    at.text_input(key="scenarios_new_name").set_value("  Atelier de Lyon ")
    click(at, "scenarios_create")
    assert success(at) == escape_markdown("Scénario « Atelier de Lyon » créé et ouvert dans la frise.")
    [info] = store.list()
    assert (info.name, info.updated_by, info.version) == ("Atelier de Lyon", "Alice", 1)
    assert rows(at)[0]["Ouvert"] == "▶ ouvert"
    assert state(at).frise.scenario_id == info.id
    assert state(at).frise.scenario == Scenario(name="Atelier de Lyon")
    assert at.text_input(key="scenarios_new_name").value == ""
    assert at.selectbox(key="scenarios_selected").value == info.id


def test_create_from_a_template_without_a_name(store: ScenarioStore, catalogue: Catalogue) -> None:
    at = scenarios_page()
    at.selectbox(key="scenarios_new_source").set_value("mini")
    click(at, "scenarios_create")
    assert success(at) == escape_markdown("Scénario « Mini parcours » créé et ouvert dans la frise.")
    [info] = store.list()
    assert store.get(info.id).scenario == catalogue.template("mini")
    assert store.get(info.id).updated_by == "Anonyme"
    assert rows(at)[0]["Groupe de travail"] == "GT1 · Briques du programme"


def test_create_from_the_parcours_type(isolated_app: Path, store: ScenarioStore) -> None:
    shutil.copy(isolated_app / "scenarios" / "mini.yaml", isolated_app / "scenarios" / "parcours-type.yaml")
    at = scenarios_page()
    source = at.selectbox(key="scenarios_new_source")
    assert source.value == "parcours-type"  # the default start
    assert source.options[0] == "À partir du parcours-type"
    at.text_input(key="scenarios_new_name").set_value("Lycée Voltaire")
    click(at, "scenarios_create")
    [info] = store.list()
    stored = store.get(info.id).scenario
    assert stored.name == "Lycée Voltaire"
    assert len(stored.placements) == 3
    assert state(at).frise.scenario_id == info.id


def test_open_makes_it_the_frise_scenario(store: ScenarioStore) -> None:
    older = store.create(Scenario(name="Ancien"), "Alice")
    store.create(Scenario(name="Récent"), "Bob")
    at = scenarios_page()
    choose(at, older.id)
    at.button(key="scenarios_open").click().run()  # then the browser goes to the frise page
    frise = state(at).frise
    assert (frise.scenario_id, frise.version, frise.scenario.name) == (older.id, 1, "Ancien")


def test_the_chosen_scenario_survives_a_visit_to_another_page(store: ScenarioStore) -> None:
    older = store.create(Scenario(name="Ancien"), "Alice")
    store.create(Scenario(name="Récent"), "Bob")
    at = choose(scenarios_page(), older.id)
    at.switch_page("pages/catalogue.py").run()
    at.switch_page(PAGE).run()
    assert at.selectbox(key="scenarios_selected").value == older.id
    assert state(at).scenarios.selected == older.id


# Rename, duplicate, delete


def test_rename_saves_a_new_version(store: ScenarioStore) -> None:
    stored = store.create(Scenario(name="Brouillon"), "Alice")
    at = scenarios_page(author="Bob")
    assert at.text_input(key="scenarios_rename_name").value == "Brouillon"
    at.text_input(key="scenarios_rename_name").set_value("Parcours [final]")
    click(at, "scenarios_rename")
    assert success(at) == escape_markdown("Scénario renommé en « Parcours [final] » (version 2).")
    current = store.get(stored.id)
    assert (current.scenario.name, current.version, current.updated_by) == ("Parcours [final]", 2, "Bob")
    assert store.versions(stored.id)[0].summary == "Renommé en « Parcours [final] »"
    assert names(at) == ["Parcours [final]"]


def test_rename_of_the_open_scenario_reloads_the_frise(store: ScenarioStore) -> None:
    at = scenarios_page()
    at.text_input(key="scenarios_new_name").set_value("Ouvert")
    click(at, "scenarios_create")
    at.text_input(key="scenarios_rename_name").set_value("Renommé")
    click(at, "scenarios_rename")
    frise = state(at).frise
    assert (frise.version, frise.scenario.name) == (2, "Renommé")
    assert store.get(frise.scenario_id).version == 2


def test_rename_over_a_newer_version_is_refused(store: ScenarioStore) -> None:
    stored = store.create(Scenario(name="Commun"), "Alice")
    at = scenarios_page()
    store.save(stored.id, Scenario(name="Commun", description="Changé"), 1, "Bob")  # meanwhile, elsewhere
    at.text_input(key="scenarios_rename_name").set_value("Le mien")
    click(at, "scenarios_rename")
    newer = store.get(stored.id)
    assert error(at) == escape_markdown(
        f"Ce scénario a été modifié par Bob à {time_label(newer.updated_at)} depuis votre dernière lecture : "
        "vos changements n'ont pas été enregistrés par-dessus les siens."
    )
    assert (newer.version, newer.scenario.name) == (2, "Commun")
    assert at.text_input(key="scenarios_rename_name").value == "Commun"


def test_rename_to_an_empty_name_is_refused(store: ScenarioStore) -> None:
    stored = store.create(Scenario(name="Garde"), "Alice")
    at = scenarios_page()
    at.text_input(key="scenarios_rename_name").set_value("   ")
    click(at, "scenarios_rename")
    assert error(at) == escape_markdown("Le nom du scénario ne peut pas être vide.")
    assert store.get(stored.id).version == 1


def test_duplicate_makes_a_copy_and_selects_it(store: ScenarioStore, catalogue: Catalogue) -> None:
    stored = store.create(catalogue.template("mini"), "Alice")
    at = scenarios_page(author="Bob")
    click(at, "scenarios_duplicate")
    assert success(at) == escape_markdown("Copie créée : « Copie de Mini parcours ».")
    copy = next(i for i in store.list() if i.id != stored.id)
    assert (copy.name, copy.version, copy.updated_by) == ("Copie de Mini parcours", 1, "Bob")
    assert store.get(copy.id).scenario.placements == catalogue.template("mini").placements
    assert names(at) == ["Copie de Mini parcours", "Mini parcours"]
    assert at.selectbox(key="scenarios_selected").value == copy.id
    assert at.text_input(key="scenarios_rename_name").value == "Copie de Mini parcours"


def test_delete_requires_confirmation_and_closes_the_open_scenario(store: ScenarioStore) -> None:
    keep = store.create(Scenario(name="À garder"), "Alice")
    at = scenarios_page()
    at.text_input(key="scenarios_new_name").set_value("À jeter")
    click(at, "scenarios_create")
    doomed = state(at).frise.scenario_id
    assert at.selectbox(key="scenarios_selected").value == doomed
    assert at.button(key="scenarios_delete").disabled
    with pytest.raises(AppTestError):
        at.button(key="scenarios_delete").click()
    assert len(store.list()) == 2
    at.checkbox(key="scenarios_delete_confirm").check().run()
    assert not at.button(key="scenarios_delete").disabled
    click(at, "scenarios_delete")
    assert success(at) == escape_markdown("Scénario « À jeter » supprimé, avec son historique.")
    assert [i.id for i in store.list()] == [keep.id]
    assert names(at) == ["À garder"]
    assert (state(at).frise.scenario_id, state(at).frise.editor) == (None, None)
    assert at.checkbox(key="scenarios_delete_confirm").value is False  # a fresh confirmation each time
    assert at.selectbox(key="scenarios_selected").value == keep.id


def test_delete_of_the_last_scenario_empties_the_list(store: ScenarioStore) -> None:
    store.create(Scenario(name="Seul"), "Alice")
    at = scenarios_page()
    at.checkbox(key="scenarios_delete_confirm").check().run()
    click(at, "scenarios_delete")
    assert store.list() == []
    assert at.info[0].value.startswith("Aucun scénario")


def test_confirmation_is_reset_when_another_scenario_is_chosen(store: ScenarioStore) -> None:
    first = store.create(Scenario(name="Un"), "Alice")
    store.create(Scenario(name="Deux"), "Alice")
    at = scenarios_page()
    at.checkbox(key="scenarios_delete_confirm").check().run()
    choose(at, first.id)
    assert at.checkbox(key="scenarios_delete_confirm").value is False
    assert at.button(key="scenarios_delete").disabled


# History


def test_history_lists_versions_newest_first(store: ScenarioStore, catalogue: Catalogue) -> None:
    stored = store.create(catalogue.template("mini"), "Alice")
    store.rename(stored.id, "Parcours B", 1, "Bob")
    at = scenarios_page()
    history = at.dataframe[1].value.to_dict("records")
    assert [(h["Version"], h["Auteur"], h["Résumé"], h["Placements"]) for h in history] == [
        ("2", "Bob", "Renommé en « Parcours B »", "3"),
        ("1", "Alice", "Création", "3"),
    ]
    assert at.selectbox(key="scenarios_restore_version").options[0].startswith("Version 1 par Alice, ")


def test_a_single_version_has_nothing_to_restore(store: ScenarioStore) -> None:
    store.create(Scenario(name="Neuf"), "Alice")
    at = scenarios_page()
    assert "Une seule version pour l'instant : rien à restaurer." in [c.value for c in at.caption]
    with pytest.raises(KeyError):
        at.button(key="scenarios_restore")


def test_restore_an_old_version_of_the_open_scenario(store: ScenarioStore, catalogue: Catalogue) -> None:
    stored = store.create(catalogue.template("mini"), "Alice")
    store.save(stored.id, Scenario(name="Vidé"), 1, "Bob", "Tout retiré")
    at = scenarios_page(author="Chloé")
    open_scenario(state(at).frise, store, stored.id)  # as the frise page would have
    at.run()
    at.selectbox(key="scenarios_restore_version").set_value(1)
    click(at, "scenarios_restore")
    assert success(at) == escape_markdown("Version 1 restaurée : elle est maintenant la version 3.")
    current = store.get(stored.id)
    assert (current.version, current.scenario, current.updated_by) == (3, catalogue.template("mini"), "Chloé")
    assert store.versions(stored.id)[0].summary == "Restauration de la version 1"
    frise = state(at).frise
    assert (frise.version, frise.scenario) == (3, catalogue.template("mini"))
    assert at.text_input(key="scenarios_rename_name").value == "Mini parcours"
    assert [h["Version"] for h in at.dataframe[1].value.to_dict("records")] == ["3", "2", "1"]


# Import and export


def test_import_a_valid_file_creates_and_opens_it(
    isolated_app: Path, store: ScenarioStore, catalogue: Catalogue
) -> None:
    at = scenarios_page(author="Alice")
    assert at.button(key="scenarios_import").disabled
    data = (isolated_app / "scenarios" / "mini.yaml").read_bytes()
    at.file_uploader(key="scenarios_import_file").upload("mini.yaml", data, "application/x-yaml").run()
    click(at, "scenarios_import")
    assert success(at) == escape_markdown("Scénario « Mini parcours » importé et ouvert dans la frise.")
    [info] = store.list()
    assert store.get(info.id).scenario == catalogue.template("mini")
    assert info.updated_by == "Alice"
    assert state(at).frise.scenario_id == info.id
    assert at.selectbox(key="scenarios_selected").value == info.id


BAD_UPLOADS = [
    (
        "syntaxe.yaml",
        b"name: X\nplacements: [\n",
        ["syntaxe.yaml:3:1: (syntaxe): YAML invalide : valeur attendue"],
    ),
    (
        "brique.yml",
        b"name: X\nplacements:\n  - brick: licorne\n    start: {stage: seconde, month: 10}\n"
        b"    end: {stage: seconde, month: 10}\n",
        ["brique.yml:3:12: placements[0].brick: brique inconnue « licorne »"],
    ),
    (
        "deux.yaml",
        b"name: X\nworking_group: gt9\ncolour: red\n",
        [
            "deux.yaml:3:1: colour: champ inconnu « colour » (champs permis : name, description, working_group, placements, cohort_plan)"
        ],
    ),
    (
        "latin1.yaml",
        b"name: \xe9t\xe9\n",
        ["latin1.yaml:1:7: (fichier): le fichier n'est pas encodé en UTF-8"],
    ),
    (
        "gros.yaml",
        b"#" * (300 * 1024),
        ["gros.yaml:1:1: (fichier): fichier trop gros (300 Ko, au plus 256 Ko)"],
    ),
]


@pytest.mark.parametrize(("file_name", "data", "problems"), BAD_UPLOADS)
def test_import_a_bad_file_lists_each_problem(
    store: ScenarioStore, file_name: str, data: bytes, problems: list[str]
) -> None:
    at = scenarios_page()
    at.file_uploader(key="scenarios_import_file").upload(file_name, data, "application/x-yaml").run()
    click(at, "scenarios_import")
    count = f"{len(problems)} problème{'s' if len(problems) > 1 else ''}"
    lines = [f"Le fichier « {file_name} » n'a pas été importé : {count} à corriger.", *problems]
    assert error(at) == "\n".join(
        [escape_markdown(lines[0]), "", *(f"- {escape_markdown(p)}" for p in lines[1:])]
    )
    assert store.list() == []
    assert state(at).frise.scenario_id is None


def test_export_offers_the_yaml_of_the_chosen_scenario(store: ScenarioStore, catalogue: Catalogue) -> None:
    stored = store.create(catalogue.template("mini").model_copy(update={"name": "Été à Lyon"}), "Alice")
    at = scenarios_page()
    assert at.download_button(key="scenarios_export").label == "Exporter en YAML"
    # AppTest does not give a download's bytes: check the function that makes them, and its round trip.
    assert scenario_file_name(stored.scenario.name) == "ete-a-lyon.yaml"
    data = export_bytes(store.get(stored.id).scenario)
    assert parse_scenario(data.decode("utf-8"), "ete-a-lyon.yaml", catalogue) == stored.scenario


def import_a_name_taken(store: ScenarioStore, catalogue: Catalogue) -> tuple[AppTest, str]:
    """« Mini parcours » is stored; its exported file is imported again: the page asks what to do."""
    stored = store.create(catalogue.template("mini"), "Alice")
    at = scenarios_page(author="Bob")
    data = export_bytes(store.get(stored.id).scenario)
    at.file_uploader(key="scenarios_import_file").upload(
        "mini-parcours.yaml", data, "application/x-yaml"
    ).run()
    at.button(key="scenarios_import").click().run()
    assert not at.exception, at.exception
    assert [w.value for w in at.warning] == [
        "Un scénario s'appelle déjà « Mini parcours ». Que faire du fichier « mini\\-parcours\\.yaml » ?"
    ]
    assert [b.key for b in at.button if b.key.startswith("scenarios_import_")] == [
        "scenarios_import_replace",
        "scenarios_import_rename",
        "scenarios_import_cancel",
    ]
    assert not at.get("file_uploader"), "the uploader waits for the choice"
    assert len(store.list()) == 1
    return at, stored.id


def uploader_is_empty(at: AppTest) -> bool:
    [uploader] = at.get("file_uploader")
    return uploader.value is None and uploader.key != "scenarios_import_file"


def test_an_import_of_a_name_taken_can_replace_it(store: ScenarioStore, catalogue: Catalogue) -> None:
    at, stored_id = import_a_name_taken(store, catalogue)
    click(at, "scenarios_import_replace")
    assert success(at) == escape_markdown(
        "Scénario « Mini parcours » remplacé par le fichier et ouvert dans la frise."
    )
    assert [i.id for i in store.list()] == [stored_id]
    assert store.versions(stored_id)[0].summary == "Remplacé par le fichier « mini-parcours.yaml »"
    assert state(at).frise.scenario_id == stored_id
    assert uploader_is_empty(at)


def test_an_import_of_a_name_taken_can_take_another_name(store: ScenarioStore, catalogue: Catalogue) -> None:
    at, stored_id = import_a_name_taken(store, catalogue)
    click(at, "scenarios_import_rename")
    assert success(at) == escape_markdown("Scénario « Mini parcours (2) » importé et ouvert dans la frise.")
    copy = next(i for i in store.list() if i.id != stored_id)
    assert store.get(copy.id).scenario == catalogue.template("mini").model_copy(
        update={"name": "Mini parcours (2)"}
    )
    assert state(at).frise.scenario_id == copy.id
    assert uploader_is_empty(at)


def test_an_import_of_a_name_taken_can_be_cancelled(store: ScenarioStore, catalogue: Catalogue) -> None:
    at, stored_id = import_a_name_taken(store, catalogue)
    click(at, "scenarios_import_cancel")
    assert success(at) == escape_markdown("Import de « mini-parcours.yaml » annulé : rien n'a changé.")
    assert [i.id for i in store.list()] == [stored_id]
    assert store.get(stored_id).version == 1
    assert uploader_is_empty(at)


def test_the_sidebar_counts_the_database_s_scenarios_apart_from_the_catalogue_s_templates(
    store: ScenarioStore,
) -> None:
    for name in ("Frise A", "Frise B", "Frise C"):
        store.create(Scenario(name=name), "Alice")
    at = scenarios_page()
    assert [c.value for c in at.sidebar.caption][:2] == [
        "Catalogue : 3 briques, 2 partenaires, 3 jalons, 1 persona, 1 modèle de scénario",
        "Base : 3 scénarios enregistrés",
    ]
    assert at.caption[0].value == "3 scénarios, du plus récemment modifié au plus ancien."

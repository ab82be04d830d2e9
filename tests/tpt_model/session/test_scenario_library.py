"""The scenarios page's session: importing a file, notices, and the rows and labels of the library."""

from datetime import UTC, datetime

import pytest
from helpers import TEST_CATALOGUE
from sqlalchemy import Engine

from tpt_model import Catalogue, ProblemsError
from tpt_model.formatting import time_label
from tpt_model.session.library import (
    LibraryNotice,
    LibraryView,
    PendingImport,
    free_name,
    group_labels,
    import_failure,
    import_scenario,
    import_under_a_free_name,
    library_rows,
    notice_markdown,
    replace_with_import,
    scenario_label,
    version_label,
    version_rows,
)
from tpt_model.store.errors import StoreError
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore, StoredScenario, VersionInfo

MINI = (TEST_CATALOGUE / "scenarios" / "mini.yaml").read_text(encoding="utf-8")
AT = datetime(2026, 11, 28, 16, 39, tzinfo=UTC)  # 17:39 in Paris


@pytest.fixture
def store(sqlite_engine: Engine) -> ScenarioStore:
    return ScenarioStore(sqlite_engine)


def info(scenario_id: str, name: str, group: str | None = None, version: int = 1) -> ScenarioInfo:
    return ScenarioInfo(
        id=scenario_id,
        name=name,
        working_group=group,
        version=version,
        updated_at=AT,
        updated_by="Alice",
        created_at=AT,
    )


def test_import_creates_a_new_scenario(store: ScenarioStore, catalogue: Catalogue) -> None:
    stored = import_scenario(store, MINI.encode(), "mini.yaml", catalogue, "  ")
    assert stored.version == 1
    assert stored.updated_by == "Anonyme"
    assert stored.scenario == catalogue.template("mini")
    assert store.get(stored.id).scenario == catalogue.template("mini")
    renamed = MINI.replace("Mini parcours", "Autre parcours")
    again = import_scenario(store, renamed, "autre.yaml", catalogue, "Bob")  # text too
    assert isinstance(again, StoredScenario) and again.id != stored.id
    assert [i.updated_by for i in store.list()] == ["Bob", "Anonyme"]


def test_an_import_of_a_name_taken_waits_for_a_choice(store: ScenarioStore, catalogue: Catalogue) -> None:
    first = import_scenario(store, MINI, "mini.yaml", catalogue, "Alice")
    assert isinstance(first, StoredScenario)
    pending = import_scenario(
        store, MINI.replace("Mini parcours", "MINI PARCOURS"), "dossier/mini.yaml", catalogue, "Bob"
    )
    assert pending == PendingImport(
        scenario=pending.scenario, file_name="mini.yaml", existing_id=first.id, existing_version=1
    )
    assert len(store.list()) == 1, "nothing stored before the choice"
    copy = import_under_a_free_name(store, pending, "Bob")
    assert copy.scenario.name == "MINI PARCOURS (2)"
    replaced = replace_with_import(store, pending, "Bob")
    assert (replaced.id, replaced.version) == (first.id, 2)
    assert store.versions(first.id)[0].summary == "Remplacé par le fichier « mini.yaml »"
    with pytest.raises(StoreError):  # the scenario moved on since the file was read: never overwritten
        replace_with_import(store, pending, "Chloé")


@pytest.mark.parametrize(
    ("taken", "expected"),
    [([], "Frise"), (["Frise"], "Frise (2)"), (["frise", "Frise (2)", "FRISE (3)"], "Frise (4)")],
)
def test_free_name(taken: list[str], expected: str) -> None:
    assert free_name("Frise", taken) == expected


def test_a_dealt_with_upload_empties_the_uploader() -> None:
    view = LibraryView(pending_import=None)
    view.upload_done()
    assert (view.upload_round, view.pending_import) == (1, None)


def test_a_refused_import_stores_nothing(store: ScenarioStore, catalogue: Catalogue) -> None:
    with pytest.raises(ProblemsError) as err:
        import_scenario(store, b"name: X\nworking_group: gt9\n", "bad.yaml", catalogue, "Alice")
    assert [str(p) for p in err.value.problems] == [
        "bad.yaml:2:16: working_group: groupe de travail inconnu « gt9 »"
    ]
    assert store.list() == []


def test_import_failure_notice(catalogue: Catalogue, store: ScenarioStore) -> None:
    with pytest.raises(ProblemsError) as err:
        import_scenario(store, b"name: X\nworking_group: gt9\nplacements: 3\n", "x.yml", catalogue, "")
    notice = import_failure("x.yml", err.value)
    assert notice.kind == "error"
    assert notice.text == "Le fichier « x.yml » n'a pas été importé : 1 problème à corriger."
    two = ProblemsError([*err.value.problems, *err.value.problems])
    assert import_failure("x.yml", two).text.endswith(": 2 problèmes à corriger.")


def test_notice_markdown_shows_user_text_literally() -> None:
    notice = LibraryNotice(
        kind="error",
        text="Le fichier « **x**.yaml » a un [lien](javascript:alert(1))",
        details=("a.yaml:1:1: f: <b>",),
    )
    assert notice_markdown(notice) == (
        "Le fichier « \\*\\*x\\*\\*\\.yaml » a un \\[lien\\]\\(javascript\\:alert\\(1\\)\\)\n"
        "\n"
        "- a\\.yaml:1:1: f: \\<b\\>"
    )
    assert notice_markdown(LibraryNotice(kind="success", text="Fait.")) == "Fait\\."


def test_library_rows(catalogue: Catalogue) -> None:
    infos = [info("b", "B", "gt1", 3), info("a", "A"), info("c", "C", "gt-disparu")]
    assert library_rows(infos, "a", group_labels(catalogue)) == [
        {"Ouvert": "", "Nom": "B", "Groupe de travail": "GT1 · Briques du programme", "Version": 3,
         "Modifié": "17:39 le 28/11/2026", "Par": "Alice"},
        {"Ouvert": "▶ ouvert", "Nom": "A", "Groupe de travail": "—", "Version": 1,
         "Modifié": "17:39 le 28/11/2026", "Par": "Alice"},
        {"Ouvert": "", "Nom": "C", "Groupe de travail": "gt-disparu", "Version": 1,
         "Modifié": "17:39 le 28/11/2026", "Par": "Alice"},
    ]  # fmt: skip


def test_version_rows_and_labels() -> None:
    versions = [
        VersionInfo(version=2, author="Bob", created_at=AT, summary="Renommé en « B »", placements=3),
        VersionInfo(version=1, author="Alice", created_at=AT, summary="", placements=0),
    ]
    assert version_rows(versions) == [
        {
            "Version": 2,
            "Auteur": "Bob",
            "Date": time_label(AT),
            "Résumé": "Renommé en « B »",
            "Placements": 3,
        },
        {"Version": 1, "Auteur": "Alice", "Date": time_label(AT), "Résumé": "", "Placements": 0},
    ]
    assert version_label(versions[0]) == "Version 2 par Bob, 17:39 le 28/11/2026 — Renommé en « B »"
    assert version_label(versions[1]) == "Version 1 par Alice, 17:39 le 28/11/2026"


def test_scenario_label_marks_the_open_one() -> None:
    assert scenario_label(info("a", "A", version=2), None) == "A (version 2, 17:39 le 28/11/2026)"
    assert scenario_label(info("a", "A"), "a") == "A (version 1, 17:39 le 28/11/2026) — ouvert dans la frise"


def test_library_view_starts_empty() -> None:
    view = LibraryView()
    assert (view.selected, view.forms_for, view.notice) == (None, None, None)

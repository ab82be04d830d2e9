"""The scenarios page's pure helpers: rows, creation, file names, import with exact messages."""

from datetime import UTC, datetime

import pytest
from helpers import TEST_CATALOGUE
from sqlalchemy import Engine

from tpt_model import Catalogue, ProblemsError
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.scenario.files import dump_scenario, parse_scenario
from tpt_model.session.library import (
    EMPTY_NAME,
    LibraryNotice,
    LibraryView,
    author_name,
    creation_sources,
    export_bytes,
    export_file_name,
    group_labels,
    import_failure,
    import_scenario,
    library_rows,
    new_scenario,
    notice_markdown,
    scenario_label,
    slug,
    upload_file_name,
    upload_text,
    version_label,
    version_rows,
)
from tpt_model.store.errors import StoreError, time_label
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore, VersionInfo

MINI = (TEST_CATALOGUE / "scenarios" / "mini.yaml").read_text(encoding="utf-8")
AT = datetime(2026, 11, 28, 16, 39, tzinfo=UTC)  # 17:39 in Paris


@pytest.fixture
def store(sqlite_engine: Engine) -> ScenarioStore:
    return ScenarioStore(sqlite_engine)


def info(scenario_id: str, name: str, group: str | None = None, version: int = 1) -> ScenarioInfo:
    return ScenarioInfo(
        id=scenario_id, name=name, working_group=group, version=version, updated_at=AT, updated_by="Alice"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Parcours GT1 (été)", "parcours-gt1-ete"),
        ("  Cœur de l'Ÿonne — 2026 ! ", "coeur-de-l-yonne-2026"),
        ("Ça_va/../../etc/passwd", "ca-va-etc-passwd"),
        ("!!!", "scenario"),
        ("日本", "scenario"),
        ("a" * 70, "a" * 60),
        ("a" * 59 + " b", "a" * 59),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_export_file_name_and_bytes_round_trip(catalogue: Catalogue) -> None:
    scenario = catalogue.template("mini")
    assert export_file_name(scenario.name) == "mini-parcours.yaml"
    data = export_bytes(scenario)
    assert data == dump_scenario(scenario).encode("utf-8")
    assert parse_scenario(data.decode("utf-8"), "mini-parcours.yaml", catalogue) == scenario


@pytest.mark.parametrize(
    ("typed", "expected"), [("  Alice  ", "Alice"), ("", "Anonyme"), (" \t\x00", "Anonyme")]
)
def test_author_name(typed: str, expected: str) -> None:
    assert author_name(typed) == expected


def test_creation_sources_without_parcours_type(catalogue: Catalogue) -> None:
    assert creation_sources(catalogue) == {"": "Frise vide", "mini": "À partir du modèle « Mini parcours »"}


def test_creation_sources_put_the_parcours_type_first(catalogue: Catalogue) -> None:
    with_default = catalogue.model_copy(
        update={"templates": (*catalogue.templates, ("parcours-type", Scenario(name="Parcours-type")))}
    )
    assert list(creation_sources(with_default).items()) == [
        ("parcours-type", "À partir du parcours-type"),
        ("", "Frise vide"),
        ("mini", "À partir du modèle « Mini parcours »"),
    ]


def test_new_blank_scenario_needs_a_name(catalogue: Catalogue) -> None:
    assert new_scenario(catalogue, "  Atelier\n de Lyon ") == Scenario(name="Atelier de Lyon")
    with pytest.raises(StoreError) as err:
        new_scenario(catalogue, " \t ")
    assert err.value.message == EMPTY_NAME == "Le nom du scénario ne peut pas être vide."


def test_new_scenario_from_a_template(catalogue: Catalogue) -> None:
    template = catalogue.template("mini")
    assert new_scenario(catalogue, "", "mini") == template
    renamed = new_scenario(catalogue, "Lycée Voltaire", "mini")
    assert renamed.name == "Lycée Voltaire"
    assert renamed.placements == template.placements
    assert renamed.working_group == "gt1"


def test_new_scenario_from_an_unknown_template(catalogue: Catalogue) -> None:
    with pytest.raises(StoreError) as err:
        new_scenario(catalogue, "X", "disparu")
    assert err.value.message == "Modèle de scénario inconnu « disparu » : rechargez la page."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("mini.yaml", "mini.yaml"),
        ("C:\\Users\\moi\\frise.yml", "frise.yml"),
        ("../../x.yaml", "x.yaml"),
        ("a\nb\x00.yaml", "a b.yaml"),
        ("", "import.yaml"),
        ("x" * 200, "x" * 120),
    ],
)
def test_upload_file_name(given: str, expected: str) -> None:
    assert upload_file_name(given) == expected


def test_upload_text_decodes_utf8_with_or_without_bom() -> None:
    assert upload_text("name: Été\n".encode(), "a.yaml") == "name: Été\n"
    assert upload_text("\ufeffname: Été\n".encode(), "a.yaml") == "name: Été\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"x" * (256 * 1024 + 1), "a.yaml:1:1: (fichier): fichier trop gros (256 Ko, au plus 256 Ko)"),
        (b"y" * (300 * 1024), "a.yaml:1:1: (fichier): fichier trop gros (300 Ko, au plus 256 Ko)"),
        (
            b"name: ok\ndescription: \xe9t\xe9\n",
            "a.yaml:2:14: (fichier): le fichier n'est pas encodé en UTF-8",
        ),
    ],
)
def test_upload_text_refuses(data: bytes, expected: str) -> None:
    with pytest.raises(ProblemsError) as err:
        upload_text(data, "a.yaml")
    assert [str(p) for p in err.value.problems] == [expected]


def test_upload_text_accepts_exactly_256_kb() -> None:
    assert len(upload_text(b"#" * (256 * 1024), "a.yaml")) == 256 * 1024


def test_import_creates_a_new_scenario(store: ScenarioStore, catalogue: Catalogue) -> None:
    stored = import_scenario(store, MINI.encode(), "mini.yaml", catalogue, "  ")
    assert stored.version == 1
    assert stored.updated_by == "Anonyme"
    assert stored.scenario == catalogue.template("mini")
    assert store.get(stored.id).scenario == catalogue.template("mini")
    again = import_scenario(store, MINI, "mini.yaml", catalogue, "Bob")  # text too; a second copy
    assert again.id != stored.id
    assert [i.updated_by for i in store.list()] == ["Bob", "Anonyme"]


BAD_FILES = [
    ("name: X\nplacements: [\n", ["bad.yaml:3:1: (syntaxe): YAML invalide : valeur attendue"]),
    (
        "name: X\ncolour: red\n",
        [
            "bad.yaml:2:1: colour: champ inconnu « colour » "
            "(champs permis : name, description, working_group, placements)"
        ],
    ),
    ("name: X\nworking_group: gt9\n", ["bad.yaml:2:16: working_group: groupe de travail inconnu « gt9 »"]),
    ("- a\n- b\n", ["bad.yaml:1:1: (document): liste de « clé: valeur » attendue"]),
    (
        "name: &a X\ndescription: *a\n",
        ["bad.yaml:2:14: description: les ancres et alias YAML (&, *) ne sont pas permis"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD_FILES)
def test_import_refuses_a_bad_file_with_located_problems(
    store: ScenarioStore, catalogue: Catalogue, text: str, expected: list[str]
) -> None:
    with pytest.raises(ProblemsError) as err:
        import_scenario(store, text.encode(), "bad.yaml", catalogue, "Alice")
    assert [str(p) for p in err.value.problems] == expected
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
        "Le fichier « \\*\\*x\\*\\*\\.yaml » a un \\[lien\\]\\(javascript:alert\\(1\\)\\)\n"
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

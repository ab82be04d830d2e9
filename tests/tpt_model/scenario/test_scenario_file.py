"""Scenario YAML export and import: a round trip gives the scenario back; bad files get exact messages."""

import pytest
from helpers import AXIS, TEST_CATALOGUE, pt

from tpt_model import Catalogue, ProblemsError
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.scenario.files import (
    SCHEMA_LINE,
    dump_scenario,
    export_bytes,
    parse_scenario,
    read_upload,
    scenario_file_name,
    slug,
    upload_file_name,
    upload_text,
)

FILE = "import.yaml"
HEAD = "name: Import\nplacements:\n"


def with_note(scenario: Scenario, note: str) -> Scenario:
    placement = scenario.placements[1].model_copy(update={"note": note})
    return scenario.model_copy(update={"placements": (placement,)})


def round_trip(catalogue: Catalogue, scenario: Scenario) -> Scenario:
    return parse_scenario(dump_scenario(scenario), FILE, catalogue)


def test_dump_starts_with_the_schema_line(catalogue: Catalogue) -> None:
    text = dump_scenario(catalogue.template("mini"))
    assert text.startswith("# yaml-language-server: $schema=")
    assert text.splitlines()[0] == SCHEMA_LINE.rstrip("\n")
    assert text.splitlines()[1] == "name: Mini parcours"


def test_template_round_trip(catalogue: Catalogue) -> None:
    mini = catalogue.template("mini")
    assert round_trip(catalogue, mini) == mini


def test_shipped_template_file_round_trip(catalogue: Catalogue) -> None:
    text = (TEST_CATALOGUE / "scenarios" / "mini.yaml").read_text(encoding="utf-8")
    scenario = parse_scenario(text, "mini.yaml", catalogue)
    assert scenario == catalogue.template("mini")
    assert round_trip(catalogue, scenario) == scenario


def test_every_field_and_unicode_round_trip(catalogue: Catalogue) -> None:
    scenario = Scenario(
        name="Parcours « égalité » — Léa ✨ 2025",
        description="Première ligne : l'essentiel.\nDeuxième ligne — « citée ».\n",
        working_group="gt2",
        placements=(
            Placement(
                brick="mentorat",
                start=pt("terminale", 1),
                end=pt("bac-2", 8),
                lane="Accompagnement : individuel",
                tracks=("long",),
                exits=("doctorat", "salariat"),
                partner="inria",
                note="Elle a dit : \"oui\" et 'non'\n# pas un commentaire\n  - pas une liste: non",
            ),
            Placement(
                brick="ordinateur", start=pt("bac-1", 9), end=pt("bac-1", 9), note="Œuvre ünïcödé 日本"
            ),
        ),
    )
    text = dump_scenario(scenario)
    assert "Léa ✨" in text  # written as UTF-8, not as \u escapes
    assert round_trip(catalogue, scenario) == scenario


@pytest.mark.parametrize(
    "note",
    [
        "Six mois: puis bilan",
        'guillemets "doubles"',
        "apostrophe l'été",
        "ligne 1\nligne 2\n",
        "\tindentée",
        "  espaces devant",
        "fin d'espaces  ",
        "# dièse",
        "- tiret",
        "yes",
        "no",
        "on",
        "true",
        "null",
        "~",
        "12",
        "-0",
        "1:30",
        "0x1F",
        "2025-03-08",
        "{accolades}",
        "[crochets]",
        "&ancre *alias",
        "!etiquette",
        "%pourcent",
        "@arobase",
        "`accent grave`",
        "",
    ],
)
def test_notes_round_trip(catalogue: Catalogue, note: str) -> None:
    scenario = with_note(catalogue.template("mini"), note)
    assert round_trip(catalogue, scenario) == scenario


@pytest.mark.parametrize("note", ["1.5e3", ".5e3", "yes", "NO", "12", "1:30", "~"])
def test_notes_that_read_as_numbers_round_trip(catalogue: Catalogue, note: str) -> None:
    scenario = with_note(catalogue.template("mini"), note)
    assert round_trip(catalogue, scenario) == scenario


def test_empty_scenario_round_trip(catalogue: Catalogue) -> None:
    scenario = Scenario(name="Vide")
    assert round_trip(catalogue, scenario) == scenario


def placement(
    brick: str = "mentorat",
    start: str = "{stage: terminale, month: 1}",
    end: str = "{stage: bac-1, month: 6}",
    extra: str = "",
) -> str:
    return f"  - brick: {brick}\n    start: {start}\n    end: {end}\n{extra}"


BAD = [
    (
        "unknown brick",
        HEAD + placement(brick="inconnue"),
        ["3:12: placements[0].brick: brique inconnue « inconnue »"],
    ),
    (
        "end before start",
        HEAD + placement(start="{stage: bac-1, month: 6}", end="{stage: terminale, month: 1}"),
        ["5:10: placements[0].end: la fin vient avant le début"],
    ),
    (
        "end before start in one school year",
        HEAD + placement(start="{stage: bac-1, month: 1}", end="{stage: bac-1, month: 12}"),
        ["5:10: placements[0].end: la fin vient avant le début"],
    ),
    (
        "stage outside the axis",
        HEAD + placement(start="{stage: bac-9, month: 1}"),
        [f"4:20: placements[0].start.stage: étape « bac-9 » hors de l'axe du parcours ({AXIS})"],
    ),
    (
        "unknown partner",
        HEAD + placement(extra="    partner: personne\n"),
        ["6:14: placements[0].partner: partenaire inconnu « personne »"],
    ),
    (
        "unknown working group",
        "name: Import\nworking_group: gt9\n",
        ["2:16: working_group: groupe de travail inconnu « gt9 »"],
    ),
    (
        "month out of range",
        HEAD + placement(end="{stage: bac-1, month: 13}"),
        ["5:32: placements[0].end.month: valeur 13 trop grande (au plus 12)"],
    ),
    (
        "unknown track",
        HEAD + placement(extra="    tracks: [moyen]\n"),
        ["6:14: placements[0].tracks[0]: valeur « moyen » invalide ; valeurs permises : court, long"],
    ),
    (
        "unknown key",
        HEAD + placement(extra="    lnae: x\n"),
        [
            "6:5: placements[0].lnae: champ inconnu « lnae » ; vouliez-vous dire « lane » ? "
            "(champs permis : brick, start, end, lane, tracks, exits, partner, note)"
        ],
    ),
    ("missing name", "placements: []\n", ["1:1: name: champ obligatoire manquant"]),
    ("empty file", "", ["1:1: (document): liste de « clé: valeur » attendue"]),
    ("a list, not a mapping", "- a\n", ["1:1: (document): liste de « clé: valeur » attendue"]),
    (
        "alias",
        "name: &n Import\ndescription: *n\n",
        ["2:14: description: les ancres et alias YAML (&, *) ne sont pas permis"],
    ),
    (
        "every problem in one run, in file order",
        HEAD
        + placement(brick="inconnue")
        + placement(start="{stage: bac-1, month: 6}", end="{stage: terminale, month: 1}"),
        [
            "3:12: placements[0].brick: brique inconnue « inconnue »",
            "8:10: placements[1].end: la fin vient avant le début",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(text, exp, id=case) for case, text, exp in BAD])
def test_bad_import_messages(catalogue: Catalogue, text: str, expected: list[str]) -> None:
    with pytest.raises(ProblemsError) as err:
        parse_scenario(text, FILE, catalogue)
    assert [str(p) for p in err.value.problems] == [f"{FILE}:{line}" for line in expected]


def test_syntax_error_is_located(catalogue: Catalogue) -> None:
    with pytest.raises(ProblemsError) as err:
        parse_scenario("name: [Import\n", FILE, catalogue)
    [problem] = err.value.problems
    # The parser's own wording is translated elsewhere; the location and the field are ours.
    assert str(problem).startswith(f"{FILE}:2:1: (syntaxe): YAML invalide : ")


def test_outside_the_bricks_stages_imports(catalogue: Catalogue) -> None:
    """Being outside the brick's stages is a warning of the editor, not a reason to refuse a file."""
    text = HEAD + placement(start="{stage: seconde, month: 1}")
    scenario = parse_scenario(text, FILE, catalogue)
    assert scenario.placements[0].start == pt("seconde", 1)


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
    assert scenario_file_name(scenario.name) == "mini-parcours.yaml"
    data = export_bytes(scenario)
    assert data == dump_scenario(scenario).encode("utf-8")
    assert parse_scenario(data.decode("utf-8"), "mini-parcours.yaml", catalogue) == scenario


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


BAD_FILES = [
    ("name: X\nplacements: [\n", ["bad.yaml:3:1: (syntaxe): YAML invalide : valeur attendue"]),
    (
        "name: X\ncolour: red\n",
        [
            "bad.yaml:2:1: colour: champ inconnu « colour » "
            "(champs permis : name, description, working_group, placements, cohort_plan)"
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
def test_read_upload_refuses_a_bad_file_with_located_problems(
    catalogue: Catalogue, text: str, expected: list[str]
) -> None:
    with pytest.raises(ProblemsError) as err:
        read_upload(text.encode(), "dossier/bad.yaml", catalogue)
    assert [str(p) for p in err.value.problems] == expected


def test_read_upload_takes_bytes_or_text(catalogue: Catalogue) -> None:
    text = (TEST_CATALOGUE / "scenarios" / "mini.yaml").read_text(encoding="utf-8")
    assert read_upload(text.encode(), "mini.yaml", catalogue) == catalogue.template("mini")
    assert read_upload(text, "mini.yaml", catalogue) == catalogue.template("mini")

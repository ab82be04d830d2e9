"""Scenario YAML export and import: a round trip gives the scenario back; bad files get exact messages."""

import pytest
from helpers import AXIS, TEST_CATALOGUE, pt

from tpt_model import Catalogue, ProblemsError
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.scenario.files import SCHEMA_LINE, dump_scenario, parse_scenario

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

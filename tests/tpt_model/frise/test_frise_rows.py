"""The frise's rows: which placements show for a track and exit, in which lane, with which dates."""

from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError

from tpt_model import Catalogue, load_catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.frise.rows import (
    LANE_LABELS,
    NO_PARTNER,
    TABLE_COLUMNS,
    FriseOptions,
    LaneMode,
    frise_rows,
    frise_table,
    lane_of,
    lane_order,
    sorted_lanes,
    visible_placements,
)


@pytest.fixture
def long_catalogue(catalogue_dir: Path) -> Catalogue:
    """The test catalogue with a long-studies-only bac+4, a long-only brick and a doctorate-only brick."""
    programme = catalogue_dir / "programme.yaml"
    bac4 = "  - id: bac-4\n    label: Bac+4\n    short: Bac+4\n    phase: reussir\n    tracks: [long]\n"
    programme.write_text(programme.read_text().replace("  - id: emploi-1\n", bac4 + "  - id: emploi-1\n"))
    for name, line in (("ordinateur", "tracks: [long]\n"), ("mentorat", "exits: [doctorat]\n")):
        brick = catalogue_dir / "bricks" / f"{name}.yaml"
        brick.write_text(brick.read_text() + line)
    return load_catalogue(catalogue_dir)


def place(brick: str, start: tuple[str, int], end: tuple[str, int], **kwargs: object) -> Placement:
    return Placement(
        brick=brick,
        start=JourneyPoint(stage=start[0], month=start[1]),
        end=JourneyPoint(stage=end[0], month=end[1]),
        **kwargs,
    )


def shown(catalogue: Catalogue, scenario: Scenario, **options: object) -> list[int]:
    return [i for i, _ in visible_placements(catalogue, scenario, FriseOptions(**options))]


def test_options_defaults_and_strictness() -> None:
    options = FriseOptions()
    assert (options.lane_mode, options.track, options.exit, options.cohort_year) == (
        "pillar",
        None,
        None,
        None,
    )
    with pytest.raises(ValidationError):
        FriseOptions(lane_mode="couleur")
    with pytest.raises(ValidationError):
        FriseOptions(trak="court")
    with pytest.raises(ValidationError):
        options.track = "court"
    with pytest.raises(ValidationError):
        FriseOptions(track="moyen")  # the catalogue's tracks and exits, nothing else
    with pytest.raises(ValidationError):
        FriseOptions(exit="retraite")


def test_every_lane_mode_has_its_label() -> None:
    assert list(LANE_LABELS) == list(get_args(LaneMode))
    assert LANE_LABELS["pillar"] == "par volet" and LANE_LABELS["custom"] == "libres"


def test_everything_shows_without_track_or_exit(catalogue: Catalogue) -> None:
    scenario = catalogue.template("mini")
    assert visible_placements(catalogue, scenario, FriseOptions()) == list(enumerate(scenario.placements))


@pytest.mark.parametrize(
    ("mode", "lanes"),
    [
        ("pillar", ["Attirer", "Accompagner", "Accompagner"]),
        ("modality", ["Collectif", "Individuel", "Matériel et financier"]),
        ("partner", ["Femmes@Numérique", "Inria", NO_PARTNER]),
        ("working_group", ["Sourcing au lycée", "Briques du programme", "Briques du programme"]),
    ],
)
def test_lane_of_each_mode(catalogue: Catalogue, mode: str, lanes: list[str]) -> None:
    # The mentorat placement carries a free lane « Accompagnement »: no mode uses it.
    placements = catalogue.template("mini").placements
    assert [lane_of(catalogue, p, mode) for p in placements] == lanes


def test_partner_lane_prefers_the_placements_partner(catalogue: Catalogue) -> None:
    placement = place("mentorat", ("terminale", 1), ("terminale", 6), partner="femmes-at-numerique")
    assert lane_of(catalogue, placement, "partner") == "Femmes@Numérique"


def test_lanes_sort_in_programme_order(catalogue: Catalogue) -> None:
    assert sorted_lanes(catalogue, {"Transformer", "Attirer", "Accompagner"}, "pillar") == [
        "Attirer",
        "Accompagner",
        "Transformer",
    ]
    assert lane_order(catalogue, "partner") == ("Inria", "Femmes@Numérique", NO_PARTNER)
    assert sorted_lanes(catalogue, {NO_PARTNER, "Zèbre", "Inria"}, "partner") == [
        "Inria",
        NO_PARTNER,
        "Zèbre",
    ]


def test_placement_tracks_and_exits_filter(catalogue: Catalogue) -> None:
    scenario = Scenario(
        name="Filtres",
        placements=(
            place("atelier-classe", ("seconde", 10), ("seconde", 11)),
            place("atelier-classe", ("seconde", 10), ("seconde", 11), tracks=("long",)),
            place("atelier-classe", ("seconde", 10), ("seconde", 11), exits=("doctorat", "salariat")),
        ),
    )
    assert shown(catalogue, scenario, track="court") == [0, 2]
    assert shown(catalogue, scenario, track="long") == [0, 1, 2]
    assert shown(catalogue, scenario, exit="entrepreneuriat") == [0, 1]
    assert shown(catalogue, scenario, exit="salariat", track="court") == [0, 2]


def test_brick_tracks_exits_and_stages_filter(long_catalogue: Catalogue) -> None:
    scenario = Scenario(
        name="Études longues",
        placements=(
            place("atelier-classe", ("seconde", 10), ("seconde", 10)),
            place("atelier-classe", ("bac-4", 10), ("bac-4", 12)),  # bac+4 exists in long studies only
            place("atelier-classe", ("bac-2", 3), ("bac-4", 2)),
            place("ordinateur", ("bac-1", 9), ("bac-1", 9)),  # the brick is for long studies
            place("mentorat", ("terminale", 1), ("terminale", 6)),  # the brick is for a doctorate
        ),
    )
    assert shown(long_catalogue, scenario) == [0, 1, 2, 3, 4]
    assert shown(long_catalogue, scenario, track="court") == [0, 4]
    assert shown(long_catalogue, scenario, track="long") == [0, 1, 2, 3, 4]
    assert shown(long_catalogue, scenario, exit="salariat") == [0, 1, 2, 3]
    assert shown(long_catalogue, scenario, track="court", exit="doctorat") == [0, 4]


def test_undrawable_placements_are_skipped_not_fatal(catalogue: Catalogue) -> None:
    scenario = Scenario(
        name="Abîmé",
        placements=(
            place("inconnue", ("seconde", 10), ("seconde", 11)),
            place("atelier-classe", ("bac-9", 10), ("seconde", 11)),
            place("atelier-classe", ("premiere", 10), ("seconde", 11)),
            place("atelier-classe", ("seconde", 10), ("seconde", 11)),
        ),
    )
    assert shown(catalogue, scenario) == [3]


def test_rows_carry_months_and_labels(catalogue: Catalogue) -> None:
    rows = frise_rows(catalogue, catalogue.template("mini"), FriseOptions())
    assert [(r.idx, r.number, r.start, r.end, r.months) for r in rows] == [
        (0, 1, 1, 1, 1),
        (1, 2, 28, 45, 18),
        (2, 3, 36, 36, 1),
    ]
    assert (rows[1].start_label, rows[1].end_label) == ("janvier · Terminale", "juin · Bac+1")


def test_table_in_french(catalogue: Catalogue) -> None:
    table = frise_table(catalogue, catalogue.template("mini"), FriseOptions())
    assert (
        list(table.columns)
        == [*TABLE_COLUMNS]
        == [
            "N°",
            "Brique",
            "Volet",
            "Modalité",
            "Couloir",
            "Début",
            "Fin",
            "Durée (mois)",
            "Partenaire",
            "Note",
        ]
    )
    assert table.to_dict("records")[1] == {
        "N°": 2,
        "Brique": "Mentorat en ligne",
        "Volet": "Accompagner",
        "Modalité": "Individuel",
        "Couloir": "Accompagner",
        "Début": "janvier · Terminale",
        "Fin": "juin · Bac+1",
        "Durée (mois)": 18,
        "Partenaire": "Inria",
        "Note": "Six mois",
    }
    assert list(table["Début"]) == ["octobre · Seconde", "janvier · Terminale", "septembre · Bac+1"]
    assert list(table["Partenaire"]) == ["Femmes@Numérique", "Inria", NO_PARTNER]


def test_table_with_a_cohort_and_lanes_by_modality(catalogue: Catalogue) -> None:
    options = FriseOptions(cohort_year=2025, lane_mode="modality")
    table = frise_table(catalogue, catalogue.template("mini"), options)
    assert list(table["Début"]) == ["octobre 2025", "janvier 2028", "septembre 2028"]
    assert list(table["Fin"]) == ["octobre 2025", "juin 2029", "septembre 2028"]
    assert list(table["Couloir"]) == ["Collectif", "Individuel", "Matériel et financier"]


def test_table_keeps_user_text_as_plain_data(catalogue: Catalogue) -> None:
    note = '<b onclick="x()">=1+1</b> | *gras*'
    scenario = Scenario(
        name="Texte", placements=(place("atelier-classe", ("seconde", 10), ("seconde", 10), note=note),)
    )
    assert frise_table(catalogue, scenario, FriseOptions())["Note"].tolist() == [note]


def test_empty_table_has_the_columns(catalogue: Catalogue) -> None:
    table = frise_table(catalogue, Scenario(name="Vide"), FriseOptions(track="court"))
    assert table.empty
    assert list(table.columns) == [*TABLE_COLUMNS]


def test_custom_lanes_come_from_the_placements(catalogue: Catalogue) -> None:
    rows = frise_rows(catalogue, catalogue.template("mini"), FriseOptions(lane_mode="custom"))
    assert [r.lane for r in rows] == ["Sans couloir", "Accompagnement", "Sans couloir"]


INES = """  - id: ines
    name: Inès
    age: 18
    description: Étudiante en L1 d'informatique, entrée dans le programme à l'université.
    start_stage: bac-1
    track: long
    exit: doctorat
"""


def test_a_persona_follows_her_track_exit_start_and_situation(catalogue_dir: Path) -> None:
    from tpt_model.frise.rows import for_persona

    with (catalogue_dir / "personas.yaml").open("a", encoding="utf-8") as f:
        f.write(INES)
    catalogue = load_catalogue(catalogue_dir)
    mini = catalogue.template("mini")
    ines = for_persona(catalogue, FriseOptions(track="court"), "ines")
    assert (ines.persona, ines.track, ines.exit) == ("ines", "long", "doctorat")
    # The seconde workshop ended before she joined; the computer needs a bursary she does not have.
    assert [i for i, _ in visible_placements(catalogue, mini, ines)] == [1]
    lea = for_persona(catalogue, FriseOptions(), "lea")
    assert [i for i, _ in visible_placements(catalogue, mini, lea)] == [0, 1, 2]
    assert for_persona(catalogue, ines, None).persona is None

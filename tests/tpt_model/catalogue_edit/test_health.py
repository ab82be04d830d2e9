"""The catalogue's health lists what is wrong and what is missing, each with its file and line."""

from pathlib import Path

from tpt_model import Catalogue, check_catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.catalogue_edit.health import brick_usage, catalogue_health
from tpt_model.errors import Problem

PARTNER = """  - id: cnrs
    name: CNRS
    kind: recherche
    description: Centre national de la recherche scientifique.
"""
MILESTONES = """  - id: bts
    label: Épreuves du BTS
    kind: examen
    stage: bac-2
    month: 5
    tracks: [court]
    description: Un jalon des études courtes, dans une année que seules les longues ont ici.
  - id: stage-ete
    label: Stage d'été
    kind: orientation
    stage: bac-1
    from: 6
    to: 9
    description: Une période qui passe août.
"""


def lines(
    catalogue: Catalogue, root: Path, usage: dict[str, list[str]], problems: list[Problem] | None = None
) -> list[tuple[str, str, int, str]]:
    report = catalogue_health(catalogue, problems or [], root, usage)
    return [(item.section, item.file, item.line, item.message) for item in report.items]


def test_a_catalogue_its_scenarios_use_whole_has_only_what_is_missing(catalogue_dir: Path) -> None:
    result = check_catalogue(catalogue_dir)
    assert result.catalogue is not None
    usage = brick_usage(result.catalogue.templates)
    assert lines(result.catalogue, catalogue_dir, usage) == [
        (
            "estimated",
            "bricks/mentorat.yaml",
            1,
            "« Mentorat en ligne » : coût estimé (cost.inferred) qu'aucune source n'appuie (supports: [cost])",
        ),
        (
            "estimated",
            "bricks/ordinateur.yaml",
            1,
            "« Ordinateur offert » : coût estimé (cost.inferred) qu'aucune source n'appuie (supports: [cost])",
        ),
    ]


def test_unused_unsourced_unnamed_and_off_axis_are_found(catalogue_dir: Path) -> None:
    (catalogue_dir / "partners.yaml").write_text(
        (catalogue_dir / "partners.yaml").read_text(encoding="utf-8") + PARTNER, encoding="utf-8"
    )
    brick = catalogue_dir / "bricks" / "ordinateur.yaml"
    text = brick.read_text(encoding="utf-8")
    brick.write_text(text.split("sources:")[0].replace("inferred: true", "inferred: false"), encoding="utf-8")
    (catalogue_dir / "calendar.yaml").write_text(
        (catalogue_dir / "calendar.yaml").read_text(encoding="utf-8") + MILESTONES, encoding="utf-8"
    )
    programme = catalogue_dir / "programme.yaml"
    programme.write_text(
        programme.read_text(encoding="utf-8").replace(
            "short: Bac+2\n    phase: reussir\n", "short: Bac+2\n    phase: reussir\n    tracks: [long]\n"
        ),
        encoding="utf-8",
    )
    result = check_catalogue(catalogue_dir)
    assert result.catalogue is not None
    usage = brick_usage(
        [
            (
                "Frise de mars",
                Scenario(name="Frise de mars", placements=result.catalogue.template("mini").placements[:2]),
            )
        ]
    )
    found = lines(result.catalogue, catalogue_dir, usage)
    assert [f for f in found if f[0] != "estimated" and f[0] != "problems"] == [
        ("unused", "bricks/ordinateur.yaml", 1, "« Ordinateur offert » n'est placée dans aucun scénario"),
        ("unsourced", "bricks/ordinateur.yaml", 1, "« Ordinateur offert » n'a aucune source"),
        ("partners", "partners.yaml", 12, "« CNRS » (cnrs) n'est partenaire d'aucune brique"),
        (
            "milestones",
            "calendar.yaml",
            21,
            "« Épreuves du BTS » : aucun de ses parcours (court) ne passe par l'étape « Bac+2 »",
        ),
        (
            "milestones",
            "calendar.yaml",
            28,
            "« Stage d'été » : sa période va de juin à septembre et sort de l'année scolaire de son étape",
        ),
    ]


def test_the_validator_problems_come_first_with_their_brick(
    catalogue_dir: Path, catalogue: Catalogue
) -> None:
    problem = Problem(f"{catalogue_dir.as_posix()}/bricks/mentorat.yaml", 5, 9, "pillar", "valeur invalide")
    report = catalogue_health(catalogue, [problem], catalogue_dir, brick_usage(catalogue.templates))
    first = report.items[0]
    assert (first.section, first.file, first.line, first.brick, first.message) == (
        "problems",
        "bricks/mentorat.yaml",
        5,
        "mentorat",
        "pillar : valeur invalide",
    )
    assert first.where == "bricks/mentorat.yaml, ligne 5"


def test_a_group_no_brick_names_is_found_in_the_programme(catalogue_dir: Path, catalogue: Catalogue) -> None:
    without_gt2 = catalogue.replace(
        bricks=tuple(b for b in catalogue.bricks if "gt2" not in b.working_groups)
    )
    found = lines(without_gt2, catalogue_dir, brick_usage(catalogue.templates))
    assert ("groups", "programme.yaml", 104, "« Sourcing au lycée » (gt2) ne porte aucune brique") in found
    assert (
        "partners",
        "partners.yaml",
        7,
        "« Femmes@Numérique » (femmes-at-numerique) n'est partenaire d'aucune brique",
    ) in found

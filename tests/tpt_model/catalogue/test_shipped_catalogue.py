"""The catalogue shipped to the pilots validates and covers the programme."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

from tpt_model import Catalogue, check_catalogue, load_catalogue
from tpt_model.catalogue.search import brick_phases
from tpt_model.scenario.rules import check_placement
from tpt_model.text import fold

SHIPPED = ROOT / "catalogue"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(SHIPPED)


def test_shipped_catalogue_has_no_problem() -> None:
    assert check_catalogue(SHIPPED).problems == []


def test_counts(catalogue: Catalogue) -> None:
    assert len(catalogue.bricks) >= 40
    assert len(catalogue.partners) >= 10
    assert len(catalogue.milestones) >= 20
    assert len(catalogue.personas) >= 5
    assert [g.id for g in catalogue.programme.working_groups] == ["gt1", "gt2", "gt3", "gt4", "gt5"]


def test_bricks_cover_pillars_phases_and_modalities(catalogue: Catalogue) -> None:
    pillars = Counter(b.pillar for b in catalogue.bricks)
    modalities = Counter(b.modality for b in catalogue.bricks)
    phases = Counter(p for b in catalogue.bricks for p in brick_phases(catalogue.programme, b))
    assert set(pillars) == {"attract", "empower", "fix_the_system"}
    assert set(modalities) == {"individuel", "collectif", "materiel"}
    assert set(phases) == {"construire", "reussir", "epanouir"}
    assert min(pillars.values()) >= 5 and min(modalities.values()) >= 5 and min(phases.values()) >= 5


def test_the_bricks_the_programme_names_are_there(catalogue: Catalogue) -> None:
    named = {
        "learning-expedition",  # the seed article and the events agenda
        "portes-ouvertes-entreprises",
        "marrainage-benevole",  # the volunteering of the platform
        "reorientation-superieur",  # the theme of working group 3
        "candidature-contrat-doctoral",  # the doctorate exit of phase 3
    }
    assert named <= set(catalogue.bricks_by_id)


def test_every_pillar_has_individual_actions_in_every_phase(catalogue: Catalogue) -> None:
    cells = {
        (b.pillar, phase)
        for b in catalogue.bricks
        if b.modality == "individuel"
        for phase in brick_phases(catalogue.programme, b)
    }
    for pillar in ("empower", "fix_the_system"):
        assert {phase for p, phase in cells if p == pillar} == {"construire", "reussir", "epanouir"}, pillar


def test_every_brick_says_where_its_figures_come_from(catalogue: Catalogue) -> None:
    for brick in catalogue.bricks:
        assert brick.summary and brick.barriers and brick.good_practices, brick.id
        assert set(brick.criteria) == {c.id for c in catalogue.programme.criteria}, brick.id
        if brick.cost.inferred:
            assert brick.cost.note, f"{brick.id}: an inferred cost says where it comes from"
        if brick.cost.third_party_eur:
            assert "hors budget" in (brick.cost.note or ""), (
                f"{brick.id}: a third party's money is said apart"
            )


def test_a_programme_action_has_a_source_and_a_proposition_says_so(catalogue: Catalogue) -> None:
    statuses = Counter(b.status for b in catalogue.bricks)
    assert statuses["programme"] >= 20 and statuses["proposition"] >= 15
    for brick in catalogue.bricks:
        assert brick.supported("action") == (brick.status == "programme"), brick.id
        if brick.partners:
            assert brick.supported("partners"), f"{brick.id}: confirmed partners need their source"
        if brick.status == "proposition":
            assert not brick.partners, f"{brick.id}: nobody is confirmed for an idea nothing public backs"


def test_sponsors_and_bodies_outside_the_consortium_are_never_confirmed_partners(
    catalogue: Catalogue,
) -> None:
    outside = {"accenture", "groupe-la-poste", "dusens", "caisse-des-depots", "crous", "elles-bougent"}
    outside |= {"education-nationale", "la-french-tech", "drane-occitanie"}
    assert not [b.id for b in catalogue.bricks if outside & set(b.partners)]
    # A regional body is no partner of a national action.
    assert not [b.id for b in catalogue.bricks if "drane-occitanie" in b.partner_ids]


def test_working_group_memberships_are_sourced(catalogue: Catalogue) -> None:
    pilots = {p for g in catalogue.programme.working_groups for p in g.pilots}
    for partner in catalogue.partners:
        if partner.working_groups:
            assert partner.sources, partner.id
            assert partner.id in pilots | {"fondation-inria"}, f"{partner.id}: only pilots are known members"


def test_typical_journey_spans_the_three_phases(catalogue: Catalogue) -> None:
    scenario = catalogue.template("parcours-type")
    assert len(scenario.placements) >= 25
    phases = {catalogue.programme.phase_of(p.start.stage).id for p in scenario.placements}
    assert phases == {"construire", "reussir", "epanouir"}


def test_every_milestone_stays_in_its_stage_school_year_and_says_its_source(catalogue: Catalogue) -> None:
    for milestone in catalogue.milestones:
        assert not milestone.leaves_its_year, milestone.id
        assert milestone.sources, milestone.id


def test_the_calendar_has_the_right_months(catalogue: Catalogue) -> None:
    at = {m.id: (m.stage, *m.months) for m in catalogue.milestones}
    assert at["choix-specialites"] == ("seconde", 2, 5)  # intentions from February
    assert at["stage-observation-seconde"] == ("seconde", 6, 6)  # after the choice
    assert at["stage-fin-etudes"] == ("bac-5", 2, 8)
    assert at["recherche-premier-emploi"] == ("bac-5", 3, 8)  # from spring, during the final internship
    assert at["diplomation-bac-5"] == ("emploi-1", 9, 11)  # the autumn after the final internship
    assert at["prix-ingenieuses"] == (None, 5, 5)


def test_the_calendar_has_the_moments_that_were_missing(catalogue: Catalogue) -> None:
    at = {m.id: (m.stage, *m.months) for m in catalogue.milestones}
    assert at["parcoursup-phase-complementaire"] == ("terminale", 6, 8)
    assert at["parcoursup-fin-phase-principale"] == ("terminale", 7, 7)
    assert at["dossier-social-etudiant"] == ("terminale", 1, 5)
    assert at["monmaster-candidatures"] == ("bac-3", 2, 3)
    assert at["monmaster-reponses"] == ("bac-3", 6, 6)
    assert at["examens-bts"] == ("bac-2", 5, 6)
    assert at["concours-cpge"] == ("bac-2", 4, 7)
    assert at["recherche-alternance"] == ("bac-2", 3, 6)
    assert at["debut-contrat-alternance"] == ("bac-3", 9, 9)
    assert at["forums-entreprises"] == ("bac-5", 10, 11)
    assert at["candidatures-contrat-doctoral"] == ("bac-5", 5, 6)
    assert at["girls-in-ict-day"] == (None, 4, 4)


def test_every_shipped_scenario_passes_the_placement_rules(catalogue: Catalogue) -> None:
    assert catalogue.templates
    for name, scenario in catalogue.templates:
        for i, placement in enumerate(scenario.placements):
            assert check_placement(catalogue, placement) == [], f"{name}, placement {i} ({placement.brick})"


@pytest.mark.parametrize(("name", "track"), [("parcours-type", "long"), ("parcours-type-court", "court")])
def test_a_typical_journey_per_track_whose_studies_are_tagged(
    catalogue: Catalogue, name: str, track: str
) -> None:
    scenario = catalogue.template(name)
    index = catalogue.programme.stage_index
    after_school = [p for p in scenario.placements if index[p.start.stage] > index["terminale"]]
    assert after_school and all(p.tracks == (track,) for p in after_school), name
    stages_on_track = {s.id for s in catalogue.programme.stages if track in s.tracks}
    assert all({p.start.stage, p.end.stage} <= stages_on_track for p in scenario.placements), name


def test_the_short_track_goes_from_a_but_to_a_first_job(catalogue: Catalogue) -> None:
    short = catalogue.template("parcours-type-court")
    bricks = [p.brick for p in short.placements]
    # The alternance comes after the second-year internship search, and the job search after both.
    assert (
        bricks.index("aide-recherche-stage") < bricks.index("accueil-alternance") < bricks.index("job-dating")
    )
    assert not [p for p in short.placements if p.start.stage in ("bac-4", "bac-5")]


# The pilots' writing conventions (README, « Écrire dans le catalogue »), checked where a rule can be.
DOUBLETS = {
    "enseignants": "enseignantes",
    "étudiants": "étudiantes",
    "professeurs": "professeures",
    "diplômés": "diplômées",
    "salariés": "salariées",
    "recruteurs": "recruteuses",
    "chercheurs": "chercheuses",
    "bacheliers": "bachelières",
    "candidats": "candidates",
    "tuteurs": "tutrices",
    "informaticiens": "informaticiennes",
    "lycéens": "lycéennes",
}


def catalogue_texts() -> list[tuple[str, str]]:
    """Every text a pilot wrote in the shipped YAML files, with where it is.

    Ids stay as they are (saved scenarios name them); sources are quoted titles.
    """

    def walk(value: object, where: str) -> list[tuple[str, str]]:
        if isinstance(value, str):
            return [(where, value)]
        if isinstance(value, dict):
            return [
                t
                for k, v in value.items()
                if k not in ("id", "brick", "sources", "url")
                for t in walk(v, f"{where}.{k}")
            ]
        if isinstance(value, list):
            return [t for i, v in enumerate(value) for t in walk(v, f"{where}[{i}]")]
        return []

    return [
        t
        for path in sorted(SHIPPED.rglob("*.yaml"))
        for t in walk(yaml.safe_load(path.read_text()), path.name)
    ]


def test_a_masculine_plural_comes_only_with_its_feminine_doublet() -> None:
    for where, text in catalogue_texts():
        words = set(re.findall(r"[\w-]+", text.lower()))
        for masculine, feminine in DOUBLETS.items():
            if masculine in words:
                assert feminine in words, f"{where}: « {masculine} » sans « {feminine} » : {text}"


def test_no_median_point_and_french_words_for_english_ones() -> None:
    for where, text in catalogue_texts():
        assert "·" not in text and "empowerment" not in text.lower() and "alumnae" not in text.lower(), where


def starts_with_a_verb(text: str) -> bool:
    first = fold(text.split()[0]).removeprefix("s'")
    return first.endswith(("er", "ir", "re", "oir"))


def test_titles_and_good_practices_are_actions(catalogue: Catalogue) -> None:
    for brick in catalogue.bricks:
        assert starts_with_a_verb(brick.title), brick.title
        for practice in brick.good_practices:
            assert starts_with_a_verb(practice), f"{brick.id}: {practice}"


def test_l1_dropout_window_is_in_the_calendar(catalogue: Catalogue) -> None:
    risks = [m for m in catalogue.milestones if m.kind == "risque"]
    assert any(m.stage == "bac-1" for m in risks)


@pytest.mark.parametrize(
    "path", sorted(SHIPPED.rglob("*.yaml")), ids=lambda p: p.relative_to(SHIPPED).as_posix()
)
def test_each_file_points_editors_at_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (path.parent / first.split("=", 1)[1]).resolve()
    assert schema.is_file(), schema

"""Rules of the catalogue models themselves, and the catalogue object."""

from pathlib import Path

import pytest
from helpers import TEST_CATALOGUE
from pydantic import ValidationError

from tpt_model import Catalogue, load_catalogue
from tpt_model.catalogue.calendar import Milestone
from tpt_model.catalogue.programme import Criterion, Scale
from tpt_model.catalogue.scenario_format import Scenario


def test_scale_must_grow() -> None:
    with pytest.raises(ValidationError, match="minimum à un maximum plus grand"):
        Scale(min=3, max=3)


def test_criterion_needs_one_descriptor_per_level() -> None:
    with pytest.raises(ValidationError, match="un descripteur par niveau de 1 à 3"):
        Criterion(
            id="c", label="C", question="?", scale=Scale(min=1, max=3), weight=1, levels={1: "a", 2: "b"}
        )


def test_the_cost_scale_gives_the_first_level_whose_maxima_hold() -> None:
    criterion = Criterion.model_validate(
        {
            "id": "abordable",
            "label": "Caractère abordable",
            "question": "?",
            "scale": {"min": 1, "max": 3},
            "weight": 1,
            "levels": {1: "chère", 2: "moyenne", 3: "abordable"},
            "cost_levels": [
                {"score": 3, "max_per_beneficiary_eur": 50, "max_fixed_eur": 10_000},
                {"score": 2, "max_per_beneficiary_eur": 300},
                {"score": 1},
            ],
        }
    )
    assert criterion.cost_score(50, 10_000) == 3  # the maxima are included
    assert criterion.cost_score(20, 20_000) == 2  # a high fixed cost leaves the first level
    assert criterion.cost_score(301, 0) == 1
    without = criterion.model_copy(update={"cost_levels": ()})
    assert without.cost_score(10, 0) is None  # no scale, no expected score


def test_milestone_leaves_its_year_only_when_a_stage_range_passes_august() -> None:
    base = {"id": "m", "label": "M", "kind": "examen", "description": "d"}
    assert not Milestone.model_validate({**base, "stage": "bac-1", "from": 10, "to": 2}).leaves_its_year
    assert Milestone.model_validate({**base, "stage": "bac-1", "from": 7, "to": 10}).leaves_its_year
    assert not Milestone.model_validate({**base, "from": 7, "to": 10}).leaves_its_year  # yearly: no stage


def test_milestone_is_one_month_or_a_range() -> None:
    base = {"id": "m", "label": "M", "kind": "examen", "description": "d"}
    assert Milestone.model_validate({**base, "month": 6}).months == (6, 6)
    assert Milestone.model_validate({**base, "from": 11, "to": 2}).months == (11, 2)
    with pytest.raises(ValidationError, match="soit « month », soit « from » et « to »"):
        Milestone.model_validate({**base, "month": 6, "from": 1, "to": 2})
    with pytest.raises(ValidationError, match="soit « month », soit « from » et « to »"):
        Milestone.model_validate(base)
    with pytest.raises(ValidationError, match="une période demande « from » et « to »"):
        Milestone.model_validate({**base, "from": 1})


def test_recurring_milestone_has_no_stage(catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.milestones}
    assert by_id["huit-mars"].every_year
    assert not by_id["voeux-parcoursup"].every_year


def test_catalogue_is_immutable_and_indexed() -> None:
    catalogue = load_catalogue(TEST_CATALOGUE)  # its own: the shared one must not be assigned to
    assert catalogue.brick("mentorat").title == "Mentorat en ligne"
    assert catalogue.template("mini").name == "Mini parcours"
    assert catalogue.programme.phase_of("bac-1").id == "reussir"
    assert catalogue.programme.criterion("pertinence").weight == 2
    with pytest.raises(ValidationError):
        catalogue.bricks = ()  # type: ignore[misc]
    assert catalogue.summary() == "3 briques, 2 partenaires, 3 jalons, 1 persona, 1 modèle de scénario"


def test_problems_of_several_files_come_in_one_run(catalogue_dir: Path) -> None:
    from tpt_model import ProblemsError

    (catalogue_dir / "bricks" / "mentorat.yaml").write_text("id: mentorat\n", encoding="utf-8")
    (catalogue_dir / "personas.yaml").write_text("personas: 3\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as err:
        load_catalogue(catalogue_dir)
    files = {p.file.rsplit("/", 1)[-1] for p in err.value.problems}
    assert files == {"mentorat.yaml", "personas.yaml"}
    assert len(err.value.problems) > 10


def test_a_broken_partner_file_blames_no_brick(catalogue_dir: Path) -> None:
    from tpt_model import check_catalogue

    (catalogue_dir / "partners.yaml").write_text("partners: [\n", encoding="utf-8")
    result = check_catalogue(catalogue_dir)
    assert [p.file.rsplit("/", 1)[-1] for p in result.problems] == ["partners.yaml"]
    assert result.catalogue is not None
    assert len(result.catalogue.bricks) == 3


def test_a_broken_brick_blames_no_scenario(catalogue_dir: Path) -> None:
    from tpt_model import check_catalogue

    (catalogue_dir / "bricks" / "ordinateur.yaml").write_text("id: ordinateur\n", encoding="utf-8")
    result = check_catalogue(catalogue_dir)
    assert {p.file.rsplit("/", 1)[-1] for p in result.problems} == {"ordinateur.yaml"}
    assert result.catalogue is not None
    assert [b.id for b in result.catalogue.bricks] == ["atelier-classe", "mentorat"]


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    from tpt_model import check_catalogue

    result = check_catalogue(tmp_path / "nowhere")
    assert result.catalogue is None
    assert [p.message for p in result.problems] == ["fichier introuvable"] * 4


def test_a_scenarios_hash_is_kept_but_never_copied(test_catalogue: Catalogue) -> None:
    scenario = test_catalogue.templates[0][1]
    first = hash(scenario)  # computed once, then kept: memoised results are looked up on every rerun
    renamed = scenario.model_copy(update={"name": "Autre"})
    same = Scenario.model_validate(scenario.model_dump(mode="json"))
    assert hash(scenario) == first == hash(same) == hash(scenario.model_copy())
    assert hash(renamed) == hash(Scenario.model_validate(renamed.model_dump(mode="json"))) != first
    assert {scenario: 1}[same] == 1


def test_a_warning_keeps_the_catalogue_and_its_template(catalogue_dir: Path) -> None:
    from tpt_model import check_catalogue

    mini = catalogue_dir / "scenarios" / "mini.yaml"
    mini.write_text(
        mini.read_text(encoding="utf-8").replace(
            "end: {stage: seconde, month: 10}", "end: {stage: bac-2, month: 10}"
        ),
        encoding="utf-8",
    )
    [warning] = check_catalogue(catalogue_dir).problems
    assert warning.level == "avertissement"
    catalogue = load_catalogue(catalogue_dir)  # warnings do not stop the loading
    assert catalogue.template("mini").placements[0].end.stage == "bac-2"

"""A pilot's broken edit never makes bricks vanish: the last valid version is kept and said so."""

from pathlib import Path

import pytest
from helpers import app_test

from tpt_model import check_catalogue
from tpt_model.catalogue.last_good import LastGood, with_last_good
from tpt_model.catalogue.loader import LoadResult
from tpt_model.scenario.summary import brick_notices
from tpt_model.text import escape_markdown
from ui.catalogue_source import forget_recent_scans

BROKEN = "id: mentorat\npillar: [\n"


def break_file(path: Path) -> None:
    path.write_text(BROKEN, encoding="utf-8")


def test_a_broken_brick_is_kept_from_its_last_valid_version(catalogue_dir: Path) -> None:
    previous = check_catalogue(catalogue_dir).catalogue
    break_file(catalogue_dir / "bricks" / "mentorat.yaml")
    result = with_last_good(check_catalogue(catalogue_dir), previous)
    assert result.catalogue is not None and previous is not None
    assert result.catalogue.brick("mentorat") == previous.brick("mentorat")
    assert result.catalogue.stale_bricks == {"mentorat"}
    assert result.problems, "the problem is still reported"
    assert not result.fallback


def test_a_brick_whose_stage_is_gone_is_not_kept(catalogue_dir: Path) -> None:
    previous = check_catalogue(catalogue_dir).catalogue
    assert previous is not None
    start = previous.brick("mentorat").stages.from_stage
    break_file(catalogue_dir / "bricks" / "mentorat.yaml")
    current = check_catalogue(catalogue_dir)
    assert current.catalogue is not None
    programme = current.catalogue.programme
    # Built anew, not model_copy: the programme's cached stage index must follow its stages.
    fields = {name: getattr(programme, name) for name in type(programme).model_fields}
    shorter = type(programme).model_validate(
        {**fields, "stages": tuple(s for s in programme.stages if s.id != start)}
    )
    result = with_last_good(
        LoadResult(current.catalogue.replace(programme=shorter), current.problems, current.broken_bricks),
        previous,
    )
    assert result.catalogue is not None
    assert "mentorat" not in result.catalogue.bricks_by_id
    assert result.catalogue.stale_bricks == frozenset()


def test_a_broken_programme_keeps_the_whole_last_catalogue(catalogue_dir: Path) -> None:
    last_good = LastGood()
    first = last_good.apply("c", check_catalogue(catalogue_dir))
    (catalogue_dir / "programme.yaml").write_text("name: [\n", encoding="utf-8")
    second = last_good.apply("c", check_catalogue(catalogue_dir))
    assert second.fallback and second.catalogue is first.catalogue
    assert [p.file.rsplit("/", 1)[-1] for p in second.problems][0] == "programme.yaml"


def test_the_frise_names_stale_and_missing_bricks(catalogue_dir: Path) -> None:
    catalogue = check_catalogue(catalogue_dir).catalogue
    assert catalogue is not None
    scenario = catalogue.templates[0][1]
    stale = catalogue.replace(stale_bricks=frozenset({"mentorat"}))
    assert brick_notices(stale, scenario) == [
        "« Mentorat en ligne » (n° 2) est montrée d'après la dernière version valide de "
        "bricks/mentorat.yaml, qui a maintenant un problème (voir le catalogue)."
    ]
    missing = catalogue.replace(bricks=tuple(b for b in catalogue.bricks if b.id != "ordinateur"))
    assert brick_notices(missing, scenario) == [
        "La brique « ordinateur » (n° 3) n'est plus dans le catalogue : ce placement n'est pas dessiné."
    ]


@pytest.mark.usefixtures("isolated_app")
def test_the_running_app_keeps_a_brick_whose_file_breaks(isolated_app: Path) -> None:
    at = app_test().run()
    assert not at.exception, at.exception
    break_file(isolated_app / "bricks" / "mentorat.yaml")
    forget_recent_scans()
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == 3, "no placement vanished from the frise's table"
    assert escape_markdown(
        "« Mentorat en ligne » (n° 2) est montrée d'après la dernière version valide de "
        "bricks/mentorat.yaml, qui a maintenant un problème (voir le catalogue)."
    ) in [w.value for w in at.warning]


@pytest.mark.usefixtures("isolated_app")
def test_the_running_app_keeps_its_catalogue_when_the_programme_breaks(isolated_app: Path) -> None:
    at = app_test().run()
    (isolated_app / "programme.yaml").write_text("name: [\n", encoding="utf-8")
    forget_recent_scans()
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Frise du parcours-type"
    assert any("dernière version valide" in w.value for w in at.warning)

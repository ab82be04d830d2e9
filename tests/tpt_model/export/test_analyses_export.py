"""The `analyses` object of the JSON export, its schema, and the export command."""

import json
from pathlib import Path

import jsonschema
import pytest
from helpers import ROOT, TEST_CATALOGUE

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.cli.main import main
from tpt_model.export.analyses import analyses, analyses_schema_text

SCENARIO = """name: Essai
placements:
  - brick: mentorat
    start: {stage: terminale, month: 1}
    end: {stage: terminale, month: 3}
cohort_plan:
  cohorts:
    - {year: 2025, entrants: 100, entry_stage: seconde}
"""


def test_the_shipped_analyses_schema_is_up_to_date() -> None:
    shipped = ROOT / "catalogue" / "schema" / "analyses.schema.json"
    assert shipped.read_text(encoding="utf-8") == analyses_schema_text(), "lancez `make schema`"


def test_the_document_follows_its_schema_and_carries_the_figures(catalogue: Catalogue) -> None:
    scenario = catalogue.template("mini")
    document = json.loads(analyses(catalogue, scenario).model_dump_json())
    jsonschema.validate(document, json.loads(analyses_schema_text()))
    found = document["analyses"]
    assert found["budget"]["per_beneficiary_eur"] == 5 + 400 + 450
    assert found["budget"]["fixed_eur"] == 1000
    assert {"kind": "stage", "stage": "premiere", "message": "Aucune action en « Première »."} in found[
        "gaps"
    ]
    assert {"stage": "seconde", "pillar": "attract", "placements": 1, "hours": 1} in found["coverage"]
    assert found["partners"][0] == {
        "partner": "inria",
        "bricks": ["mentorat"],
        "single_partner_bricks": ["mentorat"],
    }


def test_the_export_command_prints_the_analyses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "essai.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    assert main(["export", str(path), "--format", "json", "--catalogue", str(TEST_CATALOGUE)]) == 0
    document = json.loads(capsys.readouterr().out)
    # What a partner's tools read is what the shipped schemas describe: the whole document, and
    # its `analyses` object alone.
    schemas = ROOT / "catalogue" / "schema"
    whole = json.loads((schemas / "cahier-des-charges.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, whole)
    alone = json.loads((schemas / "analyses.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate({"analyses": document["analyses"]}, alone)
    budget = document["analyses"]["budget"]
    assert list(document["analyses"]) == ["budget", "gaps", "coverage", "partners"]
    assert set(budget) == {"per_beneficiary_eur", "fixed_eur", "by_calendar_year", "by_school_year"}
    # Entering seconde in September 2025, the cohort meets the January mentoring in 2028,
    # in the school year that opened in September 2027.
    assert budget["by_calendar_year"][3] == {"year": 2028, "eur": 100 * 400}
    assert budget["by_school_year"][2] == {"year": 2027, "eur": 100 * 400}


def test_a_document_that_strays_from_the_issue_s_keys_is_refused_by_the_schema(catalogue: Catalogue) -> None:
    schema = json.loads(analyses_schema_text())
    document = json.loads(analyses(catalogue, catalogue.template("mini")).model_dump_json())
    document["analyses"]["gaps"][0]["kind"] = "trou"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_a_bad_scenario_file_is_reported_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "essai.yaml"
    path.write_text("name: X\ncolour: red\n", encoding="utf-8")
    assert main(["export", str(path), "--catalogue", str(TEST_CATALOGUE)]) == 1
    assert capsys.readouterr().out.startswith("essai.yaml:2:1: colour: champ inconnu « colour »")

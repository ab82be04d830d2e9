"""The document's chapters, a partner's brief, empty chapters, and the YAML round trip."""

import json

import pytest
from export_readers import TODAY, all_text, scored_source

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import InputError
from tpt_model.export.build import ExportSource, build_brief, build_document
from tpt_model.export.document import BulletList, Facts, Paragraph, Table
from tpt_model.export.formats import BY_ID, FORMATS, export
from tpt_model.scenario.files import read_upload

CHAPTERS = [
    "Contexte et objectifs",
    "Volets et phases",
    "La frise",
    "Fiches des briques",
    "Évaluation",
    "Ateliers et focus groups",
    "Couverture et trous",
    "Partenaires",
    "Budget sur cinq ans",
    "Parcours des personas",
    "Plan de communication",
    "Annexe : les critères d'évaluation",
]


def test_the_chapters_come_in_the_order_of_the_specification(catalogue: Catalogue) -> None:
    document = build_document(scored_source(catalogue, catalogue.template("mini")))
    assert [s.title for s in document.sections] == CHAPTERS
    cover = dict(document.cover.pairs())
    assert cover["Scénario"] == "Mini parcours"
    assert cover["Groupe de travail"].startswith("GT1 · ")
    assert (cover["Version"], cover["Autrice ou auteur de la version"]) == ("4", "Léa")
    sheets = next(s for s in document.sections if s.id == "briques").subsections
    assert [s.title for s in sheets] == ["Atelier en classe", "Mentorat en ligne", "Ordinateur offert"]


def test_the_evaluation_names_the_weights_and_the_bricks_to_discuss(catalogue: Catalogue) -> None:
    source = scored_source(catalogue, catalogue.template("mini"), weights={"pertinence": 3.0})
    evaluation = next(s for s in build_document(source).sections if s.id == "evaluation")
    weights = next(b for b in evaluation.blocks if isinstance(b, Table) and b.title == "Poids des critères")
    assert weights.rows[0] == ["Pertinence", 3.0, 1.0] or weights.rows[0][:2] == ["Pertinence", 3.0]
    ranking = next(b for b in evaluation.blocks if isinstance(b, Table) and b.title == "Classement pondéré")
    assert [r[1] for r in ranking.rows] == ["Atelier en classe", "Mentorat en ligne"]
    discuss = [b for b in evaluation.blocks if isinstance(b, BulletList)]
    assert discuss[0].items == ["Mentorat en ligne — désaccord sur : Pertinence, Simplicité de mise en œuvre"]
    assert any(isinstance(b, Paragraph) and b.text.startswith("Non notées (1)") for b in evaluation.blocks)


def test_an_inferred_cost_is_marked_in_the_brick_sheet(catalogue: Catalogue) -> None:
    document = build_document(ExportSource(catalogue, catalogue.template("mini"), TODAY))
    sheets = {s.id: s for s in next(s for s in document.sections if s.id == "briques").subsections}
    costs = {
        brick_id: next(
            f.value for b in sheet.blocks if isinstance(b, Facts) for f in b.items if f.label == "Coût"
        )
        for brick_id, sheet in sheets.items()
    }
    inferred = {f"brique-{b.id}" for b in catalogue.bricks if b.cost.inferred}
    assert inferred  # the test catalogue has an estimated cost
    assert {k for k, v in costs.items() if "estimation d'après un programme comparable" in v} == inferred


def test_an_empty_scenario_says_so_in_each_chapter(catalogue: Catalogue) -> None:
    empty = Scenario(name="Vide")
    document = build_document(ExportSource(catalogue, empty, TODAY))
    assert [s.title for s in document.sections] == CHAPTERS  # no chapter disappears
    remarks = {
        s.id: [b.text for b in s.blocks if isinstance(b, Paragraph) and b.style == "remark"]
        for s in document.sections
    }
    assert remarks["frise"] == ["La frise ne compte encore aucun placement."]
    assert remarks["briques"] == ["Aucune brique n'est placée sur la frise."]
    assert remarks["evaluation"] == ["Aucune brique de ce scénario n'a encore été notée."]
    assert remarks["couverture"] == ["La frise est vide."]
    assert remarks["partenaires"] == ["Aucun placement ne nomme de partenaire."]
    assert remarks["ateliers"] == ["Aucun atelier ni focus group n'a encore eu lieu sur ce scénario."]
    # Every format still writes its file.
    files = export(ExportSource(catalogue, empty, TODAY), FORMATS).files
    assert all(f.data for f in files)


def test_a_brief_holds_her_bricks_and_no_other(catalogue: Catalogue) -> None:
    # Inria delivers the mentoring only; the workshop belongs to Femmes@Numérique, the laptop to nobody.
    done = export(scored_source(catalogue, catalogue.template("mini")), FORMATS, partner="inria")
    assert done.document.cover.title == "Brief partenaire"
    assert done.document.cover.partner == "Inria"
    assert [f.name for f in done.files][0] == "mini-parcours-v4-inria.pdf"
    for file in done.files:
        if file.name.endswith(".png"):
            continue
        text = all_text(file.name, file.data)
        if file.name.endswith(".yaml"):  # the scenario file names bricks by their ids
            assert "mentorat" in text and "atelier-classe" not in text and "ordinateur" not in text
            continue
        assert "Mentorat" in text, file.name
        for other in ("Atelier en classe", "Ordinateur offert", "Ordinateur"):
            assert other not in text, (file.name, other)


def test_a_brief_for_an_unknown_partner_is_refused_in_french(catalogue: Catalogue) -> None:
    with pytest.raises(InputError) as refused:
        build_brief(ExportSource(catalogue, catalogue.template("mini"), TODAY), "personne")
    assert refused.value.message == (
        "Partenaire inconnu : « personne » ; partenaires du catalogue : inria, femmes-at-numerique"
    )


def test_a_brief_of_a_partner_without_placements_says_so(catalogue: Catalogue) -> None:
    scenario = Scenario(name="Seul", placements=(catalogue.template("mini").placements[1],))
    document = build_brief(ExportSource(catalogue, scenario, TODAY), "femmes-at-numerique")
    sheets = next(s for s in document.sections if s.id == "briques")
    assert sheets.subsections == []
    assert [b.text for b in sheets.blocks if isinstance(b, Paragraph)] == [
        "Aucune brique n'est placée sur la frise."
    ]


def test_yaml_export_imports_to_the_same_scenario_and_the_same_json(catalogue: Catalogue) -> None:
    scenario = catalogue.template("mini")
    chosen = [BY_ID["yaml"], BY_ID["json"]]
    first = export(scored_source(catalogue, scenario), chosen)
    yaml_file, json_file = first.files
    imported = read_upload(yaml_file.data, yaml_file.name, catalogue)
    assert imported == scenario
    again = export(scored_source(catalogue, imported), chosen)
    assert again.files[0].data == yaml_file.data
    assert again.files[1].data == json_file.data
    assert json.loads(json_file.data)["cover"]["scenario"] == "Mini parcours"

"""Renaming takes the shipped scenarios along; a brick still placed somewhere cannot be removed."""

from pathlib import Path

import pytest

from tpt_model import Catalogue, load_catalogue
from tpt_model.catalogue_edit.bricks import create_brick, modify_brick, remove_brick, shipped_users
from tpt_model.catalogue_edit.checking import draft_text
from tpt_model.catalogue_edit.draft import copy_data, full_data
from tpt_model.catalogue_edit.plan import snapshot
from tpt_model.catalogue_edit.saving import save_plan
from tpt_model.errors import InputError
from tpt_model.yamlio.reader import parse_text

MENTORAT = "bricks/mentorat.yaml"


def renamed_text(root: Path, new_id: str) -> str:
    opened = snapshot(root, MENTORAT)
    assert opened.text is not None
    old = parse_text(opened.text, MENTORAT).data
    return draft_text({**full_data(load_catalogue(root).brick("mentorat")), "id": new_id}, opened.text, old)


def test_a_renamed_brick_moves_to_its_new_file_and_the_shipped_scenario_follows(catalogue_dir: Path) -> None:
    opened = snapshot(catalogue_dir, MENTORAT)
    plan = modify_brick(
        catalogue_dir,
        opened,
        "mentorat-en-ligne",
        renamed_text(catalogue_dir, "mentorat-en-ligne"),
        ["Frise de mars"],
    )
    assert plan.action == "renommage"
    assert plan.paths == ("bricks/mentorat-en-ligne.yaml", "scenarios/mini.yaml", "bricks/mentorat.yaml")
    assert plan.notes == (
        "Ces scénarios enregistrés placent « mentorat » : « Frise de mars ». Après l'enregistrement, leur "
        "frise signalera une brique absente du catalogue : remplacez-la par « mentorat-en-ligne ».",
    )
    scenario_diff = plan.changes[1].diff()
    assert "-  - brick: mentorat\n+  - brick: mentorat-en-ligne\n" in scenario_diff
    save_plan(catalogue_dir, plan)
    catalogue = load_catalogue(catalogue_dir)
    assert "mentorat" not in catalogue.bricks_by_id and "mentorat-en-ligne" in catalogue.bricks_by_id
    assert [p.brick for p in catalogue.template("mini").placements] == [
        "atelier-classe",
        "mentorat-en-ligne",
        "ordinateur",
    ]
    assert not (catalogue_dir / MENTORAT).exists()


def test_a_rename_onto_an_existing_file_is_refused(catalogue_dir: Path) -> None:
    with pytest.raises(InputError) as caught:
        modify_brick(catalogue_dir, snapshot(catalogue_dir, MENTORAT), "ordinateur", "id: ordinateur\n", [])
    assert (
        caught.value.message
        == "Le fichier bricks/ordinateur.yaml existe déjà : choisissez un autre identifiant."
    )


@pytest.mark.parametrize("bad_id", ["", "Mentorat", "../dehors"])
def test_a_new_brick_needs_a_valid_id_before_any_file_is_named(catalogue_dir: Path, bad_id: str) -> None:
    with pytest.raises(InputError) as caught:
        create_brick(catalogue_dir, bad_id, "id: x\n")
    assert caught.value.message == (
        f"identifiant « {bad_id} » invalide : minuscules, chiffres et tirets (ex. « mentorat-en-ligne »)"
    )


def test_a_brick_placed_in_a_scenario_cannot_be_removed(catalogue_dir: Path) -> None:
    with pytest.raises(InputError) as caught:
        remove_brick(catalogue_dir, snapshot(catalogue_dir, MENTORAT), ["Frise de mars"])
    assert caught.value.message == (
        "La brique « mentorat » est placée dans ces scénarios : « mini », « Frise de mars ». Retirez-la d'abord "
        "de leur frise : seule une brique qu'aucun scénario n'utilise peut être supprimée."
    )
    assert (catalogue_dir / MENTORAT).exists()


def test_a_brick_no_scenario_places_is_removed(catalogue_dir: Path, catalogue: Catalogue) -> None:
    copy = copy_data(catalogue, catalogue.brick("mentorat"))
    save_plan(catalogue_dir, create_brick(catalogue_dir, copy["id"], draft_text(copy), "mentorat"))
    assert shipped_users(catalogue_dir, "mentorat-copie") == []
    plan = remove_brick(catalogue_dir, snapshot(catalogue_dir, "bricks/mentorat-copie.yaml"), [])
    assert plan.summary == "Suppression de la brique « mentorat-copie »"
    save_plan(catalogue_dir, plan)
    assert sorted(load_catalogue(catalogue_dir).bricks_by_id) == ["atelier-classe", "mentorat", "ordinateur"]


def test_a_copy_keeps_the_comments_of_the_brick_it_copies(catalogue_dir: Path, catalogue: Catalogue) -> None:
    source = catalogue_dir / MENTORAT
    source.write_text("# Relue par le GT1.\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    shot = snapshot(catalogue_dir, MENTORAT)
    assert shot.text is not None
    copy = copy_data(catalogue, catalogue.brick("mentorat"))
    text = draft_text(copy, shot.text, parse_text(shot.text, MENTORAT).data)
    assert text.startswith("# Relue par le GT1.\nid: mentorat-copie\ntitle: Mentorat en ligne (copie)\n")
    save_plan(catalogue_dir, create_brick(catalogue_dir, "mentorat-copie", text, "mentorat"))
    assert load_catalogue(catalogue_dir).brick("mentorat-copie").cost == catalogue.brick("mentorat").cost

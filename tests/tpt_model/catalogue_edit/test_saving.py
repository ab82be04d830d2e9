"""Saving: a file changed since it was opened is never overwritten, and no save may break the catalogue."""

import os
from pathlib import Path
from typing import Any

import pytest

from tpt_model import Catalogue, check_catalogue, load_catalogue
from tpt_model.catalogue_edit.bricks import create_brick, modify_brick
from tpt_model.catalogue_edit.checking import draft_text
from tpt_model.catalogue_edit.draft import full_data
from tpt_model.catalogue_edit.plan import snapshot, text_change
from tpt_model.catalogue_edit.saving import EditConflictError, EditRefusedError, check_plan, save_plan
from tpt_model.errors import Problem
from tpt_model.i18n import use_language
from tpt_model.yamlio.reader import parse_text

MENTORAT = "bricks/mentorat.yaml"


def cost_plan(root: Path, amount: float) -> Any:
    """The plan of the form's save that gives the mentorat brick another cost per beneficiary."""
    opened = snapshot(root, MENTORAT)
    assert opened.text is not None
    old = parse_text(opened.text, MENTORAT).data
    catalogue = check_catalogue(root).catalogue  # the folder may hold another, broken file
    assert catalogue is not None
    draft = full_data(catalogue.brick("mentorat"))
    draft["cost"] = {**draft["cost"], "per_beneficiary_eur": amount}
    return modify_brick(root, opened, "mentorat", draft_text(draft, opened.text, old), [])


def test_a_save_writes_the_change_and_the_catalogue_reads_it(catalogue_dir: Path) -> None:
    before = (catalogue_dir / MENTORAT).read_text(encoding="utf-8")
    save_plan(catalogue_dir, cost_plan(catalogue_dir, 450))
    after = (catalogue_dir / MENTORAT).read_text(encoding="utf-8")
    assert after == before.replace("per_beneficiary_eur: 400", "per_beneficiary_eur: 450")
    assert load_catalogue(catalogue_dir).brick("mentorat").cost.per_beneficiary_eur == 450
    assert sorted(p.name for p in (catalogue_dir / "bricks").iterdir()) == [
        "atelier-classe.yaml",
        "mentorat.yaml",
        "ordinateur.yaml",
    ]


def test_a_no_op_save_changes_no_byte_and_does_not_touch_the_file(catalogue_dir: Path) -> None:
    path = catalogue_dir / MENTORAT
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = path.read_bytes()
    plan = cost_plan(catalogue_dir, 400)
    assert plan.effective == () and plan.diff() == ""
    save_plan(catalogue_dir, plan)
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_a_file_changed_since_it_was_opened_is_not_overwritten(catalogue_dir: Path) -> None:
    plan = cost_plan(catalogue_dir, 450)
    path = catalogue_dir / MENTORAT
    theirs = path.read_text(encoding="utf-8").replace(
        "hours_per_beneficiary: 12", "hours_per_beneficiary: 15"
    )
    path.write_text(theirs, encoding="utf-8")  # another pilot, or a git pull
    with pytest.raises(EditConflictError) as caught:
        save_plan(catalogue_dir, plan)
    assert path.read_text(encoding="utf-8") == theirs
    assert caught.value.disk_text == theirs
    assert caught.value.mine is not None and "per_beneficiary_eur: 450" in caught.value.mine
    assert caught.value.message == (
        "bricks/mentorat.yaml a changé sur le disque depuis que vous l'avez ouvert : une autre personne "
        "l'a modifié, ou le dossier a été mis à jour (git pull). Rien n'a été enregistré : votre version "
        "et celle du disque sont ci-dessous."
    )


def test_a_file_removed_since_it_was_opened_is_a_conflict_too(catalogue_dir: Path) -> None:
    plan = cost_plan(catalogue_dir, 450)
    (catalogue_dir / MENTORAT).unlink()
    with pytest.raises(EditConflictError) as caught:
        save_plan(catalogue_dir, plan)
    assert caught.value.disk_text is None
    assert "(il a été supprimé)" in caught.value.message
    assert not (catalogue_dir / MENTORAT).exists()


def test_a_new_brick_whose_file_appeared_meanwhile_is_a_conflict(
    catalogue_dir: Path, catalogue: Catalogue
) -> None:
    draft = {**full_data(catalogue.brick("mentorat")), "id": "tutorat"}
    plan = create_brick(catalogue_dir, "tutorat", draft_text(draft))
    (catalogue_dir / "bricks" / "tutorat.yaml").write_text("id: tutorat\n", encoding="utf-8")
    with pytest.raises(EditConflictError):
        save_plan(catalogue_dir, plan)
    assert (catalogue_dir / "bricks" / "tutorat.yaml").read_text(encoding="utf-8") == "id: tutorat\n"


def test_an_edit_that_breaks_another_file_is_refused_with_its_message(catalogue_dir: Path) -> None:
    # Removing the partner « inria » from partners.yaml breaks the mentorat brick, which names it.
    partners = snapshot(catalogue_dir, "partners.yaml")
    assert partners.text is not None
    without_inria = partners.text.split("  - id: femmes-at-numerique")[1]
    plan = text_change(partners, "partners:\n  - id: femmes-at-numerique" + without_inria)
    with pytest.raises(EditRefusedError) as caught:
        save_plan(catalogue_dir, plan)
    root = catalogue_dir.as_posix()
    assert [str(p) for p in caught.value.problems] == [
        f"{root}/bricks/mentorat.yaml:12:12: partners[0]: partenaire inconnu(e) « inria »",
        f"{root}/programme.yaml:102:14: working_groups[0].pilots[0]: partenaire inconnu(e) « inria »",
    ]
    assert caught.value.message == (
        "Enregistrement refusé : le catalogue aurait 2 erreurs de plus (ci-dessous). Rien n'a été écrit ; "
        "corrigez puis enregistrez à nouveau."
    )
    assert snapshot(catalogue_dir, "partners.yaml") == partners


def test_an_edit_of_a_catalogue_that_already_has_an_error_is_judged_on_what_it_adds(
    catalogue_dir: Path,
) -> None:
    broken = catalogue_dir / "bricks" / "ordinateur.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("pillar: empower", "pillar: ailleurs"), encoding="utf-8"
    )
    assert check_plan(catalogue_dir, cost_plan(catalogue_dir, 450)).errors == ()
    save_plan(catalogue_dir, cost_plan(catalogue_dir, 450))
    result = check_catalogue(catalogue_dir)
    assert [p.field for p in result.problems] == ["pillar"]


def test_the_warnings_of_the_saved_file_are_returned(catalogue_dir: Path) -> None:
    opened = snapshot(catalogue_dir, MENTORAT)
    assert opened.text is not None
    # Without its source, the brick no longer says where its action and partners come from.
    text = opened.text.split("sources:")[0] + "duration_months: 6\n"
    checked = save_plan(catalogue_dir, modify_brick(catalogue_dir, opened, "mentorat", text, []))
    assert [(p.field, p.level) for p in checked.warnings] == [
        ("sources", "avertissement"),  # at the top of the file: the brick has no `sources` left
        ("partners", "avertissement"),
    ]
    assert checked.errors == ()


def test_a_conflict_and_a_refusal_are_said_in_the_current_language() -> None:
    problem = Problem("bricks/mentorat.yaml", 3, 1, "stages", "étape inconnue")
    with use_language("en"):
        conflict = EditConflictError("bricks/mentorat.yaml", None, "id: mentorat\n")
        refusals = [EditRefusedError([problem]).message, EditRefusedError([problem, problem]).message]
    assert conflict.message.startswith(
        "bricks/mentorat.yaml changed on disk since you opened it (it was deleted):"
    )
    assert refusals == [
        "Save refused: the catalogue would have 1 more error (below). Nothing was written; correct it, then "
        "save again.",
        "Save refused: the catalogue would have 2 more errors (below). Nothing was written; correct them, then "
        "save again.",
    ]
    assert EditRefusedError([problem]).message.startswith(
        "Enregistrement refusé : le catalogue aurait 1 erreur de plus"
    )

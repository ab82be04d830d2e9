"""The catalogue editor's session: open, edit, preview, save as a pilot, and keep the work on a refusal."""

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tpt_model import Catalogue, load_catalogue
from tpt_model.session.catalogue_edit import EditorView, save
from tpt_model.session.pilot import Pilot
from tpt_model.settings import Settings, load_settings
from tpt_model.store.catalogue_edits import CatalogueEditStore

ELODIE = Pilot(name="Élodie", via="secret")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"TPT_DATA_DIR": str(tmp_path / "data")})


@pytest.fixture
def journal(sqlite_engine: Engine) -> CatalogueEditStore:
    return CatalogueEditStore(sqlite_engine)


def opened(root: Path, cost: float | None = None) -> EditorView:
    view = EditorView(pilot=ELODIE)
    view.open_brick(root, "mentorat")
    if cost is not None:
        view.draft = {**view.draft, "cost": {**view.draft["cost"], "per_beneficiary_eur": cost}}
    return view


def test_a_pilot_saves_a_cost_and_the_journal_keeps_who_what_and_the_diff(
    catalogue_dir: Path, journal: CatalogueEditStore, settings: Settings
) -> None:
    view = opened(catalogue_dir, 450)
    plan = view.plan(catalogue_dir, {})
    assert "-  per_beneficiary_eur: 400\n+  per_beneficiary_eur: 450\n" in plan.diff()
    assert save(view, catalogue_dir, plan, journal, settings)
    assert load_catalogue(catalogue_dir).brick("mentorat").cost.per_beneficiary_eur == 450
    [entry] = journal.recent()
    assert (entry.author, entry.action, entry.summary, entry.files) == (
        "Élodie",
        "modification",
        "Modification de la brique « mentorat »",
        ("bricks/mentorat.yaml",),
    )
    assert entry.diff == plan.diff()
    assert view.notice is not None and view.notice.text == (
        "Modification de la brique « mentorat » : enregistré. Toutes les pages lisent le nouveau catalogue "
        "dans quelques secondes."
    )
    # The editor now holds the saved file: a second change starts from it, not from the old one.
    assert view.open is not None and view.open.opened is not None
    assert "per_beneficiary_eur: 450" in (view.open.opened.text or "")


def test_someone_without_the_pilot_role_cannot_save(
    catalogue_dir: Path, journal: CatalogueEditStore, settings: Settings
) -> None:
    view = opened(catalogue_dir, 450)
    view.pilot = None
    before = (catalogue_dir / "bricks" / "mentorat.yaml").read_bytes()
    assert not save(view, catalogue_dir, view.plan(catalogue_dir, {}), journal, settings)
    assert (
        view.notice is not None
        and view.notice.text == "Seule une ou un pilote peut enregistrer le catalogue."
    )
    assert (catalogue_dir / "bricks" / "mentorat.yaml").read_bytes() == before
    assert journal.recent() == []


def test_a_conflict_keeps_both_versions_and_the_pilot_can_go_on_from_hers(
    catalogue_dir: Path, journal: CatalogueEditStore, settings: Settings
) -> None:
    view = opened(catalogue_dir, 450)
    path = catalogue_dir / "bricks" / "mentorat.yaml"
    theirs = path.read_text(encoding="utf-8").replace(
        "hours_per_beneficiary: 12", "hours_per_beneficiary: 15"
    )
    path.write_text(theirs, encoding="utf-8")
    assert not save(view, catalogue_dir, view.plan(catalogue_dir, {}), journal, settings)
    conflict = view.conflict
    assert conflict is not None and conflict.disk_text == theirs
    assert conflict.mine is not None and "per_beneficiary_eur: 450" in conflict.mine
    assert journal.recent() == []
    view.keep_mine_over_disk(catalogue_dir)
    assert (view.mode, view.yaml_text) == ("yaml", conflict.mine)
    plan = view.plan(catalogue_dir, {})
    # Against the version on disk now, her text changes the cost and puts back the hours.
    assert "-hours_per_beneficiary: 15\n+hours_per_beneficiary: 12\n" in plan.diff()
    assert save(view, catalogue_dir, plan, journal, settings)


def test_a_refused_save_keeps_the_draft_and_lists_the_errors(
    catalogue_dir: Path, journal: CatalogueEditStore, settings: Settings
) -> None:
    view = EditorView(pilot=ELODIE)
    view.open_file(catalogue_dir, "partners.yaml")
    assert view.mode == "yaml" and view.open is not None and not view.open.is_brick
    view.yaml_text = "partners: []\n"
    assert not save(view, catalogue_dir, view.plan(catalogue_dir, {}), journal, settings)
    assert view.yaml_text == "partners: []\n"
    assert len(view.refused) == 4 and all("partenaire inconnu(e)" in line for line in view.refused)
    assert "Enregistrement refusé" in (view.notice.text if view.notice else "")


def test_switching_between_form_and_text_keeps_the_comments_typed(catalogue_dir: Path) -> None:
    view = opened(catalogue_dir)
    view.to_yaml()
    view.yaml_text = "# Relu en décembre.\n" + view.yaml_text
    view.to_form()
    assert view.mode == "formulaire"
    view.draft = {**view.draft, "title": "Mentorat à distance"}
    assert view.text().startswith("# Relu en décembre.\nid: mentorat\ntitle: Mentorat à distance\n")


def test_a_broken_yaml_text_cannot_go_back_to_the_form(catalogue_dir: Path) -> None:
    view = opened(catalogue_dir)
    view.to_yaml()
    view.yaml_text = "id: mentorat\ntitle: [\n"
    view.to_form()
    assert view.mode == "yaml"
    assert view.notice is not None and view.notice.text == (
        "Le formulaire ne s'ouvre que sur une brique valide : corrigez d'abord les erreurs du texte."
    )


def test_a_new_brick_and_a_copy_are_created(
    catalogue_dir: Path, catalogue: Catalogue, journal: CatalogueEditStore, settings: Settings
) -> None:
    view = EditorView(pilot=ELODIE)
    view.duplicate(
        catalogue_dir, catalogue, "mentorat", frozenset({"atelier-classe", "mentorat", "ordinateur"})
    )
    assert view.target_id() == "mentorat-copie"
    assert save(view, catalogue_dir, view.plan(catalogue_dir, {}), journal, settings)
    view.new_brick(catalogue)
    view.draft = {
        **view.draft,
        "id": "tutorat",
        "title": "Accompagner une étudiante par le tutorat",
        "short_title": "Tutorat",
        "summary": "Des séances de tutorat en L1.",
        "audience": "Étudiantes de L1",
    }
    assert save(view, catalogue_dir, view.plan(catalogue_dir, {}), journal, settings)
    assert sorted(load_catalogue(catalogue_dir).bricks_by_id) == [
        "atelier-classe",
        "mentorat",
        "mentorat-copie",
        "ordinateur",
        "tutorat",
    ]
    assert [e.action for e in journal.recent()] == ["création", "création"]
    assert (
        (catalogue_dir / "bricks" / "tutorat.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schema/brick.schema.json\nid: tutorat\n")
    )

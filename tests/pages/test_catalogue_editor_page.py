"""The pilots' part of the catalogue page: the role, the form and its messages, saving, health, journal."""

from pathlib import Path

import pytest
from helpers import app_test
from streamlit.testing.v1 import AppTest

from tpt_model.session.pilot import WRONG_SECRET, editor_off_text
from tpt_model.text import escape_markdown
from ui.state import STATE_KEY

SECRET = "cerf-volant-indigo-42"
FIELD = "catalogue_edit_{round}_{path}"


@pytest.fixture
def pilot_secret(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TPT_PILOT_SECRET", SECRET)
    return SECRET


def section(at: AppTest, name: str) -> AppTest:
    at.segmented_control(key="catalogue_section").set_value(name).run()
    return at


def catalogue_page() -> AppTest:
    at = app_test().run()
    return at.switch_page("pages/catalogue.py").run()


def unlocked(name: str = "Élodie", secret: str = SECRET) -> AppTest:
    at = section(catalogue_page(), "modifier")
    at.text_input(key="pilot_name").set_value(name)
    at.text_input(key="pilot_secret").set_value(secret)
    at.button[0].click().run()  # the form's only button: « Ouvrir le rôle de pilote »
    return at


def field(at: AppTest, path: str) -> str:
    return FIELD.format(round=at.session_state[STATE_KEY].editor.round, path=path)


def opened(brick: str = "mentorat") -> AppTest:
    at = unlocked()
    at.selectbox(key="catalogue_edit_choice").set_value(brick).run()
    at.button(key="catalogue_edit_open").click().run()
    return at


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_without_a_secret_the_editor_is_off_and_says_how_to_turn_it_on() -> None:
    at = section(catalogue_page(), "modifier")
    assert [i.value for i in at.info] == [editor_off_text()]
    assert all(b.key != "catalogue_edit_save" for b in at.button)
    section(at, "sante")
    assert [i.value for i in at.info] == [editor_off_text()]
    assert not at.exception


@pytest.mark.usefixtures("pilot_secret")
def test_a_wrong_secret_keeps_the_editor_closed() -> None:
    at = unlocked(secret="pas-le-bon-secret")
    assert errors(at) == [WRONG_SECRET]
    assert all(b.key != "catalogue_edit_save" for b in at.button)
    assert at.session_state[STATE_KEY].editor.pilot is None


@pytest.mark.usefixtures("pilot_secret")
def test_the_form_shows_the_validator_messages_beside_its_fields_before_saving(isolated_app: Path) -> None:
    at = opened()
    assert errors(at) == []
    at.selectbox(key=field(at, "stages.from")).set_value("bac-2").run()
    at.selectbox(key=field(at, "stages.to")).set_value("seconde").run()
    assert errors(at) == [
        escape_markdown("l'étape de fin « seconde » vient avant l'étape de début « bac-2 »")
    ]
    # The model's own errors come first (as in the validator): the stages are checked once they are fixed.
    at.text_input(key=field(at, "short_title")).set_value("Mentorat en ligne pour toutes").run()
    at.text_input(key=field(at, "title")).set_value("").run()
    assert errors(at) == [
        escape_markdown("texte vide"),
        escape_markdown("texte trop long (au plus 28 caractères)"),
    ]
    assert at.button(key="catalogue_edit_save").disabled
    assert "l'enregistrement reste fermé" in " ".join(c.value for c in at.caption)
    assert "pour toutes" not in (isolated_app / "bricks" / "mentorat.yaml").read_text(encoding="utf-8")


@pytest.mark.usefixtures("pilot_secret")
def test_a_pilot_changes_a_cost_sees_the_diff_saves_and_finds_it_in_the_journal(isolated_app: Path) -> None:
    at = opened()
    at.number_input(key=field(at, "cost.per_beneficiary_eur")).set_value(450.0).run()
    diff = [c.value for c in at.code if c.language == "diff"]
    assert len(diff) == 1 and "-  per_beneficiary_eur: 400\n+  per_beneficiary_eur: 450\n" in diff[0]
    at.button(key="catalogue_edit_save").click().run()
    assert [s.value for s in at.success][0] == escape_markdown(
        "Modification de la brique « mentorat » : enregistré. Toutes les pages lisent le nouveau catalogue "
        "dans quelques secondes."
    )
    assert "per_beneficiary_eur: 450" in (isolated_app / "bricks" / "mentorat.yaml").read_text(
        encoding="utf-8"
    )
    section(at, "journal")
    journal = at.dataframe[0].value
    assert list(journal["Qui"]) == ["Élodie"]
    assert list(journal["Quoi"]) == ["Modification de la brique « mentorat »"]
    assert list(journal["Commit"]) == ["—"]
    assert "+  per_beneficiary_eur: 450" in at.code[0].value
    section(at, "parcourir")
    at.selectbox(key="catalogue_selected").set_value("mentorat").run()
    assert "450" in "\n".join(m.value for m in at.markdown)


@pytest.mark.usefixtures("pilot_secret")
def test_someone_who_left_the_pilot_role_cannot_save(isolated_app: Path) -> None:
    at = opened()
    at.number_input(key=field(at, "cost.per_beneficiary_eur")).set_value(450.0).run()
    at.button(key="catalogue_leave").click().run()
    section(at, "modifier")
    assert all(b.key != "catalogue_edit_save" for b in at.button)
    assert at.text_input(key="pilot_secret") is not None
    assert "per_beneficiary_eur: 400" in (isolated_app / "bricks" / "mentorat.yaml").read_text(
        encoding="utf-8"
    )


@pytest.mark.usefixtures("pilot_secret")
def test_a_participant_never_sees_the_editor_nor_the_pilot_buttons() -> None:
    at = catalogue_page()
    assert all(b.key not in ("catalogue_card_edit", "catalogue_card_duplicate") for b in at.button)
    section(at, "modifier")
    assert all(b.key != "catalogue_edit_save" for b in at.button)
    assert "Réservé aux pilotes" in at.markdown[0].value


@pytest.mark.usefixtures("pilot_secret")
def test_a_file_changed_on_disk_meanwhile_is_not_overwritten_and_both_versions_show(
    isolated_app: Path,
) -> None:
    at = opened()
    at.number_input(key=field(at, "cost.per_beneficiary_eur")).set_value(450.0).run()
    path = isolated_app / "bricks" / "mentorat.yaml"
    theirs = path.read_text(encoding="utf-8").replace(
        "hours_per_beneficiary: 12", "hours_per_beneficiary: 15"
    )
    path.write_text(theirs, encoding="utf-8")
    at.button(key="catalogue_edit_save").click().run()
    assert errors(at)[0].startswith(escape_markdown("bricks/mentorat.yaml a changé sur le disque"))
    yaml_blocks = [c.value for c in at.code if c.language == "yaml"]
    assert yaml_blocks[0] == theirs.rstrip("\n") and "per_beneficiary_eur: 450" in yaml_blocks[1]
    assert path.read_text(encoding="utf-8") == theirs
    at.button(key="catalogue_edit_keep_mine").click().run()
    assert at.session_state[STATE_KEY].editor.mode == "yaml"
    at.button(key="catalogue_edit_save").click().run()
    assert "per_beneficiary_eur: 450" in path.read_text(encoding="utf-8")


@pytest.mark.usefixtures("pilot_secret")
def test_another_file_is_edited_as_yaml_with_its_located_messages(isolated_app: Path) -> None:
    at = unlocked()
    at.selectbox(key="catalogue_edit_other").set_value("partners.yaml").run()
    at.button(key="catalogue_edit_open_other").click().run()
    text_key = field(at, "yaml")
    text = at.text_area(key=text_key).value
    at.text_area(key=text_key).set_value(text.replace("kind: recherche", "kind: laboratoire")).run()
    assert errors(at) == [
        escape_markdown(
            "ligne 4, colonne 11 — partners[0].kind : valeur « laboratoire » invalide ; valeurs permises : "
            "fondation, recherche, association, enseignement_superieur, entreprise, public, reseau"
        )
    ]
    assert at.button(key="catalogue_edit_save").disabled
    # Without « inria », the whole catalogue is checked: the files that name it are cited.
    without_inria = "partners:\n  - id: femmes-at-numerique" + text.split("  - id: femmes-at-numerique")[1]
    at.text_area(key=text_key).set_value(without_inria).run()
    root = isolated_app.as_posix()
    assert errors(at) == [
        escape_markdown(
            f"{root}/bricks/mentorat.yaml, ligne 12, colonne 12 — partners[0] : partenaire inconnu(e) « inria »"
        ),
        escape_markdown(
            f"{root}/programme.yaml, ligne 102, colonne 14 — working_groups[0].pilots[0] : "
            "partenaire inconnu(e) « inria »"
        ),
    ]


@pytest.mark.usefixtures("pilot_secret")
def test_the_health_lists_what_is_missing_and_its_link_opens_the_brick() -> None:
    at = section(unlocked(), "sante")
    labels = [e.label for e in at.expander]
    assert labels == ["Coûts estimés qu'aucune source n'appuie (à revoir) (2 éléments)"]
    at.button(key="catalogue_health_estimated_1").click().run()
    editor = at.session_state[STATE_KEY].editor
    assert (editor.section, editor.open.path, editor.mode) == (
        "modifier",
        "bricks/ordinateur.yaml",
        "formulaire",
    )


@pytest.mark.usefixtures("pilot_secret")
def test_a_pilot_opens_the_card_s_brick_in_the_editor() -> None:
    at = unlocked()
    section(at, "parcourir")
    at.selectbox(key="catalogue_selected").set_value("ordinateur").run()
    at.button(key="catalogue_card_edit").click().run()
    editor = at.session_state[STATE_KEY].editor
    assert editor.open is not None and editor.open.path == "bricks/ordinateur.yaml"
    assert at.text_input(key=field(at, "title")).value == "Ordinateur offert"


@pytest.mark.usefixtures("pilot_secret")
def test_the_pilot_s_name_is_shown_literally() -> None:
    name = "**Élodie** [lien](javascript:alert(1))"
    at = unlocked(name=name)
    assert at.caption[0].value == escape_markdown(f"Vous modifiez le catalogue en tant que pilote : {name}.")

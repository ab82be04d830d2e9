"""A brick being edited gets the loader's own messages, located, before anything is saved."""

from typing import Any

import pytest

from tpt_model import Catalogue
from tpt_model.catalogue_edit.checking import check_brick_text, draft_text, problems_at
from tpt_model.catalogue_edit.draft import blank_data, brick_path, copy_data, file_values, free_id, full_data

TAKEN = frozenset({"atelier-classe", "ordinateur"})


def draft_of(catalogue: Catalogue, **changes: Any) -> dict[str, Any]:
    return {**full_data(catalogue.brick("mentorat")), **changes}


def messages(catalogue: Catalogue, draft: dict[str, Any]) -> list[tuple[str, str]]:
    text = draft_text(draft)
    check = check_brick_text(catalogue, text, brick_path(str(draft["id"])), taken=TAKEN)
    return [(p.field, p.message) for p in check.problems]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": ""}, [("title", "texte vide")]),
        (
            {"short_title": "Mentorat en ligne pour toutes"},
            [("short_title", "texte trop long (au plus 28 caractères)")],
        ),
        (
            {"id": "Mentorat"},
            [
                (
                    "id",
                    "identifiant « Mentorat » invalide : minuscules, chiffres et tirets (ex. « mentorat-en-ligne »)",
                )
            ],
        ),
        (
            {"id": "ordinateur"},
            [("id", "identifiant « ordinateur » déjà pris par une autre brique (bricks/ordinateur.yaml)")],
        ),
        (
            {"stages": {"from": "bac-2", "to": "seconde"}},
            [("stages.to", "l'étape de fin « seconde » vient avant l'étape de début « bac-2 »")],
        ),
        ({"partners": ["inria", "cnrs"]}, [("partners[1]", "partenaire inconnu(e) « cnrs »")]),
        ({"working_groups": []}, [("working_groups", "au moins 1 élément(s) attendu(s)")]),
        (
            {"criteria": {"pertinence": 7, "simplicite": 3, "abordable": 3}},
            [("criteria.pertinence", "note 7 hors de l'échelle 1 à 4")],
        ),
        (
            {"timing": {"after": ["bac"], "before": [], "during": []}},
            [("timing.after[0]", "jalon inconnu « bac » (voir calendar.yaml)")],
        ),
    ],
    ids=[
        "empty-title",
        "long-short-title",
        "bad-id",
        "taken-id",
        "stages",
        "partner",
        "groups",
        "score",
        "milestone",
    ],
)
def test_each_mistake_gets_its_french_message_at_its_field(
    catalogue: Catalogue, changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert messages(catalogue, draft_of(catalogue, **changes)) == expected


def test_a_valid_draft_gives_the_brick_and_only_its_warnings(catalogue: Catalogue) -> None:
    draft = draft_of(catalogue, partners=["inria", "femmes-at-numerique"])
    check = check_brick_text(catalogue, draft_text(draft), "bricks/mentorat.yaml", taken=TAKEN)
    assert check.brick is not None and check.brick.partners == ("inria", "femmes-at-numerique")
    assert check.errors == []


def test_a_syntax_error_of_the_yaml_text_is_located(catalogue: Catalogue) -> None:
    check = check_brick_text(catalogue, "id: mentorat\ntitle: [\n", "bricks/mentorat.yaml", taken=TAKEN)
    assert [(p.line, p.field) for p in check.problems] == [(3, "(syntaxe)")]
    assert check.brick is None


def test_problems_are_found_for_a_field_and_what_it_holds(catalogue: Catalogue) -> None:
    draft = draft_of(catalogue, partners=["x-1", "y-2"], cost={"per_beneficiary_eur": -1, "fixed_eur": 0})
    check = check_brick_text(catalogue, draft_text(draft), "bricks/mentorat.yaml", taken=TAKEN)
    assert [p.field for p in problems_at(check.problems, "cost")] == ["cost.per_beneficiary_eur"]
    assert problems_at(check.problems, "partner") == []


def test_a_new_brick_asks_for_every_text(catalogue: Catalogue) -> None:
    found = messages(catalogue, blank_data(catalogue) | {"id": "nouvelle"})
    assert found == [
        ("title", "texte vide"),
        ("short_title", "texte vide"),
        ("summary", "texte vide"),
        ("audience", "texte vide"),
    ]


def test_a_copy_takes_a_free_id_and_says_it_is_a_copy(catalogue: Catalogue) -> None:
    data = copy_data(catalogue, catalogue.brick("mentorat"), taken=frozenset({"mentorat-copie"}))
    assert (data["id"], data["title"], data["short_title"]) == (
        "mentorat-copie-2",
        "Mentorat en ligne (copie)",
        "Mentorat (copie)",
    )
    assert free_id(catalogue, "tutorat") == "tutorat"


def test_empty_optional_texts_are_left_out_of_the_file(catalogue: Catalogue) -> None:
    draft = draft_of(
        catalogue, cost={"per_beneficiary_eur": 400, "fixed_eur": 0, "note": "  ", "inferred": False}
    )
    full, minimal = file_values(draft)
    assert full["cost"] == {"per_beneficiary_eur": 400, "fixed_eur": 0, "inferred": False}
    assert minimal["cost"] == {"per_beneficiary_eur": 400, "fixed_eur": 0}

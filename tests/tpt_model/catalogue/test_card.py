"""A brick's card: its costs and time written the French way."""

from tpt_model import Catalogue
from tpt_model.catalogue.card import (
    PERSONA_FLAG_LABELS,
    brick_card_markdown,
    brick_facts_markdown,
    brick_row,
    persona_card_markdown,
)
from tpt_model.catalogue.types import PersonaFlag
from tpt_model.text import escape_markdown


def test_card_writes_costs_and_hours_the_french_way(catalogue: Catalogue) -> None:
    brick = catalogue.brick("mentorat")
    card = brick_card_markdown(catalogue, brick)
    assert (
        "**Coût** : 400\u00a0€ par bénéficiaire, 0\u00a0€ de coûts fixes — "
        "*estimation d'après un programme comparable* (INJEP) · "
        "**Temps** : 12\u202fh par bénéficiaire"
    ) in card
    costly = brick.model_copy(update={"cost": brick.cost.model_copy(update={"fixed_eur": 17000.5})})
    assert "400\u00a0€ par bénéficiaire, 17\u202f000,50\u00a0€ de coûts fixes" in brick_card_markdown(
        catalogue, costly
    )


def test_card_marks_prospective_partners_and_the_status(catalogue: Catalogue) -> None:
    brick = catalogue.brick("mentorat").model_copy(
        update={"prospective_partners": ("femmes-at-numerique",), "status": "proposition"}
    )
    card = brick_card_markdown(catalogue, brick)
    assert "**Partenaires** : Inria, Femmes@Numérique \\(pressenti\\)" in card  # Markdown-escaped
    assert (
        "**Statut** : proposition d'un groupe de travail, qu'aucune source publique ne rattache encore "
        "au programme"
    ) in card
    row = brick_row(catalogue, brick)
    assert row["Partenaires"] == "Inria, Femmes@Numérique (pressenti)"
    assert row["Statut"] == "Proposition"


def test_card_says_what_a_cost_is_per_and_what_a_third_party_pays(catalogue: Catalogue) -> None:
    brick = catalogue.brick("mentorat")
    yearly = brick.model_copy(
        update={
            "cost": brick.cost.model_copy(update={"unit": "per_year", "third_party_eur": 500, "note": None})
        }
    )
    assert (
        "**Coût** : 400\u00a0€ par bénéficiaire et par an, 0\u00a0€ de coûts fixes — "
        "*estimation d'après un programme comparable* · "
        "hors budget du programme : 500\u00a0€ par an versés par un tiers"
    ) in brick_card_markdown(catalogue, yearly)
    assert brick_row(catalogue, yearly)["Coût compté"] == "chaque année"
    sessions = brick.model_copy(
        update={
            "cost": brick.cost.model_copy(
                update={"per_beneficiary_eur": 50, "unit": "per_session", "sessions": 4}
            )
        }
    )
    assert "50\u00a0€ par séance et par bénéficiaire (4 séances)" in brick_card_markdown(catalogue, sessions)
    assert brick_row(catalogue, sessions)["Coût / bénéficiaire"] == "200\u00a0€"
    assert brick_row(catalogue, sessions)["Coût compté"] == "4 séances"


def test_card_says_the_hours_of_the_adults_trained_apart(catalogue: Catalogue) -> None:
    training = catalogue.brick("atelier-classe").model_copy(
        update={"hours_per_beneficiary": 0, "hours_per_trainee": 6}
    )
    assert (
        "**Temps** : 0\u202fh par bénéficiaire, 6\u202fh de formation par personne formée"
        in brick_card_markdown(catalogue, training)
    )


def test_card_lists_sources_with_their_link_and_what_they_back(catalogue: Catalogue) -> None:
    card = brick_card_markdown(catalogue, catalogue.brick("mentorat"))
    assert (
        "**Sources**\n\n- [Mentorat en ligne](<https://techpourtoutes.io>), Fondation Inria — "
        "appuie l'action, les partenaires"
    ) in card


def test_a_persona_card_says_her_situation_in_french(catalogue: Catalogue) -> None:
    lea = catalogue.personas_by_id["lea"]
    assert persona_card_markdown(catalogue, lea) == (
        f"**Léa, 15 ans** — {escape_markdown(lea.description)}\n\n"
        "**Situation** : boursière, vit en zone rurale · **Entrée dans le programme** : Seconde · "
        "**Parcours** : Études courtes · **Sortie** : Salariat"
    )
    alone = lea.model_copy(update={"flags": ()})
    assert "**Situation** : aucune condition particulière" in persona_card_markdown(catalogue, alone)


def test_every_persona_flag_has_a_french_label() -> None:
    from typing import get_args

    assert set(PERSONA_FLAG_LABELS) == set(get_args(PersonaFlag))


def test_the_facts_beside_a_scoring_form_hold_cost_hours_stages_and_public(catalogue: Catalogue) -> None:
    assert brick_facts_markdown(catalogue, catalogue.brick("mentorat")) == (
        "- **Coût** : 400\u00a0€ par bénéficiaire, 0\u00a0€ de coûts fixes — "
        "*estimation d'après un programme comparable* (INJEP)\n"
        "- **Temps** : 12\u202fh par bénéficiaire\n"
        "- **Étapes** : Terminale → Bac\\+2\n"
        "- **Public** : Lycéennes et étudiantes"
    )

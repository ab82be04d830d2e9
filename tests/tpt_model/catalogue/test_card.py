"""A brick's card: its costs and time written the French way."""

from tpt_model import Catalogue
from tpt_model.catalogue.card import (
    PERSONA_FLAG_LABELS,
    brick_card_markdown,
    brick_facts_markdown,
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

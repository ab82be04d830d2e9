"""A brick's card: its costs and time written the French way."""

from tpt_model import Catalogue
from tpt_model.catalogue.card import brick_card_markdown


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

"""What a new scenario starts from: the typical journey, a template, or an empty frise with a name."""

import pytest

from tpt_model import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import InputError
from tpt_model.scenario.creation import (
    EMPTY_NAME,
    creation_sources,
    new_scenario,
    scenario_name,
    starter_scenario,
)


def test_creation_sources_without_parcours_type(catalogue: Catalogue) -> None:
    assert creation_sources(catalogue) == {"": "Frise vide", "mini": "À partir du modèle « Mini parcours »"}


def test_creation_sources_put_the_parcours_type_first(catalogue: Catalogue) -> None:
    with_default = catalogue.model_copy(
        update={"templates": (*catalogue.templates, ("parcours-type", Scenario(name="Parcours-type")))}
    )
    assert list(creation_sources(with_default).items()) == [
        ("parcours-type", "À partir du parcours-type"),
        ("", "Frise vide"),
        ("mini", "À partir du modèle « Mini parcours »"),
    ]


def test_new_blank_scenario_needs_a_name(catalogue: Catalogue) -> None:
    assert new_scenario(catalogue, "  Atelier\n de Lyon ") == Scenario(name="Atelier de Lyon")
    with pytest.raises(InputError) as err:
        new_scenario(catalogue, " \t ")
    assert err.value.message == EMPTY_NAME == "Le nom du scénario ne peut pas être vide."


def test_new_scenario_from_a_template(catalogue: Catalogue) -> None:
    template = catalogue.template("mini")
    assert new_scenario(catalogue, "", "mini") == template
    renamed = new_scenario(catalogue, "Lycée Voltaire", "mini")
    assert renamed.name == "Lycée Voltaire"
    assert renamed.placements == template.placements
    assert renamed.working_group == "gt1"


def test_new_scenario_from_an_unknown_template(catalogue: Catalogue) -> None:
    with pytest.raises(InputError) as err:
        new_scenario(catalogue, "X", "disparu")
    assert err.value.message == "Modèle de scénario inconnu « disparu » : rechargez la page."


def test_starter_scenario_prefers_the_parcours_type(catalogue: Catalogue) -> None:
    assert starter_scenario(catalogue) == catalogue.template("mini")  # the only template
    typical = Scenario(name="Parcours-type")
    with_default = catalogue.model_copy(
        update={"templates": (*catalogue.templates, ("parcours-type", typical))}
    )
    assert starter_scenario(with_default) == typical
    assert starter_scenario(catalogue.model_copy(update={"templates": ()})) == Scenario(name="Nouvelle frise")


@pytest.mark.parametrize(("typed", "name"), [("  Atelier\n de Lyon ", "Atelier de Lyon"), ("É\x00té", "Été")])
def test_scenario_name_is_cleaned(typed: str, name: str) -> None:
    assert scenario_name(typed) == name


@pytest.mark.parametrize("typed", ["", "   ", "\n\t", "\x00\x07"])
def test_an_empty_scenario_name_is_refused(typed: str) -> None:
    with pytest.raises(InputError) as err:
        scenario_name(typed)
    assert err.value.message == EMPTY_NAME == "Le nom du scénario ne peut pas être vide."

"""What a new scenario starts from: the catalogue's typical journey, another template, or an empty frise."""

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import InputError
from tpt_model.i18n import _
from tpt_model.text import clean_name

DEFAULT_TEMPLATE = "parcours-type"
BLANK = ""  # the creation source of an empty frise
EMPTY_NAME = "Le nom du scénario ne peut pas être vide."


def starter_scenario(catalogue: Catalogue) -> Scenario:
    """What a new workshop starts from: the typical journey, another shipped one, or an empty frise."""
    names = dict(catalogue.templates)
    if DEFAULT_TEMPLATE in names:
        return names[DEFAULT_TEMPLATE]
    return catalogue.templates[0][1] if catalogue.templates else Scenario(name="Nouvelle frise")


def creation_sources(catalogue: Catalogue) -> dict[str, str]:
    """What a new scenario can start from (template id, or BLANK), with its label; the default first."""
    templates = dict(catalogue.templates)
    sources: dict[str, str] = {}
    if DEFAULT_TEMPLATE in templates:
        sources[DEFAULT_TEMPLATE] = _("À partir du parcours-type")
    sources[BLANK] = _("Frise vide")
    for template_id, scenario in catalogue.templates:
        sources.setdefault(template_id, _("À partir du modèle « {name} »").format(name=scenario.name))
    return sources


def scenario_name(name: str) -> str:
    """A scenario name on one line, without control characters; InputError when nothing is left."""
    cleaned = clean_name(name)
    if not cleaned:
        raise InputError(EMPTY_NAME)
    return cleaned


def new_scenario(catalogue: Catalogue, name: str, source: str = BLANK) -> Scenario:
    """A blank scenario (its name required) or a copy of a template (renamed when a name is given)."""
    name = clean_name(name)
    if source == BLANK:
        return Scenario(name=scenario_name(name))
    templates = dict(catalogue.templates)
    if source not in templates:
        raise InputError(f"Modèle de scénario inconnu « {source} » : rechargez la page.")
    template = templates[source]
    return template.model_copy(update={"name": name}) if name else template

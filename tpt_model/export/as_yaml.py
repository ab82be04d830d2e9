"""The scenario as YAML, in the format of `catalogue/scenarios/`: an import gives the same scenario."""

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.scenario.files import export_bytes


def to_yaml(scenario: Scenario) -> bytes:
    """The scenario file (UTF-8), the one the Scénarios page imports."""
    return export_bytes(scenario)

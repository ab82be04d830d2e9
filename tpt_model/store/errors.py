"""Store errors: one family, each with a French message that pages show as is."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tpt_model.catalogue.scenario_format import Scenario

USERS_TIME_ZONE = "Europe/Paris"


class StoreError(Exception):
    """A persistence error with a French message that can be shown to the user as is."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class ScenarioNotFound(StoreError):  # noqa: N818 (a name agreed with the pages)
    """The scenario does not exist; `rejected` keeps what a save tried to write, if anything."""

    def __init__(self, scenario_id: str, rejected: Scenario | None = None) -> None:
        self.scenario_id = scenario_id
        self.rejected = rejected
        super().__init__(f"Scénario introuvable : « {scenario_id} » (il a peut-être été supprimé).")


class VersionNotFound(StoreError):  # noqa: N818 (a name agreed with the pages)
    """The scenario exists but has no such version."""

    def __init__(self, scenario_id: str, version: int) -> None:
        self.scenario_id = scenario_id
        self.version = version
        super().__init__(f"La version {version} de ce scénario n'existe pas.")


class StaleWrite(StoreError):  # noqa: N818 (a name agreed with the pages)
    """Someone saved the scenario since it was read; `rejected` is the save that was refused."""

    def __init__(self, scenario_id: str, rejected: Scenario, current_version: int, author: str, at: datetime):
        self.scenario_id = scenario_id
        self.rejected = rejected
        self.current_version = current_version
        self.author = author
        self.at = at
        super().__init__(
            f"Ce scénario a été modifié par {author} à {time_label(at)} depuis votre dernière lecture : "
            "vos changements n'ont pas été enregistrés par-dessus les siens."
        )


class NotYourScores(StoreError):  # noqa: N818 (a name agreed with the pages)
    """An evaluator tried to change the scores of another evaluator."""

    def __init__(self, owner: str, as_evaluator: str) -> None:
        self.owner = owner
        self.as_evaluator = as_evaluator
        super().__init__(
            f"« {as_evaluator} » ne peut pas modifier les notes de « {owner} » : "
            "chaque évaluatrice ou évaluateur ne modifie que ses propres notes."
        )


def time_label(at: datetime) -> str:
    """French label of a moment in the users' time zone, such as « 17:39 le 28/11/2026 »."""
    try:
        local, suffix = at.astimezone(ZoneInfo(USERS_TIME_ZONE)), ""
    except ZoneInfoNotFoundError:  # a machine without time-zone data: say it is UTC
        local, suffix = at.astimezone(UTC), " UTC"
    return f"{local:%H:%M}{suffix} le {local:%d/%m/%Y}"

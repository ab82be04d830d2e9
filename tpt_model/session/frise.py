"""A session's work on one scenario: every change saved at once, stale writes caught, nothing lost."""

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.frise.rows import FriseOptions
from tpt_model.scenario.editor import ChangeResult, Editor
from tpt_model.store.errors import ScenarioNotFound, StaleWrite
from tpt_model.store.scenarios import ScenarioStore, StoredScenario

DEFAULT_TEMPLATE = "parcours-type"


class Notice(BaseModel):
    """What to tell the user after a change: warnings, or why it was refused."""

    model_config = ConfigDict(frozen=True)

    warnings: tuple[str, ...] = ()
    error: str | None = None
    saved: bool = False


class FriseView(BaseModel):
    """The frise page's part of the session state."""

    scenario_id: str | None = None
    version: int = 0
    editor: Editor | None = None
    options: FriseOptions = FriseOptions()
    selected: int | None = None
    editing: int | None = None
    notice: Notice | None = None
    # A change refused because someone saved first: kept so that it can be saved as a copy.
    conflict: Scenario | None = None

    @property
    def scenario(self) -> Scenario:
        """The scenario being edited (only once one is open)."""
        assert self.editor is not None, "aucun scénario ouvert"
        return self.editor.scenario


def _load(view: FriseView, stored: StoredScenario) -> None:
    view.scenario_id = stored.id
    view.version = stored.version
    view.editor = Editor(scenario=stored.scenario)
    view.selected = None
    view.editing = None


def open_scenario(view: FriseView, store: ScenarioStore, scenario_id: str) -> None:
    """Make `scenario_id` the scenario being edited (its undo history starts afresh)."""
    _load(view, store.get(scenario_id))
    view.conflict = None
    view.notice = None


def starter_scenario(catalogue: Catalogue) -> Scenario:
    """What a new workshop starts from: the typical journey, another shipped one, or an empty frise."""
    names = dict(catalogue.templates)
    if DEFAULT_TEMPLATE in names:
        return names[DEFAULT_TEMPLATE]
    return catalogue.templates[0][1] if catalogue.templates else Scenario(name="Nouvelle frise")


def ensure_open(view: FriseView, store: ScenarioStore, catalogue: Catalogue, author: str) -> None:
    """Open the last scenario worked on; on an empty database, create one from the template."""
    if view.scenario_id is not None:
        try:
            if view.editor is None:
                open_scenario(view, store, view.scenario_id)
            return
        except ScenarioNotFound:
            view.scenario_id = None  # deleted from another session
    existing = store.list()
    if existing:
        open_scenario(view, store, existing[0].id)
    else:
        _load(view, store.create(starter_scenario(catalogue), author or "Frise"))


def _save(view: FriseView, store: ScenarioStore, author: str, summary: str) -> Notice | None:
    assert view.editor is not None and view.scenario_id is not None
    try:
        stored = store.save(
            view.scenario_id, view.editor.scenario, view.version, author or "Anonyme", summary
        )
    except StaleWrite as err:
        view.conflict = err.rejected
        _load(view, store.get(view.scenario_id))
        return Notice(error=err.message)
    view.version = stored.version
    return None


def commit(view: FriseView, store: ScenarioStore, result: ChangeResult, author: str, summary: str) -> Notice:
    """Apply a change and save it as a new version; a refused or stale change changes nothing."""
    assert view.editor is not None
    if result.error is not None:
        notice = Notice(error=result.error)
    elif not view.editor.apply(result):
        notice = Notice(warnings=tuple(result.warnings))
    else:
        notice = _save(view, store, author, summary) or Notice(warnings=tuple(result.warnings), saved=True)
    view.notice = notice
    return notice


def _step(
    view: FriseView, store: ScenarioStore, author: str, move: Callable[[], bool], summary: str
) -> Notice:
    if not move():
        return Notice()
    view.selected = None
    view.notice = _save(view, store, author, summary) or Notice(saved=True)
    return view.notice


def undo(view: FriseView, store: ScenarioStore, author: str) -> Notice:
    """Undo the last change (saved as a new version, so history keeps both)."""
    assert view.editor is not None
    return _step(view, store, author, view.editor.undo, "Annulation")


def redo(view: FriseView, store: ScenarioStore, author: str) -> Notice:
    """Redo the last undone change."""
    assert view.editor is not None
    return _step(view, store, author, view.editor.redo, "Rétablissement")


def save_conflict_as_copy(view: FriseView, store: ScenarioStore, author: str) -> StoredScenario:
    """Keep the refused work as a new scenario and open it."""
    assert view.conflict is not None
    copy = view.conflict.model_copy(update={"name": f"{view.conflict.name} (ma version)"})
    stored = store.create(copy, author or "Anonyme")
    _load(view, stored)
    view.conflict = None
    view.notice = Notice(saved=True)
    return stored

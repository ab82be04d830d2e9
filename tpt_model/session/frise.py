"""A session's work on one scenario: every change saved at once and shown only once saved; nothing lost."""

from collections.abc import Callable
from itertools import pairwise

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.frise.display import FriseDisplay, ViewName, step_phase
from tpt_model.frise.rows import FriseOptions, for_persona
from tpt_model.i18n import _, mark_
from tpt_model.scenario.creation import starter_scenario
from tpt_model.scenario.editor import HISTORY_LIMIT, ChangeResult, Editor, Step, step_line
from tpt_model.store.errors import ScenarioNotFound, StaleWrite, StoreError
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore, StoredScenario
from tpt_model.text import author_name

NOT_SAVED = mark_("Votre changement n'a pas été enregistré : la frise est restée telle qu'elle était.")
SCENARIO_GONE = mark_(
    "Ce scénario a été supprimé entre-temps : votre changement n'a pas été enregistré. "
    "Enregistrez votre version comme copie pour la garder."
)
KEPT = mark_("Votre changement est gardé : réessayez quand la base répond, ou enregistrez-le comme copie.")
COPY_NOT_SAVED = mark_("Votre version n'a pas pu être enregistrée comme copie : elle attend toujours.")


class Notice(BaseModel):
    """What to tell the user after a change: warnings, or why it was refused; what an undo undid."""

    model_config = ConfigDict(frozen=True)

    warnings: tuple[str, ...] = ()
    error: str | None = None
    saved: bool = False
    done: str | None = None
    # A newer version saved elsewhere (another session or server), shown instead of the one read.
    update: str | None = None


class FieldError(BaseModel):
    """Why the edit dialog's last save was refused, and which field of the form it is about."""

    model_config = ConfigDict(frozen=True)

    field: str | None
    message: str


class PendingChange(BaseModel):
    """A change the database could not take (busy, unreachable, read-only): kept to be tried again."""

    editor: Editor
    summary: str


class FriseView(BaseModel):
    """The frise page's part of the session state."""

    scenario_id: str | None = None
    version: int = 0
    editor: Editor | None = None
    options: FriseOptions = FriseOptions()
    # How the frise is shown: normal, presentation or phone view, the phase shown alone, yearly moments.
    display: FriseDisplay = FriseDisplay()
    selected: int | None = None
    editing: int | None = None
    # Shown beside its field while the dialog stays open with what was typed.
    edit_error: FieldError | None = None
    notice: Notice | None = None
    # A change refused because someone saved first (or deleted the scenario): kept to be saved as a copy.
    conflict: Scenario | None = None
    # A change the database failed to save: it can be tried again (or saved as a copy, as `conflict`).
    pending: PendingChange | None = None

    @property
    def scenario(self) -> Scenario:
        """The scenario being edited (only once one is open)."""
        assert self.editor is not None, "aucun scénario ouvert"
        return self.editor.scenario

    def change_options(self, **changes: object) -> None:
        """Read the frise another way (lanes, track, exit, cohort year), the other options kept."""
        self.options = FriseOptions.model_validate({**self.options.model_dump(), **changes})

    def show(self, view: ViewName) -> None:
        """Show the frise in another view (normal, presentation, phone), on the same phase."""
        self.display = self.display.model_copy(update={"view": view})

    def show_yearly(self, shown: bool) -> None:
        """Draw the moments of every year on the frise, or fold them into one line of text."""
        self.display = self.display.model_copy(update={"yearly": shown})

    def show_phase(self, catalogue: Catalogue, number: int) -> None:
        """Show this phase in the views that show one phase at a time (the first one if it has no stage)."""
        self.display = self.display.model_copy(update={"phase": number})
        self.display = step_phase(catalogue.programme, self.display, 0)

    def turn_phase(self, catalogue: Catalogue, step: int) -> None:
        """Show the previous (-1) or next (+1) phase in the views that show one phase at a time."""
        self.display = step_phase(catalogue.programme, self.display, step)

    def follow_persona(self, catalogue: Catalogue, persona_id: str | None) -> None:
        """Follow one persona (her track and exit), or everyone again with None or an unknown id."""
        self.options = for_persona(catalogue, self.options, persona_id)

    def start_editing(self, index: int) -> None:
        """Open the edit dialog of a placement, which becomes the selected one."""
        self.selected = index
        self.editing = index
        self.edit_error = None

    def refuse_edit(self, result: ChangeResult) -> bool:
        """Keep the dialog open with the refusal beside its field; False when the change is accepted."""
        if result.error is None:
            return False
        self.edit_error = FieldError(field=result.error_field, message=result.error)
        return True

    def stop_editing(self) -> None:
        """Close the edit dialog (saved or dismissed)."""
        self.editing = None
        self.edit_error = None

    def drop_conflict(self) -> None:
        """Give up the change that someone else's save refused (or that failed), and its message."""
        self.conflict = None
        self.pending = None
        self.notice = None

    def forget(self, scenario_id: str) -> None:
        """Close the scenario if it is this one (deleted): the next visit opens another."""
        if self.scenario_id == scenario_id:
            self.scenario_id = None
            self.editor = None


def _load(view: FriseView, store: ScenarioStore, stored: StoredScenario) -> None:
    """Show a stored scenario, with an undo history rebuilt from its versions in the database.

    Each version undoes into the one before it, under the summary of the change it recorded: the
    history survives a reload, and is shared by whoever opens the scenario.
    """
    versions = store.history(stored.id, stored.version, HISTORY_LIMIT + 1)
    past = [Step(scenario=before, summary=summary) for (before, _), (_, summary) in pairwise(versions)]
    view.scenario_id = stored.id
    view.version = stored.version
    view.editor = Editor(scenario=stored.scenario, past=past)
    view.selected = None
    view.editing = None


def open_scenario(view: FriseView, store: ScenarioStore, scenario_id: str) -> None:
    """Make `scenario_id` the scenario being edited."""
    _load(view, store, store.get(scenario_id))
    view.conflict = None
    view.pending = None
    view.notice = None


def default_scenario(infos: list[ScenarioInfo], shared_name: str) -> str | None:
    """The scenario a newcomer opens: the oldest named like the shared parcours-type, else the oldest.

    Never the last modified one: a copy or an import made by someone else must not become everyone's.
    """
    oldest_first = sorted(infos, key=lambda info: (info.created_at, info.id))
    candidates = [info for info in oldest_first if info.name == shared_name] or oldest_first
    return candidates[0].id if candidates else None


def updated_notice(stored: StoredScenario) -> Notice:
    """What a session is told when it shows a version saved elsewhere."""
    return Notice(
        update=_("Mis à jour : version {version} enregistrée par {author}.").format(
            version=stored.version, author=stored.updated_by
        )
    )


def follow_saves(view: FriseView, store: ScenarioStore) -> bool:
    """Show the newest version if someone saved one elsewhere (another session, another server).

    One row read by primary key; the scenario itself only when it moved. Run it once the page has
    done what its run asked: a change made on the version shown is then saved, or refused as stale
    and kept aside. A session with work of its own on the old version (a change refused or
    waiting, a placement being edited) keeps it until it settles it. Whether it moved.
    """
    if view.scenario_id is None or view.editor is None:
        return False
    if view.conflict is not None or view.pending is not None or view.editing is not None:
        return False
    try:
        if store.stamp(view.scenario_id).version == view.version:
            return False
        stored = store.get(view.scenario_id)
    except ScenarioNotFound:
        return False  # deleted elsewhere: the next change says so, and keeps the work as a copy
    _load(view, store, stored)
    view.notice = updated_notice(stored)
    return True


def ensure_open(view: FriseView, store: ScenarioStore, catalogue: Catalogue, author: str) -> None:
    """Open the scenario chosen (by the address, or last in this session), else the shared default.

    On an empty database, the default is created from the catalogue's template.
    """
    if view.scenario_id is not None:
        try:
            if view.editor is None:
                open_scenario(view, store, view.scenario_id)
            return
        except ScenarioNotFound:
            view.scenario_id = None  # deleted, or a link to a scenario that is gone
            view.editor = None
    starter = starter_scenario(catalogue)
    chosen = default_scenario(store.list(), starter.name)
    if chosen is not None:
        open_scenario(view, store, chosen)
    else:
        _load(view, store, store.create(starter, author_name(author)))


def _save(view: FriseView, store: ScenarioStore, author: str, staged: Editor, summary: str) -> Notice | None:
    """Save the staged scenario; only once it is saved does the view take it (with its history)."""
    assert view.scenario_id is not None
    try:
        stored = store.save(view.scenario_id, staged.scenario, view.version, author_name(author), summary)
    except StaleWrite as err:
        view.conflict = err.rejected
        _load(view, store, store.get(view.scenario_id))  # the frise shows the version saved first
        return Notice(error=err.message)
    except ScenarioNotFound as err:
        view.conflict = err.rejected
        return Notice(error=_(SCENARIO_GONE))
    except StoreError as err:
        # Nothing is lost: the change waits to be tried again, or saved as a copy.
        view.pending = PendingChange(editor=staged, summary=summary)
        view.conflict = staged.scenario
        return Notice(error=f"{_(NOT_SAVED)} {err.message} {_(KEPT)}")
    view.editor = staged
    view.version = stored.version
    # A change waiting from an earlier failure was based on an older version: only a copy can keep it.
    view.pending = None
    return None


def commit(view: FriseView, store: ScenarioStore, result: ChangeResult, author: str) -> Notice:
    """Save a change as a new version (its summary in the history), then show it.

    A refused, stale or failed change changes nothing.
    """
    assert view.editor is not None
    staged = view.editor.staged()
    if result.error is not None:
        notice = Notice(error=result.error)
    elif not staged.apply(result):
        notice = Notice(warnings=tuple(result.warnings))
    else:
        notice = _save(view, store, author, staged, result.summary) or Notice(
            warnings=tuple(result.warnings), saved=True
        )
    view.notice = notice
    return notice


def _step(
    view: FriseView,
    store: ScenarioStore,
    author: str,
    move: Callable[[Editor], str | None],
    words: tuple[str, str],
) -> Notice:
    assert view.editor is not None
    staged = view.editor.staged()
    summary = move(staged)
    if summary is None:
        return Notice()
    history_word, done_word = words
    notice = _save(view, store, author, staged, step_line(history_word, summary))
    if notice is None:
        view.selected = None
        notice = Notice(saved=True, done=f"{step_line(_(done_word), summary)}.")
    view.notice = notice
    return notice


def undo(view: FriseView, store: ScenarioStore, author: str) -> Notice:
    """Undo the last change (saved as a new version, so history keeps both); the notice says what."""
    # The history keeps its word in French (stored), the notice says it in the session's language.
    return _step(view, store, author, Editor.undo, ("Annulation", mark_("Annulé")))


def redo(view: FriseView, store: ScenarioStore, author: str) -> Notice:
    """Redo the last undone change; the notice says what."""
    return _step(view, store, author, Editor.redo, ("Rétablissement", mark_("Rétabli")))


def retry(view: FriseView, store: ScenarioStore, author: str) -> Notice:
    """Try again to save the change the database could not take; on success the frise shows it."""
    assert view.pending is not None
    pending = view.pending
    notice = _save(view, store, author, pending.editor, pending.summary)
    if notice is None:
        view.conflict = None
        notice = Notice(saved=True)
    view.notice = notice
    return notice


def save_conflict_as_copy(view: FriseView, store: ScenarioStore, author: str) -> Notice:
    """Keep the refused work as a new scenario and open it; if that fails too, the work still waits."""
    assert view.conflict is not None
    copy = view.conflict.model_copy(update={"name": f"{view.conflict.name} (ma version)"})
    try:
        stored = store.create(copy, author_name(author))
    except StoreError as err:
        view.notice = Notice(error=f"{_(COPY_NOT_SAVED)} {err.message}")
        return view.notice
    _load(view, store, stored)
    view.conflict = None
    view.pending = None
    view.notice = Notice(saved=True)
    return view.notice

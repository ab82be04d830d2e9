"""Composing a frise: pure changes to a scenario (checked by the placement rules) and an undo history."""

from typing import Self

from pydantic import BaseModel, ConfigDict, ValidationError

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.catalogue.validation import french_message
from tpt_model.i18n import _, mark_
from tpt_model.journey.timeline import point_at, point_index, stage_end, stage_start
from tpt_model.scenario.rules import Finding, check_placement

HISTORY_LIMIT = 50
NOT_FOUND = mark_("Placement introuvable")

EDITABLE_FIELDS = ("start", "end", "lane", "tracks", "exits", "partner", "note")
FIELD_LABELS = {
    "brick": mark_("Brique"),
    "start": mark_("Début"),
    "end": mark_("Fin"),
    "lane": mark_("Couloir"),
    "tracks": mark_("Parcours"),
    "exits": mark_("Sorties"),
    "partner": mark_("Partenaire"),
    "note": mark_("Note"),
}


class ChangeResult(BaseModel):
    """The outcome of one change: the new scenario (or the unchanged one when refused), warnings, error.

    `summary` says what the change does, in titles (« Ajout de « Mentorat en ligne » »): the history
    and the undo button speak with it. `error_field` is the placement field a refusal is about.
    """

    model_config = ConfigDict(frozen=True)

    scenario: Scenario
    warnings: list[str] = []
    error: str | None = None
    error_field: str | None = None
    summary: str = ""

    @property
    def ok(self) -> bool:
        """Whether the change was accepted."""
        return self.error is None


def placement_for(catalogue: Catalogue, brick_id: str) -> Placement:
    """A new placement from September of the brick's first stage, for its `duration_months` (1 by default).

    A longer duration stops at June of the brick's last stage: the group stretches it if it wants.
    Raises KeyError for an unknown brick.
    """
    programme = catalogue.programme
    brick = catalogue.brick(brick_id)
    start = stage_start(brick.stages.from_stage)
    first = point_index(programme, start)
    last = point_index(programme, stage_end(brick.stages.to_stage))
    end = point_at(programme, min(first + (brick.duration_months or 1) - 1, max(last, first)))
    return Placement(brick=brick.id, start=start, end=end)


def _labelled(loc: tuple[str | int, ...], message: str) -> str:
    field = str(loc[0]) if loc else ""
    label = _(FIELD_LABELS[field]) if field in FIELD_LABELS else field or _("Placement")
    return _("{label} : {message}").format(label=label, message=message)


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


def _partner_warning(catalogue: Catalogue, placement: Placement) -> str | None:
    """A known partner that the brick does not list: allowed (a workshop may propose one), but said."""
    brick = catalogue.bricks_by_id.get(placement.brick)
    partner = catalogue.partners_by_id.get(placement.partner or "")
    if brick is None or partner is None or partner.id in brick.partner_ids:
        return None
    listed = ", ".join(
        catalogue.partners_by_id[p].name for p in brick.partner_ids if p in catalogue.partners_by_id
    )
    hint = (
        _("partenaires de la brique : {partners}").format(partners=listed)
        if listed
        else _("la brique ne liste aucun partenaire")
    )
    return _("Partenaire « {partner} » non prévu pour « {brick} » ({hint})").format(
        partner=partner.name, brick=brick.shown_title, hint=hint
    )


def _title(catalogue: Catalogue, brick_id: str) -> str:
    # A placement may name a brick whose file is broken: its id still says which one.
    brick = catalogue.bricks_by_id.get(brick_id)
    return brick.shown_title if brick is not None else brick_id


def _checked(
    catalogue: Catalogue,
    scenario: Scenario,
    placement: Placement,
    placements: tuple[Placement, ...],
    summary: str,
) -> ChangeResult:
    """The scenario with `placements` if `placement` passes the rules, else a refusal."""
    findings: list[Finding] = check_placement(catalogue, placement)
    blocking = [f for f in findings if f.blocking]
    if blocking:
        # The first blocking finding only: the user fixes one field at a time.
        return _refused(scenario, blocking[0].loc, blocking[0].message)
    warnings = [_sentence(f.message) for f in findings]
    partner = _partner_warning(catalogue, placement)
    if partner is not None:
        warnings.append(partner)
    return ChangeResult(
        scenario=scenario.model_copy(update={"placements": placements}), warnings=warnings, summary=summary
    )


def _refused(scenario: Scenario, loc: tuple[str | int, ...], message: str) -> ChangeResult:
    field = str(loc[0]) if loc else None
    return ChangeResult(scenario=scenario, error=_labelled(loc, message), error_field=field)


def _not_found(scenario: Scenario) -> ChangeResult:
    return ChangeResult(scenario=scenario, error=_(NOT_FOUND))


def _has(scenario: Scenario, index: int) -> bool:
    # Negative indexes are refused: « -1 » from a stale widget must not edit the last placement.
    return 0 <= index < len(scenario.placements)


def add_placement(catalogue: Catalogue, scenario: Scenario, placement: Placement) -> ChangeResult:
    """The scenario with `placement` appended, if the placement rules allow it."""
    summary = _("Ajout de « {title} »").format(title=_title(catalogue, placement.brick))
    return _checked(catalogue, scenario, placement, (*scenario.placements, placement), summary)


def _normalised(changes: dict[str, object]) -> dict[str, object]:
    """Empty text from a form means « no value »: lane, partner and note become None."""
    out = dict(changes)
    for key in ("lane", "partner", "note"):
        value = out.get(key)
        if isinstance(value, str) and not value.strip():
            out[key] = None
        elif key in ("lane", "partner") and isinstance(value, str):
            out[key] = value.strip()
    return out


def update_placement(catalogue: Catalogue, scenario: Scenario, index: int, **changes: object) -> ChangeResult:
    """The scenario with the placement at `index` changed (start, end, lane, tracks, exits, partner, note)."""
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        # A programming error, not a user's: the page only offers the editable fields.
        raise TypeError(f"champs non modifiables : {', '.join(unknown)}")
    if not _has(scenario, index):
        return _not_found(scenario)
    data = {**scenario.placements[index].model_dump(), **_normalised(changes)}
    try:
        placement = Placement.model_validate(data)
    except ValidationError as err:
        error = err.errors(include_url=False)[0]
        return _refused(scenario, error["loc"], french_message(error, Placement, error["loc"]))
    placements = list(scenario.placements)
    placements[index] = placement
    summary = _("Modification de « {title} » (n° {number})").format(
        title=_title(catalogue, placement.brick), number=index + 1
    )
    return _checked(catalogue, scenario, placement, tuple(placements), summary)


def duplicate_placement(catalogue: Catalogue, scenario: Scenario, index: int) -> ChangeResult:
    """The scenario with a copy of the placement at `index` inserted right after it."""
    if not _has(scenario, index):
        return _not_found(scenario)
    placement = scenario.placements[index]
    placements = (*scenario.placements[: index + 1], placement, *scenario.placements[index + 1 :])
    summary = _("Duplication de « {title} » (n° {number})").format(
        title=_title(catalogue, placement.brick), number=index + 1
    )
    return _checked(catalogue, scenario, placement, placements, summary)


def remove_placement(catalogue: Catalogue, scenario: Scenario, index: int) -> ChangeResult:
    """The scenario without the placement at `index`."""
    if not _has(scenario, index):
        return _not_found(scenario)
    placements = scenario.placements[:index] + scenario.placements[index + 1 :]
    summary = _("Retrait de « {title} » (n° {number})").format(
        title=_title(catalogue, scenario.placements[index].brick), number=index + 1
    )
    return ChangeResult(scenario=scenario.model_copy(update={"placements": placements}), summary=summary)


class Step(BaseModel):
    """One step of the undo history: a scenario and the change that leads away from it (or back to it)."""

    model_config = ConfigDict(frozen=True)

    scenario: Scenario
    summary: str = ""


def step_line(word: str, summary: str) -> str:
    """« Annulation : ajout de « Mentorat en ligne » » (the word alone for a change without summary)."""
    return f"{word} : {summary[:1].lower()}{summary[1:]}" if summary else word


class Editor(BaseModel):
    """The scenario being composed, with its undo and redo history (kept in the session state).

    `past` holds, newest last, the scenarios before each change with the change's summary;
    `future` the scenarios an undo left, with the summary of the change a redo makes again.
    """

    model_config = ConfigDict(validate_assignment=True)

    scenario: Scenario
    past: list[Step] = []
    future: list[Step] = []

    @property
    def can_undo(self) -> bool:
        """Whether there is a change to undo."""
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone change to redo."""
        return bool(self.future)

    @property
    def undo_summary(self) -> str | None:
        """What the undo button would undo (None when nothing)."""
        return self.past[-1].summary if self.past else None

    @property
    def redo_summary(self) -> str | None:
        """What the redo button would redo (None when nothing)."""
        return self.future[-1].summary if self.future else None

    def staged(self) -> Self:
        """A copy to try a change on before it is saved (its own history lists; scenarios are frozen)."""
        return self.model_copy(update={"past": list(self.past), "future": list(self.future)})

    def apply(self, result: ChangeResult) -> bool:
        """Take an accepted change (one undo step); a refused or empty change leaves everything as is."""
        if result.error is not None or result.scenario == self.scenario:
            return False
        self.past.append(Step(scenario=self.scenario, summary=result.summary))
        if len(self.past) > HISTORY_LIMIT:
            del self.past[0]
        self.future.clear()
        self.scenario = result.scenario
        return True

    def undo(self) -> str | None:
        """Go back one change; the summary of the change undone, None when there is none."""
        if not self.past:
            return None
        step = self.past.pop()
        self.future.append(Step(scenario=self.scenario, summary=step.summary))
        self.scenario = step.scenario
        return step.summary

    def redo(self) -> str | None:
        """Redo the last undone change; its summary, None when there is none."""
        if not self.future:
            return None
        step = self.future.pop()
        self.past.append(Step(scenario=self.scenario, summary=step.summary))
        self.scenario = step.scenario
        return step.summary

    def reset(self, scenario: Scenario, past: list[Step] | None = None) -> None:
        """Start over on a newly loaded scenario, with `past` as its undo history (none by default)."""
        self.scenario = scenario
        self.past = list(past or [])[-HISTORY_LIMIT:]
        self.future.clear()

"""The selected placement: its details, and the dialog that edits it."""

from collections.abc import Callable

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement
from tpt_model.formatting import month_name
from tpt_model.i18n import _
from tpt_model.journey.timeline import SCHOOL_YEAR_MONTHS
from tpt_model.scenario.editor import ChangeResult, duplicate_placement, remove_placement, update_placement
from tpt_model.scenario.summary import placement_labels, placement_summary
from tpt_model.session.frise import FriseView
from tpt_model.text import escape_markdown
from ui.binding import bound

Commit = Callable[[ChangeResult], None]


def _field_error(view: FriseView, *fields: str | None) -> None:
    """The refusal of the last save, under the field it is about."""
    error = view.edit_error
    if error is not None and error.field in fields:
        st.error(escape_markdown(error.message), icon=":material/block:")


def _point_inputs(catalogue: Catalogue, label: str, point: JourneyPoint, key: str) -> JourneyPoint:
    stages = {s.id: s.label for s in catalogue.programme.stages}
    cols = st.columns(2)
    stage = cols[0].selectbox(
        _("{label} : étape").format(label=label),
        list(stages),
        index=list(stages).index(point.stage) if point.stage in stages else 0,
        format_func=stages.__getitem__,
        key=f"{key}_stage",
    )
    month = cols[1].selectbox(
        _("{label} : mois").format(label=label),
        SCHOOL_YEAR_MONTHS,
        index=SCHOOL_YEAR_MONTHS.index(point.month),
        format_func=month_name,
        key=f"{key}_month",
    )
    return JourneyPoint(stage=stage, month=month)


def _labelled_multiselect(
    label: str, labels: dict[str, str], chosen: tuple[str, ...], key: str, everything: str
) -> list[str]:
    return st.multiselect(
        label,
        list(labels),
        default=list(chosen),
        format_func=labels.__getitem__,
        key=key,
        placeholder=everything,
    )


def _edit_form(
    catalogue: Catalogue, view: FriseView, placement: Placement, key: str
) -> dict[str, object] | None:
    programme = catalogue.programme
    with st.form("frise_edit_form", border=False):
        _field_error(view, None, "brick")
        start = _point_inputs(catalogue, _("Début"), placement.start, f"{key}_start")
        _field_error(view, "start")
        end = _point_inputs(catalogue, _("Fin"), placement.end, f"{key}_end")
        _field_error(view, "end")
        lane = st.text_input(_("Couloir (libre)"), value=placement.lane or "", key=f"{key}_lane")
        _field_error(view, "lane")
        tracks = _labelled_multiselect(
            _("Parcours concernés (vide = tous)"),
            {t.id: t.label for t in programme.tracks},
            placement.tracks,
            f"{key}_tracks",
            _("Tous"),
        )
        _field_error(view, "tracks")
        exits = _labelled_multiselect(
            _("Sorties concernées (vide = toutes)"),
            {e.id: e.label for e in programme.exits},
            placement.exits,
            f"{key}_exits",
            _("Toutes"),
        )
        _field_error(view, "exits")
        partners = [None, *catalogue.partners_by_id]
        partner = st.selectbox(
            _("Partenaire"),
            partners,
            index=partners.index(placement.partner) if placement.partner in partners else 0,
            format_func=lambda p: _("Celui de la brique") if p is None else catalogue.partners_by_id[p].name,
            key=f"{key}_partner",
        )
        _field_error(view, "partner")
        note = st.text_area(_("Note"), value=placement.note or "", max_chars=2000, key=f"{key}_note")
        _field_error(view, "note")
        if not st.form_submit_button(_("Enregistrer"), type="primary"):
            return None
    return {
        "start": start,
        "end": end,
        "lane": lane,
        "tracks": tuple(tracks),
        "exits": tuple(exits),
        "partner": partner,
        "note": note,
    }


def _edit_dialog(catalogue: Catalogue, view: FriseView, commit: Commit) -> None:
    index = view.editing
    if index is None or index >= len(view.scenario.placements):
        return

    @st.dialog(_("Modifier le placement"), width="large", on_dismiss=view.stop_editing)
    def dialog() -> None:
        st.caption(escape_markdown(placement_summary(catalogue, view.scenario.placements[index])))
        changes = _edit_form(catalogue, view, view.scenario.placements[index], f"frise_edit_{index}")
        if changes is None:
            return
        result = update_placement(catalogue, view.scenario, index, **changes)
        if view.refuse_edit(result):
            st.rerun()  # the dialog opens again, with what was typed and the message beside its field
        view.stop_editing()  # before the commit: it reruns the page, and the dialog must stay closed
        commit(result)

    dialog()


def placement_panel(catalogue: Catalogue, view: FriseView, commit: Commit) -> None:
    """Details of the selected placement and its actions; « Modifier » opens the edit dialog."""
    index = view.selected
    if index is None or index >= len(view.scenario.placements):
        st.caption(_("Cliquez sur une barre de la frise (ou choisissez un placement) pour le modifier."))
        return
    placement = view.scenario.placements[index]
    st.markdown(f"**N° {index + 1}** · {escape_markdown(placement_summary(catalogue, placement))}")
    if placement.note:
        st.caption(_("Note : {note}").format(note=escape_markdown(placement.note)))
    cols = st.columns(3)
    cols[0].button(
        _("Modifier"),
        icon=":material/edit:",
        key="frise_edit_open",
        type="primary",
        on_click=view.start_editing,
        args=(index,),
    )
    if cols[1].button(_("Dupliquer"), icon=":material/content_copy:", key="frise_duplicate"):
        commit(duplicate_placement(catalogue, view.scenario, index))
    if cols[2].button(_("Retirer"), icon=":material/delete:", key="frise_remove"):
        view.selected = None  # before the commit, which reruns the page
        commit(remove_placement(catalogue, view.scenario, index))
    _edit_dialog(catalogue, view, commit)


def placement_selector(catalogue: Catalogue, view: FriseView) -> None:
    """A list of the placements: the keyboard's way to select what a click on the chart selects."""
    numbers = [None, *range(len(view.scenario.placements))]
    labels = placement_labels(catalogue, view.scenario)
    if view.selected not in numbers:  # removed by an undo, or by another session's version
        view.selected = None
    st.selectbox(
        _("Placement"),
        numbers,
        key="frise_selected",
        placeholder=_("Choisir un placement"),
        label_visibility="collapsed",
        on_change=bound(view, "selected", "frise_selected"),  # also shows what the chart selected
        format_func=lambda i: "—" if i is None else labels[i],
    )

"""The export page's controls: scenario and version, formats, partner; the downloads and the preview."""

import base64

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.export.formats import BY_ID, FORMATS
from tpt_model.i18n import _, mark_
from tpt_model.session.export import ExportView, PreparedExport
from tpt_model.session.library import scenario_label, version_label
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore
from ui.binding import bind
from ui.store_errors import store_errors

WHOLE = mark_("Tout le cahier des charges")
NOBODY = ""  # the choice « no partner » (a None option would show the placeholder instead of its label)


def _scenario(view: ExportView, infos: list[ScenarioInfo], open_id: str | None) -> None:
    by_id = {i.id: i for i in infos}
    if view.scenario_id not in by_id:
        chosen = open_id if open_id in by_id else infos[0].id
        view.scenario_id, view.version = chosen, by_id[chosen].version
    st.selectbox(
        _("Scénario"),
        list(by_id),
        format_func=lambda i: scenario_label(by_id[i], open_id),
        key="export_scenario",
        on_change=bind(
            "export_scenario", lambda: view.scenario_id, lambda v: view.follow(v, by_id[v].version)
        ),
    )


def _version(view: ExportView, store: ScenarioStore) -> None:
    assert view.scenario_id is not None
    with store_errors():
        versions = store.versions(view.scenario_id)
    by_number = {v.version: v for v in versions}
    if view.version not in by_number:
        view.version = versions[0].version  # the newest
    st.selectbox(
        _("Version"),
        list(by_number),
        format_func=lambda n: version_label(by_number[n]),
        key="export_version",
        on_change=bind("export_version", lambda: view.version, lambda v: setattr(view, "version", v)),
    )


def export_choices(
    catalogue: Catalogue,
    store: ScenarioStore,
    view: ExportView,
    infos: list[ScenarioInfo],
    open_id: str | None,
) -> None:
    """Scenario and version side by side, then the formats and the partner; each bound to the view."""
    left, right = st.columns(2)
    with left:
        _scenario(view, infos, open_id)
    with right:
        _version(view, store)
    st.pills(
        _("Formats"),
        [f.id for f in FORMATS],
        selection_mode="multi",
        format_func=lambda f: _(BY_ID[f].label),
        key="export_formats",
        on_change=bind(
            "export_formats", lambda: list(view.formats), lambda v: setattr(view, "formats", tuple(v or ()))
        ),
    )
    names = {p.id: p.name for p in catalogue.partners}
    if view.partner not in names:
        view.partner = None
    st.selectbox(
        _("Pour qui"),
        [NOBODY, *names],
        format_func=lambda p: (
            _("Brief pour {partner} (ses briques seulement)").format(partner=names[p]) if p else _(WHOLE)
        ),
        key="export_partner",
        on_change=bind(
            "export_partner", lambda: view.partner or NOBODY, lambda v: setattr(view, "partner", v or None)
        ),
    )


def downloads(prepared: PreparedExport) -> None:
    """The zip of every file first, then one button per file."""
    archive = prepared.archive
    st.download_button(
        f"{archive.label} — {archive.name}",
        archive.data,
        file_name=archive.name,
        mime=archive.mime,
        icon=":material/folder_zip:",
        type="primary",
        key="export_zip",
        on_click="ignore",
    )
    columns = st.columns(4)
    for i, file in enumerate(prepared.files):
        columns[i % len(columns)].download_button(
            file.label,
            file.data,
            file_name=file.name,
            mime=file.mime,
            icon=":material/download:",
            help=file.name,
            key=f"export_file_{file.name.rsplit('.', 1)[-1]}",
            on_click="ignore",
        )


def preview(prepared: PreparedExport) -> None:
    """The HTML document in a frame of its own: a data address has no access to the app, and the page's
    own Content-Security-Policy forbids scripts (everything users typed is escaped besides)."""
    data = base64.b64encode(prepared.preview_html.encode("utf-8")).decode("ascii")
    st.iframe(f"data:text/html;base64,{data}", height=720)

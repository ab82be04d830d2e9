"""The catalogue's health for pilots: every finding with a link that opens its brick or its file."""

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue_edit.health import SECTION_TITLES, HealthItem, brick_usage, catalogue_health
from tpt_model.formatting import counted
from tpt_model.i18n import _
from tpt_model.session.catalogue_edit import EditorView
from tpt_model.text import escape_markdown
from ui.catalogue_source import load_result
from ui.settings import app_settings
from ui.store_errors import store_errors
from ui.stores import scenario_store

# Past this many findings a section opens folded: the sections after it stay in sight.
FOLDED_PAST = 8


def _open(view: EditorView, item: HealthItem) -> None:
    root = app_settings().catalogue_dir
    if item.brick is not None:
        view.open_brick(root, item.brick)
    else:
        view.open_file(root, item.file)


def _item(view: EditorView, item: HealthItem, index: int) -> None:
    link, text = st.columns([3, 5], vertical_alignment="center")
    link.button(
        escape_markdown(item.where),  # a button's label is Markdown: a file name could hold `*` or `_`
        key=f"catalogue_health_{item.section}_{index}",
        type="tertiary",
        icon=":material/edit:",
        help=_("Ouvrir dans l'éditeur"),
        on_click=_open,
        args=(view, item),
    )
    mark = "⚠ " if item.section == "problems" and item.warning else ""
    text.markdown(escape_markdown(mark + item.message))


def health_panel(catalogue: Catalogue, view: EditorView) -> None:
    """Every section of the catalogue's health; a click on a file opens it in the editor."""
    result = load_result()
    with store_errors():
        saved = scenario_store().current_contents()
    usage = brick_usage([*((f"scenarios/{name}.yaml", s) for name, s in catalogue.templates), *saved])
    report = catalogue_health(catalogue, result.problems, app_settings().catalogue_dir, usage)
    if report.healthy:
        st.success(
            _("Rien à signaler : le catalogue est complet et sans problème."), icon=":material/check_circle:"
        )
        return
    st.caption(
        _(
            "Ce qu'une ou un partenaire lisant le cahier des charges relèverait, et ce qui manque. "
            "Les scénarios comptés sont ceux du dossier du catalogue et ceux enregistrés dans la base."
        )
    )
    for section, title in SECTION_TITLES.items():
        items = report.section(section)
        if not items:
            continue
        found = counted(len(items), "élément", "éléments")
        label = f"{_(title)} ({found})"
        with st.expander(label, expanded=len(items) <= FOLDED_PAST, icon=":material/rule:"):
            for index, item in enumerate(items):
                _item(view, item, index)

"""The frise's views for a room and a phone: the switch between views, the phase shown alone, the chart
and the words that go with it (numbered bars, milestones without room, the moments of every year).
"""

from functools import partial

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.frise.chart import SELECTION, FriseFigure, frise_figure, selection_after_click
from tpt_model.frise.display import METRICS, VIEW_LABELS, FriseDisplay, ViewName, phase_numbers, shown_phase
from tpt_model.session.frise import FriseView
from tpt_model.text import escape_markdown
from ui.binding import bind
from ui.chart_width import keep_chart_width

# The frise uses the page's whole width: Streamlit's wide layout keeps 5rem on each side. The
# chart never gets narrower than the plot its view was laid out for (labels would meet): below
# that width, as in a narrow window, it scrolls sideways instead (see `keep_chart_width`).
_PAGE_CSS = """
.stMainBlockContainer {{ padding-left: {side}; padding-right: {side}; padding-top: {top}; }}
.frise-narrow {{ display: none; }}
@media (max-width: {narrow}px) {{ .frise-narrow {{ display: block; }} }}
"""
# Said only on a phone-sized screen (a CSS media rule): the phone view reads better there.
NARROW_PX = 700
NARROW_HINT = (
    '<p class="frise-narrow">La frise défile de côté sur un écran étroit : '
    "la vue « Téléphone », ci-dessus, s'y lit mieux.</p>"
)
# A presentation fills the screen: no sidebar, no toolbar above the page.
_PRESENTATION_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"]
  { display: none; }
"""
_SIDES: dict[ViewName, tuple[str, str]] = {
    "normal": ("1.5rem", "3.5rem"),
    "presentation": ("1rem", "1rem"),
    "telephone": ("0.6rem", "3.5rem"),
}
NUMBERED_HEADING = "**Numéros sur la frise** (actions trop courtes pour y écrire leur titre)"
CHART_PADDING_PX = 12  # Vega's padding around the plot, on both sides together


def page_style(display: FriseDisplay) -> None:
    """The page's width and, in a presentation, a full screen without the sidebar (a fixed style of ours)."""
    side, top = _SIDES[display.view]
    css = _PAGE_CSS.format(side=side, top=top, narrow=NARROW_PX)
    if display.view == "presentation":
        css += _PRESENTATION_CSS
    if display.view != "normal":
        st.set_page_config(initial_sidebar_state="collapsed")
    st.html(f"<style>{css}</style>")
    keep_chart_width("frise_chart", METRICS[display.view].plot_px + CHART_PADDING_PX)


def view_switch(view: FriseView) -> None:
    """Normal, presentation or phone view: the choice is written in the page's address (`?vue=`)."""
    st.segmented_control(
        "Vue",
        list(VIEW_LABELS),
        format_func=VIEW_LABELS.__getitem__,
        required=True,
        key="frise_view",
        on_change=bind("frise_view", lambda: view.display.view, view.show),
        help=(
            "Présentation : en grand, sans barre latérale, une phase à la fois, pour projeter "
            "(F11 met le navigateur en plein écran). "
            "Téléphone : une phase par écran, une ligne par action."
        ),
    )


def phase_nav(catalogue: Catalogue, view: FriseView) -> None:
    """The phase shown alone, with buttons for the previous and the next one and the way out."""
    programme = catalogue.programme
    numbers, shown = phase_numbers(programme), shown_phase(programme, view.display)
    phase = next(p for p in programme.phases if p.number == shown)
    back, title, ahead, leave = st.columns([2, 7, 2, 2], vertical_alignment="center")
    back.button(
        "Phase précédente",
        icon=":material/arrow_back:",
        key="frise_phase_back",
        disabled=shown == numbers[0],
        on_click=view.turn_phase,
        args=(catalogue, -1),
        width="stretch",
    )
    ahead.button(
        "Phase suivante",
        icon=":material/arrow_forward:",
        key="frise_phase_next",
        disabled=shown == numbers[-1],
        on_click=view.turn_phase,
        args=(catalogue, 1),
        width="stretch",
    )
    leave.button(
        "Quitter",
        help="Quitter la présentation : revenir à la frise complète.",
        icon=":material/close_fullscreen:",
        key="frise_leave",
        on_click=view.show,
        args=("normal",),
        width="stretch",
    )
    title.markdown(f"## Phase {phase.number} sur {len(numbers)} · {escape_markdown(phase.label)}")


def phase_picker(catalogue: Catalogue, view: FriseView) -> None:
    """On a phone: the phases in one row of buttons, the one shown named below them."""
    programme = catalogue.programme
    numbers, shown = phase_numbers(programme), shown_phase(programme, view.display)
    st.segmented_control(
        "Phase",
        numbers,
        format_func=lambda n: f"Phase {n}",
        required=True,
        key="frise_phase",
        on_change=bind("frise_phase", lambda: shown, partial(view.show_phase, catalogue)),
        width="stretch",
    )
    phase = next(p for p in programme.phases if p.number == shown)
    st.markdown(f"## {escape_markdown(phase.label)}")


def frise_chart_element(catalogue: Catalogue, view: FriseView) -> FriseFigure:
    """The frise of the view, where a click on a bar selects its placement; its figure."""

    def on_select() -> None:
        points = st.session_state["frise_chart"].selection.get(SELECTION, [])
        view.selected = selection_after_click(points, view.selected, len(view.scenario.placements))

    figure = frise_figure(
        catalogue, view.scenario, view.options, selected=view.selected, display=view.display
    )
    if view.display.view == "normal":
        st.html(NARROW_HINT)
    st.vega_lite_chart(figure.spec, on_select=on_select, selection_mode=SELECTION, key="frise_chart")
    return figure


def _lines(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def chart_notes(figure: FriseFigure, view: FriseView, *, all_milestones: bool = False) -> None:
    """Under the chart: the numbers of short bars, milestones left without a label, the yearly moments."""
    if figure.numbered:
        rows = [
            f"| {n.number} | {escape_markdown(n.title)} | {escape_markdown(n.period)} |"
            for n in figure.numbered
        ]
        st.markdown(f"{NUMBERED_HEADING}\n\n| N° | Action | Quand |\n|---:|---|---|\n" + "\n".join(rows))
    milestones = figure.milestones if all_milestones else figure.unlabelled
    if milestones:
        heading = "Jalons de la phase" if all_milestones else "Jalons sans étiquette faute de place"
        items = [f"{escape_markdown(label)} — {escape_markdown(period)}" for label, period in milestones]
        st.markdown(f"**{heading}**\n{_lines(items)}")
    if figure.yearly:
        st.markdown(escape_markdown(figure.yearly))
    _yearly_toggle(view)


def _yearly_toggle(view: FriseView) -> None:
    st.toggle(
        "Placer aussi les moments de chaque année sur la frise",
        key="frise_yearly",
        on_change=bind("frise_yearly", lambda: view.display.yearly, view.show_yearly),
    )

"""The brick filter widgets (pillar, phase, modality, partner, words), shared by the pages."""

from collections.abc import Callable

import streamlit as st

from tpt_model.catalogue.card import MODALITY_LABELS
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.search import BrickFilter
from tpt_model.i18n import _
from tpt_model.session.app import CatalogueView
from ui.binding import bind


def _kept(view: CatalogueView | None, key: str, criterion: str) -> Callable[[], None] | None:
    # Bound to the view's filter when there is one; else the widget keeps its own value.
    if view is None:
        return None

    def shown() -> object:
        value = getattr(view.filter, criterion)
        return value if isinstance(value, str) else list(value)

    return bind(key, shown, lambda value: view.refine(**{criterion: value}))


def brick_filters(
    catalogue: Catalogue,
    prefix: str,
    *,
    search_label: str | None = None,
    view: CatalogueView | None = None,
    per_row: int = 4,
) -> BrickFilter:
    """Draw the filters (widget keys `<prefix>_pillars`, `_phases`, `_modalities`, `_partners`, `_text`).

    With a `view`, they show its filter and change it, so that it survives a visit to another page.
    `per_row` filters share a row: fewer in a narrow column, so that no label is cut.
    """
    programme = catalogue.programme
    pillars = {p.id: p.label for p in programme.pillars}
    phases = {p.id: p.label for p in programme.phases}
    partners = {p.id: p.name for p in catalogue.partners}
    text = st.text_input(
        search_label or _("Recherche"),
        placeholder=_("mentorat, décrochage, Parcoursup…"),
        key=f"{prefix}_text",
        on_change=_kept(view, f"{prefix}_text", "text"),
    )
    cols = [col for _row in range(0, 4, per_row) for col in st.columns(per_row)]
    chosen = [
        col.multiselect(
            label,
            list(options),
            format_func=options.__getitem__,  # labels: the catalogue's, or translated below
            key=f"{prefix}_{name}",
            placeholder=everything,
            on_change=_kept(view, f"{prefix}_{name}", name),
        )
        for col, (label, name, options, everything) in zip(
            cols,
            [
                (_("Volet"), "pillars", pillars, _("Tous")),
                (_("Phase"), "phases", phases, _("Toutes")),
                (
                    _("Modalité"),
                    "modalities",
                    {m: _(label) for m, label in MODALITY_LABELS.items()},
                    _("Toutes"),
                ),
                (_("Partenaire"), "partners", partners, _("Tous")),
            ],
            strict=True,
        )
    ]
    return BrickFilter(
        pillars=tuple(chosen[0]),
        phases=tuple(chosen[1]),
        modalities=tuple(chosen[2]),
        partners=tuple(chosen[3]),
        text=text,
    )

"""Export page: the specification of a saved scenario in ten formats, or the brief of one partner."""

import datetime

import streamlit as st

from tpt_model.errors import InputError
from tpt_model.formatting import counted
from tpt_model.i18n import _
from tpt_model.session.export import export_choice, prepare_export
from ui.catalogue_source import require_catalogue
from ui.export_panel import downloads, export_choices, preview
from ui.open_scenario import open_scenario
from ui.shell import page_setup
from ui.store_errors import store_errors
from ui.stores import score_store, workshop_store

page_setup()
catalogue = require_catalogue()
opened = open_scenario(catalogue)
opened.follow()  # the export changes nothing: the newest version, if saved elsewhere, can show first
state, store = opened.state, opened.store
view = state.export
with store_errors():
    infos = store.list()

st.title(_("Export du cahier des charges"))
st.caption(
    _(
        "Le cahier des charges d'un scénario pour les partenaires : contexte, frise, fiches des briques, "
        "évaluation, couverture et trous, partenaires, budget, parcours des personas, plan de communication. "
        "Poids et « Référence catalogue » comme dans les résultats de l'Évaluation."
    )
)
export_choices(catalogue, store, view, infos, state.frise.scenario_id)
evaluation = state.evaluation
choice = export_choice(view, evaluation.resolved_weights(catalogue.programme), evaluation.include_reference)
if choice is None:
    st.info(_("Choisissez au moins un format."))
    st.stop()

if st.button(_("Préparer les fichiers"), type="primary", icon=":material/description:", key="export_prepare"):
    with st.status(_("Préparation des fichiers…"), expanded=True) as status, store_errors():
        try:
            view.prepared = prepare_export(
                catalogue,
                store,
                score_store(),
                workshop_store(),
                choice,
                datetime.date.today(),
                on_format=lambda fmt: status.write(f"{_(fmt.label)}…"),
            )
        except InputError as err:
            status.update(label=_("Export impossible"), state="error")
            st.error(err.message)
            st.stop()
        ready = counted(len(choice.formats), "fichier prêt", "fichiers prêts")
        status.update(label=ready, state="complete", expanded=False)

prepared = view.ready_for(choice)
if prepared is None:
    if view.prepared is not None:
        st.caption(
            _("Les choix ont changé depuis la dernière préparation : préparez de nouveau les fichiers.")
        )
    st.stop()
downloads(prepared)
st.header(_("Aperçu du document"))
preview(prepared)

"""Downloading an evaluation: CSV at once, the Excel workbook only when asked (it takes a moment)."""

from collections.abc import Sequence

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.evaluation.ranking import ranking_table
from tpt_model.evaluation.scoring import evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.export.tabular import (
    aggregate_frame,
    evaluation_file_name,
    evaluation_frame,
    to_csv_bytes,
    to_xlsx_bytes,
)
from tpt_model.i18n import _
from tpt_model.session.evaluation import EvaluationView

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_panel(
    catalogue: Catalogue,
    view: EvaluationView,
    bricks: Sequence[str],
    sheets: list[ScoreSheet],
    scenario_name: str,
) -> None:
    """Download buttons for the evaluation, with the weights and reference choice of the results."""
    programme = catalogue.programme
    results = evaluate(catalogue, bricks, sheets, view.resolved_weights(programme), view.include_reference)
    reference = _("comptée") if view.include_reference else _("non comptée")
    st.caption(
        _(
            "Une ligne par brique et par évaluatrice, avec les moyennes de la brique. "
            "Poids et « Référence catalogue » ({reference}) comme dans la section Résultats."
        ).format(reference=reference)
    )
    frame = evaluation_frame(catalogue, results, sheets, include_reference=view.include_reference)
    st.download_button(
        _("Télécharger le CSV"),
        to_csv_bytes(frame),
        icon=":material/download:",
        file_name=evaluation_file_name(scenario_name, "csv"),
        mime="text/csv",
        key="eval_csv",
        on_click="ignore",
    )
    if st.button(_("Préparer le fichier Excel"), key="eval_xlsx_prepare"):
        with st.spinner(_("Préparation du fichier Excel…")):
            workbook = to_xlsx_bytes(
                {
                    _("Évaluation"): frame,
                    _("Agrégats"): aggregate_frame(catalogue, results),
                    _("Classement"): ranking_table(catalogue, results),
                }
            )
        st.download_button(
            _("Télécharger le fichier Excel"),
            workbook,
            icon=":material/download:",
            file_name=evaluation_file_name(scenario_name, "xlsx"),
            mime=XLSX_MIME,
            key="eval_xlsx",
            on_click="ignore",
            type="primary",
        )

"""The results of an evaluation in French: levels, progress, rank changes and aggregates."""

import pytest

from tpt_model import Catalogue
from tpt_model.evaluation.scoring import evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.evaluation.wording import aggregate_lines, level_label, progress_text, rank_change_message


@pytest.mark.parametrize(
    ("position", "total", "text"), [(0, 31, "1 / 31"), (11, 31, "12 / 31"), (30, 31, "31 / 31")]
)
def test_progress_text(position: int, total: int, text: str) -> None:
    assert progress_text(position, total) == text


def test_level_label_shows_the_descriptor(catalogue: Catalogue) -> None:
    pertinence = catalogue.programme.criteria[0]
    assert level_label(pertinence, 3) == "3 — Pertinente"
    assert level_label(pertinence, 9) == "9"


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        (0, "Avec ces poids, aucune brique ne change de rang par rapport aux poids du programme."),
        (1, "Avec ces poids, 1 brique change de rang par rapport aux poids du programme."),
        (2, "Avec ces poids, 2 briques changent de rang par rapport aux poids du programme."),
    ],
)
def test_rank_change_message(changed: int, message: str) -> None:
    assert rank_change_message(changed) == message


def test_aggregate_lines(catalogue: Catalogue) -> None:
    sheets = [
        ScoreSheet(brick="mentorat", evaluator="Alice", scores={"pertinence": 1, "simplicite": 3}),
        ScoreSheet(brick="mentorat", evaluator="Bob", scores={"pertinence": 4}),
    ]
    result = evaluate(catalogue, ["mentorat"], sheets, include_reference=False)[0]
    assert aggregate_lines(catalogue.programme, result) == [
        "Pertinence : moyenne 2,5, médiane 2,5, de 1 à 4 (2 notes) — désaccord",
        "Simplicité de mise en œuvre : moyenne 3, médiane 3, de 3 à 3 (1 note)",
        "Caractère abordable : pas encore notée",
    ]

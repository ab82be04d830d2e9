"""The ranking table: numbers for the spreadsheet, French text on the page; the bricks nobody scored apart."""

import pytest
from helpers import BRICKS

from tpt_model import Catalogue
from tpt_model.evaluation.ranking import DISCUSS_BADGE, ranking_table, ranking_text, unscored_line
from tpt_model.evaluation.scoring import BrickResult, evaluate, split_unscored
from tpt_model.evaluation.sheets import ScoreSheet


@pytest.fixture(scope="module")
def results(catalogue: Catalogue) -> list[BrickResult]:
    """Léa and Inès disagree on the mentorat; Léa loves the workshop; nobody scored the computer."""
    sheets = [
        ScoreSheet(brick="mentorat", evaluator="Léa", scores={"pertinence": 1, "simplicite": 3}),
        ScoreSheet(brick="mentorat", evaluator="Inès", scores={"pertinence": 4}),
        ScoreSheet(
            brick="atelier-classe",
            evaluator="Léa",
            scores=dict.fromkeys(["pertinence", "simplicite", "abordable"], 4),
        ),
    ]
    return evaluate(catalogue, BRICKS, sheets)


def test_ranking_table(catalogue: Catalogue, results: list[BrickResult]) -> None:
    table = ranking_table(catalogue, results)
    assert list(table.columns) == [
        "Rang",
        "Brique",
        "Volet",
        "Pertinence",
        "Simplicité de mise en œuvre",
        "Caractère abordable",
        "Total pondéré",
        "Référence catalogue",
        "Évaluations",
        "À discuter",
    ]
    assert table["Brique"].tolist() == ["Atelier en classe", "Mentorat en ligne", "Ordinateur offert"]
    assert table["Rang"].tolist()[:2] == [1, 2] and table["Rang"].isna().tolist() == [False, False, True]
    assert table["Pertinence"].tolist()[:2] == [4.0, 2.5]
    assert table["Total pondéré"].tolist()[:2] == [100.0, 55.6]
    # The reference's own total, apart: it is counted in no mean above.
    assert table["Référence catalogue"].tolist() == [83.3, 83.3, 58.3]
    assert table["Évaluations"].tolist() == [1, 2, 0]
    assert table["À discuter"].tolist() == [False, True, False]


def test_the_page_reads_the_ranking_in_french(catalogue: Catalogue, results: list[BrickResult]) -> None:
    scored, _ = split_unscored(results)
    table = ranking_text(catalogue, scored)
    assert table.to_dict("records") == [
        {
            "Rang": "1",
            "Brique": "Atelier en classe",
            "Volet": "Attirer",
            "Pertinence": "4",
            "Simplicité de mise en œuvre": "4",
            "Caractère abordable": "4",
            "Total pondéré": "100",
            "Référence catalogue": "83,3",
            "Évaluations": "1",
            "À discuter": "",
        },
        {
            "Rang": "2",
            "Brique": "Mentorat en ligne",
            "Volet": "Accompagner",
            "Pertinence": "2,5",
            "Simplicité de mise en œuvre": "3",
            "Caractère abordable": "—",
            "Total pondéré": "55,6",
            "Référence catalogue": "83,3",
            "Évaluations": "2",
            "À discuter": DISCUSS_BADGE,
        },
    ]


def test_the_bricks_nobody_scored_are_listed_apart(results: list[BrickResult]) -> None:
    _, unscored = split_unscored(results)
    assert unscored_line(unscored) == "Non notées (1) : Ordinateur offert"
    assert unscored_line([]) is None

"""Page reruns measured with AppTest, as ratios against a bare one-chart page in the same run."""

import os
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from tpt_model.bench.loader import SHIPPED, best_of
from tpt_model.bench.synthetic import synthetic_scenario, write_synthetic_catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.scoring import evaluate
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.frise.chart import frise_chart
from tpt_model.frise.rows import FriseOptions
from tpt_model.frise.spec import chart_spec, inline_datasets
from tpt_model.scenario.folder import load_catalogue
from tpt_model.session.app import AppState
from tpt_model.session.frise import open_scenario
from tpt_model.settings import load_settings
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from ui.state import STATE_KEY

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 7


@contextmanager
def workspace(n_bricks: int) -> Iterator[Path]:
    """A synthetic catalogue and an empty database, pointed at by the app's environment."""
    with tempfile.TemporaryDirectory() as tmp:
        root = write_synthetic_catalogue(SHIPPED, Path(tmp) / "catalogue", n_bricks)
        saved = {k: os.environ.get(k) for k in ("TPT_CATALOGUE_DIR", "TPT_DATA_DIR", "TPT_DATABASE_URL")}
        os.environ.update(TPT_CATALOGUE_DIR=str(root), TPT_DATA_DIR=str(Path(tmp) / "data"))
        os.environ.pop("TPT_DATABASE_URL", None)
        st.cache_resource.clear()
        try:
            yield root
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def rerun_seconds(page: str, state: AppState | None = None) -> float:
    """Best time of a rerun of `page` once its first run has warmed the caches.

    The app's pages run under its router, as in the browser (app.py, then the page); other scripts alone.
    """
    app_page = page.startswith("pages/")
    at = AppTest.from_file(str(ROOT / ("app.py" if app_page else page)), default_timeout=120)
    if state is not None:
        at.session_state[STATE_KEY] = state
    at.run()
    if app_page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return best_of(at.run, REPEAT)


def frise_state(scenario: Scenario) -> AppState:
    """A session with `scenario` stored and open on the frise."""
    store = ScenarioStore(open_database(load_settings().database_url))
    state = AppState(author="Banc d'essai")
    open_scenario(state.frise, store, store.create(scenario, "Banc d'essai").id)
    return state


def frise_rerun(n_bricks: int, n_placements: int) -> float:
    """Rerun time of the frise page on a catalogue of `n_bricks` with `n_placements`."""
    with workspace(n_bricks) as root:
        scenario = synthetic_scenario(load_catalogue(root), n_placements)
        return rerun_seconds("pages/frise.py", frise_state(scenario))


def frise_rebuild(n_placements: int) -> float:
    """Time to build the frise's spec anew (what a rerun after a change pays once)."""
    with workspace(50) as root:
        catalogue = load_catalogue(root)
        scenario = synthetic_scenario(catalogue, n_placements)
        return best_of(
            lambda: inline_datasets(chart_spec(frise_chart(catalogue, scenario, FriseOptions()))), REPEAT
        )


def scored_state(root: Path, n_bricks: int, n_evaluators: int) -> AppState:
    """A session on a scenario of `n_bricks` bricks, each scored by `n_evaluators`, on the results."""
    catalogue = load_catalogue(root)
    scenario = synthetic_scenario(catalogue, n_bricks)
    state = frise_state(scenario)
    scores = ScoreStore(open_database(load_settings().database_url))
    rng = random.Random(7)
    for e in range(n_evaluators):
        for placement in scenario.placements:
            values = {c.id: rng.randint(c.scale.min, c.scale.max) for c in catalogue.programme.criteria}
            sheet = ScoreSheet(brick=placement.brick, evaluator=f"Évaluatrice {e}", scores=values)
            scores.save_sheet(state.frise.scenario_id, sheet, as_evaluator=sheet.evaluator)
    state.evaluation.section = "results"
    return state


def evaluation_figures(n_bricks: int, n_evaluators: int) -> tuple[float, float]:
    """(aggregation seconds, results page rerun seconds) at that size."""
    with workspace(n_bricks) as root:
        state = scored_state(root, n_bricks, n_evaluators)
        catalogue = load_catalogue(root)
        store = ScoreStore(open_database(load_settings().database_url))
        sheets = store.sheets(state.frise.scenario_id)
        ids = [p.brick for p in state.frise.scenario.placements]
        aggregate = best_of(lambda: evaluate(catalogue, ids, sheets), REPEAT)
        return aggregate, rerun_seconds("pages/evaluation.py", state)


def run_page_benchmarks(*, quick: bool = False) -> None:
    """Print the page ratios of the frise designer and the evaluation."""
    bare = rerun_seconds("benchmarks/bare_chart_page.py")
    print(f"Page nue avec un graphique Altair : {bare * 1000:.1f} ms par réexécution (référence)")
    placements = 60 if quick else 300
    frise = frise_rerun(50, placements)
    print(f"Frise, {placements} placements ÷ page nue (objectif ≤ 2) : ratio {frise / bare:.2f}")
    rebuild = frise_rebuild(placements)
    print(
        f"  dont, après un changement, reconstruction de la frise : ratio {rebuild / bare:.2f} à la page nue"
    )
    small, large = frise_rerun(50, 60), frise_rerun(500 if quick else 5000, 60)

    big = 500 if quick else 5000
    print(f"Frise, catalogue de {big} ÷ 50 briques (objectif ≤ 2) : ratio {large / small:.2f}")
    n_bricks, n_evaluators = (60, 8) if quick else (300, 40)
    aggregate, results = evaluation_figures(n_bricks, n_evaluators)
    size = f"{n_evaluators} évaluatrices × {n_bricks} briques × 3 critères"
    print(f"Agrégation {size} : {aggregate * 1000:.1f} ms, ratio {aggregate / bare:.2f} à la page nue")
    print(f"Page des résultats à cette taille ÷ page nue (objectif ≤ 2) : ratio {results / bare:.2f}")

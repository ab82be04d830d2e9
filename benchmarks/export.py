"""The specification in all ten formats: a 300-placement scenario against the shipped parcours-type.

The ratios say how the export, and the PDF alone (its heaviest format), grow with the frise (better
than linear: the brick sheets follow the catalogue, not the placements). Each format's own time at
300 placements is printed too: the page's full export is what a group waits for. Times are the
process's processor time (vl-convert's threads included), which other work on the machine disturbs
less than the clock. `python -m benchmarks.export` runs this benchmark alone.
"""

import datetime
import sys
import time
from pathlib import Path

from tpt_model.bench.synthetic import synthetic_scenario
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.export.as_image import Figures
from tpt_model.export.build import ExportSource, build_document
from tpt_model.export.document import Figure
from tpt_model.export.formats import FORMATS, render
from tpt_model.scenario.folder import load_catalogue

SHIPPED = Path(__file__).resolve().parents[1] / "catalogue"
TODAY = datetime.date(2026, 12, 1)
EVALUATORS = ("Alice", "Bérénice", "Chloé")


def _sheets(scenario: Scenario) -> list[ScoreSheet]:
    """Three evaluators scoring every placed brick, so that the evaluation chapter and the matrix are full."""
    bricks = dict.fromkeys(p.brick for p in scenario.placements)
    return [
        ScoreSheet(
            brick=brick,
            evaluator=who,
            scores={
                "pertinence": (i + k) % 4 + 1,
                "simplicite": (2 * i + k) % 4 + 1,
                "abordable": (i * k) % 4 + 1,
            },
        )
        for i, brick in enumerate(bricks)
        for k, who in enumerate(EVALUATORS)
    ]


def export_times(catalogue: Catalogue, scenario: Scenario) -> dict[str, float]:
    """Processor seconds to build the document, then each format (figures drawn once, as the page does)."""
    times = {}
    start = time.process_time()
    document = build_document(ExportSource(catalogue, scenario, TODAY, sheets=_sheets(scenario)))
    times["document"] = time.process_time() - start
    # The figures (SVG, and PNG from it) are drawn once for every format: timed apart, so that each
    # format's time is its own layout.
    start = time.process_time()
    figures = Figures()
    for figure in (b for _, s in document.walk() for b in s.blocks if isinstance(b, Figure)):
        figures.png(figure)
    times["figures"] = time.process_time() - start
    for fmt in FORMATS:
        start = time.process_time()
        render(document, scenario, fmt, figures)
        times[fmt.id] = time.process_time() - start
    return times


def run_export_benchmark(*, quick: bool = False) -> None:
    """Print the ratio of all formats at 300 placements to the shipped parcours-type, and each one's time."""
    catalogue = load_catalogue(SHIPPED)
    placements = 60 if quick else 300
    export_times(catalogue, catalogue.template("parcours-type"))  # warms vl-convert's engine and the fonts
    shipped = export_times(catalogue, catalogue.template("parcours-type"))
    large = export_times(catalogue, synthetic_scenario(catalogue, placements))
    ratio = sum(large.values()) / sum(shipped.values())
    shipped_count = len(catalogue.template("parcours-type").placements)
    print(
        f"Export, les dix formats, {placements} placements ÷ parcours-type livré "
        f"({shipped_count} placements) (objectif ≤ 5) : ratio {ratio:.2f}"
    )
    print(
        f"Export PDF seul (le format le plus lourd), {placements} placements ÷ parcours-type livré "
        f"(objectif ≤ 5) : ratio {large['pdf'] / shipped['pdf']:.2f}"
    )
    detail = ", ".join(f"{name} {seconds:.1f}" for name, seconds in large.items())
    total = sum(large.values())
    print(
        f"Export à {placements} placements, secondes de processeur par format : {detail} ; "
        f"total {total:.1f} s (objectif < 10 s)"
    )


if __name__ == "__main__":
    run_export_benchmark(quick="--quick" in sys.argv)

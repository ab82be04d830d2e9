"""Synthetic catalogues and scenarios of any size, for the benchmark and scale tests."""

import shutil
from pathlib import Path

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Placement, Scenario
from tpt_model.journey.timeline import point_at, point_index, stage_start

SHARED_FILES = ("programme.yaml", "partners.yaml", "calendar.yaml", "personas.yaml")


def write_synthetic_catalogue(template: Path, dest: Path, n_bricks: int) -> Path:
    """A copy of `template` whose bricks are cycled and renamed until there are `n_bricks`."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SHARED_FILES:
        shutil.copyfile(template / name, dest / name)
    (dest / "bricks").mkdir(exist_ok=True)
    sources = sorted((template / "bricks").glob("*.yaml"))
    for i in range(n_bricks):
        source = sources[i % len(sources)]
        new_id = f"{source.stem}-{i:05d}"
        text = source.read_text(encoding="utf-8").replace(f"id: {source.stem}\n", f"id: {new_id}\n", 1)
        (dest / "bricks" / f"{new_id}.yaml").write_text(text, encoding="utf-8")
    return dest


def synthetic_scenario(catalogue: Catalogue, n_placements: int) -> Scenario:
    """A scenario of `n_placements` spread over the bricks and over each brick's own stages."""
    programme = catalogue.programme
    placements = []
    for i in range(n_placements):
        brick = catalogue.bricks[i % len(catalogue.bricks)]
        first = point_index(programme, stage_start(brick.stages.from_stage))
        start = first + (i * 5) % 10
        placements.append(
            Placement(
                brick=brick.id, start=point_at(programme, start), end=point_at(programme, start + 1 + i % 3)
            )
        )
    return Scenario(name=f"Scénario synthétique de {n_placements} placements", placements=tuple(placements))

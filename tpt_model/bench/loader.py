"""Benchmark of the catalogue loader, reported as ratios measured in one run."""

import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml

from tpt_model.bench.synthetic import write_synthetic_catalogue
from tpt_model.scenario.folder import check_catalogue

SHIPPED = Path(__file__).resolve().parents[2] / "catalogue"


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Shortest wall time of `repeat` runs (the least disturbed by the rest of the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_only(root: Path) -> None:
    """The baseline: every YAML file parsed by PyYAML's CSafeLoader, nothing checked."""
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def loader_ratios(sizes: tuple[int, ...], repeat: int = 3) -> list[tuple[int, float, float]]:
    """For each size: (bricks, validate seconds, validate ÷ CSafeLoader parse)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            root = write_synthetic_catalogue(SHIPPED, Path(tmp) / f"c{n}", n)
            problems = check_catalogue(root).problems
            assert not problems, problems[:3]
            ours = best_of(partial(check_catalogue, root), repeat)
            base = best_of(partial(parse_only, root), repeat)
            rows.append((n, ours, ours / base))
    return rows


def run_benchmarks(*, quick: bool = False) -> None:
    """Print the catalogue loader's ratios."""
    sizes = (50, 200) if quick else (50, 2000, 5000)
    print("Validation du catalogue ÷ lecture seule par CSafeLoader (objectif ≤ 1,5 à 2 000 briques)")
    for n, seconds, ratio in loader_ratios(sizes):
        print(f"  {n:>5} briques : {seconds * 1000:8.1f} ms, ratio {ratio:.2f}")

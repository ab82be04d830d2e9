"""The last valid version of a catalogue, kept while a pilot's edit is broken: nothing vanishes.

A brick whose file breaks is shown from its last valid version (and said so on the frise); a broken
programme keeps the whole last valid catalogue, with a banner. Only what still fits the new
catalogue is kept: a brick whose stages, partners, groups or criteria are gone is dropped.
"""

import threading

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.loader import LoadResult


def _fits(catalogue: Catalogue, brick: Brick) -> bool:
    programme = catalogue.programme
    return (
        {brick.stages.from_stage, brick.stages.to_stage} <= programme.stage_index.keys()
        and set(brick.partner_ids) <= catalogue.partners_by_id.keys()
        and set(brick.working_groups) <= {g.id for g in programme.working_groups}
        and set(brick.criteria) <= {c.id for c in programme.criteria}
    )


def with_last_good(result: LoadResult, previous: Catalogue | None) -> LoadResult:
    """The result with what broke since `previous` taken from it (None: nothing to fall back on)."""
    if previous is None:
        return result
    if result.catalogue is None:
        return LoadResult(previous, result.problems, result.broken_bricks, fallback=True)
    current = result.catalogue
    kept = tuple(
        previous.bricks_by_id[b]
        for b in sorted(result.broken_bricks)
        if b in previous.bricks_by_id and _fits(current, previous.bricks_by_id[b])
    )
    if not kept:
        return result
    catalogue = current.replace(bricks=current.bricks + kept, stale_bricks=frozenset(b.id for b in kept))
    return LoadResult(catalogue, result.problems, result.broken_bricks)


class LastGood:
    """The last catalogue each folder gave, shared by the sessions of one server (thread-safe)."""

    def __init__(self) -> None:
        self._catalogues: dict[str, Catalogue] = {}
        self._lock = threading.Lock()

    def apply(self, root: str, result: LoadResult) -> LoadResult:
        """`result` completed from the folder's last catalogue, which it then replaces."""
        with self._lock:
            completed = with_last_good(result, self._catalogues.get(root))
            if completed.catalogue is not None:
                self._catalogues[root] = completed.catalogue
            return completed

    def forget(self) -> None:
        """Forget every folder (tests start from nothing)."""
        with self._lock:
            self._catalogues.clear()

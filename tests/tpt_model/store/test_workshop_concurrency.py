"""Forty participants scoring at once, from threads and from separate processes: every score stored once."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from workshop_writers import BRICKS, CRITERIA, expected, score_everything

import tpt_model.store.engine as engine_module
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.store.errors import StoreBusyError
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.tables import workshop_answers
from tpt_model.store.workshops import WorkshopStore
from tpt_model.workshop.records import Pass

PARTICIPANTS = 40
PROCESSES = 4
WRITERS = Path(__file__).with_name("workshop_writers.py")


def open_workshop(engine: Engine) -> tuple[WorkshopStore, str, list[tuple[Pass, int]]]:
    """A workshop with one open round on three bricks, and forty participants joined."""
    point = JourneyPoint(stage="seconde", month=10)
    scenario = Scenario(
        name="Frise", placements=tuple(Placement(brick=b, start=point, end=point) for b in BRICKS)
    )
    stored = ScenarioStore(engine).create(scenario, "Alice")
    store = WorkshopStore(engine)
    workshop, facilitator = store.create(stored.id, stored.version, "Atelier", "evaluation")
    store.open_round(facilitator, "", "brick", BRICKS, CRITERIA)
    people = []
    for i in range(PARTICIPANTS):
        participant, pass_ = store.join(workshop.id, f"Participante {i:02d}")
        people.append((pass_, participant.number))
    return store, workshop.id, people


def assert_each_score_stored_once(engine: Engine, store: WorkshopStore, workshop_id: str) -> None:
    with engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(workshop_answers)).scalar_one()
    assert rows == PARTICIPANTS * len(BRICKS) * len(CRITERIA)
    shot = store.snapshot(workshop_id)
    number = {p.id: p.number for p in shot.participants}
    found = {(number[a.participant_id], a.item, a.question): a.value for a in shot.answers}
    wanted = {
        (n, brick, criterion): expected(n, b, c)
        for n in number.values()
        for b, brick in enumerate(BRICKS)
        for c, criterion in enumerate(CRITERIA)
    }
    assert found == wanted
    # Every write bumped the revision once: joins, the round, and each brick's sheet.
    assert shot.workshop.revision == PARTICIPANTS + 1 + PARTICIPANTS * len(BRICKS)


def test_forty_threads_score_at_once(engine_factory: Callable[[], Engine]) -> None:
    engine = engine_factory()
    store, workshop_id, people = open_workshop(engine)
    start = threading.Barrier(PARTICIPANTS)
    # Several engines, as several app sessions on their own connections.
    stores = [WorkshopStore(engine_factory()) for _ in range(4)]
    with ThreadPoolExecutor(PARTICIPANTS) as pool:
        futures = [
            pool.submit(score_everything, stores[i % len(stores)], pass_, number, start)
            for i, (pass_, number) in enumerate(people)
        ]
        written = sum(f.result() for f in futures)  # an error in any participant fails the test here
    assert written == PARTICIPANTS * len(BRICKS) * len(CRITERIA)
    assert_each_score_stored_once(engine, store, workshop_id)


def test_forty_participants_from_four_processes_score_at_once(database_url: str, tmp_path: Path) -> None:
    engine = open_database(database_url)
    try:
        store, workshop_id, people = open_workshop(engine)
        share = PARTICIPANTS // PROCESSES
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path.cwd()), *sys.path])}
        processes = []
        for p in range(PROCESSES):
            mine = [
                [workshop_id, pass_.credential, number]
                for pass_, number in people[p * share : (p + 1) * share]
            ]
            people_file = tmp_path / f"people-{p}.json"
            people_file.write_text(json.dumps(mine), encoding="utf-8")
            command = [sys.executable, str(WRITERS), database_url, str(people_file)]
            processes.append(
                subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
            )
        for process in processes:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
            assert int(out.strip()) == share * len(BRICKS) * len(CRITERIA)
        assert_each_score_stored_once(engine, store, workshop_id)
    finally:
        engine.dispose()


@pytest.mark.parametrize("restart_after", [1, 2])
def test_a_restart_in_the_middle_loses_nothing(database_url: str, restart_after: int) -> None:
    """The app process stops (its engine is thrown away) mid-round: a new one finds every answer and pass."""
    engine = open_database(database_url)
    store, workshop_id, people = open_workshop(engine)
    for pass_, number in people[:5]:
        for b, brick in enumerate(BRICKS[:restart_after]):
            store.answer(pass_, 1, brick, {c: (expected(number, b, i), None) for i, c in enumerate(CRITERIA)})
    engine.dispose()
    restarted = WorkshopStore(open_database(database_url))
    try:
        for pass_, number in people[:5]:
            assert restarted.resume(pass_).number == number  # the same place, not a new identity
            mine = {(a.item, a.question): a.value for a in restarted.own_answers(pass_, 1)}
            assert len(mine) == restart_after * len(CRITERIA)
    finally:
        restarted.engine.dispose()


def test_a_busy_database_refuses_a_score_whole_and_takes_it_when_free(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer holding SQLite past the busy timeout: the score is refused as a whole, never half-kept."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    sqlite_engine.dispose()  # the connections made from now on wait 100 ms, not 10 s
    store, workshop_id, people = open_workshop(sqlite_engine)
    pass_, number = people[0]
    values = {c: (expected(number, 0, i), None) for i, c in enumerate(CRITERIA)}
    before = store.stamp(workshop_id)
    holder = sqlite3.connect(str(sqlite_engine.url.database), isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process writing, for longer than the timeout
        with pytest.raises(StoreBusyError):
            store.answer(pass_, 1, BRICKS[0], values)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.own_answers(pass_, 1) == [] and store.stamp(workshop_id) == before
    store.answer(pass_, 1, BRICKS[0], values)  # what her second « Enregistrer » does
    stored = {(a.item, a.question): a.value for a in store.own_answers(pass_, 1)}
    assert stored == {(BRICKS[0], c): v for c, (v, _) in values.items()}

"""A separate app process in the concurrency test: its participants score every brick at once.

Run as `python workshop_writers.py URL PEOPLE.json`, the file a JSON list of [workshop_id, token,
participant_number]; prints the number of answers written, or fails with the first error.
"""

import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from tpt_model.store.migrate import open_database
from tpt_model.store.workshops import WorkshopStore
from tpt_model.workshop.records import Pass

BRICKS = ("atelier-classe", "mentorat", "ordinateur")
CRITERIA = ("pertinence", "simplicite", "abordable")


def expected(number: int, brick: int, criterion: int) -> int:
    """The score participant `number` gives: different for each, so a lost or mixed-up one shows."""
    return (number + brick + criterion) % 4 + 1


def score_everything(store: WorkshopStore, pass_: Pass, number: int, start: threading.Barrier) -> int:
    """Score every brick of round 1, as fast as the database allows, after everyone is ready."""
    start.wait(timeout=60)
    for b, brick in enumerate(BRICKS):
        values = {c: (expected(number, b, i), None) for i, c in enumerate(CRITERIA)}
        store.answer(pass_, 1, brick, values)
    return len(BRICKS) * len(CRITERIA)


def main() -> None:
    url = sys.argv[1]
    with open(sys.argv[2], encoding="utf-8") as people_file:
        people = json.load(people_file)
    engine = open_database(url)
    store = WorkshopStore(engine)
    start = threading.Barrier(len(people))
    with ThreadPoolExecutor(len(people)) as pool:
        futures = [
            pool.submit(
                score_everything,
                store,
                Pass(workshop_id=w, role="participant", credential=token),
                number,
                start,
            )
            for w, token, number in people
        ]
        print(sum(f.result() for f in futures))
    engine.dispose()


if __name__ == "__main__":
    main()

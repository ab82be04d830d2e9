"""The journal of catalogue saves and the count of failed pilot secrets, on every backend."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from tpt_model.store.catalogue_edits import CatalogueEditStore
from tpt_model.store.pilots import FailedAttempts, PilotAttemptStore

AT = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
DIFF = "--- a/bricks/mentorat.yaml\n+++ b/bricks/mentorat.yaml\n@@ -1 +1 @@\n-a\n+b\n"


def test_saves_are_listed_newest_first_with_their_diff(engine: Engine) -> None:
    journal = CatalogueEditStore(engine)
    first = journal.record(
        "Élodie",
        "modification",
        "Modification de la brique « mentorat »",
        ("bricks/mentorat.yaml",),
        DIFF,
        at=AT,
    )
    journal.record(
        "Karim",
        "renommage",
        "Renommage de la brique « a » en « b »",
        ("bricks/b.yaml", "scenarios/mini.yaml", "bricks/a.yaml"),
        DIFF,
        "0123456789abcdef",
        at=AT + timedelta(minutes=5),
    )
    listed = journal.recent()
    assert [(e.author, e.action, e.files, e.git_commit) for e in listed] == [
        ("Karim", "renommage", ("bricks/b.yaml", "scenarios/mini.yaml", "bricks/a.yaml"), "0123456789abcdef"),
        ("Élodie", "modification", ("bricks/mentorat.yaml",), None),
    ]
    assert listed[1] == first
    assert listed[1].saved_at == AT and listed[1].diff == DIFF
    assert journal.recent(limit=1)[0].author == "Karim"


def test_failures_are_counted_per_session_and_for_all_within_the_window(engine: Engine) -> None:
    attempts = PilotAttemptStore(engine)
    attempts.record_failure("a", AT - timedelta(hours=2))  # out of the window
    attempts.record_failure("a", AT - timedelta(minutes=10))
    attempts.record_failure("a", AT - timedelta(minutes=3))
    attempts.record_failure("b", AT - timedelta(minutes=12))
    assert attempts.failures_since("a", AT - timedelta(minutes=15)) == FailedAttempts(
        mine=2,
        everyone=3,
        oldest_mine=AT - timedelta(minutes=10),
        oldest_everyone=AT - timedelta(minutes=12),
    )
    assert attempts.failures_since("c", AT - timedelta(minutes=15)).mine == 0


def test_day_old_failures_are_forgotten(engine: Engine) -> None:
    attempts = PilotAttemptStore(engine)
    attempts.record_failure("a", AT - timedelta(days=2))
    attempts.record_failure("a", AT)
    assert attempts.failures_since("a", AT - timedelta(days=3)).mine == 1

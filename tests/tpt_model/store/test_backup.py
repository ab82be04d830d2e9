"""Backups: every table as JSON lines, restored into SQLite or PostgreSQL with nothing lost."""

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from helpers import database_target, sqlite_database
from sqlalchemy import Column, Engine, ForeignKey, Integer, MetaData, String, Table, insert, select, text

from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.errors import ProblemsError
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.store.backup import BackupSummary, restore_backup, write_backup
from tpt_model.store.catalogue_edits import CatalogueEditStore
from tpt_model.store.errors import StoreError
from tpt_model.store.migrate import head_revision, migration_config, open_database
from tpt_model.store.pilots import PilotAttemptStore
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from tpt_model.store.sessions import SessionStore
from tpt_model.store.tables import metadata
from tpt_model.store.workshops import WorkshopStore
from tpt_model.workshop.errors import WorkshopRefusal

HEAD = head_revision()
# The rows `fill_every_table` writes, by table.
COUNTS = {
    "catalogue_edits": 2,
    "pilot_attempts": 2,
    "scenarios": 2,
    "workshop_attempts": 1,
    "scenario_versions": 3,
    "scores": 3,
    "sessions": 3,
    "workshops": 1,
    "workshop_participants": 1,
    "workshop_rounds": 1,
    "workshop_answers": 1,
}
# Text that breaks naive dumps: quotes, a backslash, newlines, accents, emoji, a would-be formula.
TRICKY = 'Frise « d\'été » \\ "GT1"\nligne 2 — 🚀 =SOMME(A1)'
MENTORAT = Placement(
    brick="mentorat",
    start=JourneyPoint(stage="seconde", month=10),
    end=JourneyPoint(stage="premiere", month=6),
    note=TRICKY,
)


def fill_every_table(engine: Engine) -> None:
    """Rows in every table of the schema, written the way the app writes them."""
    scenarios, scores, sessions = ScenarioStore(engine), ScoreStore(engine), SessionStore(engine)
    first = scenarios.create(Scenario(name=TRICKY, working_group="gt1"), "Alice")
    scenarios.save(first.id, Scenario(name=TRICKY, placements=(MENTORAT,)), 1, "Bob", "Ajout de « mentorat »")
    other = scenarios.create(Scenario(name="Parcours court"), "Chloé")
    scores.save_sheet(
        first.id,
        ScoreSheet(
            brick="mentorat", evaluator="Alice", scores={"pertinence": 4, "simplicite": 2}, comment=TRICKY
        ),
        as_evaluator="Alice",
    )
    scores.save_sheet(
        first.id, ScoreSheet(brick="mentorat", evaluator="Bob", scores={"pertinence": 3}), as_evaluator="Bob"
    )
    sessions.remember("jeton-a", "Alice", first.id)
    sessions.remember("jeton-b", "", None)
    sessions.remember("jeton-c", "Chloé", other.id)
    edits = CatalogueEditStore(engine)
    edits.record("Élodie", "modification", TRICKY, ("bricks/mentorat.yaml",), "-  cost: 400\n+  cost: 500\n")
    edits.record("Élodie", "ajout", "Ajout", ("bricks/a.yaml", "scenarios/b.yaml"), "+ id: a\n", "0" * 40)
    attempts = PilotAttemptStore(engine)
    attempts.record_failure("client-1")
    attempts.record_failure("client-2")
    fill_workshop_tables(engine, first.id)


def fill_workshop_tables(engine: Engine, scenario_id: str) -> None:
    """A workshop with a round, a participant's answer and a wrong code counted."""
    workshops = WorkshopStore(engine)
    workshop, facilitator = workshops.create(scenario_id, 2, TRICKY, "evaluation")
    _, participant = workshops.join(workshop.id, "Chloé", named_in_report=True)
    round_ = workshops.open_round(facilitator, "Tour 1", "brick", ("mentorat",), ("pertinence",))
    workshops.answer(participant, round_.number, "mentorat", {"pertinence": (4, TRICKY)})
    with pytest.raises(WorkshopRefusal):
        workshops.find("ZZZZZZ", "client-1")


def contents(engine: Engine) -> dict[str, list[dict[str, object]]]:
    """Every row of every table, in primary-key order, as Python values."""
    with engine.connect() as conn:
        return {
            table.name: [
                dict(row)
                for row in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            ]
            for table in metadata.sorted_tables
        }


def backup_text(engine: Engine) -> str:
    out = io.StringIO()
    write_backup(engine, out)
    return out.getvalue()


def without_date(backup: str) -> list[dict[str, object]]:
    records = [json.loads(line) for line in backup.splitlines()]
    del records[0]["created_at"]
    return records


def restore(engine: Engine, backup: str, **options: bool) -> BackupSummary:
    return restore_backup(engine, io.StringIO(backup), "frise.jsonl", **options)


@pytest.fixture
def second_sqlite(tmp_path: Path) -> Iterator[Engine]:
    """Another SQLite database, empty at the newest revision."""
    (tmp_path / "autre").mkdir()
    with sqlite_database(tmp_path / "autre") as (url, connect_args):
        engine = open_database(url, connect_args=connect_args)
        yield engine
        engine.dispose()


def test_the_sample_fills_every_table_of_the_schema(sqlite_engine: Engine) -> None:
    # A table added to the schema (workshops…) fails here until the sample fills it: the round
    # trips below then prove that backups carry it.
    fill_every_table(sqlite_engine)
    assert {name: bool(rows) for name, rows in contents(sqlite_engine).items()} == dict.fromkeys(
        metadata.tables, True
    )


def test_a_backup_lists_every_table_and_counts_its_rows(sqlite_engine: Engine) -> None:
    fill_every_table(sqlite_engine)
    backup = backup_text(sqlite_engine)
    records = [json.loads(line) for line in backup.splitlines()]
    header, last = records[0], records[-1]
    assert (header["format"], header["format_version"], header["revision"]) == (
        "frise-techpourtoutes/sauvegarde",
        1,
        HEAD,
    )
    assert header["tables"] == {t.name: [c.name for c in t.columns] for t in metadata.sorted_tables}
    assert last == {"counts": COUNTS}
    assert list(COUNTS) == [t.name for t in metadata.sorted_tables]  # foreign keys first
    assert [r["table"] for r in records[1:-1]] == [name for name, n in COUNTS.items() for _ in range(n)]
    assert "« d'été »" in backup and "🚀" in backup  # readable text, not \\u escapes


def test_a_backup_restores_into_an_empty_database_of_the_same_kind(engine: Engine) -> None:
    source = engine
    fill_every_table(source)
    backup = backup_text(source)
    with source.begin() as conn:  # the same database, emptied: the restore must bring it all back
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())
    assert restore(source, backup) == BackupSummary(HEAD, COUNTS)
    assert without_date(backup_text(source)) == without_date(backup)


def test_sqlite_to_postgresql_and_back_loses_nothing(
    sqlite_engine: Engine, second_sqlite: Engine, tmp_path: Path
) -> None:
    fill_every_table(sqlite_engine)
    original = contents(sqlite_engine)
    first = backup_text(sqlite_engine)
    with database_target("postgresql", tmp_path) as (url, connect_args):
        postgresql = open_database(url, connect_args=connect_args)
        try:
            restore(postgresql, first)
            assert contents(postgresql) == original
            second = backup_text(postgresql)
        finally:
            postgresql.dispose()
    assert without_date(second) == without_date(first)
    restore(second_sqlite, second)
    assert contents(second_sqlite) == original
    # What the app reads back is the same too.
    (stored,) = [i for i in ScenarioStore(second_sqlite).list() if i.name == TRICKY]
    assert ScenarioStore(second_sqlite).get(stored.id).scenario.placements == (MENTORAT,)
    assert [v.version for v in ScenarioStore(second_sqlite).versions(stored.id)] == [2, 1]
    assert ScoreStore(second_sqlite).sheets(stored.id)[0].comment == TRICKY


def test_a_restored_database_goes_on_working(sqlite_engine: Engine, second_sqlite: Engine) -> None:
    fill_every_table(sqlite_engine)
    restore(second_sqlite, backup_text(sqlite_engine))
    store = ScenarioStore(second_sqlite)
    (stored,) = [i for i in store.list() if i.name == TRICKY]
    saved = store.save(stored.id, Scenario(name="Renommée"), 2, "Dora")
    assert saved.version == 3
    with pytest.raises(StoreError, match="modifié par Dora"):
        store.save(stored.id, Scenario(name="Trop tard"), 2, "Eve")


def test_a_database_that_holds_data_is_left_alone_unless_replaced(
    sqlite_engine: Engine, second_sqlite: Engine
) -> None:
    fill_every_table(sqlite_engine)
    backup = backup_text(sqlite_engine)
    ScenarioStore(second_sqlite).create(Scenario(name="Déjà là"), "Zoé")
    with pytest.raises(StoreError) as caught:
        restore(second_sqlite, backup)
    assert caught.value.message == (
        "La base de données contient déjà des données (tables « scenarios », « scenario_versions ») : rien "
        "n'a été restauré. Restaurez dans une base neuve, ou remplacez tout son contenu (--replace)."
    )
    assert [i.name for i in ScenarioStore(second_sqlite).list()] == ["Déjà là"]
    restore(second_sqlite, backup, replace=True)
    assert contents(second_sqlite) == contents(sqlite_engine)


def test_a_backup_from_an_older_schema_restores_into_the_newest(
    bare_engine: Engine, second_sqlite: Engine
) -> None:
    with bare_engine.begin() as conn:
        command.upgrade(migration_config(conn), "0001")  # before scores_revision and sessions
        conn.execute(
            text(
                "INSERT INTO scenarios (id, name, working_group, created_at, updated_at, updated_by, "
                "current_version) VALUES ('s1', 'Ancienne', NULL, :at, :at, 'Alice', 1)"
            ),
            {"at": "2026-03-01 10:00:00"},
        )
        conn.execute(
            text(
                "INSERT INTO scenario_versions (scenario_id, version, content, author, created_at, summary, "
                "placements) VALUES ('s1', 1, :content, 'Alice', :at, 'Création', 0)"
            ),
            {"content": Scenario(name="Ancienne").model_dump_json(), "at": "2026-03-01 10:00:00"},
        )
    backup = backup_text(bare_engine)
    header = json.loads(backup.splitlines()[0])
    assert header["revision"] == "0001" and "sessions" not in header["tables"]
    assert "scores_revision" not in header["tables"]["scenarios"]
    assert restore(second_sqlite, backup).counts == {"scenarios": 1, "scenario_versions": 1, "scores": 0}
    assert ScenarioStore(second_sqlite).get("s1").scenario.name == "Ancienne"
    assert ScoreStore(second_sqlite).revision("s1") == 0  # the column's default


def test_a_database_without_tables_has_nothing_to_back_up(bare_engine: Engine) -> None:
    with pytest.raises(StoreError) as caught:
        backup_text(bare_engine)
    assert caught.value.message == "La base de données est vide (aucune table) : il n'y a rien à sauvegarder."


def test_a_database_newer_than_the_app_is_not_backed_up(sqlite_engine: Engine) -> None:
    with sqlite_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(StoreError) as caught:
        backup_text(sqlite_engine)
    assert caught.value.message == (
        "La base de données est à une révision inconnue de cette version de l'application (0099) : "
        "sauvegardez-la avec la version qui l'a mise à jour."
    )


def test_a_restore_into_a_database_behind_the_schema_is_refused(
    bare_engine: Engine, second_sqlite: Engine
) -> None:
    fill_every_table(second_sqlite)
    with bare_engine.begin() as conn:
        command.upgrade(migration_config(conn), "0002")
    with pytest.raises(StoreError) as caught:
        restore(bare_engine, backup_text(second_sqlite))
    assert caught.value.message == (
        f"La base de données n'est pas à jour (révision 0002, attendue {HEAD}) : lancez d'abord "
        "« python -m tpt_model db upgrade »."
    )


def lines_of(engine: Engine) -> list[str]:
    fill_every_table(engine)
    return backup_text(engine).splitlines(keepends=True)


def at(lines: list[str], table: str, nth: int = 0) -> int:
    """The line number (from 1) of the `nth` row of `table` in a backup."""
    return [i for i, line in enumerate(lines, 1) if json.loads(line).get("table") == table][nth]


def edited(lines: list[str], number: int, change: dict[str, object]) -> str:
    """The backup with line `number` (from 1) changed: keys set, or removed when set to `...`."""
    record = json.loads(lines[number - 1])
    target = record.get("row", record)
    for key, value in change.items():
        if value is ...:
            del target[key]
        else:
            target[key] = value
    return "".join([*lines[: number - 1], json.dumps(record, ensure_ascii=False) + "\n", *lines[number:]])


# A spoiled backup from the sample's lines, and the problem it must give.
Case = Callable[[list[str]], tuple[str, str]]


def header(change: dict[str, object], problem: str) -> Case:
    return lambda lines: (edited(lines, 1, change), f"frise.jsonl:1:1: {problem}")


def row(table: str, change: dict[str, object], problem: str) -> Case:
    return lambda lines: (
        edited(lines, at(lines, table), change),
        f"frise.jsonl:{at(lines, table)}:1: {problem}",
    )


def replaced(table: str, text: str, problem: str) -> Case:
    def case(lines: list[str]) -> tuple[str, str]:
        n = at(lines, table)
        return "".join([*lines[: n - 1], text, *lines[n:]]), f"frise.jsonl:{n}:1: {problem}"

    return case


def versions_first(lines: list[str]) -> tuple[str, str]:
    version, scenario = at(lines, "scenario_versions"), at(lines, "scenarios")
    moved = [
        *lines[: scenario - 1],
        lines[version - 1],
        *(line for line in lines[scenario - 1 :] if line != lines[version - 1]),
    ]
    problem = "table: les lignes de « scenarios » doivent suivre l'ordre des tables de l'en-tête"
    return "".join(moved), f"frise.jsonl:{scenario + 1}:1: {problem}"


BAD_FILES = [
    pytest.param(
        lambda _lines: (
            "",
            "frise.jsonl:1:1: format: ce fichier n'est pas une sauvegarde de Frise TechPourToutes",
        ),
        id="empty",
    ),
    pytest.param(
        lambda _lines: (
            "id,name\n1,Frise\n",
            "frise.jsonl:1:1: (ligne): ligne illisible (JSON invalide, colonne 1)",
        ),
        id="csv",
    ),
    pytest.param(
        header({"format_version": 2}, "format_version: version de format 2 inconnue ; attendu 1"),
        id="format-version",
    ),
    pytest.param(
        header(
            {"revision": "0099"},
            "revision: révision du schéma « 0099 » inconnue de cette version de l'application : "
            "restaurez avec la version qui a fait la sauvegarde",
        ),
        id="newer-revision",
    ),
    pytest.param(
        header(
            {"tables": {"ateliers": ["id"]}},
            "tables: table « ateliers » inconnue de cette version de l'application",
        ),
        id="unknown-table",
    ),
    pytest.param(
        header(
            {"tables": {"scenarios": ["id", "name", "couleur"]}},
            "tables.scenarios: colonne « couleur » inconnue",
        ),
        id="unknown-column",
    ),
    pytest.param(
        header({"tables": {"scenarios": ["id"]}}, "tables.scenarios: colonne obligatoire « name » absente"),
        id="missing-column",
    ),
    pytest.param(
        replaced("scenario_versions", "[1, 2]\n", "(ligne): attendu un objet JSON { … } par ligne"),
        id="not-an-object",
    ),
    pytest.param(
        row("scores", {"value": "4"}, "scores.value: attendu un nombre entier"), id="text-for-a-number"
    ),
    pytest.param(
        row("scores", {"value": True}, "scores.value: attendu un nombre entier"), id="boolean-for-a-number"
    ),
    pytest.param(
        row("scenarios", {"name": None}, "scenarios.name: valeur obligatoire (null reçu)"), id="null"
    ),
    pytest.param(row("scenarios", {"name": 12}, "scenarios.name: attendu un texte"), id="number-for-a-text"),
    pytest.param(
        row("scenarios", {"created_at": "hier"}, "scenarios.created_at: Invalid isoformat string: 'hier'"),
        id="bad-date",
    ),
    pytest.param(
        row(
            "scenarios",
            {"created_at": "2026-03-01T10:00:00"},
            "scenarios.created_at: attendu une date et heure avec son fuseau (ISO 8601)",
        ),
        id="naive-date",
    ),
    pytest.param(
        row(
            "scenarios",
            {"working_group": ...},
            "scenarios.row: colonnes différentes de l'en-tête : working_group",
        ),
        id="row-lacks-a-column",
    ),
    pytest.param(
        lambda lines: replaced(
            "scenarios",
            lines[at(lines, "scenarios") - 1].replace('"scenarios"', '"ateliers"'),
            "table: table « ateliers » absente de l'en-tête de la sauvegarde",
        )(lines),
        id="row-of-an-unknown-table",
    ),
    pytest.param(versions_first, id="tables-out-of-order"),
    pytest.param(
        lambda lines: (
            "".join(lines[:-1]),
            f"frise.jsonl:{len(lines) - 1}:1: counts: sauvegarde incomplète : la dernière ligne (les totaux) "
            "manque ; le fichier a sans doute été coupé",
        ),
        id="cut-short",
    ),
    pytest.param(
        lambda lines: (
            "".join(line for n, line in enumerate(lines, 1) if n != at(lines, "scores")),
            f"frise.jsonl:{len(lines) - 1}:1: counts: les totaux ne correspondent pas aux lignes lues : le "
            "fichier a été modifié",
        ),
        id="a-row-removed",
    ),
    pytest.param(
        lambda lines: (
            "".join(lines) + lines[1],
            f"frise.jsonl:{len(lines) + 1}:1: (ligne): ligne après les totaux, qui doivent être la dernière",
        ),
        id="after-the-counts",
    ),
]


@pytest.mark.parametrize("spoil", BAD_FILES)
def test_a_bad_backup_is_refused_at_its_line_and_nothing_is_restored(
    sqlite_engine: Engine, second_sqlite: Engine, spoil: Case
) -> None:
    backup, message = spoil(lines_of(sqlite_engine))
    with pytest.raises(ProblemsError) as caught:
        restore(second_sqlite, backup)
    assert [str(p) for p in caught.value.problems] == [message]
    assert contents(second_sqlite) == dict.fromkeys(metadata.tables, [])


def test_rows_that_break_a_constraint_are_refused_with_their_lines(
    sqlite_engine: Engine, second_sqlite: Engine
) -> None:
    lines = lines_of(sqlite_engine)
    first, last = at(lines, "sessions"), at(lines, "sessions", -1)
    orphan = edited(lines, first, {"scenario_id": "inconnu"})  # a session pointing to no scenario
    with pytest.raises(StoreError) as caught:
        restore(second_sqlite, orphan)
    assert caught.value.message == (
        f"Les lignes {first} à {last} de « frise.jsonl » (table « sessions ») contredisent une contrainte "
        "de la base (doublon ou référence absente) : rien n'a été restauré."
    )
    assert contents(second_sqlite) == dict.fromkeys(metadata.tables, [])


def test_generated_keys_continue_after_the_restored_ones(engine: Engine) -> None:
    # No table of today has a generated integer key; one added later (workshops…) must not
    # collide with restored rows on PostgreSQL, whose sequence does not follow inserted keys.
    schema = MetaData()
    rounds = Table("rounds", schema, Column("id", Integer, primary_key=True), Column("label", String(20)))
    votes = Table(
        "votes",
        schema,
        Column("id", Integer, primary_key=True),
        Column("round_id", ForeignKey("rounds.id"), nullable=False),
    )
    with engine.begin() as conn:
        schema.create_all(conn)
        conn.execute(insert(rounds), [{"id": 1, "label": "un"}, {"id": 5, "label": "cinq"}])
        conn.execute(insert(votes), [{"id": 3, "round_id": 5}])
    backup = io.StringIO()
    write_backup(engine, backup, schema)
    with engine.begin() as conn:
        conn.execute(votes.delete())
        conn.execute(rounds.delete())
    assert restore_backup(engine, io.StringIO(backup.getvalue()), "b.jsonl", schema=schema).counts == {
        "rounds": 2,
        "votes": 1,
    }
    with engine.begin() as conn:
        conn.execute(insert(rounds).values(label="six"))
        conn.execute(insert(votes).values(round_id=1))
        assert conn.execute(select(rounds.c.id).where(rounds.c.label == "six")).scalar_one() == 6
        assert conn.execute(select(votes.c.id).where(votes.c.round_id == 1)).scalar_one() == 4

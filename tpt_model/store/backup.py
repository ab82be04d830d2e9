"""Portable backups: every table of the schema as JSON lines, restorable into SQLite or PostgreSQL.

The file is a header (format, schema revision, the columns of each table), one line per row,
table after table in the order of their foreign keys, and a last line with the count of each
table: a file cut short (a full disk) is recognised and refused. Nothing names a table by
hand: the tables are those of the schema's metadata, so a table added later is carried too.
"""

import base64
import datetime
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TextIO

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    Table,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.types import TypeDecorator

from tpt_model.errors import Problem, ProblemsError
from tpt_model.store.engine import writing
from tpt_model.store.errors import StoreError, translated
from tpt_model.store.migrate import current_revision, head_revision, known_revisions, schema_revision
from tpt_model.store.tables import metadata, utc_now

FORMAT = "frise-techpourtoutes/sauvegarde"
FORMAT_VERSION = 1
# Rows inserted per statement: few round trips, bounded memory whatever the size of the file.
BATCH = 500
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds: the schema revision it was made at and the rows of each table, in order."""

    revision: str
    counts: dict[str, int]


def _python_type(column: Column[Any]) -> type | None:
    kind = column.type
    if isinstance(kind, TypeDecorator):  # UTCDateTime: what it stores is its implementation's type
        kind = kind.impl_instance
    try:
        return kind.python_type
    except NotImplementedError:  # a type without one Python type: kept as JSON gives it
        return None


def _encoded(value: object) -> object:
    """A column's value as JSON can hold it (dates as ISO 8601 text, bytes as base64)."""
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    return value


def _snapshot(conn: Connection) -> None:
    # Every table read from one state of the database, while the app servers go on writing.
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN")


def _present_columns(conn: Connection, schema: MetaData) -> dict[str, list[str]]:
    """The columns of each table of `schema` that the database has (an older schema has fewer)."""
    inspector = inspect(conn)
    present = set(inspector.get_table_names())
    columns: dict[str, list[str]] = {}
    for table in schema.sorted_tables:
        if table.name in present:
            found = {c["name"] for c in inspector.get_columns(table.name)}
            columns[table.name] = [c.name for c in table.columns if c.name in found]
    return columns


def _rows(conn: Connection, table: Table, names: list[str]) -> Iterator[dict[str, object]]:
    # In primary-key order: two backups of the same data are the same file but for the date.
    query = select(*(table.c[n] for n in names)).order_by(*table.primary_key.columns)
    for row in conn.execute(query.execution_options(yield_per=BATCH)).mappings():
        yield {name: _encoded(row[name]) for name in names}


@translated
def write_backup(engine: Engine, out: TextIO, schema: MetaData = metadata) -> BackupSummary:
    """Write every row of every table of `schema` to `out` as JSON lines; returns what was written."""
    connection = engine.connect()
    if connection.dialect.name == "postgresql":
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    with connection as conn:
        _snapshot(conn)
        revision = schema_revision(conn)
        if revision is None:
            raise StoreError("La base de données est vide (aucune table) : il n'y a rien à sauvegarder.")
        if revision not in known_revisions():
            raise StoreError(
                f"La base de données est à une révision inconnue de cette version de l'application "
                f"({revision}) : sauvegardez-la avec la version qui l'a mise à jour."
            )
        columns = _present_columns(conn, schema)
        header = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "revision": revision,
            "created_at": utc_now().isoformat(),
            "tables": columns,
        }
        out.write(_line(header))
        counts: dict[str, int] = {}
        for name, names in columns.items():
            counts[name] = 0
            for row in _rows(conn, schema.tables[name], names):
                out.write(_line({"table": name, "row": row}))
                counts[name] += 1
        out.write(_line({"counts": counts}))
    return BackupSummary(revision, counts)


def _line(record: dict[str, object]) -> str:
    # Non-ASCII kept as is: the file stays readable; one line per record whatever the text holds.
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


class _Reader:
    """The lines of a backup file, each parsed and checked, with where a problem is."""

    def __init__(self, lines: Iterable[str], file: str) -> None:
        self.file = file
        self.number = 0
        self._lines = iter(lines)

    def problem(self, field: str, message: str) -> ProblemsError:
        return ProblemsError([Problem(self.file, max(self.number, 1), 1, field, message)])

    def records(self) -> Iterator[dict[str, Any]]:
        for raw in self._lines:
            self.number += 1
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as err:
                unreadable = f"ligne illisible (JSON invalide, colonne {err.colno})"
                raise self.problem("(ligne)", unreadable) from None
            if not isinstance(record, dict):
                raise self.problem("(ligne)", "attendu un objet JSON { … } par ligne")
            yield record


def _expect_text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("attendu un texte")
    return value


def _decoded(column: Column[Any], value: object) -> object:
    """The value of a backup's cell for `column`; ValueError with a French reason if it cannot be one."""
    if value is None:
        if not column.nullable:
            raise ValueError("valeur obligatoire (null reçu)")
        return None
    kind = _python_type(column)
    if kind is datetime.datetime:
        moment = datetime.datetime.fromisoformat(_expect_text(value))
        if moment.tzinfo is None:
            raise ValueError("attendu une date et heure avec son fuseau (ISO 8601)")
        return moment
    if kind is datetime.date:
        return datetime.date.fromisoformat(_expect_text(value))
    if kind is bytes:
        return base64.b64decode(_expect_text(value), validate=True)
    if kind is Decimal:
        return Decimal(_expect_text(value))
    if kind is bool and not isinstance(value, bool):
        raise ValueError("attendu true ou false")
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError("attendu un nombre entier")
    if kind is float and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise ValueError("attendu un nombre")
    if kind is str:
        return _expect_text(value)
    return value


@dataclass(frozen=True)
class _Header:
    revision: str
    columns: dict[str, list[str]]


def _header(reader: _Reader, record: dict[str, Any] | None, schema: MetaData) -> _Header:
    if record is None or record.get("format") != FORMAT:
        raise reader.problem("format", "ce fichier n'est pas une sauvegarde de Frise TechPourToutes")
    if record.get("format_version") != FORMAT_VERSION:
        raise reader.problem(
            "format_version",
            f"version de format {record.get('format_version')!r} inconnue ; attendu {FORMAT_VERSION}",
        )
    revision = record.get("revision")
    if not isinstance(revision, str) or revision not in known_revisions():
        raise reader.problem(
            "revision",
            f"révision du schéma « {revision} » inconnue de cette version de l'application : "
            "restaurez avec la version qui a fait la sauvegarde",
        )
    columns = record.get("tables")
    if not isinstance(columns, dict):
        raise reader.problem("tables", "attendu la liste des colonnes de chaque table")
    order = [t.name for t in schema.sorted_tables if t.name in columns]
    if list(columns) != order and set(columns) == set(order):
        raise reader.problem("tables", f"attendu les tables dans l'ordre {', '.join(order)}")
    for name, names in columns.items():
        table = schema.tables.get(name)
        if table is None:
            raise reader.problem("tables", f"table « {name} » inconnue de cette version de l'application")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise reader.problem(f"tables.{name}", "attendu une liste de noms de colonnes")
        if unknown := [n for n in names if n not in table.c]:
            raise reader.problem(f"tables.{name}", f"colonne « {unknown[0]} » inconnue")
        if missing := [c.name for c in table.columns if c.name not in names and _required(c)]:
            raise reader.problem(f"tables.{name}", f"colonne obligatoire « {missing[0]} » absente")
    return _Header(revision, columns)


def _required(column: Column[Any]) -> bool:
    # A column the backup lacks (made before it existed) is filled by its default, if it has one.
    return not column.nullable and column.default is None and column.server_default is None


def _tables_with_rows(conn: Connection, schema: MetaData) -> list[str]:
    """The tables of `schema` that hold rows."""
    return [
        t.name for t in schema.sorted_tables if conn.execute(select(func.count()).select_from(t)).scalar_one()
    ]


def _reset_sequences(conn: Connection, schema: MetaData) -> None:
    """On PostgreSQL, make generated integer keys continue after the restored ones."""
    if conn.dialect.name != "postgresql":
        return  # SQLite takes the next key from the rows themselves
    for table in schema.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or keys[0] is not table.autoincrement_column:
            continue
        key = keys[0].name
        conn.execute(
            text(
                f'SELECT setval(pg_get_serial_sequence(:table, :key), COALESCE(MAX("{key}"), 1), '
                f'MAX("{key}") IS NOT NULL) FROM "{table.name}"'
            ),
            {"table": f'"{table.name}"', "key": key},
        )


class _Loader:
    """Rows of a backup inserted in batches, each table in turn, counted."""

    def __init__(self, conn: Connection, reader: _Reader, schema: MetaData, header: _Header) -> None:
        self.conn = conn
        self.reader = reader
        self.schema = schema
        self.header = header
        self.counts: dict[str, int] = {}
        self._table: str | None = None
        self._batch: list[dict[str, object]] = []
        self._first_line = self._last_line = 0

    def add(self, record: dict[str, Any]) -> None:
        name, row = record.get("table"), record.get("row")
        if not isinstance(name, str) or name not in self.header.columns:
            raise self.reader.problem("table", f"table « {name} » absente de l'en-tête de la sauvegarde")
        if name != self._table:
            self._start(name)
        if not isinstance(row, dict):
            raise self.reader.problem(f"{name}.row", "attendu un objet { colonne: valeur }")
        expected = self.header.columns[name]
        if sorted(row) != sorted(expected):
            odd = sorted(set(row) ^ set(expected))
            raise self.reader.problem(f"{name}.row", f"colonnes différentes de l'en-tête : {', '.join(odd)}")
        table = self.schema.tables[name]
        values: dict[str, object] = {}
        for column_name, value in row.items():
            try:
                values[column_name] = _decoded(table.c[column_name], value)
            except (ValueError, TypeError) as err:
                raise self.reader.problem(f"{name}.{column_name}", str(err)) from None
        if not self._batch:
            self._first_line = self.reader.number
        self._batch.append(values)
        self._last_line = self.reader.number
        self.counts[name] += 1
        if len(self._batch) >= BATCH:
            self.flush()

    def _start(self, name: str) -> None:
        order = list(self.header.columns)
        if name in self.counts or (self._table is not None and order.index(name) < order.index(self._table)):
            raise self.reader.problem(
                "table", f"les lignes de « {name} » doivent suivre l'ordre des tables de l'en-tête"
            )
        self.flush()
        self._table = name
        self.counts[name] = 0

    def flush(self) -> None:
        if not self._batch or self._table is None:
            return
        where = (
            f"Les lignes {self._first_line} à {self._last_line} de « {self.reader.file} » "
            f"(table « {self._table} »)"
        )
        try:
            self.conn.execute(insert(self.schema.tables[self._table]), self._batch)
        except sa_exc.IntegrityError:
            raise StoreError(
                f"{where} contredisent une contrainte de la base (doublon ou référence absente) : "
                "rien n'a été restauré."
            ) from None
        except sa_exc.DataError:
            raise StoreError(
                f"{where} contiennent une valeur que cette base refuse (caractère NUL, texte trop long) : "
                "rien n'a été restauré."
            ) from None
        self._batch = []

    def finish(self, counts: object) -> dict[str, int]:
        self.flush()
        written = {name: self.counts.get(name, 0) for name in self.header.columns}
        if counts != written:
            raise self.reader.problem(
                "counts", "les totaux ne correspondent pas aux lignes lues : le fichier a été modifié"
            )
        return written


@translated
def restore_backup(
    engine: Engine, lines: Iterable[str], file: str, *, replace: bool = False, schema: MetaData = metadata
) -> BackupSummary:
    """Load a backup into a database at the newest revision, in one transaction: all of it or nothing.

    The database must hold no row, unless `replace` (then its rows are deleted first, in the same
    transaction). A problem in the file raises ProblemsError located at its line.
    """
    reader = _Reader(lines, file)
    records = reader.records()
    with writing(engine) as conn:
        at = current_revision(conn)
        if at != head_revision():
            raise StoreError(
                f"La base de données n'est pas à jour (révision {at or 'aucune'}, attendue "
                f"{head_revision()}) : lancez d'abord « python -m tpt_model db upgrade »."
            )
        header = _header(reader, next(records, None), schema)
        if replace:
            for table in reversed(schema.sorted_tables):
                conn.execute(delete(table))
        elif full := _tables_with_rows(conn, schema):
            tables = ", ".join(f"« {name} »" for name in full)
            raise StoreError(
                f"La base de données contient déjà des données (table{'s' if len(full) > 1 else ''} "
                f"{tables}) : rien n'a été restauré. Restaurez dans une base neuve, ou remplacez tout "
                "son contenu (--replace)."
            )
        loader = _Loader(conn, reader, schema, header)
        for record in records:
            if "counts" in record:
                counts = loader.finish(record["counts"])
                break
            loader.add(record)
        else:
            raise reader.problem(
                "counts",
                "sauvegarde incomplète : la dernière ligne (les totaux) manque ; le fichier a sans "
                "doute été coupé",
            )
        if next(records, None) is not None:
            raise reader.problem("(ligne)", "ligne après les totaux, qui doivent être la dernière")
        _reset_sequences(conn, schema)
    return BackupSummary(header.revision, counts)

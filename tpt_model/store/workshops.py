"""Workshops in the database: codes, the facilitator's actions, participants and their answers.

Every write of a workshop starts by bumping its row (`_touch`): all writers of one workshop then take
their locks in one order, a closed workshop refuses them in the same statement, and SQLite's writer
lock is taken first (a transaction that read before writing could fail at once on a busy database).
The credential of the pass is checked in the same transaction, so a refused action changes nothing.
"""

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Insert, Row, Table, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from tpt_model.catalogue.memo import Memo
from tpt_model.evaluation.form import check_evaluator
from tpt_model.store.attempts import CODE_LIMIT, SECRET_LIMIT, Attempts, Limit
from tpt_model.store.engine import writing
from tpt_model.store.errors import ScenarioNotFound, VersionNotFound, translated
from tpt_model.store.tables import (
    scenario_versions,
    utc_now,
    workshop_answers,
    workshop_participants,
    workshop_rounds,
    workshops,
)
from tpt_model.text import fold
from tpt_model.workshop.codes import (
    digest,
    matches,
    new_code,
    new_secret,
    new_token,
    normalise_code,
    well_formed_code,
    well_formed_credential,
)
from tpt_model.workshop.errors import WorkshopRefusal, WrongCode, WrongSecret, WrongToken
from tpt_model.workshop.records import (
    Answer,
    ItemKind,
    Kind,
    Participant,
    Pass,
    Round,
    RoundState,
    Snapshot,
    Workshop,
)
from tpt_model.workshop.roles import Action, require
from tpt_model.workshop.rounds import check_items, check_title, next_state, refuse_answer

__all__ = ["AnswerValue", "WorkshopStore"]

AnswerValue = tuple[int | None, str | None]  # a level, a text, or both

_INSERTS: dict[str, Callable[[Table], postgresql.Insert | sqlite.Insert]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}
_ANSWER_KEY = (
    workshop_answers.c.workshop_id,
    workshop_answers.c.round_number,
    workshop_answers.c.participant_id,
    workshop_answers.c.item_id,
    workshop_answers.c.question_id,
)
_CODE_TRIES = 20  # a new code collides with a stored one with odds of one in millions: retried
CLOSED = "Cet atelier est clos : il n'accepte plus de changement."
UNKNOWN = "Cet atelier n'existe plus (son scénario a peut-être été supprimé)."


def _workshop(row: Row[Any]) -> Workshop:
    return Workshop(
        id=row.id,
        code=row.code,
        kind=row.kind,
        title=row.title,
        scenario_id=row.scenario_id,
        scenario_version=row.scenario_version,
        status=row.status,
        show_code=bool(row.show_code),
        created_at=row.created_at,
        revision=row.revision,
        state_revision=row.state_revision,
    )


def _participant(row: Row[Any]) -> Participant:
    return Participant(
        id=row.id,
        number=row.number,
        name=row.name,
        named_in_report=bool(row.named_in_report),
        removed=bool(row.removed),
        joined_at=row.joined_at,
    )


def _round(row: Row[Any]) -> Round:
    return Round(
        number=row.number,
        title=row.title,
        item_kind=row.item_kind,
        items=tuple(json.loads(row.items)),
        questions=tuple(json.loads(row.questions)),
        state=row.state,
        opened_at=row.opened_at,
    )


def _answer(row: Row[Any]) -> Answer:
    return Answer(row.round_number, row.participant_id, row.item_id, row.question_id, row.value, row.text)


class WorkshopStore:
    """Workshops and everything in them; every method turns a database failure into a StoreError.

    Refusals of the workshop's rules (a wrong code, a closed round, a role that may not) are
    WorkshopRefusal errors with their French message.
    """

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.engine = engine
        self.clock = clock
        self.attempts = Attempts(engine, clock)
        self._snapshots = Memo(size=8)
        self._rounds = Memo(size=32)

    # --- opening and finding a workshop -------------------------------------------------------

    @translated
    def create(self, scenario_id: str, version: int, title: str, kind: Kind) -> tuple[Workshop, Pass]:
        """Open a workshop on a version of a scenario; the pass holds the secret (shown once)."""
        title = check_title(title) or ("Focus group" if kind == "focus" else "Atelier")
        secret, now = new_secret(), self.clock()
        self._check_version(scenario_id, version)
        for _ in range(_CODE_TRIES):
            workshop_id, code = str(uuid.uuid4()), new_code()
            values = {
                "id": workshop_id,
                "code": code,
                "kind": kind,
                "title": title,
                "scenario_id": scenario_id,
                "scenario_version": version,
                "secret_digest": digest(secret),
                "status": "open",
                "show_code": True,
                "created_at": now,
            }
            try:
                with writing(self.engine) as conn:
                    conn.execute(insert(workshops).values(**values))
            except IntegrityError:
                self._check_version(scenario_id, version)  # deleted meanwhile? else the code was taken
                continue
            return self.workshop(workshop_id), Pass(
                workshop_id=workshop_id, role="facilitator", credential=secret
            )
        raise WorkshopRefusal("Aucun code libre n'a été trouvé : réessayez.")

    @translated
    def find(self, typed_code: str, client: str) -> Workshop:
        """The open workshop of a join code; wrong codes from one client are rate-limited."""
        key = f"code:{client}"
        self.attempts.check(key, CODE_LIMIT)
        code = normalise_code(typed_code)
        row = None
        if well_formed_code(code):
            query = select(workshops).where(workshops.c.code == code, workshops.c.status == "open")
            with self.engine.connect() as conn:
                row = conn.execute(query).one_or_none()
        if row is None:
            self.attempts.fail(key, CODE_LIMIT)
            raise WrongCode()
        return _workshop(row)

    @translated
    def facilitate(self, typed_code: str, secret: str, client: str) -> Pass:
        """The facilitator's pass, once her secret is checked; wrong secrets are rate-limited per client."""
        key = f"secret:{client}"
        self.attempts.check(key, SECRET_LIMIT)
        code = normalise_code(typed_code)
        row = None
        if well_formed_code(code) and well_formed_credential(secret):
            with self.engine.connect() as conn:
                row = conn.execute(select(workshops).where(workshops.c.code == code)).one_or_none()
        if row is None or not matches(secret, row.secret_digest):
            self.attempts.fail(key, SECRET_LIMIT)
            raise WrongSecret()
        return Pass(workshop_id=row.id, role="facilitator", credential=secret)

    def limit(self, key: str, limit: Limit) -> None:
        """Raise RateLimited while `key` may not try again (for a page that checks before asking)."""
        self.attempts.check(key, limit)

    # --- participants -------------------------------------------------------------------------

    @translated
    def join(
        self, workshop_id: str, name: str | None, named_in_report: bool = False
    ) -> tuple[Participant, Pass]:
        """A new participant: with her name (an evaluation workshop asks for it) or none (a focus group)."""
        token, now = new_token(), self.clock()
        cleaned: str | None = None
        try:
            with writing(self.engine) as conn:
                row = self._touch(conn, workshop_id, state=False, joined=True)
                cleaned = check_evaluator(name or "") if row.kind == "evaluation" else None
                participant_id = str(uuid.uuid4())
                conn.execute(
                    insert(workshop_participants).values(
                        id=participant_id,
                        workshop_id=workshop_id,
                        number=row.joined,
                        token_digest=digest(token),
                        name=cleaned,
                        name_key=fold(cleaned) if cleaned else None,
                        named_in_report=bool(named_in_report and cleaned),
                        removed=False,
                        joined_at=now,
                    )
                )
        except IntegrityError as error:
            # The one constraint a new participant can meet: the name, already taken in this workshop.
            raise WorkshopRefusal(
                f"Le nom « {cleaned} » est déjà pris dans cet atelier. Si c'est vous, reprenez le lien "
                "de votre première connexion ; sinon ajoutez l'initiale de votre nom."
            ) from error
        participant = Participant(
            participant_id, row.joined, cleaned, bool(named_in_report and cleaned), False, now
        )
        return participant, Pass(workshop_id=workshop_id, role="participant", credential=token)

    @translated
    def resume(self, pass_: Pass) -> Participant:
        """The participant a pass stands for (a reloaded page comes back to her); refused once removed."""
        with self.engine.connect() as conn:
            return self._participant_of(conn, pass_)

    # --- reading ------------------------------------------------------------------------------

    @translated
    def workshop(self, workshop_id: str) -> Workshop:
        """The workshop as stored now (raises WorkshopRefusal when it does not exist)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).one_or_none()
        if row is None:
            raise WorkshopRefusal(UNKNOWN)
        return _workshop(row)

    @translated
    def stamp(self, workshop_id: str) -> tuple[int, int]:
        """(revision, state_revision): one cheap row that says whether anything is to be read again."""
        query = select(workshops.c.revision, workshops.c.state_revision).where(workshops.c.id == workshop_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        if row is None:
            raise WorkshopRefusal(UNKNOWN)
        return int(row.revision), int(row.state_revision)

    @translated
    def rounds(self, workshop_id: str, state_revision: int) -> tuple[Round, ...]:
        """The workshop's rounds in order, read again only when its state revision has moved."""

        def read() -> tuple[Round, ...]:
            query = (
                select(workshop_rounds)
                .where(workshop_rounds.c.workshop_id == workshop_id)
                .order_by(workshop_rounds.c.number)
            )
            with self.engine.connect() as conn:
                return tuple(_round(row) for row in conn.execute(query))

        return self._rounds.get((workshop_id, state_revision), read)

    @translated
    def snapshot(self, workshop_id: str) -> Snapshot:
        """Everything of the workshop, read again only when its revision has moved (shared: do not change)."""
        revision, _ = self.stamp(workshop_id)
        return self._snapshots.get((workshop_id, revision), lambda: self._read_snapshot(workshop_id))

    def _read_snapshot(self, workshop_id: str) -> Snapshot:
        # One transaction: on PostgreSQL a repeatable read sees every table at one moment.
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).one_or_none()
                if row is None:
                    raise WorkshopRefusal(UNKNOWN)
                people = conn.execute(
                    select(workshop_participants)
                    .where(workshop_participants.c.workshop_id == workshop_id)
                    .order_by(workshop_participants.c.number)
                )
                participants = tuple(_participant(p) for p in people)
                rounds = conn.execute(
                    select(workshop_rounds)
                    .where(workshop_rounds.c.workshop_id == workshop_id)
                    .order_by(workshop_rounds.c.number)
                )
                round_list = tuple(_round(r) for r in rounds)
                answers = conn.execute(
                    select(workshop_answers)
                    .where(workshop_answers.c.workshop_id == workshop_id)
                    .order_by(*_ANSWER_KEY)
                )
                return Snapshot(_workshop(row), participants, round_list, tuple(_answer(a) for a in answers))

    @translated
    def own_answers(self, pass_: Pass, number: int) -> list[Answer]:
        """The answers of the pass's participant in one round (hers only: a round is blind)."""
        with self.engine.connect() as conn:
            participant = self._participant_of(conn, pass_)
            query = select(workshop_answers).where(
                workshop_answers.c.workshop_id == pass_.workshop_id,
                workshop_answers.c.round_number == number,
                workshop_answers.c.participant_id == participant.id,
            )
            return [_answer(row) for row in conn.execute(query)]

    @translated
    def workshops(self, scenario_id: str | None = None) -> list[Workshop]:
        """Workshops, newest first (of one scenario if given)."""
        query = select(workshops).order_by(workshops.c.created_at.desc(), workshops.c.id)
        if scenario_id is not None:
            query = query.where(workshops.c.scenario_id == scenario_id)
        with self.engine.connect() as conn:
            return [_workshop(row) for row in conn.execute(query)]

    # --- answering ----------------------------------------------------------------------------

    @translated
    def answer(self, pass_: Pass, number: int, item: str, values: Mapping[str, AnswerValue]) -> None:
        """Replace the participant's answers to one item of an open round, in one transaction.

        A question left out of `values` is cleared; (None, None) clears it too.
        """
        require(pass_.role, "answer")
        now = self.clock()
        # Who she is and what the round asks are read before the write lock is taken: under load
        # (one app process, forty sessions) every statement inside the lock waits for its turn.
        with self.engine.connect() as conn:
            participant = self._participant_of(conn, pass_)
            round_ = self._round_of(conn, pass_.workshop_id, number)
        if item not in round_.items:
            raise WorkshopRefusal(f"« {item} » n'est pas au programme du tour {number}.")
        unknown = [q for q in values if q not in round_.questions]
        if unknown:
            raise WorkshopRefusal(f"« {unknown[0]} » n'est pas une question du tour {number}.")
        with writing(self.engine) as conn:
            # The round's state is checked in the statement that takes the lock: a round closed
            # or locked meanwhile refuses the answer.
            if not self._touch_if_open(conn, pass_.workshop_id, number):
                # Why not, said in French; with the lock now held, nothing changes meanwhile.
                self._touch(conn, pass_.workshop_id, state=False)  # a closed workshop
                with self.engine.connect() as reader:
                    refuse_answer(number, self._round_of(reader, pass_.workshop_id, number).state)
            rows = [
                {
                    "workshop_id": pass_.workshop_id,
                    "round_number": number,
                    "participant_id": participant.id,
                    "item_id": item,
                    "question_id": question,
                    "value": value,
                    "text": text,
                    "updated_at": now,
                }
                for question, (value, text) in values.items()
                if value is not None or text is not None
            ]
            if rows:
                conn.execute(self._upsert(), rows)
            kept = [r["question_id"] for r in rows]
            conn.execute(
                delete(workshop_answers).where(
                    workshop_answers.c.workshop_id == pass_.workshop_id,
                    workshop_answers.c.round_number == number,
                    workshop_answers.c.participant_id == participant.id,
                    workshop_answers.c.item_id == item,
                    workshop_answers.c.question_id.not_in(kept),
                )
            )

    def _upsert(self) -> Insert:
        insert_ = _INSERTS[self.engine.dialect.name](workshop_answers)
        return insert_.on_conflict_do_update(
            index_elements=list(_ANSWER_KEY),
            set_={
                "value": insert_.excluded.value,
                "text": insert_.excluded.text,
                "updated_at": insert_.excluded.updated_at,
            },
        )

    # --- the facilitator's actions ------------------------------------------------------------

    @translated
    def open_round(
        self, pass_: Pass, title: str, item_kind: ItemKind, items: Sequence[str], questions: Sequence[str]
    ) -> Round:
        """Open the next round on these items and questions; a round still open is closed first."""
        now = self.clock()
        items_kept = check_items(items, items)
        questions_kept = tuple(dict.fromkeys(questions))
        if not questions_kept:
            raise WorkshopRefusal("Un tour pose au moins une question : choisissez au moins un critère.")
        with writing(self.engine) as conn:
            self._facilitator(conn, pass_, "open_round")
            conn.execute(
                update(workshop_rounds)
                .where(workshop_rounds.c.workshop_id == pass_.workshop_id, workshop_rounds.c.state == "open")
                .values(state="closed", changed_at=now)
            )
            last = conn.execute(
                select(func.max(workshop_rounds.c.number)).where(
                    workshop_rounds.c.workshop_id == pass_.workshop_id
                )
            ).scalar()
            number = int(last or 0) + 1
            values = {
                "workshop_id": pass_.workshop_id,
                "number": number,
                "title": check_title(title) or f"Tour {number}",
                "item_kind": item_kind,
                "items": json.dumps(list(items_kept)),
                "questions": json.dumps(list(questions_kept)),
                "state": "open",
                "opened_at": now,
                "changed_at": now,
            }
            conn.execute(insert(workshop_rounds).values(**values))
        return Round(number, str(values["title"]), item_kind, items_kept, questions_kept, "open", now)

    @translated
    def change_round(self, pass_: Pass, number: int, action: Action) -> RoundState:
        """Close, reopen, reveal or lock a round (the round's state must allow it); its new state."""
        with writing(self.engine) as conn:
            self._facilitator(conn, pass_, action)
            round_ = self._round_of(conn, pass_.workshop_id, number)
            state = next_state(number, round_.state, action)
            conn.execute(
                update(workshop_rounds)
                .where(workshop_rounds.c.workshop_id == pass_.workshop_id, workshop_rounds.c.number == number)
                .values(state=state, changed_at=self.clock())
            )
        return state

    @translated
    def remove(self, pass_: Pass, participant_id: str) -> None:
        """Remove a participant: her link stops working, her answers leave every round not locked."""
        with writing(self.engine) as conn:
            self._facilitator(conn, pass_, "remove_participant")
            changed = conn.execute(
                update(workshop_participants)
                .where(
                    workshop_participants.c.workshop_id == pass_.workshop_id,
                    workshop_participants.c.id == participant_id,
                )
                .values(removed=True)
            )
            if changed.rowcount == 0:
                raise WorkshopRefusal("Cette personne n'est pas (ou plus) dans l'atelier.")

    @translated
    def show_code(self, pass_: Pass, shown: bool) -> None:
        """Show or hide the join code and its QR code on the projector."""
        with writing(self.engine) as conn:
            self._facilitator(conn, pass_, "show_code", state=False)
            conn.execute(update(workshops).where(workshops.c.id == pass_.workshop_id).values(show_code=shown))

    @translated
    def close(self, pass_: Pass) -> None:
        """Close the workshop: its code stops working, an open round is closed, results stay readable."""
        now = self.clock()
        with writing(self.engine) as conn:
            self._facilitator(conn, pass_, "close_workshop")
            conn.execute(
                update(workshop_rounds)
                .where(workshop_rounds.c.workshop_id == pass_.workshop_id, workshop_rounds.c.state == "open")
                .values(state="closed", changed_at=now)
            )
            conn.execute(
                update(workshops)
                .where(workshops.c.id == pass_.workshop_id)
                .values(status="closed", closed_at=now)
            )

    # --- inside a transaction -----------------------------------------------------------------

    def _touch(self, conn: Connection, workshop_id: str, *, state: bool, joined: bool = False) -> Row[Any]:
        """Bump the workshop's revisions (the first write of every transaction); refuse a closed one."""
        values: dict[str, Any] = {"revision": workshops.c.revision + 1}
        if state:
            values["state_revision"] = workshops.c.state_revision + 1
        if joined:
            values["joined"] = workshops.c.joined + 1
        query = (
            update(workshops)
            .where(workshops.c.id == workshop_id, workshops.c.status == "open")
            .values(**values)
            .returning(workshops)
        )
        row = conn.execute(query).one_or_none()
        if row is None:
            exists = conn.execute(select(workshops.c.id).where(workshops.c.id == workshop_id)).first()
            raise WorkshopRefusal(CLOSED if exists else UNKNOWN)
        return row

    @staticmethod
    def _touch_if_open(conn: Connection, workshop_id: str, number: int) -> bool:
        """Bump the revision of an open workshop whose round `number` is open; whether it was."""
        round_open = (
            select(workshop_rounds.c.number)
            .where(
                workshop_rounds.c.workshop_id == workshop_id,
                workshop_rounds.c.number == number,
                workshop_rounds.c.state == "open",
            )
            .exists()
        )
        query = (
            update(workshops)
            .where(workshops.c.id == workshop_id, workshops.c.status == "open", round_open)
            .values(revision=workshops.c.revision + 1)
        )
        return bool(conn.execute(query).rowcount)

    def _facilitator(self, conn: Connection, pass_: Pass, action: Action, *, state: bool = True) -> None:
        require(pass_.role, action)
        row = self._touch(conn, pass_.workshop_id, state=state)
        if not matches(pass_.credential, row.secret_digest):
            raise WrongSecret()

    @staticmethod
    def _participant_of(conn: Connection, pass_: Pass) -> Participant:
        if pass_.role != "participant" or not well_formed_credential(pass_.credential):
            raise WrongToken()
        query = select(workshop_participants).where(
            workshop_participants.c.workshop_id == pass_.workshop_id,
            workshop_participants.c.token_digest == digest(pass_.credential),
        )
        row = conn.execute(query).one_or_none()
        if row is None:
            raise WrongToken()
        if row.removed:
            raise WrongToken(removed=True)
        return _participant(row)

    @staticmethod
    def _round_of(conn: Connection, workshop_id: str, number: int) -> Round:
        query = select(workshop_rounds).where(
            workshop_rounds.c.workshop_id == workshop_id, workshop_rounds.c.number == number
        )
        row = conn.execute(query).one_or_none()
        if row is None:
            raise WorkshopRefusal(f"Le tour {number} n'existe pas dans cet atelier.")
        return _round(row)

    def _check_version(self, scenario_id: str, version: int) -> None:
        query = select(scenario_versions.c.version).where(scenario_versions.c.scenario_id == scenario_id)
        with self.engine.connect() as conn:
            versions = set(conn.execute(query).scalars())
        if not versions:
            raise ScenarioNotFound(scenario_id)
        if version not in versions:
            raise VersionNotFound(scenario_id, version)

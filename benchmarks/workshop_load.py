"""`make load`: a workshop under load, with real Streamlit sessions over the app's WebSocket.

N simulated participants each open the join link, give a name, and score every brick of an open
round with a think time between actions, as people do; a projector session refreshes meanwhile.
Each is a client of Streamlit's own protocol on `/_stcore/stream`: protobuf `BackMsg` out
(`rerun_script` with the widgets' states, a form's submit trigger, the fragment it belongs to),
`ForwardMsg` in (deltas with the widgets' ids, `auto_rerun` for `st.fragment(run_every=…)`, which
the client itself must honour, `script_finished`). Measured in one run, on one app process:

- time per score (send → the fragment's run finished), p50 and p95, for 1 then N participants;
- server CPU per score (the app process's CPU time over the run ÷ scores);
- the projector's refresh (its fragment's run) ÷ a bare page with one Altair chart rerun alone;
- errors (an exception or an error box drawn) and lost scores (expected ÷ stored in the database).

usage: python -m benchmarks.workshop_load [--participants 40] [--bricks 6] [--think 3 8]
"""

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from tpt_model import load_catalogue
from tpt_model.evaluation.form import scenario_bricks
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.workshops import WorkshopStore

ROOT = Path(__file__).resolve().parents[1]
BARE_PAGE = ROOT / "benchmarks" / "bare_chart_page.py"
CRITERIA = ("pertinence", "simplicite", "abordable")
TICKS = os.sysconf("SC_CLK_TCK")
NAN = float("nan")
_WIDGETS = ("radio", "text_input", "checkbox", "button", "selectbox", "text_area", "multiselect")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def app_server(script: Path, env: dict[str, str]) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`streamlit run script` on a free loopback port, until the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless=true"]
    command += ["--server.address=127.0.0.1", f"--server.port={port}", "--server.fileWatcherType=none"]
    log = tempfile.NamedTemporaryFile(prefix="load-streamlit-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://{url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def machine_load() -> str:
    """The machine's load average over 1, 5 and 15 minutes: timings mean little without it."""
    return " / ".join(Path("/proc/loadavg").read_text().split()[:3])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


@dataclass
class Run:
    """One script run asked for: when, and which fragment (None: the whole page)."""

    fragment: str | None
    sent: float
    done: asyncio.Future[float]


@dataclass
class Session:
    """A browser session as the frontend keeps it: widgets by key, fragments, the address's query."""

    host: str
    page: str
    query: str
    widgets: dict[str, tuple[str, str, Any]] = field(default_factory=dict)  # key → (id, fragment, proto)
    errors: list[str] = field(default_factory=list)
    refreshes: list[float] = field(default_factory=list)  # durations of auto reruns
    page_hash: str = ""
    _ws: Any = None
    _runs: list[Run] = field(default_factory=list)
    _timers: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    _reader: asyncio.Task[None] | None = None
    _state: dict[str, WidgetState] = field(default_factory=dict)
    _started: float = 0.0  # when the current run started
    _awaited: list[tuple[str, asyncio.Future[None]]] = field(default_factory=list)

    async def open(self) -> float:
        # A busy server is slow to answer the handshake too: wait as long as a person would.
        self._ws = await websockets.connect(
            f"ws://{self.host}/_stcore/stream",
            subprotocols=["streamlit"],  # type: ignore[list-item]
            max_size=None,
            open_timeout=120,
        )
        self._reader = asyncio.create_task(self._read())
        return await self.rerun()

    async def close(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        if self._reader is not None:
            self._reader.cancel()
        if self._ws is not None:
            await self._ws.close()

    def widget(self, key: str) -> tuple[str, str, Any]:
        """The id, fragment and proto of the widget whose user key (or key suffix) is `key`."""
        return self.widgets[key]

    async def rerun(
        self,
        states: list[WidgetState] = (),
        fragment: str | None = None,
        auto: bool = False,  # type: ignore[assignment]
    ) -> float:
        """Send a rerun (with these widgets' states) and wait until it has finished: its duration."""
        loop = asyncio.get_running_loop()
        run = Run(fragment, time.perf_counter(), loop.create_future())
        self._runs.append(run)
        await self._send(states, fragment, auto)
        return await asyncio.wait_for(run.done, timeout=300)

    async def rerun_until(self, states: list[WidgetState], fragment: str | None, shown: str) -> float:
        """Send a rerun and wait until the page shows `shown` in a progress bar, as a person would."""
        sent = time.perf_counter()
        seen = asyncio.get_running_loop().create_future()
        self._awaited.append((shown, seen))
        await self._send(states, fragment, False)
        await asyncio.wait_for(seen, timeout=300)
        return time.perf_counter() - sent

    async def _send(self, states: list[WidgetState], fragment: str | None, auto: bool) -> None:
        message = BackMsg()
        client = message.rerun_script
        client.query_string = self.query
        client.page_name = self.page
        client.page_script_hash = self.page_hash
        client.is_auto_rerun = auto
        if fragment:
            client.fragment_id = fragment
        for state in states:
            self._state[state.id] = state
        client.widget_states.widgets.extend(self._state.values())
        # A trigger (a button) is true for the run it starts, not after.
        self._state = {i: s for i, s in self._state.items() if not s.HasField("trigger_value")}
        await self._ws.send(message.SerializeToString())

    async def _read(self) -> None:
        try:
            await self._read_messages()
        except Exception as error:  # the connection closed, or a message could not be read
            self.errors.append(f"lecture interrompue : {type(error).__name__} {error}")
            for run in self._runs:
                if not run.done.done():
                    run.done.set_exception(TimeoutError("la connexion s'est interrompue"))

    async def _read_messages(self) -> None:
        async for data in self._ws:
            message = ForwardMsg()
            message.ParseFromString(data)
            kind = message.WhichOneof("type")
            if kind == "new_session":  # sent when a run starts
                self._started = time.perf_counter()
            elif kind == "delta":
                self._delta(message)
            elif kind == "page_info_changed":
                self.query = message.page_info_changed.query_string
            elif kind == "navigation":
                self.page_hash = message.navigation.page_script_hash
            elif kind == "auto_rerun":
                self._schedule(message.auto_rerun.fragment_id, message.auto_rerun.interval)
            elif kind == "script_finished":
                self._finished(message)

    def _delta(self, message: ForwardMsg) -> None:
        delta = message.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "progress":
            for shown, seen in list(self._awaited):
                if shown in element.progress.text and not seen.done():
                    seen.set_result(None)
                    self._awaited.remove((shown, seen))
        if kind == "exception":
            self.errors.append(element.exception.message)
        elif kind == "alert" and element.alert.format == 1:  # an error box
            self.errors.append(element.alert.body)
        elif kind in _WIDGETS:
            proto = getattr(element, kind)
            # « $$ID-<digest>-<user key> »; a form's submit button's key is « FormSubmitter:<form>-<label> ».
            key = proto.id.split("-", 2)[2] if proto.id.startswith("$$ID-") else proto.id
            self.widgets[key] = (proto.id, delta.fragment_id, proto)

    def _finished(self, message: ForwardMsg) -> None:
        status = message.script_finished
        if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return
        now = time.perf_counter()
        # The server handles one session's requests in order, and merges those that wait together
        # (its run then names only some of their fragments): a run that started after a request
        # was sent has served it.
        for run in list(self._runs):
            if run.sent <= self._started:
                if not run.done.done():
                    run.done.set_result(now - run.sent)
                self._runs.remove(run)

    def _schedule(self, fragment: str, interval: float) -> None:
        if fragment in self._timers:
            return

        async def tick() -> None:
            while True:
                await asyncio.sleep(interval)
                try:
                    self.refreshes.append(await self.rerun(fragment=fragment, auto=True))
                except (TimeoutError, websockets.ConnectionClosed):
                    return

        self._timers[fragment] = asyncio.create_task(tick())


def click(session: Session, key: str) -> tuple[WidgetState, str]:
    """The trigger of a button (a form's submit button too) and its fragment."""
    widget_id, fragment, _ = session.widget(key)
    state = WidgetState(id=widget_id, trigger_value=True)
    return state, fragment


@dataclass
class Outcome:
    """What one simulated participant measured."""

    score_times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def participant(
    host: str, code: str, name: str, bricks: int, think: tuple[float, float], seed: int
) -> Outcome:
    """Join with the code and a name, then score every brick of the round, thinking between actions."""
    rng = random.Random(seed)
    outcome = Outcome()
    await asyncio.sleep(rng.uniform(0, think[1]))  # people arrive one after the other
    session = Session(host, "atelier", f"atelier={code}")
    try:
        await session.open()
        await asyncio.sleep(rng.uniform(*think))
        name_id = session.widget("workshop_name")[0]
        trigger, _ = click(session, "FormSubmitter:workshop_join-Rejoindre l'atelier")
        await session.rerun([WidgetState(id=name_id, string_value=name), trigger])
        for done in range(1, bricks + 1):
            await asyncio.sleep(rng.uniform(*think))
            states = []
            for criterion in CRITERIA:
                widget_id, _, proto = session.widget(f"workshop_answer_{criterion}")
                states.append(WidgetState(id=widget_id, string_value=rng.choice(list(proto.options))))
            trigger, fragment = click(session, "workshop_next")
            # Saved when her progress says so: « · 3 / 6 faites » is drawn from the database.
            shown = f"· {done} / {bricks} faites"
            outcome.score_times.append(await session.rerun_until([*states, trigger], fragment or None, shown))
    except (KeyError, TimeoutError, OSError, websockets.WebSocketException) as error:
        outcome.errors.append(f"{name}: {type(error).__name__} {error}")
    finally:
        outcome.errors += [f"{name}: {e}" for e in session.errors]
        await session.close()
    return outcome


@dataclass
class Phase:
    """One measured workshop: its participants' outcomes, the projector's refreshes, the server's CPU."""

    participants: int
    times: list[float]
    refreshes: list[float]
    errors: list[str]
    cpu: float
    stored: int
    expected: int


def open_round(data_dir: Path, bricks: int) -> tuple[str, str, WorkshopStore]:
    """A workshop on the shipped parcours-type, a round open on its first bricks (the facilitator's part)."""
    catalogue = load_catalogue(ROOT / "catalogue")
    scenario = catalogue.template("parcours-type")
    engine = open_database(f"sqlite:///{data_dir / 'frise.sqlite3'}")
    stored = ScenarioStore(engine).create(scenario, "Animatrice")
    store = WorkshopStore(engine)
    workshop, facilitator = store.create(stored.id, stored.version, "Atelier de charge", "evaluation")
    store.open_round(facilitator, "", "brick", scenario_bricks(catalogue, scenario)[:bricks], CRITERIA)
    return workshop.code, workshop.id, store


async def run_phase(
    host: str, pid: int, data_dir: Path, count: int, bricks: int, think: tuple[float, float]
) -> Phase:
    code, workshop_id, store = open_round(data_dir, bricks)
    projector = Session(host, "atelier", f"atelier={code}&vue=projecteur")
    await projector.open()
    cpu_before = cpu_seconds(pid)
    outcomes = await asyncio.gather(
        *(participant(host, code, f"Participante {i:02d}", bricks, think, seed=i) for i in range(count))
    )
    cpu = cpu_seconds(pid) - cpu_before
    await projector.close()
    shot = store.snapshot(workshop_id)
    store.engine.dispose()
    return Phase(
        participants=count,
        times=[t for o in outcomes for t in o.score_times],
        refreshes=projector.refreshes,
        errors=[e for o in outcomes for e in o.errors] + projector.errors,
        cpu=cpu,
        stored=len(shot.answers),
        expected=count * bricks * len(CRITERIA),
    )


async def bare_page_reruns(host: str, count: int) -> list[float]:
    session = Session(host, "", "")
    await session.open()
    times = [await session.rerun() for _ in range(count)]
    await session.close()
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def ms(value: float) -> str:
    return "—" if value != value else f"{1000 * value:.0f} ms"  # NaN: nothing measured


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(phase: Phase) -> None:
    scores = len(phase.times)
    print(
        f"{phase.participants} participante(s) : {scores} notes, p50 {ms(median(phase.times))}, "
        f"p95 {ms(p95(phase.times) if phase.times else NAN)} ; "
        f"CPU serveur {ms(phase.cpu / max(scores, 1))} par note ; "
        f"écran projeté p50 {ms(median(phase.refreshes))} ({len(phase.refreshes)} "
        f"rafraîchissements) ; erreurs {len(phase.errors)} ; notes perdues {phase.expected - phase.stored}"
    )
    for error in phase.errors[:5]:
        print(f"  erreur : {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--bricks", type=int, default=6)
    parser.add_argument("--think", type=float, nargs=2, default=(3.0, 8.0), metavar=("MIN", "MAX"))
    args = parser.parse_args()
    think = (args.think[0], args.think[1])
    load_before = machine_load()
    with tempfile.TemporaryDirectory(prefix="load-") as folder:
        data_dir = Path(folder)
        env = {**os.environ, "TPT_DATA_DIR": str(data_dir), "TPT_CATALOGUE_DIR": str(ROOT / "catalogue")}
        env.pop("TPT_DATABASE_URL", None)
        with app_server(BARE_PAGE, env) as (host, _):
            bare = asyncio.run(bare_page_reruns(host, 12))[2:]  # the first runs warm the imports
        with app_server(ROOT / "app.py", env) as (host, process):
            alone = asyncio.run(run_phase(host, process.pid, data_dir, 1, args.bricks, think))
            room = asyncio.run(run_phase(host, process.pid, data_dir, args.participants, args.bricks, think))
    print(f"Charge de la machine (1 / 5 / 15 min) : {load_before} avant, {machine_load()} après")
    print(f"Page nue avec un graphique Altair : p50 {ms(statistics.median(bare))}")
    report(alone)
    report(room)
    base = median(alone.times)
    tail = p95(room.times) if room.times else float("nan")
    projector = statistics.median(room.refreshes) if room.refreshes else float("nan")
    print(
        f"Ratios : p95 à {args.participants} ÷ p50 à 1 = {tail / base:.2f} (objectif ≤ 3) ; "
        f"écran projeté ÷ page nue = {projector / statistics.median(bare):.2f} (objectif ≤ 2)"
    )
    failed = room.errors or alone.errors or room.stored != room.expected or alone.stored != alone.expected
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

"""Plain names shared by test modules: where things are, facts of the test catalogue, small builders.

Fixtures live in conftest.py; this module holds what a test module needs at import time (in
parametrize lists, module constants) or in plain helper functions. Test modules import it as
`helpers`: pytest puts tests/ on sys.path when it loads tests/conftest.py (default `prepend` mode).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pytest
import yaml
from sqlalchemy import create_engine, make_url, text

from tpt_model.catalogue.scenario_format import JourneyPoint, Placement
from tpt_model.store.engine import normalise_url

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page, WebSocket
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
# The app's page scripts, in the sidebar's order.
PAGES = [
    "pages/frise.py",
    "pages/scenarios.py",
    "pages/catalogue.py",
    "pages/evaluation.py",
    "pages/analyse.py",
    "pages/export.py",
    "pages/atelier.py",
]
TEST_CATALOGUE = ROOT / "tests" / "data" / "catalogue"

# Debian's chromium, which the browser tests drive (Playwright cannot download a browser here), or
# the browser TPT_CHROMIUM names.
CHROMIUM = os.environ.get("TPT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

# The bricks of the test catalogue, which its only template (the test scenario) holds in this order.
BRICKS = ["atelier-classe", "mentorat", "ordinateur"]
TITLES = ["Atelier en classe", "Mentorat en ligne", "Ordinateur offert"]
POSTGRESQL_URL_ENV = "TPT_TEST_DATABASE_URL"
Target = tuple[str, dict[str, Any]]  # URL and connect_args of one test's database

# The stages of the journey axis, as the messages list them.
AXIS = "étapes : seconde, premiere, terminale, bac-1, bac-2, emploi-1"


def pt(stage: str, month: int) -> JourneyPoint:
    return JourneyPoint(stage=stage, month=month)


def one_month(brick: str) -> Placement:
    """A placement of `brick` over October of seconde."""
    return Placement(brick=brick, start=pt("seconde", 10), end=pt("seconde", 10))


def set_weight(root: Path, criterion_id: str, weight: float) -> None:
    """Give a criterion another weight in the programme.yaml of the catalogue folder `root`."""
    path = root / "programme.yaml"
    programme = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(c for c in programme["criteria"] if c["id"] == criterion_id)["weight"] = weight
    path.write_text(yaml.safe_dump(programme, allow_unicode=True, sort_keys=False), encoding="utf-8")


def app_test() -> AppTest:
    """The app, not yet run, as AppTest drives it (imported here only: model tests run without Streamlit)."""
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)


def idle(page: Page) -> None:
    """Wait until the app has finished its run (a click sent during one can be dropped).

    Call it once a visible change has shown that the run began: before, the app may still be idle
    from the previous run.
    """
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def bars(page: Page, lane: str = "") -> Locator:
    """The frise chart's bars (those in `lane` only, when given): Vega labels each with its fields."""
    chart = page.get_by_test_id("stVegaLiteChart").first
    return chart.locator(f'[aria-roledescription="bar"][aria-label*="Couloir: {lane}"]')


def put_off_the_name(page: Page) -> None:
    """Answer « Plus tard » to the question of the user's name, and wait until the app has drawn the page."""
    from playwright.sync_api import expect

    later = page.get_by_role("button", name="Plus tard")
    later.click()
    expect(later).to_be_hidden()
    idle(page)


def edit_the_selected_placement(page: Page) -> None:
    """On the frise page, with a placement selected: open its edit dialog."""
    from playwright.sync_api import expect

    edit = page.get_by_role("button", name="Modifier")
    expect(edit).to_be_visible()
    idle(page)
    edit.click()
    expect(page.get_by_role("dialog")).to_be_visible()


# Each page's connection to its app (`watch_runs`), whose « script finished » messages say when a run
# is over. The page's own run state cannot say it: on a loaded machine the page handles several
# messages at once and never shows « running » for a short run.
_SOCKETS: dict[Page, WebSocket] = {}


def watch_runs(page: Page) -> None:
    """Follow the app's runs on `page` (call it before the page opens the app), for `click_and_wait`."""

    def remember(socket: WebSocket) -> None:
        if socket.url.endswith("/_stcore/stream"):
            _SOCKETS[page] = socket

    page.on("websocket", remember)
    page.on("close", lambda closed: _SOCKETS.pop(closed, None))


def run_finished(payload: str | bytes) -> bool:
    """Whether a message from the app ends a run (of the page or of a fragment), not one cut by a rerun."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if isinstance(payload, str):
        return False
    message = ForwardMsg()
    message.ParseFromString(payload)
    return (
        message.WhichOneof("type") == "script_finished"
        and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
    )


@contextmanager
def run_after(page: Page) -> Iterator[None]:
    """Wait, after the block, until a run the block started has finished and the page is drawn."""
    with _SOCKETS[page].expect_event("framereceived", predicate=run_finished, timeout=30_000):
        yield
    idle(page)


def click_and_wait(page: Page, target: Locator, *, force: bool = False) -> None:
    """Click, then wait until the rerun the click started has finished (the page must be watched).

    `idle` alone can return before the click's rerun begins; a second click sent during that rerun
    can then be dropped.
    """
    with run_after(page):
        target.click(force=force)


@contextmanager
def sqlite_database(folder: Path) -> Iterator[Target]:
    """A SQLite file in the test's temporary folder."""
    yield f"sqlite:///{folder / 'frise.sqlite3'}", {}


@contextmanager
def postgresql_schema(url: str) -> Iterator[Target]:
    """A fresh schema, dropped afterwards, so that tests are independent and can run in parallel."""
    schema = f"t_{uuid.uuid4().hex}"
    admin = create_engine(normalise_url(url))
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield url, {"options": f"-csearch_path={schema}"}
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def database_target(backend: str, tmp_path: Path) -> AbstractContextManager[Target]:
    """The context manager that provides the database of one test on `backend`."""
    if backend == "sqlite":
        return sqlite_database(tmp_path)
    url = os.environ.get(POSTGRESQL_URL_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {POSTGRESQL_URL_ENV} (e.g. postgresql://postgres@127.0.0.1/test)")
    return postgresql_schema(url)


def url_with_options(target: Target) -> str:
    """A database's address with its connection options in the query string (what TPT_DATABASE_URL holds)."""
    url, connect_args = target
    return make_url(url).update_query_dict(connect_args).render_as_string(hide_password=False)


def missing_chromium() -> str:
    """Why the browser tests cannot run and how to make them run, or "" when chromium is there."""
    if Path(CHROMIUM).exists():
        return ""
    where = (
        f"TPT_CHROMIUM vaut « {CHROMIUM} »" if os.environ.get("TPT_CHROMIUM") else "pas de commande chromium"
    )
    return (
        f"chromium est introuvable ({where}) : les tests navigateur ne peuvent pas tourner. "
        "Pour les lancer : make chromium (installe le chromium de Debian par apt-get, avec sudo "
        "si besoin), ou TPT_CHROMIUM=/chemin/vers/chromium."
    )


def free_port() -> int:
    """A TCP port free on the loopback address (for a server a test starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ProcessOutput(threading.Thread):
    """Copies a server's output into its log file and notes when it says it is ready, or that it failed.

    Reading the output blocks until the server writes: the wait for readiness needs no polling step.
    """

    def __init__(self, output: IO[bytes], log: IO[bytes], ready: str, failure: str | None = None) -> None:
        super().__init__(daemon=True)
        self.output, self.log = output, log
        self.ready_line, self.failure_line = ready.encode(), (failure or "").encode()
        self.ready = False
        self.failed = False
        self.settled = threading.Event()  # set when the server is ready, or when its output ends

    def run(self) -> None:
        for line in self.output:
            self.log.write(line)
            self.log.flush()
            if self.ready_line in line:
                self.ready = True
                self.settled.set()
            self.failed = self.failed or bool(self.failure_line and self.failure_line in line)
        self.settled.set()


def pilot_sets_mentorat_cost(page: Page, secret: str, eur: int) -> None:
    """On the catalogue page: unlock the pilot role, change the mentorat's cost from 400 € and save."""
    from playwright.sync_api import expect

    page.get_by_text("Modifier", exact=True).first.click()
    page.get_by_label("Secret des pilotes").fill(secret)
    page.get_by_label("Votre nom").last.fill("Élodie Martin")
    page.get_by_role("button", name="Ouvrir le rôle de pilote").click()
    expect(page.get_by_text("Vous modifiez le catalogue en tant que pilote : Élodie Martin.")).to_be_visible()
    idle(page)
    page.get_by_label("Brique", exact=True).click()
    page.get_by_role("option", name="Mentorat en ligne").click()
    idle(page)
    page.get_by_role("button", name="Ouvrir", exact=True).click()
    cost = page.get_by_role("spinbutton", name="Coût par bénéficiaire (€)")
    expect(cost).to_have_value("400")
    idle(page)
    cost.fill(str(eur))
    cost.press("Enter")
    expect(page.get_by_text(f"+  per_beneficiary_eur: {eur}")).to_be_visible()
    idle(page)
    page.get_by_role("button", name="Enregistrer dans le catalogue").click()
    expect(page.get_by_text("Modification de la brique « mentorat » : enregistré.")).to_be_visible()

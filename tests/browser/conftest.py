"""Real-browser fixtures: `streamlit run` on a free loopback port, driven by Debian's chromium."""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    CHROMIUM,
    POSTGRESQL_URL_ENV,
    ROOT,
    ProcessOutput,
    free_port,
    missing_chromium,
    postgresql_schema,
    url_with_options,
)
from playwright.sync_api import Browser, BrowserContext, Page, expect

# A loaded machine running the tests in parallel can take several seconds for a rerun: wait much
# longer than Playwright's 5 s (a wait ends as soon as its condition holds; only a failure waits it all).
expect.set_options(timeout=30_000)

# Set only by the tests that want them (through `app_environment`), never inherited.
PILOT_SETTINGS = ("TPT_PILOT_SECRET", "TPT_PILOT_EMAILS", "TPT_CATALOGUE_GIT_COMMIT")
# How long a server may take to listen, on a machine busy with other tests (it takes ~1 s idle).
START_TIMEOUT = 90
# Streamlit prints this line once its server listens (then `/_stcore/health` answers).
READY = "URL: http://127.0.0.1:{port}"
PORT_TAKEN = "is already in use"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in item.nodeid:
            item.add_marker(pytest.mark.browser)


def _require_browser() -> None:
    if not missing_chromium():
        return
    # CI must prove the browser flows: there a missing chromium is a failure, not a skip.
    if os.environ.get("TPT_REQUIRE_BROWSER"):
        pytest.fail(f"TPT_REQUIRE_BROWSER est défini : {missing_chromium()}")
    pytest.skip("chromium introuvable : make chromium l'installe (voir la fin du rapport)")


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, object]:
    """Launch Debian's chromium (Playwright cannot download its own browser here)."""
    _require_browser()
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args() -> dict[str, object]:
    """A tall viewport: Streamlit scrolls an inner container, screenshots show the viewport."""
    return {"viewport": {"width": 1400, "height": 1600}, "locale": "fr-FR"}


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def app_server(env: dict[str, str], log_path: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port with `env` added to the environment; yields its URL.

    If another process takes the free port before Streamlit binds it (tests run in parallel), the
    server is started again on another port.
    """
    inherited = {k: v for k, v in os.environ.items() if k not in PILOT_SETTINGS}
    environment = {**inherited, **env, "PYTHONUNBUFFERED": "1"}  # the ready line must reach the pipe at once
    if "TPT_DATABASE_URL" not in env:
        environment.pop("TPT_DATABASE_URL", None)
    with log_path.open("wb") as log:
        for _attempt in range(3):
            port = free_port()
            command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true"]
            command += ["--server.address=127.0.0.1", f"--server.port={port}"]
            command += ["--server.fileWatcherType=none"]
            process = subprocess.Popen(
                command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
            assert process.stdout is not None
            output = ProcessOutput(process.stdout, log, READY.format(port=port), PORT_TAKEN)
            output.start()
            try:
                output.settled.wait(timeout=START_TIMEOUT)
                if output.ready:
                    yield f"http://127.0.0.1:{port}"
                    return
            finally:
                _stop(process)
                output.join(timeout=10)
                process.stdout.close()
            if not output.failed:
                break
    raise RuntimeError(f"streamlit n'a pas démarré : voir {log_path}")


@pytest.fixture
def app_environment() -> dict[str, str]:
    """Settings a test module gives the app server on top of its catalogue and data folders."""
    return {}


@pytest.fixture
def app_url(tmp_path: Path, catalogue_dir: Path, app_environment: dict[str, str]) -> Iterator[str]:
    """A fresh app server on the test catalogue, with its database in the test's folder."""
    _require_browser()
    env = {"TPT_CATALOGUE_DIR": str(catalogue_dir), "TPT_DATA_DIR": str(tmp_path / "data"), **app_environment}
    with app_server(env, tmp_path / "streamlit.log") as url:
        yield url


@contextmanager
def shipped_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a copy of the shipped catalogue, with a data folder of its own; yields its URL."""
    _require_browser()
    folder = tmp_path_factory.mktemp("shipped")
    catalogue = shutil.copytree(ROOT / "catalogue", folder / "catalogue")
    env = {"TPT_CATALOGUE_DIR": str(catalogue), "TPT_DATA_DIR": str(folder / "data")}
    with app_server(env, folder / "streamlit.log") as url:
        yield url


@pytest.fixture(scope="session")
def shipped_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server per test process on a copy of the shipped catalogue, for tests that change no data.

    Its long labels and many marks are what a room sees; each test still has its own browser session.
    """
    with shipped_server(tmp_path_factory) as url:
        yield url


@pytest.fixture(scope="module")
def module_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server on the shipped catalogue for a module whose tests go through many states and may save.

    Cheaper than a server per test; the data the module's tests save is seen by no other module.
    """
    with shipped_server(tmp_path_factory) as url:
        yield url


@pytest.fixture
def shared_database() -> Iterator[str]:
    """A PostgreSQL schema of this test's own (TPT_DATABASE_URL with its search_path), dropped afterwards."""
    url = os.environ.get(POSTGRESQL_URL_ENV)
    if not url:
        pytest.skip(f"two servers share a PostgreSQL database: {POSTGRESQL_URL_ENV} is not set")
    with postgresql_schema(url) as target:
        yield url_with_options(target)


@pytest.fixture
def two_servers(
    shared_database: str, catalogue_dir: Path, tmp_path: Path, app_environment: dict[str, str]
) -> Iterator[tuple[str, str]]:
    """Two app processes on their own ports: one database, one catalogue folder, nothing else shared."""
    _require_browser()
    with ExitStack() as servers:
        urls = tuple(
            servers.enter_context(
                app_server(
                    {
                        **app_environment,
                        "TPT_DATABASE_URL": shared_database,
                        "TPT_CATALOGUE_DIR": str(catalogue_dir),
                        "TPT_DATA_DIR": str(tmp_path / f"data-{name}"),
                    },
                    tmp_path / f"streamlit-{name}.log",
                )
            )
            for name in ("a", "b")
        )
        assert urls[0] != urls[1]
        yield urls[0], urls[1]


@pytest.fixture
def new_page(browser: Browser, browser_context_args: dict[str, Any]) -> Iterator[Callable[..., Page]]:
    """Makes pages, each in a browser context of its own (another person, another session); options added."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> Page:
        contexts.append(browser.new_context(**{**browser_context_args, **options}))
        return contexts[-1].new_page()

    yield make
    for context in contexts:
        context.close()

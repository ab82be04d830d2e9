"""Real-browser fixtures: `streamlit run` on a free loopback port, driven by Debian's chromium."""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from helpers import POSTGRESQL_URL_ENV, free_port, postgresql_schema, url_with_options
from playwright.sync_api import Browser, BrowserContext, Page, expect

# A loaded CI machine can take a few seconds for a rerun: wait longer than Playwright's 5 s.
expect.set_options(timeout=15_000)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Set only by the tests that want them (through `app_environment`), never inherited.
PILOT_SETTINGS = ("TPT_PILOT_SECRET", "TPT_PILOT_EMAILS", "TPT_CATALOGUE_GIT_COMMIT")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in item.nodeid:
            item.add_marker(pytest.mark.browser)


def _require_browser() -> None:
    if Path(CHROMIUM).exists():
        return
    # CI must prove the browser flows: there a missing chromium is a failure, not a skip.
    if os.environ.get("TPT_REQUIRE_BROWSER"):
        pytest.fail("chromium est introuvable alors que TPT_REQUIRE_BROWSER est défini")
    pytest.skip("chromium n'est pas installé (apt-get install chromium) : tests navigateur ignorés")


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


def _wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("streamlit s'est arrêté au démarrage")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit ne répond pas")


@contextmanager
def app_server(env: dict[str, str], log_path: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port with `env` added to the environment; yields its URL."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true"]
    command += ["--server.address=127.0.0.1", f"--server.port={port}", "--server.fileWatcherType=none"]
    inherited = {k: v for k, v in os.environ.items() if k not in PILOT_SETTINGS}
    environment = {**inherited, **env}
    if "TPT_DATABASE_URL" not in env:
        environment.pop("TPT_DATABASE_URL", None)
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


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

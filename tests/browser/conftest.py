"""Real-browser fixtures: `streamlit run` on a free loopback port, driven by Debian's chromium."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

# A loaded CI machine can take a few seconds for a rerun: wait longer than Playwright's 5 s.
expect.set_options(timeout=15_000)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true"]
    command += ["--server.address=127.0.0.1", f"--server.port={port}", "--server.fileWatcherType=none"]
    environment = {**os.environ, **env}
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
def start_app() -> Callable[[dict[str, str], Path], AbstractContextManager[str]]:
    """Starts app servers of a test's own (several on one database, behind a proxy…): `with start_app(env, log)`."""
    _require_browser()
    return app_server


@pytest.fixture
def app_url(tmp_path: Path, catalogue_dir: Path) -> Iterator[str]:
    """A fresh app server on the test catalogue, with its database in the test's folder."""
    _require_browser()
    env = {"TPT_CATALOGUE_DIR": str(catalogue_dir), "TPT_DATA_DIR": str(tmp_path / "data")}
    with app_server(env, tmp_path / "streamlit.log") as url:
        yield url

"""Real-browser fixtures: `streamlit run` on a free loopback port, driven by Debian's chromium."""

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO

import pytest
from helpers import CHROMIUM, ROOT, free_port, missing_chromium
from playwright.sync_api import expect

# A loaded machine running the tests in parallel can take several seconds for a rerun: wait much
# longer than Playwright's 5 s (a wait ends as soon as its condition holds; only a failure waits it all).
expect.set_options(timeout=30_000)

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


class _ServerOutput(threading.Thread):
    """Copies the server's output into its log file and notes when the server listens or stops.

    Reading the output blocks until the server writes: the wait for readiness needs no polling step.
    """

    def __init__(self, output: IO[bytes], log: IO[bytes], port: int) -> None:
        super().__init__(daemon=True)
        self.output, self.log = output, log
        self.ready_line = READY.format(port=port).encode()
        self.ready = False
        self.port_taken = False
        self.settled = threading.Event()  # set when the server listens, or when its output ends

    def run(self) -> None:
        for line in self.output:
            self.log.write(line)
            self.log.flush()
            if self.ready_line in line:
                self.ready = True
                self.settled.set()
            self.port_taken = self.port_taken or PORT_TAKEN.encode() in line
        self.settled.set()


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def running_app(catalogue_dir: Path, data_dir: Path, log_path: Path) -> Iterator[str]:
    """An app server on `catalogue_dir` with its database in `data_dir`; yields its address.

    The port is a free one; if another process takes it before Streamlit binds it (tests run in
    parallel), the server is started again on another port.
    """
    env = {
        **os.environ,
        "TPT_CATALOGUE_DIR": str(catalogue_dir),
        "TPT_DATA_DIR": str(data_dir),
        "PYTHONUNBUFFERED": "1",  # the ready line must reach the pipe at once
    }
    env.pop("TPT_DATABASE_URL", None)
    with log_path.open("wb") as log:
        for _attempt in range(3):
            port = free_port()
            command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true"]
            command += ["--server.address=127.0.0.1", f"--server.port={port}"]
            command += ["--server.fileWatcherType=none"]
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
            assert process.stdout is not None
            output = _ServerOutput(process.stdout, log, port)
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
            if not output.port_taken:
                break
    raise RuntimeError(f"streamlit n'a pas démarré : voir {log_path}")


AppServer = Callable[[Path, Path, Path], AbstractContextManager[str]]


@pytest.fixture(scope="session")
def app_server() -> AppServer:
    """`running_app`, for a module whose tests share one server (skipped at once without chromium)."""
    _require_browser()
    return running_app


@pytest.fixture(scope="session")
def shipped_app_url(app_server: AppServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server per test process on a copy of the shipped catalogue, for tests that change no data.

    Its long labels and many marks are what a room sees; each test still has its own browser session.
    """
    folder = tmp_path_factory.mktemp("shipped")
    catalogue = shutil.copytree(ROOT / "catalogue", folder / "catalogue")
    with app_server(catalogue, folder / "data", folder / "streamlit.log") as url:
        yield url


@pytest.fixture
def app_url(app_server: AppServer, tmp_path: Path, catalogue_dir: Path) -> Iterator[str]:
    """A fresh app server on the test catalogue, with its database in the test's folder."""
    with app_server(catalogue_dir, tmp_path / "data", tmp_path / "streamlit.log") as url:
        yield url

"""The shipped deploy/Caddyfile in front of two app servers: a password, sticky sessions, WebSocket.

An upload goes over HTTP while the session lives behind the WebSocket: both must reach the same
server, or the file is lost. Importing a scenario through the proxy proves that they do.
"""

import base64
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import ROOT, TEST_CATALOGUE, free_port, idle
from playwright.sync_api import Page, expect

CADDYFILE = ROOT / "deploy" / "Caddyfile"
USER, PASSWORD = "atelier", "mot de passe du test"


def _status(url: str, credentials: tuple[str, str] | None = None) -> int:
    request = urllib.request.Request(url)
    if credentials is not None:
        token = base64.b64encode(":".join(credentials).encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:  # bcrypt is slow on purpose
            return int(answer.status)
    except urllib.error.HTTPError as err:
        return int(err.code)
    except OSError:  # not listening yet
        return 0


@pytest.fixture
def proxy(two_servers: tuple[str, str], tmp_path: Path) -> Iterator[str]:
    """Caddy with the shipped configuration, in front of the two servers; yields its address."""
    caddy = shutil.which("caddy")
    if caddy is None:
        if os.environ.get("TPT_REQUIRE_BROWSER"):
            pytest.fail("caddy est introuvable alors que TPT_REQUIRE_BROWSER est défini")
        pytest.skip("caddy n'est pas installé (apt-get install caddy) : test du mandataire ignoré")
    hashed = subprocess.run(
        [caddy, "hash-password", "--plaintext", PASSWORD], capture_output=True, text=True, check=True
    ).stdout.strip()
    address = f"http://127.0.0.1:{free_port()}"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),  # Caddy keeps its state there
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TPT_SITE": address,
        "TPT_UPSTREAMS": " ".join(url.removeprefix("http://") for url in two_servers),
        "TPT_USER": USER,
        "TPT_PASSWORD_HASH": hashed,
        "TPT_CADDY_ADMIN": "off",
    }
    command = [caddy, "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"]
    with (tmp_path / "caddy.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 30
            while _status(f"{address}/_stcore/health", (USER, PASSWORD)) != 200:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp_path / "caddy.log").read_text(encoding="utf-8"))
                time.sleep(0.2)
            yield address
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_the_proxy_asks_for_the_password(proxy: str) -> None:
    assert _status(f"{proxy}/") == 401
    assert _status(f"{proxy}/", (USER, "faux")) == 401
    assert _status(f"{proxy}/", (USER, PASSWORD)) == 200


def test_people_behind_the_proxy_keep_their_server(
    proxy: str, new_page: Callable[..., Page], tmp_path: Path
) -> None:
    scenario = (TEST_CATALOGUE / "scenarios" / "mini.yaml").read_text(encoding="utf-8")
    pages = []
    for person in ("Alice", "Bob", "Chloé"):
        page = new_page(http_credentials={"username": USER, "password": PASSWORD})
        pages.append(page)
        page.goto(f"{proxy}/scenarios")
        expect(page.get_by_role("heading", name="Scénarios", exact=True)).to_be_visible(timeout=30_000)
        idle(page)
        upload = tmp_path / f"{person}.yaml"
        upload.write_text(scenario.replace("name: Mini parcours", f"name: Parcours de {person}"), "utf-8")
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(upload)
        expect(page.get_by_test_id("stFileChip")).to_be_visible()
        idle(page)
        page.get_by_role("button", name="Importer").click()
        expect(
            page.get_by_text(f"Scénario « Parcours de {person} » importé et ouvert dans la frise.")
        ).to_be_visible()
    # Each browser was given its server once, in Caddy's cookie.
    assert all("tpt_serveur" in {c["name"] for c in page.context.cookies()} for page in pages)

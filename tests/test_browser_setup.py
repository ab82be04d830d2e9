"""Without chromium, `make test` says so and how to get it; where the browser is required, it fails."""

import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

ONE_BROWSER_TEST = "tests/browser/test_catalogue_flow.py"
HOW_TO_GET_IT = "Pour les lancer : make chromium"


def run_without_chromium(tmp_path: Path, *, required: bool) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TPT_CHROMIUM": str(tmp_path / "absent" / "chromium")}
    env.pop("TPT_REQUIRE_BROWSER", None)
    if required:
        env["TPT_REQUIRE_BROWSER"] = "1"
    command = [sys.executable, "-m", "pytest", "-n", "0", "-p", "no:cacheprovider", "--color=no"]
    command += [f"--basetemp={tmp_path / 'run'}", ONE_BROWSER_TEST]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_a_missing_chromium_is_said_before_and_after_the_tests(tmp_path: Path) -> None:
    done = run_without_chromium(tmp_path, required=False)
    assert done.returncode == 0, done.stdout
    header, _, summary = done.stdout.partition("collected 1 item")
    assert HOW_TO_GET_IT in header
    assert "Tests navigateur qui n'ont pas tourné : 1." in summary
    assert HOW_TO_GET_IT in summary
    assert "1 skipped" in summary


def test_a_missing_chromium_fails_where_the_browser_is_required(tmp_path: Path) -> None:
    done = run_without_chromium(tmp_path, required=True)
    assert done.returncode == 1, done.stdout
    assert "TPT_REQUIRE_BROWSER est défini" in done.stdout
    assert "1 error" in done.stdout.splitlines()[-1]

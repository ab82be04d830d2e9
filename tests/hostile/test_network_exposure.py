"""The app listens on the loopback address unless someone opens it to a room on purpose."""

import tomllib

from helpers import ROOT


def test_streamlit_listens_on_loopback_by_default() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"


def test_make_run_passes_the_loopback_address_unless_told_otherwise() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "ADDRESS ?= 127.0.0.1\n" in makefile
    assert "--server.address $(ADDRESS)" in makefile


def test_the_readme_says_how_to_open_the_app_to_a_room() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run ADDRESS=0.0.0.0" in readme

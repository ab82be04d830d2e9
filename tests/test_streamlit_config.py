"""The Streamlit settings the app is served with (`.streamlit/config.toml`, read from where it starts)."""

import tomllib

from helpers import ROOT


def test_no_full_garbage_collection_after_every_run() -> None:
    """Streamlit's gc.collect(2) after each run, fragments included, took two thirds of a workshop's CPU."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False

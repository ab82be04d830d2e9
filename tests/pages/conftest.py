"""AppTest fixtures: each test on its own data folder and test catalogue, with a clean cache."""

from pathlib import Path

import pytest
import streamlit as st

from ui.catalogue_source import forget_recent_scans


@pytest.fixture(autouse=True)
def isolated_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, catalogue_dir: Path) -> Path:
    """Point the app at a copy of the test catalogue and a fresh database folder."""
    monkeypatch.setenv("TPT_CATALOGUE_DIR", str(catalogue_dir))
    monkeypatch.setenv("TPT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TPT_DATABASE_URL", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    forget_recent_scans()
    return catalogue_dir

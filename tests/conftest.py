"""Shared fixtures: the small test catalogue, copied into a temporary folder."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_CATALOGUE = ROOT / "tests" / "data" / "catalogue"


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    """A writable copy of the small test catalogue."""
    target = tmp_path / "catalogue"
    shutil.copytree(TEST_CATALOGUE, target)
    return target

"""constraints.txt pins every requirement at the version requirements*.txt asks for (run `make constraints`)."""

import re

import pytest
from helpers import ROOT

PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)(\[[^\]]*\])?==(?P<version>\S+)$")


def pins(file_name: str) -> dict[str, str]:
    """Normalised package name → pinned version, for the `name==version` lines of a requirements file."""
    found = {}
    for line in (ROOT / file_name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            found[re.sub(r"[-_.]+", "-", match["name"]).lower()] = match["version"]
    return found


def test_every_line_of_the_constraints_is_a_pin() -> None:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line and not line.startswith("#") and not PIN.match(line)] == []


@pytest.mark.parametrize("file_name", ["requirements.txt", "requirements-dev.txt"])
def test_the_constraints_pin_every_requirement_at_its_version(file_name: str) -> None:
    wanted = pins(file_name)
    constraints = pins("constraints.txt")
    assert wanted
    assert {name: constraints.get(name) for name in wanted} == wanted

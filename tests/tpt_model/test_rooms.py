"""The rooms of tpt_model import only downward, and no module sits at the top but the shared few."""

import ast
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "tpt_model"
# Lowest first: a room may import the rooms before it in this list, never those after it.
LAYERS = (
    ("errors", "i18n", "text", "formatting", "settings"),
    ("yamlio",),
    ("catalogue",),
    ("journey",),
    ("scenario",),
    ("catalogue_edit",),
    ("frise",),
    ("evaluation",),
    ("analysis",),
    ("workshop",),
    ("export",),
    ("store",),
    ("session",),
    ("bench",),
    ("cli",),
)
LEVEL = {room: level for level, rooms in enumerate(LAYERS) for room in rooms}
TOP_MODULES = {"__init__", "__main__", "errors", "i18n", "text", "formatting", "settings"}


def _room(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _imported_rooms(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return {n.split(".")[1] for n in names if n.startswith("tpt_model.") and len(n.split(".")) > 1}


def test_only_the_shared_modules_sit_at_the_top() -> None:
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top <= TOP_MODULES


def test_every_room_is_in_the_layer_list() -> None:
    rooms = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert rooms <= set(LEVEL), rooms - set(LEVEL)


def test_rooms_import_only_downward() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent == PACKAGE and path.stem in ("__init__", "__main__"):
            continue  # the package's façade and entry point may reach any room
        room = _room(path)
        for target in _imported_rooms(path):
            if LEVEL[target] > LEVEL[room]:
                upward.append(f"{path.relative_to(ROOT)} → {target}")
    assert upward == []

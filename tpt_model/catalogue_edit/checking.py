"""The validator's messages on a brick being edited, as the pilot types: the loader's own checks.

The file the edit would write is checked as the loader checks a brick file (syntax, model, names
of stages, partners, groups, criteria and milestones, warnings), against the catalogue the app
has loaded. The whole catalogue is checked again, in a copy, only when the pilot saves (`saving`).
"""

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.checks import brick_warnings
from tpt_model.catalogue.loader import brick_file_problems
from tpt_model.catalogue.validation import validate_document
from tpt_model.catalogue_edit.draft import BRICK_HEADER, BrickData, brick_path, file_values
from tpt_model.errors import Problem, YamlFileError, errors_among
from tpt_model.i18n import _
from tpt_model.yamlio.reader import parse_text
from tpt_model.yamlio.roundtrip import new_text, rewrite


@dataclass(frozen=True)
class BrickCheck:
    """The text a brick's file would hold, the brick it gives (None while it has errors), its problems."""

    text: str
    brick: Brick | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop a save (warnings left out)."""
        return errors_among(self.problems)


def draft_text(draft: BrickData, original: str | None = None, old: Any = None) -> str:
    """The file's text for a draft: the original file changed as little as possible, or a new file."""
    full, minimal = file_values(draft)
    if original is None:
        return new_text(BRICK_HEADER, minimal)
    return rewrite(original, old, full, minimal)


def check_brick_text(catalogue: Catalogue, text: str, file: str, *, taken: frozenset[str]) -> BrickCheck:
    """Every problem the loader would find in this brick file (`file`: its path as problems cite it).

    `taken` holds the ids of the catalogue's other brick files: the brick may not reuse one.
    """
    try:
        doc = parse_text(text, file)
    except YamlFileError as err:
        return BrickCheck(text, None, (err.problem,))
    brick, problems = validate_document(doc, Brick)
    if brick is None:
        return BrickCheck(text, None, tuple(problems))
    programme = catalogue.programme
    problems = brick_file_problems(
        doc,
        brick,
        PurePosixPath(file).stem,
        programme,
        {p.id for p in catalogue.partners},
        {m.id for m in catalogue.milestones},
    )
    if brick.id in taken:
        problems.append(
            doc.problem(
                ("id",),
                "id",
                _("identifiant « {id} » déjà pris par une autre brique ({file})").format(
                    id=brick.id, file=brick_path(brick.id)
                ),
            )
        )
    if problems:
        return BrickCheck(text, None, tuple(problems))
    return BrickCheck(text, brick, tuple(brick_warnings(doc, brick, programme)))


def problems_at(problems: tuple[Problem, ...] | list[Problem], field: str) -> list[Problem]:
    """The problems of one field of the form and of what it holds (`cost` gets `cost.note`, `partners[1]`)."""
    return [p for p in problems if p.field == field or p.field.startswith((f"{field}.", f"{field}["))]

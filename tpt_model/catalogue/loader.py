"""Load the catalogue files of a folder, reporting every problem of every file in one run.

The scenarios shipped in the folder are checked against what this loads: see `scenario.folder`.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.calendar import CalendarFile
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.checks import brick_reference_problems, brick_warnings, calendar_warnings
from tpt_model.catalogue.partner import PartnerFile
from tpt_model.catalogue.persona import PersonaFile
from tpt_model.catalogue.programme import Programme
from tpt_model.catalogue.validation import validate_document
from tpt_model.errors import Problem, YamlFileError, field_path
from tpt_model.i18n import _
from tpt_model.yamlio.reader import Document, Loc, read_document

M = TypeVar("M", bound=BaseModel)


@dataclass
class LoadResult:
    """What could be loaded (None without a valid programme) and every problem found."""

    catalogue: Catalogue | None
    problems: list[Problem] = field(default_factory=list)
    # Ids of the brick files of the folder that could not be loaded (their problems say why).
    broken_bricks: frozenset[str] = frozenset()
    # True when `catalogue` is the last valid catalogue, kept because the programme is now broken.
    fallback: bool = False


@dataclass(frozen=True)
class CatalogueFiles:
    """The catalogue files of a folder: what they hold, their problems, and what a scenario may name."""

    catalogue: Catalogue | None
    problems: list[Problem]
    # Every brick id the folder names, broken files included: a scenario naming one is not blamed.
    named_bricks: frozenset[str]
    partners_known: bool


def ref_problems(
    doc: Document, loc: Loc, values: Iterable[str], known: Iterable[str] | None, message: str
) -> list[Problem]:
    """A problem for each value of the list at `loc` that is not among `known` ids.

    `message` says it, with the value as « {value} ».
    `known` is None when the file that defines them is itself broken: nothing is blamed then.
    """
    if known is None:
        return []
    known_set = set(known)
    return [
        doc.problem((*loc, i), field_path((*loc, i)), message.format(value=value))
        for i, value in enumerate(values)
        if value not in known_set
    ]


def _unknown_partner() -> str:
    return _("partenaire inconnu(e) « {value} »")


def _unknown_group() -> str:
    return _("groupe de travail inconnu(e) « {value} »")


def _duplicate_ids(doc: Document, loc: Loc, ids: Sequence[str]) -> list[Problem]:
    seen: dict[str, int] = {}
    out = []
    for i, item_id in enumerate(ids):
        if item_id in seen:
            where = (*loc, i, "id")
            first_line = doc.position((*loc, seen[item_id], "id"))[0]
            message = _("identifiant « {id} » déjà utilisé (ligne {line})").format(
                id=item_id, line=first_line
            )
            out.append(doc.problem(where, field_path(where), message))
        seen.setdefault(item_id, i)
    return out


class _Run:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = root.resolve()  # once: every file is checked against it
        self.problems: list[Problem] = []

    def read(self, path: Path, model: type[M]) -> tuple[Document | None, M | None]:
        file = path.as_posix()
        try:
            doc = read_document(path, file, self.real_root)
        except YamlFileError as err:
            self.problems.append(err.problem)
            return None, None
        value, problems = validate_document(doc, model)
        self.problems += problems
        return doc, value

    def programme(self, partner_ids: set[str] | None) -> Programme | None:
        doc, programme = self.read(self.root / "programme.yaml", Programme)
        if doc is None or programme is None:
            return None
        for name in ("phases", "stages", "criteria", "working_groups"):
            self.problems += _duplicate_ids(doc, (name,), [x.id for x in getattr(programme, name)])
        phase_ids = [p.id for p in programme.phases]
        for i, stage in enumerate(programme.stages):
            self.problems += ref_problems(
                doc, ("stages", i), [stage.phase], phase_ids, _("phase inconnu(e) « {value} »")
            )
        for i, group in enumerate(programme.working_groups):
            self.problems += ref_problems(
                doc, ("working_groups", i, "pilots"), group.pilots, partner_ids, _unknown_partner()
            )
        return programme

    def partners(self) -> tuple[Document | None, PartnerFile | None]:
        doc, partners = self.read(self.root / "partners.yaml", PartnerFile)
        if doc is not None and partners is not None:
            self.problems += _duplicate_ids(doc, ("partners",), [p.id for p in partners.partners])
        return doc, partners

    def calendar(self, stage_ids: list[str] | None) -> CalendarFile | None:
        doc, calendar = self.read(self.root / "calendar.yaml", CalendarFile)
        if doc is None or calendar is None:
            return None
        self.problems += _duplicate_ids(doc, ("milestones",), [m.id for m in calendar.milestones])
        self.problems += calendar_warnings(doc, calendar)
        for i, milestone in enumerate(calendar.milestones):
            stages = [milestone.stage] if milestone.stage else []
            self.problems += _stage_refs(doc, ("milestones", i, "stage"), stages, stage_ids)
        return calendar

    def personas(self, stage_ids: list[str] | None) -> PersonaFile | None:
        doc, personas = self.read(self.root / "personas.yaml", PersonaFile)
        if doc is None or personas is None:
            return None
        self.problems += _duplicate_ids(doc, ("personas",), [p.id for p in personas.personas])
        for i, persona in enumerate(personas.personas):
            self.problems += _stage_refs(
                doc, ("personas", i, "start_stage"), [persona.start_stage], stage_ids
            )
        return personas


def _stage_refs(doc: Document, loc: Loc, stages: list[str], stage_ids: list[str] | None) -> list[Problem]:
    if stage_ids is None:
        return []
    return [
        doc.problem(
            loc,
            field_path(loc),
            _("étape inconnue « {stage} » (étapes : {stages})").format(stage=s, stages=", ".join(stage_ids)),
        )
        for s in stages
        if s not in stage_ids
    ]


def _brick_problems(
    doc: Document, brick: Brick, stem: str, programme: Programme | None, partner_ids: set[str] | None
) -> list[Problem]:
    out = []
    if brick.id != stem:
        message = _("l'identifiant « {id} » doit être le nom du fichier (« {stem} »)")
        out.append(doc.problem(("id",), "id", message.format(id=brick.id, stem=stem)))
    unknown = _unknown_partner()
    out += ref_problems(doc, ("partners",), brick.partners, partner_ids, unknown)
    out += ref_problems(doc, ("prospective_partners",), brick.prospective_partners, partner_ids, unknown)
    if programme is None:
        return out
    stage_ids = list(programme.stage_ids)
    out += _stage_refs(doc, ("stages", "from"), [brick.stages.from_stage], stage_ids)
    out += _stage_refs(doc, ("stages", "to"), [brick.stages.to_stage], stage_ids)
    index = programme.stage_index
    if (
        brick.stages.from_stage in index
        and brick.stages.to_stage in index
        and index[brick.stages.to_stage] < index[brick.stages.from_stage]
    ):
        out.append(
            doc.problem(
                ("stages", "to"),
                "stages.to",
                _("l'étape de fin « {last} » vient avant l'étape de début « {first} »").format(
                    last=brick.stages.to_stage, first=brick.stages.from_stage
                ),
            )
        )
    out += ref_problems(
        doc,
        ("working_groups",),
        brick.working_groups,
        [g.id for g in programme.working_groups],
        _unknown_group(),
    )
    criteria = {c.id: c for c in programme.criteria}
    for criterion_id, score in brick.criteria.items():
        loc = ("criteria", criterion_id)
        criterion = criteria.get(criterion_id)
        if criterion is None:
            out.append(
                doc.problem(
                    loc,
                    field_path(loc),
                    _("critère inconnu « {criterion} » (critères : {criteria})").format(
                        criterion=criterion_id, criteria=", ".join(criteria)
                    ),
                    key=True,
                )
            )
        elif not criterion.scale.contains(score):
            out.append(
                doc.problem(
                    loc,
                    field_path(loc),
                    _("note {score} hors de l'échelle {min} à {max}").format(
                        score=score, min=criterion.scale.min, max=criterion.scale.max
                    ),
                )
            )
    return out


def brick_file_problems(
    doc: Document,
    brick: Brick,
    stem: str,
    programme: Programme | None,
    partner_ids: set[str] | None,
    milestone_ids: set[str] | None,
) -> list[Problem]:
    """The errors of a brick file that its model alone cannot see: its name, what it refers to.

    `None` for what a broken file should define (programme, partners, calendar): nothing is blamed then.
    """
    return _brick_problems(doc, brick, stem, programme, partner_ids) + brick_reference_problems(
        doc, brick, milestone_ids
    )


def _bricks(
    run: _Run, programme: Programme | None, partner_ids: set[str] | None, milestone_ids: set[str] | None
) -> tuple[list[Brick], set[str]]:
    """Valid bricks, and every id the folder names (broken files included, by their name)."""
    bricks: list[Brick] = []
    named: set[str] = set()
    first_file: dict[str, str] = {}
    for path in sorted((run.root / "bricks").glob("*.yaml")):
        named.add(path.stem)
        doc, brick = run.read(path, Brick)
        if doc is None or brick is None:
            continue
        problems = brick_file_problems(doc, brick, path.stem, programme, partner_ids, milestone_ids)
        if brick.id in first_file:
            message = _("identifiant « {id} » déjà utilisé par {file}").format(
                id=brick.id, file=first_file[brick.id]
            )
            problems.append(doc.problem(("id",), "id", message))
        first_file.setdefault(brick.id, path.as_posix())
        run.problems += problems
        if not problems:
            bricks.append(brick)
            run.problems += brick_warnings(doc, brick, programme)  # warnings never drop a brick
    return bricks, named


def read_catalogue_files(root: Path) -> CatalogueFiles:
    """Load what can be loaded from the catalogue files of `root` and report every problem found."""
    run = _Run(root)
    # Partners come first: the programme's working groups name their pilots among them.
    partners_doc, partners = run.partners()
    partner_ids = {p.id for p in partners.partners} if partners else None
    programme = run.programme(partner_ids)
    if programme is not None and partners is not None and partners_doc is not None:
        run.problems += _partner_group_problems(partners_doc, partners, programme)
    stage_ids = list(programme.stage_ids) if programme else None
    calendar = run.calendar(stage_ids)
    personas = run.personas(stage_ids)
    milestone_ids = {m.id for m in calendar.milestones} if calendar else None
    bricks, named = _bricks(run, programme, partner_ids, milestone_ids)
    named_bricks, partners_known = frozenset(named), partners is not None
    if programme is None:
        return CatalogueFiles(None, run.problems, named_bricks, partners_known)
    catalogue = Catalogue(
        programme=programme,
        partners=partners.partners if partners else (),
        milestones=calendar.milestones if calendar else (),
        personas=personas.personas if personas else (),
        bricks=tuple(bricks),
    )
    return CatalogueFiles(catalogue, run.problems, named_bricks, partners_known)


def _partner_group_problems(doc: Document, partners: PartnerFile, programme: Programme) -> list[Problem]:
    group_ids = [g.id for g in programme.working_groups]
    out = []
    for i, partner in enumerate(partners.partners):
        out += ref_problems(
            doc, ("partners", i, "working_groups"), partner.working_groups, group_ids, _unknown_group()
        )
    return out

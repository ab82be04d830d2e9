"""A catalogue folder as the app and the validator read it: the catalogue files, then its scenarios.

The scenarios shipped in `scenarios/` become the catalogue's templates once they pass the placement
rules against the bricks, stages and partners that the catalogue files define.
"""

from pathlib import Path

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.loader import LoadResult, read_catalogue_files
from tpt_model.errors import ProblemsError, errors_among
from tpt_model.scenario.files import scenario_problems


def check_catalogue(root: Path) -> LoadResult:
    """Load what can be loaded from `root` and report every problem found."""
    files = read_catalogue_files(root)
    problems = list(files.problems)
    if files.catalogue is None:
        return LoadResult(None, sorted(problems))
    templates = []
    real_root = root.resolve()
    for path in sorted((root / "scenarios").glob("*.yaml")):
        scenario, found = scenario_problems(
            path,
            files.catalogue,
            known_bricks=files.named_bricks,
            partners_known=files.partners_known,
            root=real_root,
        )
        problems += found
        if scenario is not None and not errors_among(found):
            templates.append((path.stem, scenario))
    catalogue = files.catalogue.replace(templates=tuple(templates))
    broken = files.named_bricks - catalogue.bricks_by_id.keys()
    return LoadResult(catalogue, sorted(problems), broken_bricks=frozenset(broken))


def load_catalogue(root: Path) -> Catalogue:
    """The catalogue at `root`; raises ProblemsError listing every error if any (warnings do not stop it)."""
    result = check_catalogue(root)
    errors = errors_among(result.problems)
    if errors or result.catalogue is None:
        raise ProblemsError(errors)
    return result.catalogue

"""Problems found in user files, each located by file, line, column and field; refused user input."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from tpt_model.formatting import counted
from tpt_model.i18n import _

# An error makes the file (or the brick) unusable; a warning lets it through and says what to check.
Level = Literal["erreur", "avertissement"]
ERROR: Level = "erreur"
WARNING: Level = "avertissement"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a file, with a French message that says what was expected."""

    file: str
    line: int
    column: int
    field: str
    message: str
    level: Level = ERROR

    def __str__(self) -> str:
        message = (
            _("avertissement : {message}").format(message=self.message)
            if self.level == WARNING
            else self.message
        )
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {message}"


def errors_among(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are errors (warnings left out)."""
    return [p for p in problems if p.level == ERROR]


def warnings_among(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are only warnings."""
    return [p for p in problems if p.level == WARNING]


# A file with thousands of mistakes (35,000 unknown keys fit in 256 KB) is one mistake repeated:
# past this many, its problems are counted, not listed.
MAX_PROBLEMS_PER_FILE = 20


def more_problems(file: str, line: int, column: int, rest: int) -> Problem:
    """The line that stands for `rest` problems of a file left unlisted, at the first of them."""
    others = counted(rest, "autre problème", "autres problèmes")
    return Problem(
        file, line, column, _("(fichier)"), _("… et {others} dans ce fichier").format(others=others)
    )


def problems_summary(problems: list[Problem]) -> str:
    """« 2 erreurs et 3 avertissements dans 4 fichiers du catalogue » (a file's count line is one)."""
    parts = []
    if errors := errors_among(problems):
        parts.append(counted(len(errors), "erreur", "erreurs"))
    if warnings := warnings_among(problems):
        parts.append(counted(len(warnings), "avertissement", "avertissements"))
    files = counted(len({p.file for p in problems}), "fichier", "fichiers")
    return _("{counts} dans {files} du catalogue").format(counts=_(" et ").join(parts), files=files)


class ProblemsError(Exception):
    """Raised when files cannot be used; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def field_path(loc: tuple[str | int, ...]) -> str:
    """Dotted field name for a location, e.g. `placements[3].start.stage`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


class YamlFileError(Exception):
    """A file that cannot be read as catalogue YAML; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


class InputError(ValueError):
    """What the user typed or chose cannot be used; `message` says why, in French."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class SettingsError(Exception):
    """A malformed environment setting; the French message names the variable and what is expected."""

    def __init__(self, variable: str, detail: str) -> None:
        self.variable = variable
        self.message = f"{variable} : {detail}"
        super().__init__(self.message)

"""Problems found in user files, each located by file, line, column and field; refused user input."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

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
        prefix = f"{WARNING} : " if self.level == WARNING else ""
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {prefix}{self.message}"


def errors_among(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are errors (warnings left out)."""
    return [p for p in problems if p.level == ERROR]


def warnings_among(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are only warnings."""
    return [p for p in problems if p.level == WARNING]


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


class InputError(ValueError):
    """What the user typed or chose cannot be used; `message` says why, in French."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)

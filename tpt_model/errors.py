"""Problems found in user files, each located by file, line, column and field; refused user input."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a file, with a French message that says what was expected."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.message}"


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


class SettingsError(Exception):
    """A malformed environment setting; the French message names the variable and what is expected."""

    def __init__(self, variable: str, detail: str) -> None:
        self.variable = variable
        self.message = f"{variable} : {detail}"
        super().__init__(self.message)

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


# A file with thousands of mistakes (35,000 unknown keys fit in 256 KB) is one mistake repeated:
# past this many, its problems are counted, not listed.
MAX_PROBLEMS_PER_FILE = 20


def more_problems(file: str, line: int, column: int, rest: int) -> Problem:
    """The line that stands for `rest` problems of a file left unlisted, at the first of them."""
    count = f"{rest:,}".replace(",", "\u202f")
    plural = "s" if rest > 1 else ""
    return Problem(
        file, line, column, "(fichier)", f"… et {count} autre{plural} problème{plural} dans ce fichier"
    )


def problems_summary(problems: list[Problem]) -> str:
    """« 3 problèmes dans 2 fichiers du catalogue » (the count lines of capped files count as one)."""
    files = len({p.file for p in problems})
    count = len(problems)
    return (
        f"{count} problème{'s' if count > 1 else ''} dans {files} fichier{'s' if files > 1 else ''} "
        "du catalogue"
    )


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

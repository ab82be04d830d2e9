"""An argument parser that speaks French: usage, help and the mistakes of a command line (exit code 2)."""

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

USAGE = "utilisation : "

# argparse's messages (Python 3.11), each with its French version; the groups are kept as they are.
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", r"argument obligatoire manquant : \1"),
    (r"unrecognized arguments: (.*)", r"argument inconnu : \1"),
    (r"one of the arguments (.*) is required", r"l'un des arguments \1 est obligatoire"),
    (r"argument (.*?): not allowed with argument (.*)", r"l'argument \1 ne va pas avec \2"),
    (r"argument (.*?): expected one argument", r"l'argument \1 attend une valeur"),
    (r"argument (.*?): expected at least one argument", r"l'argument \1 attend au moins une valeur"),
    (
        r"argument (.*?): invalid choice: (.*) \(choose from (.*)\)",
        r"l'argument \1 ne peut pas valoir \2 ; valeurs permises : \3",
    ),
    (r"argument (.*?): invalid (\w+) value: (.*)", r"l'argument \1 ne peut pas valoir \3"),
    (r"ambiguous option: (.*) could match (.*)", r"option ambiguë : \1 peut désigner \2"),
)


def french(message: str) -> str:
    """argparse's message in French (as it is if unknown), its quoted values between « »."""
    quoted = re.sub(r"'([^']*)'", r"« \1 »", message)
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, quoted):
            return re.sub(pattern, replacement, quoted)
    return message


class _FrenchHelp(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, help and errors are in French; its subcommands' parsers are too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _FrenchHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="afficher cette aide et quitter"
        )

    def error(self, message: str) -> NoReturn:
        """Print the usage and the mistake in French on the error output, then exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {french(message)}\n")

"""An argument parser that speaks the current language (French by default): usage, help and the
mistakes of a command line (exit code 2)."""

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from tpt_model.i18n import LANGUAGES, Language, _, mark_, parse_language
from tpt_model.settings import language_setting

USAGE = mark_("utilisation : ")

# argparse's messages (Python 3.11), each with its French version (translated at use); the groups
# are kept as they are.
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", mark_(r"argument obligatoire manquant : \1")),
    (r"unrecognized arguments: (.*)", mark_(r"argument inconnu : \1")),
    (r"one of the arguments (.*) is required", mark_(r"l'un des arguments \1 est obligatoire")),
    (r"argument (.*?): not allowed with argument (.*)", mark_(r"l'argument \1 ne va pas avec \2")),
    (r"argument (.*?): expected one argument", mark_(r"l'argument \1 attend une valeur")),
    (r"argument (.*?): expected at least one argument", mark_(r"l'argument \1 attend au moins une valeur")),
    (
        r"argument (.*?): invalid choice: (.*) \(choose from (.*)\)",
        mark_(r"l'argument \1 ne peut pas valoir \2 ; valeurs permises : \3"),
    ),
    (r"argument (.*?): invalid (\w+) value: (.*)", mark_(r"l'argument \1 ne peut pas valoir \3")),
    (r"ambiguous option: (.*) could match (.*)", mark_(r"option ambiguë : \1 peut désigner \2")),
)


def french(message: str) -> str:
    """argparse's message in the current language (as it is if unknown), its quoted values between « »."""
    quoted = re.sub(r"'([^']*)'", r"« \1 »", message)
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, quoted):
            return re.sub(pattern, _(replacement), quoted)
    return message


def chosen_language(argv: Sequence[str]) -> Language:
    """The language a command line asks for with `--lang`, else TPT_LANG's, else French.

    Read before the parser is made, so that its help and its mistakes are in that language too; a
    `--lang` that names no language is left to the parser, which refuses it.
    """
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    asked, _others = early.parse_known_args(argv)
    return parse_language(asked.lang) or language_setting()


def add_language_option(parser: argparse.ArgumentParser, language: Language) -> None:
    """The `--lang` option of a command whose messages or files are read by people."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=language,
        help=_("langue des messages et des documents (par défaut : TPT_LANG, sinon fr)"),
    )


class _FrenchHelp(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _(USAGE) if prefix is None else prefix)


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, help and errors are in the current language (French by default);
    its subcommands' parsers are too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _FrenchHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = _("options")
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=_("afficher cette aide et quitter")
        )

    def error(self, message: str) -> NoReturn:
        """Print the usage and the mistake on the error output, then exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog} : erreur : {message}").format(prog=self.prog, message=french(message)) + "\n")

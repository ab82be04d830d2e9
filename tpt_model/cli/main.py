"""Command line for pilots, CI and scripts: validate, schema, export, bench; db and scenario for admins.

Every command speaks TPT_LANG's language (French by default); validate and export also take
`--lang fr|en`, which wins over it: the messages, the help and the exported document follow.
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tpt_model.catalogue.schema import write_schemas
from tpt_model.cli.db import add_db_commands
from tpt_model.cli.export import add_export_command
from tpt_model.cli.parser import FrenchParser, add_language_option, chosen_language
from tpt_model.cli.scenario import add_scenario_commands
from tpt_model.errors import SettingsError, errors_among, warnings_among
from tpt_model.export.analyses import write_analyses_schema
from tpt_model.export.as_json import write_document_schema
from tpt_model.formatting import counted
from tpt_model.i18n import Language, _, use_language
from tpt_model.scenario.folder import check_catalogue


def _validate(args: argparse.Namespace) -> int:
    result = check_catalogue(Path(args.dir))
    for problem in result.problems:
        print(problem)
    # Warnings are printed but pass: the catalogue stays usable, the pilot checks them at leisure.
    errors, warnings = errors_among(result.problems), warnings_among(result.problems)
    counted_warnings = counted(len(warnings), "avertissement", "avertissements")
    if errors or result.catalogue is None:
        counted_errors = counted(len(errors), "problème", "problèmes")
        message = _("{errors} et {warnings} dans {folder}") if warnings else _("{errors} dans {folder}")
        print(message.format(errors=counted_errors, warnings=counted_warnings, folder=args.dir))
        return 1
    message = (
        _("Catalogue valide : {summary} ; {warnings}") if warnings else _("Catalogue valide : {summary}")
    )
    print(message.format(summary=result.catalogue.summary(), warnings=counted_warnings))
    return 0


def _schema(args: argparse.Namespace) -> int:
    out_dir = Path(args.out_dir)
    for path in [*write_schemas(out_dir), write_analyses_schema(out_dir), write_document_schema(out_dir)]:
        print(path.as_posix())
    return 0


def _bench(args: argparse.Namespace) -> int:
    from tpt_model.bench.loader import run_benchmarks  # heavy imports only for this command

    run_benchmarks(quick=args.quick)
    return 0


def _parser(language: Language) -> FrenchParser:
    parser = FrenchParser(prog="python -m tpt_model", description="Frise TechPourToutes")
    commands = parser.add_subparsers(dest="command", required=True, metavar=_("COMMANDE"))
    validate = commands.add_parser("validate", help=_("valider un dossier catalogue"))
    validate.add_argument("dir", nargs="?", default="catalogue")
    add_language_option(validate, language)
    validate.set_defaults(run=_validate)
    schema = commands.add_parser("schema", help=_("écrire les JSON Schema des fichiers YAML"))
    schema.add_argument("out_dir", nargs="?", default="catalogue/schema")
    schema.set_defaults(run=_schema)
    add_db_commands(commands)
    add_scenario_commands(commands)
    add_export_command(commands, language)
    bench = commands.add_parser("bench", help=_("mesurer les ratios de performance"))
    bench.add_argument("--quick", action="store_true", help=_("tailles réduites (essai)"))
    bench.set_defaults(run=_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line in its language (`--lang`, else TPT_LANG, else French); returns the exit code."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        language = chosen_language(arguments)
    except SettingsError as err:
        print(_("Erreur : {message}").format(message=err.message))
        return 2
    with use_language(language):
        args = _parser(language).parse_args(arguments)
        try:
            return int(args.run(args))
        except OSError as err:  # a folder that cannot be written, a disk that is full
            print(_("Erreur : {reason} ({file})").format(reason=err.strerror, file=err.filename))
            return 1

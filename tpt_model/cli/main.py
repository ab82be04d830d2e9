"""Command line for pilots, CI and scripts: validate, schema, export, bench; db and scenario for admins."""

import argparse
from collections.abc import Sequence
from pathlib import Path

from tpt_model.catalogue.schema import write_schemas
from tpt_model.cli.db import add_db_commands
from tpt_model.cli.export import add_export_command
from tpt_model.cli.parser import FrenchParser
from tpt_model.cli.scenario import add_scenario_commands
from tpt_model.errors import errors_among, warnings_among
from tpt_model.export.analyses import write_analyses_schema
from tpt_model.export.as_json import write_document_schema
from tpt_model.formatting import counted
from tpt_model.scenario.folder import check_catalogue


def _validate(args: argparse.Namespace) -> int:
    result = check_catalogue(Path(args.dir))
    for problem in result.problems:
        print(problem)
    # Warnings are printed but pass: the catalogue stays usable, the pilot checks them at leisure.
    errors, warnings = errors_among(result.problems), warnings_among(result.problems)
    if errors or result.catalogue is None:
        also = " et " + counted(len(warnings), "avertissement", "avertissements") if warnings else ""
        print(counted(len(errors), "problème", "problèmes") + f"{also} dans {args.dir}")
        return 1
    also = " ; " + counted(len(warnings), "avertissement", "avertissements") if warnings else ""
    print(f"Catalogue valide : {result.catalogue.summary()}{also}")
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = FrenchParser(prog="python -m tpt_model", description="Frise TechPourToutes")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
    validate = commands.add_parser("validate", help="valider un dossier catalogue")
    validate.add_argument("dir", nargs="?", default="catalogue")
    validate.set_defaults(run=_validate)
    schema = commands.add_parser("schema", help="écrire les JSON Schema des fichiers YAML")
    schema.add_argument("out_dir", nargs="?", default="catalogue/schema")
    schema.set_defaults(run=_schema)
    add_db_commands(commands)
    add_scenario_commands(commands)
    add_export_command(commands)
    bench = commands.add_parser("bench", help="mesurer les ratios de performance")
    bench.add_argument("--quick", action="store_true", help="tailles réduites (essai)")
    bench.set_defaults(run=_bench)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except OSError as err:  # a folder that cannot be written, a disk that is full
        print(f"Erreur : {err.strerror} ({err.filename})")
        return 1

"""`python -m tpt_model export SCENARIO --format FMT [--partner ID] [-o FILE|DIR]`: the specification's files.

SCENARIO is a scenario YAML file or the name of a saved scenario. Exit codes: 0 written, 1 a file or
the database has problems (listed), 2 a format, partner, scenario or version that does not exist.
"""

import argparse
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.cli.parser import FrenchParser
from tpt_model.errors import InputError, ProblemsError, SettingsError
from tpt_model.evaluation.sheets import ScoreSheet
from tpt_model.export.build import ExportSource, unknown_partner_message
from tpt_model.export.files import write_atomic
from tpt_model.export.formats import ALL, Format, chosen_formats, export
from tpt_model.scenario.files import read_upload
from tpt_model.scenario.folder import load_catalogue
from tpt_model.session.export import workshop_reports
from tpt_model.settings import load_settings
from tpt_model.store.engine import make_engine
from tpt_model.store.errors import StoreError
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore
from tpt_model.store.scores import ScoreStore
from tpt_model.store.workshops import WorkshopStore
from tpt_model.workshop.report import WorkshopReport

USAGE = 2
PROBLEMS = 1
# What goes to the terminal when no file is named: text formats only.
TEXT_FORMATS = {"md", "html", "json", "yaml", "svg"}


class UsageError(Exception):
    """A value of the command line that names nothing (exit code 2); `message` is French."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class Found:
    """A scenario found for the export, with what the database knows of it (nothing for a file)."""

    scenario: Scenario
    version: int | None = None
    author: str | None = None
    sheets: tuple[ScoreSheet, ...] = ()
    workshops: tuple[WorkshopReport, ...] = ()


def add_export_command(commands: "argparse._SubParsersAction[FrenchParser]") -> None:
    """The `export` command and its options."""
    parser = commands.add_parser("export", help="exporter le cahier des charges d'un scénario")
    parser.add_argument("scenario", help="fichier scénario YAML, ou nom d'un scénario enregistré")
    parser.add_argument(
        "--format", default="json", help="md, html, pdf, docx, pptx, xlsx, json, yaml, png, svg ou all"
    )
    parser.add_argument("--partner", help="identifiant d'un partenaire : son brief seulement")
    parser.add_argument("-o", "--output", help="fichier (ou dossier pour --format all)")
    parser.add_argument("--catalogue", default="catalogue", help="dossier du catalogue")
    parser.add_argument("--version", type=int, help="version d'un scénario enregistré (la dernière sinon)")
    parser.add_argument(
        "--reference", action="store_true", help="compter les notes de référence du catalogue"
    )
    parser.add_argument("--date", help="date de la page de garde, AAAA-MM-JJ (aujourd'hui sinon)")
    parser.set_defaults(run=run_export)


def _same_name(infos: list[ScenarioInfo], name: str) -> ScenarioInfo | None:
    # Several scenarios can share a name (copies, imports): the oldest is the shared one.
    named = [i for i in infos if i.name == name]
    return min(named, key=lambda i: (i.created_at, i.id)) if named else None


def _has_database(url: str) -> bool:
    """Whether the database may hold scenarios (a SQLite file not yet made holds none: do not create it)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return True
    database = parsed.database
    return bool(database) and database != ":memory:" and Path(str(database)).is_file()


def _not_found(name: str) -> UsageError:
    return UsageError(f"Scénario introuvable : « {name} » : ni un fichier, ni un scénario enregistré")


def _saved(name: str, version: int | None, catalogue: Catalogue) -> Found:
    url = load_settings().database_url
    if not _has_database(url):
        raise _not_found(name)
    engine = make_engine(url)
    try:
        store = ScenarioStore(engine)
        info = _same_name(store.list(), name)
        if info is None:
            raise _not_found(name)
        chosen = version if version is not None else info.version
        authors = {v.version: v.author for v in store.versions(info.id)}
        if chosen not in authors:
            raise UsageError(
                f"Version introuvable : « {name} » n'a pas de version {chosen} (dernière : {info.version})"
            )
        scenario = store.version(info.id, chosen)
        sheets = tuple(ScoreStore(engine).sheets(info.id))
        workshops = workshop_reports(catalogue, store, WorkshopStore(engine), info.id)
        return Found(scenario, chosen, authors[chosen], sheets, workshops)
    finally:
        engine.dispose()


def _scenario(value: str, catalogue: Catalogue, version: int | None) -> Found:
    path = Path(value)
    if path.is_file():
        if version is not None:
            raise UsageError("--version ne s'applique qu'à un scénario enregistré, pas à un fichier")
        return Found(read_upload(path.read_bytes(), path.name, catalogue))
    return _saved(value, version, catalogue)


def _date(value: str | None) -> datetime.date:
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"Date invalide : « {value} » ; attendu AAAA-MM-JJ (ex. 2026-12-01)") from None


def _write(formats: list[Format], args: argparse.Namespace, source: ExportSource) -> None:
    if args.format == ALL and not args.output:
        raise UsageError("--format all écrit plusieurs fichiers : indiquez un dossier avec -o DOSSIER")
    done = export(source, formats, args.partner)
    if args.format == ALL:
        for file in done.files:
            path = Path(args.output) / file.name
            write_atomic(path, file.data)
            print(path.as_posix())
        return
    file = done.files[0]
    if not args.output and formats[0].id in TEXT_FORMATS:
        sys.stdout.write(file.data.decode("utf-8"))
        return
    path = Path(args.output or file.name)
    write_atomic(path, file.data)
    print(path.as_posix())


def run_export(args: argparse.Namespace) -> int:
    """Write the export's files; returns the exit code."""
    try:
        formats = chosen_formats(args.format)
        today = _date(args.date)
        catalogue = load_catalogue(Path(args.catalogue))
        if args.partner is not None and args.partner not in catalogue.partners_by_id:
            raise UsageError(unknown_partner_message(catalogue, args.partner))
        found = _scenario(args.scenario, catalogue, args.version)
        source = ExportSource(
            catalogue,
            found.scenario,
            today,
            sheets=found.sheets,
            include_reference=args.reference,
            version=found.version,
            author=found.author,
            workshops=found.workshops,
        )
        _write(formats, args, source)
    except (UsageError, InputError) as err:
        print(f"Erreur : {err.message}")
        return USAGE
    except ProblemsError as err:
        for problem in err.problems:
            print(problem)
        return PROBLEMS
    except (SettingsError, StoreError) as err:
        print(f"Erreur : {err.message}")
        return PROBLEMS
    return 0

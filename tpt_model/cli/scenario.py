"""`python -m tpt_model scenario …`: list the saved scenarios, import a YAML file, export one to a file.

Exit codes: 0 done, 1 a problem (its message says what to do), 2 a mistake in the command line.
"""

import argparse
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.cli.common import database_url, engine_at_head, file_error
from tpt_model.cli.parser import FrenchParser
from tpt_model.errors import ProblemsError, SettingsError
from tpt_model.formatting import counted, time_label
from tpt_model.i18n import _, mark_
from tpt_model.scenario.files import dump_scenario
from tpt_model.scenario.folder import check_catalogue
from tpt_model.session.library import (
    PendingImport,
    import_failure,
    import_scenario,
    import_under_a_free_name,
    replace_with_import,
)
from tpt_model.settings import load_settings
from tpt_model.store.errors import StoreError
from tpt_model.store.scenarios import ScenarioInfo, ScenarioStore
from tpt_model.text import fold
from tpt_model.yamlio.writing import write_atomically

LIST_HINT = mark_("« python -m tpt_model scenario list » les montre")


class _RefusedError(Exception):
    """A refusal the command prints as is (after « Erreur : »)."""


def _table(rows: list[list[str]]) -> list[str]:
    """Rows as aligned columns (the last one left ragged)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]]).rstrip()
        for row in rows
    ]


StoreCommand = Callable[[argparse.Namespace, ScenarioStore], int]


def _with_store(command: StoreCommand) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        engine: Engine | None = None
        try:
            engine = engine_at_head(database_url())
            return command(args, ScenarioStore(engine))
        except (SettingsError, StoreError) as err:
            print(_("Erreur : {message}").format(message=err.message))
            return 1
        except _RefusedError as err:
            print(_("Erreur : {message}").format(message=err))
            return 1
        finally:
            if engine is not None:
                engine.dispose()

    return run


def _list(_args: argparse.Namespace, store: ScenarioStore) -> int:
    infos = store.list()
    if not infos:
        print(_("Aucun scénario dans la base."))
        return 0
    rows = [[_("Nom"), _("Version"), _("Modifié"), _("Par"), _("Identifiant")]]
    rows += [[i.name, str(i.version), time_label(i.updated_at), i.updated_by, i.id] for i in infos]
    for line in _table(rows):
        print(line)
    print(counted(len(infos), "scénario", "scénarios"))
    return 0


def _catalogue(folder: str | None) -> Catalogue:
    # Like the app: a file in error leaves the rest of the catalogue usable.
    root = Path(folder) if folder else load_settings().catalogue_dir
    result = check_catalogue(root)
    if result.catalogue is None:
        for problem in result.problems:
            print(problem)
        raise _RefusedError(
            _("le catalogue « {root} » ne peut pas être lu : corrigez d'abord programme.yaml.").format(
                root=root
            )
        )
    return result.catalogue


def _import(args: argparse.Namespace, store: ScenarioStore) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise _RefusedError(
            _("{reason} Rien n'a été importé.").format(reason=file_error(err, path))
        ) from None
    catalogue = _catalogue(args.catalogue)
    try:
        result = import_scenario(store, data, path.name, catalogue, args.author)
    except ProblemsError as err:
        notice = import_failure(path.name, err)
        for line in notice.details:
            print(line)
        raise _RefusedError(notice.text) from None
    if not isinstance(result, PendingImport):
        print(
            _("Scénario « {name} » importé (version {version}).").format(
                name=result.scenario.name, version=result.version
            )
        )
        return 0
    if args.replace:
        stored = replace_with_import(store, result, args.author)
        print(
            _(
                "Scénario « {name} » remplacé par le fichier (version {version} ; l'historique est gardé)."
            ).format(name=stored.scenario.name, version=stored.version)
        )
        return 0
    if args.rename:
        stored = import_under_a_free_name(store, result, args.author)
        print(
            _("Scénario importé sous le nom « {name} » (version {version}).").format(
                name=stored.scenario.name, version=stored.version
            )
        )
        return 0
    raise _RefusedError(
        _(
            "un scénario s'appelle déjà « {name} » : rien n'a été importé. Relancez avec "
            "--replace pour le remplacer (son historique est gardé) ou --rename pour l'importer sous un "
            "autre nom."
        ).format(name=result.scenario.name)
    )


def _find(store: ScenarioStore, name: str) -> ScenarioInfo:
    """The scenario named `name` (case and accents aside), or whose identifier is `name`."""
    infos = store.list()
    found = [i for i in infos if i.id == name] or [i for i in infos if fold(i.name) == fold(name)]
    if not found:
        raise _RefusedError(
            _("aucun scénario ne s'appelle « {name} » ; {hint}.").format(name=name, hint=_(LIST_HINT))
        )
    if len(found) > 1:
        ids = ", ".join(i.id for i in found)
        raise _RefusedError(
            _(
                "{count} scénarios s'appellent « {name} » : donnez l'identifiant de l'un d'eux ({ids})."
            ).format(count=len(found), name=name, ids=ids)
        )
    return found[0]


def _export(args: argparse.Namespace, store: ScenarioStore) -> int:
    stored = store.get(_find(store, args.name).id)
    path = Path(args.output)
    try:
        write_atomically(path, dump_scenario(stored.scenario).encode("utf-8"))
    except OSError as err:
        raise _RefusedError(
            _("{reason} Rien n'a été exporté.").format(reason=file_error(err, path))
        ) from None
    print(
        _("Scénario « {name} » (version {version}) exporté dans « {path} ».").format(
            name=stored.scenario.name, version=stored.version, path=path
        )
    )
    return 0


def add_scenario_commands(commands: "argparse._SubParsersAction[FrenchParser]") -> None:
    """Add `scenario list|import|export` to the command line."""
    scenario = commands.add_parser("scenario", help=_("lister, importer, exporter les scénarios de la base"))
    scenario_commands = scenario.add_subparsers(dest="scenario_command", required=True, metavar=_("COMMANDE"))
    listing = scenario_commands.add_parser("list", help=_("lister les scénarios enregistrés"))
    listing.set_defaults(run=_with_store(_list))
    importing = scenario_commands.add_parser("import", help=_("importer un fichier scénario YAML"))
    importing.add_argument("file", metavar=_("FICHIER"), help=_("fichier scénario YAML (256 Ko au plus)"))
    importing.add_argument(
        "--catalogue", metavar=_("DOSSIER"), help=_("dossier du catalogue (par défaut : TPT_CATALOGUE_DIR)")
    )
    importing.add_argument("--author", metavar=_("NOM"), default="", help=_("nom inscrit dans l'historique"))
    same_name = importing.add_mutually_exclusive_group()
    same_name.add_argument(
        "--replace",
        action="store_true",
        help=_("remplacer le scénario du même nom (son historique est gardé)"),
    )
    same_name.add_argument(
        "--rename", action="store_true", help=_("si le nom est pris, importer sous « Nom (2) »")
    )
    importing.set_defaults(run=_with_store(_import))
    exporting = scenario_commands.add_parser("export", help=_("exporter un scénario enregistré en YAML"))
    exporting.add_argument("name", metavar=_("NOM"), help=_("nom du scénario (ou son identifiant)"))
    exporting.add_argument(
        "-o", "--output", metavar=_("FICHIER"), required=True, help=_("fichier YAML à écrire")
    )
    exporting.set_defaults(run=_with_store(_export))

"""`python -m tpt_model db …`: upgrade, check, backup and restore the database (TPT_DATABASE_URL).

Exit codes: 0 done (or, for `check`, the database is ready), 1 a problem (its message says what
to do), 2 a mistake in the command line.
"""

import argparse
from collections.abc import Callable
from pathlib import Path

from tpt_model.cli.common import database_url, engine_as_is, engine_at_head, file_error
from tpt_model.cli.parser import FrenchParser
from tpt_model.errors import ProblemsError, SettingsError
from tpt_model.formatting import counted
from tpt_model.i18n import _, mark_
from tpt_model.store.backup import BackupSummary, restore_backup, write_backup
from tpt_model.store.errors import StoreError
from tpt_model.store.migrate import SchemaUpgrade, known_revisions, schema_status, upgrade
from tpt_model.yamlio.writing import atomic_text

UPGRADE_HINT = mark_("lancez « python -m tpt_model db upgrade »")
# How each table's rows are counted in messages, in this order; a table added later is counted in rows.
# Each count is a call with its two nouns written out, so that they are extracted for translation.
_NOUNS: dict[str, Callable[[int], str]] = {
    "scenarios": lambda n: counted(n, "scénario", "scénarios"),
    "scenario_versions": lambda n: counted(n, "version", "versions"),
    "scores": lambda n: counted(n, "note", "notes"),
    "sessions": lambda n: counted(n, "session", "sessions"),
    "catalogue_edits": lambda n: counted(n, "enregistrement du catalogue", "enregistrements du catalogue"),
    "pilot_attempts": lambda n: counted(
        n, "essai manqué du secret des pilotes", "essais manqués du secret des pilotes"
    ),
}


def _upgrade(_args: argparse.Namespace) -> int:
    engine = engine_as_is(database_url())
    try:
        change = upgrade(engine)
    finally:
        engine.dispose()
    print(_upgrade_line(change))
    return 0


def _upgrade_line(change: SchemaUpgrade) -> str:
    if change.before is None:
        return _("Base créée à la révision {after}.").format(after=change.after)
    if change.before == change.after:
        return _("Base déjà à jour (révision {after}).").format(after=change.after)
    return _("Base mise à jour : révision {before} → {after}.").format(
        before=change.before, after=change.after
    )


def _check(_args: argparse.Namespace) -> int:
    engine = engine_as_is(database_url())
    try:
        status = schema_status(engine)
    finally:
        engine.dispose()
    if status.up_to_date:
        print(
            _("Base joignable, schéma à jour (révision {head}) : les serveurs peuvent démarrer.").format(
                head=status.head
            )
        )
        return 0
    if status.current is not None and status.current not in known_revisions():
        print(
            _(
                "Erreur : la base est à une révision inconnue de cette version de l'application "
                "({current}) : elle a été mise à jour par une version plus récente."
            ).format(current=status.current)
        )
    elif status.current is not None:
        print(
            _("Erreur : schéma en retard (révision {current}, cette version attend {head}) : {hint}.").format(
                current=status.current, head=status.head, hint=_(UPGRADE_HINT)
            )
        )
    elif status.has_tables:
        print(
            _("Erreur : schéma d'avant les migrations (aucune révision) : {hint}.").format(
                hint=_(UPGRADE_HINT)
            )
        )
    else:
        print(_("Erreur : base vide (aucune table) : {hint}.").format(hint=_(UPGRADE_HINT)))
    return 1


def _contents(summary: BackupSummary) -> str:
    """« 3 scénarios, 12 versions, 40 notes » : the tables that hold rows, the main ones first."""
    known = [(name, summary.counts[name]) for name in _NOUNS if name in summary.counts]
    others = [(name, n) for name, n in summary.counts.items() if name not in _NOUNS]
    parts = [_NOUNS[name](n) for name, n in known if n]
    parts += [
        _("{rows} de « {table} »").format(rows=counted(n, "ligne", "lignes"), table=name)
        for name, n in others
        if n
    ]
    return ", ".join(parts) or _("aucune donnée")


def _backup(args: argparse.Namespace) -> int:
    path = Path(args.file)
    engine = engine_as_is(database_url())
    try:
        # Private: the file holds people's names; written whole or not at all.
        with atomic_text(path, private=True) as out:
            summary = write_backup(engine, out)
    except OSError as err:
        print(_("Erreur : {reason} Aucune sauvegarde n'a été écrite.").format(reason=file_error(err, path)))
        return 1
    finally:
        engine.dispose()
    print(
        _("Sauvegarde écrite dans « {path} » (révision {revision}) : {contents}.").format(
            path=path, revision=summary.revision, contents=_contents(summary)
        )
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    path = Path(args.file)
    url = database_url()
    try:
        with path.open(encoding="utf-8") as lines:
            engine = engine_at_head(url)
            try:
                summary = restore_backup(engine, lines, str(path), replace=args.replace)
            finally:
                engine.dispose()
    except OSError as err:
        print(_("Erreur : {reason} Rien n'a été restauré.").format(reason=file_error(err, path)))
        return 1
    except UnicodeDecodeError:
        print(
            _(
                "Erreur : « {path} » n'est pas une sauvegarde (texte UTF-8 attendu). Rien n'a été restauré."
            ).format(path=path)
        )
        return 1
    except ProblemsError as err:
        for problem in err.problems:
            print(problem)
        print(_("Erreur : la sauvegarde a un problème. Rien n'a été restauré."))
        return 1
    print(
        _("Sauvegarde « {path} » restaurée (révision {revision}) : {contents}.").format(
            path=path, revision=summary.revision, contents=_contents(summary)
        )
    )
    return 0


def _guarded(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except (SettingsError, StoreError) as err:
            print(_("Erreur : {message}").format(message=err.message))
            return 1

    return run


def add_db_commands(commands: "argparse._SubParsersAction[FrenchParser]") -> None:
    """Add `db upgrade|check|backup|restore` to the command line."""
    db = commands.add_parser("db", help=_("administrer la base de données (TPT_DATABASE_URL)"))
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar=_("COMMANDE"))
    db_upgrade = db_commands.add_parser(
        "upgrade", help=_("mettre le schéma de la base à la dernière révision")
    )
    db_upgrade.set_defaults(run=_guarded(_upgrade))
    db_check = db_commands.add_parser(
        "check", help=_("vérifier que la base répond et que son schéma est à jour (sans rien changer)")
    )
    db_check.set_defaults(run=_guarded(_check))
    db_backup = db_commands.add_parser(
        "backup", help=_("sauvegarder toute la base dans un fichier JSON lines")
    )
    db_backup.add_argument("file", metavar=_("FICHIER"), help=_("fichier de sauvegarde à écrire (.jsonl)"))
    db_backup.set_defaults(run=_guarded(_backup))
    db_restore = db_commands.add_parser("restore", help=_("restaurer une sauvegarde dans la base"))
    db_restore.add_argument("file", metavar=_("FICHIER"), help=_("fichier écrit par « db backup »"))
    db_restore.add_argument(
        "--replace",
        action="store_true",
        help=_("effacer d'abord le contenu de la base (sinon : base vide exigée)"),
    )
    db_restore.set_defaults(run=_guarded(_restore))

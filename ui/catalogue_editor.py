"""The pilots' editor on the catalogue page: open a brick or a file, edit, preview the diff, save.

The form (or the YAML text) shows the validator's messages as the pilot types; the diff of what
the save would write is always under it; the save itself checks the whole catalogue again and
refuses a conflict, keeping her version on screen.
"""

from pathlib import Path

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.fingerprint import folder_fingerprint
from tpt_model.catalogue_edit.bricks import stem
from tpt_model.catalogue_edit.checking import check_brick_text, draft_text
from tpt_model.catalogue_edit.draft import BrickData, brick_path
from tpt_model.catalogue_edit.git import work_tree
from tpt_model.catalogue_edit.health import brick_usage
from tpt_model.catalogue_edit.plan import EditPlan, FileChange, Snapshot, text_change
from tpt_model.catalogue_edit.saving import check_plan
from tpt_model.errors import WARNING, InputError, Problem
from tpt_model.formatting import count
from tpt_model.session.catalogue_edit import MODE_LABELS, EditorView, save
from tpt_model.text import escape_markdown
from ui.brick_form import brick_form
from ui.catalogue_source import forget_recent_scans
from ui.settings import app_settings
from ui.store_errors import store_errors
from ui.stores import catalogue_edit_store, scenario_store

OTHER_FILES = ("programme.yaml", "partners.yaml", "calendar.yaml", "personas.yaml")


def _brick_files(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "bricks").glob("*.yaml"))


def _scenario_files(root: Path) -> list[str]:
    return [f"scenarios/{p.name}" for p in sorted((root / "scenarios").glob("*.yaml"))]


def _chooser(catalogue: Catalogue, view: EditorView, root: Path) -> None:
    """Open a brick, start a new one or a copy, or open another file of the folder as YAML."""
    ids = _brick_files(root)
    titles = {b.id: b.title for b in catalogue.bricks}
    cols = st.columns([3, 1, 1, 1], vertical_alignment="bottom")
    chosen = cols[0].selectbox(
        "Brique",
        ids,
        index=ids.index(stem(view.open.path)) if view.open and stem(view.open.path) in ids else None,
        format_func=lambda i: titles.get(i, f"{i} (fichier en erreur)"),
        placeholder="Choisissez une brique",
        key="catalogue_edit_choice",
    )
    cols[1].button(
        "Ouvrir",
        key="catalogue_edit_open",
        disabled=chosen is None,
        on_click=view.open_brick,
        args=(root, chosen),
    )
    cols[2].button(
        "Dupliquer",
        key="catalogue_edit_duplicate",
        disabled=chosen is None or chosen not in titles,
        on_click=view.duplicate,
        args=(root, catalogue, chosen, frozenset(ids)),
    )
    cols[3].button("Nouvelle brique", key="catalogue_edit_new", on_click=view.new_brick, args=(catalogue,))
    with st.expander("Autres fichiers du catalogue (en texte YAML)"):
        files = [name for name in OTHER_FILES if (root / name).exists()] + _scenario_files(root)
        other = st.selectbox(
            "Fichier", files, index=None, placeholder="Choisissez un fichier", key="catalogue_edit_other"
        )
        st.button(
            "Ouvrir le fichier",
            key="catalogue_edit_open_other",
            disabled=other is None,
            on_click=view.open_file,
            args=(root, other),
        )


def _show_notice(view: EditorView) -> None:
    notice = view.notice
    if notice is None:
        return
    show = {"success": st.success, "warning": st.warning, "error": st.error}[notice.kind]
    lines = [escape_markdown(notice.text), *(f"- {escape_markdown(d)}" for d in notice.details)]
    show("\n".join(lines))


def _conflict(view: EditorView, root: Path) -> None:
    """Both versions of a file that changed on disk, and the ways on; nothing of hers is lost."""
    conflict = view.conflict
    if conflict is None:
        return
    st.error(escape_markdown(conflict.message), icon=":material/sync_problem:")
    disk, mine = st.columns(2)
    with disk:
        st.markdown("**Version sur le disque, maintenant**")
        st.code(conflict.disk_text or "(fichier supprimé)", language="yaml")
    with mine:
        st.markdown("**Votre version (non enregistrée)**")
        st.code(conflict.mine or "(suppression du fichier)", language="yaml")
    before = Snapshot(conflict.path, conflict.disk_text, None)
    st.markdown("Ce que votre version change dans celle du disque :")
    st.code(FileChange(before, conflict.mine).diff() or "(aucune différence)", language="diff")
    cols = st.columns(3)
    cols[0].button(
        "Reprendre ma version sur celle du disque",
        key="catalogue_edit_keep_mine",
        on_click=view.keep_mine_over_disk,
        args=(root,),
        disabled=conflict.mine is None,
        type="primary",
    )
    cols[1].button(
        "Ouvrir la version du disque",
        key="catalogue_edit_take_disk",
        on_click=view.take_disk_version,
        args=(root,),
    )
    cols[2].button(
        "Fermer", key="catalogue_edit_conflict_close", on_click=lambda: setattr(view, "conflict", None)
    )


@st.cache_data(max_entries=16, show_spinner="Vérification du catalogue…")
def _file_problems(root: str, path: str, before: str | None, text: str, fingerprint: str) -> list[Problem]:  # noqa: ARG001
    """What a YAML text adds to the catalogue's errors, and its file's warnings (whole catalogue checked)."""
    checked = check_plan(Path(root), text_change(Snapshot(path, before, None), text))
    return [*checked.errors, *checked.warnings]


def _located(problems: list[Problem], path: str) -> None:
    """Problems of a text, one line each: where (the file too, when another one breaks), the field, what."""
    if not problems:
        st.success("Aucun problème : le fichier peut être enregistré.", icon=":material/check_circle:")
        return
    for p in problems:
        elsewhere = "" if p.file.endswith(path) else f"{p.file}, "
        text = escape_markdown(f"{elsewhere}ligne {p.line}, colonne {p.column} — {p.field} : {p.message}")
        (st.warning if p.level == WARNING else st.error)(text)


def _yaml_editor(catalogue: Catalogue, view: EditorView, root: Path, taken: frozenset[str]) -> list[Problem]:
    assert view.open is not None
    key = f"catalogue_edit_{view.round}_yaml"
    st.session_state.setdefault(key, view.yaml_text)
    view.yaml_text = st.text_area(
        f"Texte de {view.open.path}",
        key=key,
        height=520,
        help="Le texte est vérifié à chaque changement (Ctrl+Entrée, ou un clic hors du champ).",
    )
    if view.open.is_brick:
        problems = list(check_brick_text(catalogue, view.yaml_text, view.open.path, taken=taken).problems)
    else:
        opened = view.open.opened.text if view.open.opened else None
        fingerprint = folder_fingerprint(root)  # another file's change shows too
        problems = _file_problems(str(root), view.open.path, opened, view.yaml_text, fingerprint)
    _located(problems, view.open.path)
    return problems


def _saved_users() -> dict[str, list[str]]:
    with store_errors():
        return brick_usage(scenario_store().current_contents())


def _preview(view: EditorView, root: Path, errors: list[Problem]) -> EditPlan | None:
    """The diff of what the save would write, and what else the pilot should know."""
    try:
        plan = view.plan(root, _saved_users())
    except InputError as err:
        if not errors:  # otherwise the field's own message already says it (an invalid id)
            st.error(escape_markdown(err.message))
        return None
    st.markdown("### Aperçu des changements")
    diff = plan.diff()
    if not diff:
        st.caption("Aucun changement par rapport au fichier ouvert.")
    else:
        st.caption(escape_markdown(f"{plan.summary} — {count(len(plan.effective), 'fichier')}"))
        st.code(diff, language="diff")
    for note in plan.notes:
        st.warning(escape_markdown(note), icon=":material/info:")
    if errors:
        st.caption(
            "Corrigez d'abord les erreurs signalées ci-dessus : l'enregistrement reste fermé jusque-là."
        )
    return plan


def _save_row(view: EditorView, root: Path, plan: EditPlan | None, blocked: bool) -> None:
    settings = app_settings()
    committing = settings.catalogue_git_commit and work_tree(root) is not None
    message = ""
    if committing and plan is not None:
        message = st.text_input(
            "Message du commit git",
            placeholder=plan.summary if plan else "",
            key="catalogue_edit_commit",
            max_chars=200,
        )
    disabled = plan is None or blocked or not plan.effective
    if st.button(
        "Enregistrer dans le catalogue",
        key="catalogue_edit_save",
        type="primary",
        disabled=disabled,
        icon=":material/save:",
    ):
        assert plan is not None
        with store_errors():
            journal = catalogue_edit_store()
        if save(view, root, plan, journal, settings, message):
            forget_recent_scans()  # this session reads the new catalogue at once
            st.session_state.pop("catalogue_edit_commit", None)
        st.rerun()


def _removal(view: EditorView, root: Path) -> None:
    if view.open is None or view.open.opened is None or not view.open.is_brick:
        return
    with st.expander("Supprimer cette brique"):
        st.caption("Seule une brique qu'aucun scénario (livré ou enregistré) ne place peut être supprimée.")
        sure = st.checkbox(
            "Je confirme la suppression du fichier", key=f"catalogue_edit_{view.round}_remove_sure"
        )
        if st.button("Supprimer la brique", key="catalogue_edit_remove", disabled=not sure):
            try:
                plan = view.removal(root, _saved_users())
            except InputError as err:
                st.error(escape_markdown(err.message))
                return
            with store_errors():
                journal = catalogue_edit_store()
            if save(view, root, plan, journal, app_settings()):
                forget_recent_scans()
            st.rerun()


def catalogue_editor(catalogue: Catalogue, view: EditorView) -> None:
    """The whole editor: what is open, the form or the text with its messages, the preview and the save."""
    root = app_settings().catalogue_dir
    _show_notice(view)
    _conflict(view, root)
    _chooser(catalogue, view, root)
    if view.open is None:
        st.info("Choisissez une brique à modifier, ou créez-en une.", icon=":material/edit_note:")
        return
    open_file = view.open
    taken = frozenset(_brick_files(root)) - ({stem(open_file.opened.path)} if open_file.opened else set())
    where = open_file.path if open_file.opened else "nouvelle brique, pas encore enregistrée"
    head = st.columns([3, 2, 1], vertical_alignment="bottom")
    head[0].markdown(f"## {escape_markdown(where)}")
    if open_file.is_brick:
        head[1].segmented_control(
            "Modifier avec",
            list(MODE_LABELS),
            format_func=MODE_LABELS.__getitem__,
            key=f"catalogue_edit_{view.round}_mode",
            default=view.mode,
            on_change=lambda: _switch(view, f"catalogue_edit_{view.round}_mode"),
        )
    head[2].button("Fermer", key="catalogue_edit_close", on_click=view.close)
    if view.mode == "formulaire":

        def check(draft: BrickData) -> list[Problem]:
            text = draft_text(draft, open_file.base_text, open_file.base_data)
            file = brick_path(str(draft.get("id") or "nouvelle-brique"))
            return list(check_brick_text(catalogue, text, file, taken=taken).problems)

        view.draft, problems = brick_form(catalogue, view.round, view.draft, check)
    else:
        problems = _yaml_editor(catalogue, view, root, taken)
    errors = [p for p in problems if p.level != WARNING]
    plan = _preview(view, root, errors)
    _save_row(view, root, plan, bool(errors))
    _removal(view, root)


def _switch(view: EditorView, key: str) -> None:
    wanted = st.session_state.get(key)
    if wanted == "yaml" and view.mode == "formulaire":
        view.to_yaml()
    elif wanted == "formulaire" and view.mode == "yaml":
        view.to_form()
    if view.mode != wanted:  # refused (a text that is no valid brick): the control shows the mode kept
        st.session_state[key] = view.mode

"""The catalogue as the pages see it: loaded once per change of the pilots' files."""

import time
from pathlib import Path

import streamlit as st

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.fingerprint import folder_fingerprint
from tpt_model.catalogue.last_good import LastGood
from tpt_model.catalogue.loader import LoadResult
from tpt_model.errors import problems_summary
from tpt_model.i18n import Language, _, current_language
from tpt_model.scenario.folder import check_catalogue
from tpt_model.text import escape_markdown
from ui.settings import app_settings

# A pilot's edit is seen within this many seconds: stat-ing thousands of files on every rerun
# of every session would cost more than the rest of a rerun.
FINGERPRINT_TTL_S = 2.0
_recent: dict[Path, tuple[float, str]] = {}
# What each folder last gave: a pilot's broken edit never makes bricks vanish from a frise.
LAST_GOOD = LastGood()


def _fingerprint(root: Path) -> str:
    """Digest of the name, size and modification time of every catalogue file (re-read every few seconds).

    A short digest, not the list itself: the cache hashes its arguments on every call.
    """
    now = time.monotonic()
    seen = _recent.get(root)
    if seen is not None and now - seen[0] < FINGERPRINT_TTL_S:
        return seen[1]
    fingerprint = folder_fingerprint(root)
    _recent[root] = (now, fingerprint)
    return fingerprint


def forget_recent_scans() -> None:
    """Look at the files again at the next rerun (tests change them within the few seconds)."""
    _recent.clear()


# cache_resource, not cache_data: the catalogue is immutable, so every session can share one
# object instead of unpickling a copy of thousands of bricks on each rerun. Its problems are
# sentences for people: one result per language.
@st.cache_resource(max_entries=4, show_spinner=False)
def _load(root: str, fingerprint: str, language: Language) -> LoadResult:  # noqa: ARG001
    return LAST_GOOD.apply(root, check_catalogue(Path(root)))


def load_result() -> LoadResult:
    """The catalogue and its problems, reloaded when a file changes."""
    root = app_settings().catalogue_dir
    with st.spinner(_("Lecture du catalogue…")):  # shown only when reading takes half a second
        return _load(str(root), _fingerprint(root), current_language())


def require_catalogue() -> Catalogue:
    """The catalogue, or a French error and a stop when not even the programme can be read."""
    result = load_result()
    if result.catalogue is None:
        st.error(_("Le catalogue ne peut pas être lu : corrigez d'abord programme.yaml."))
        show_problems(result)
        st.stop()
    if result.fallback:
        st.warning(
            _(
                "Le catalogue a un problème qui empêche de le lire (voir la barre latérale) : l'application "
                "montre sa dernière version valide jusqu'à ce qu'il soit corrigé."
            ),
            icon=":material/history:",
        )
    return result.catalogue


def show_problems(result: LoadResult) -> None:
    """A one-line count of the catalogue's problems; the list itself only when asked for."""
    if not result.problems:
        return
    st.warning(escape_markdown(problems_summary(result.problems)), icon=":material/warning:")
    if st.toggle(_("Voir les problèmes du catalogue"), key="app_problems_detail"):
        st.caption(
            _(
                "Un fichier en erreur est ignoré (ou montré d'après sa dernière version valide) ; "
                "un avertissement n'empêche rien."
            )
        )
        st.code("\n".join(str(p) for p in result.problems), language=None)

"""The language users read the app in: French (the default, and the source texts) or English.

Texts are written in French in the code and wrapped in `_()` (or `n_()` when they depend on a
count); the catalogues under `tpt_model/locales/<lang>/LC_MESSAGES/messages.po` give their
translation. French is the identity: its catalogue holds every message with an empty translation,
so the French text shown is the one in the code. The `.po` files are compiled in memory by Babel at
first use (no `.mo` file to build or commit).

The current language is a context variable: a Streamlit run sets it at its start (`ui/language.py`),
a command or an export may set it with `use_language`. Where no context has set it (Streamlit runs a
widget's callback and a fragment's rerun in a fresh thread, before or without the page's script),
the language of the session is asked of the source the app gave `follow_session`. Texts of module-level
constants are marked with `mark_()` (extracted, not translated) and translated where they are shown,
with `_()`: a constant evaluated at import would stay in the language of the first import.
"""

import ast
import gettext
import inspect
import io
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

from babel.messages.extract import extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "fr"
# The name of each language in itself, as the selector shows it.
LANGUAGE_NAMES: dict[Language, str] = {"fr": "Français", "en": "English"}
# Babel's locale of each language, for numbers, dates and currencies.
LOCALES: dict[Language, str] = {"fr": "fr_FR", "en": "en"}
LOCALE_DIR = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"

_language: ContextVar[Language | None] = ContextVar("tpt_language", default=None)
_session_source: list[Callable[[], Language | None]] = []  # what `follow_session` gave, if anything


def parse_language(value: str | None) -> Language | None:
    """The language a text names (« en », « EN », « en-GB »), or None when it names none we have."""
    code = (value or "").strip().lower()[:2]
    return next((lang for lang in LANGUAGES if lang == code), None)


def follow_session(source: Callable[[], Language | None]) -> None:
    """Where to find the language when no context has set one: the app's session (None outside of one)."""
    _session_source[:] = [source]


def current_language() -> Language:
    """The language of the texts made now: the context's, else the session's, else French."""
    language = _language.get()
    if language is None and _session_source:
        language = _session_source[0]()
    return language or DEFAULT_LANGUAGE


def current_locale() -> str:
    """Babel's locale of the current language (« fr_FR », « en »)."""
    return LOCALES[current_language()]


def set_language(language: Language) -> None:
    """Make `language` current for the rest of this context (a Streamlit run sets it at its start)."""
    _language.set(language)


@contextmanager
def use_language(language: Language) -> Iterator[None]:
    """Make `language` current inside the `with` block, and the previous one again after it."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def po_path(language: Language) -> Path:
    """The catalogue file of a language."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


class _SourceTexts(gettext.NullTranslations):
    """The French texts of the code, for a message a catalogue lacks: French counts 0 as singular."""

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid1 if abs(n) < 2 else msgid2


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: Language) -> gettext.GNUTranslations:
    """The compiled catalogue of a language (read once per process).

    Untranslated and fuzzy messages are left out of it, so that gettext shows the French text
    rather than an empty one; the completeness test makes sure none is left in English.
    """
    with po_path(language).open("rb") as po:
        catalog = read_po(po, locale=LOCALES[language], domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    compiled_catalogue = gettext.GNUTranslations(compiled)
    compiled_catalogue.add_fallback(_SourceTexts())
    return compiled_catalogue


def _(message: str) -> str:
    """`message` (French) in the current language (an empty text stays empty, not the catalogue's header)."""
    return translations(current_language()).gettext(message) if message else message


def n_(singular: str, plural: str, n: int) -> str:
    """The form of the message that fits the count `n`, in the current language (French: 0 and 1 singular)."""
    return translations(current_language()).ngettext(singular, plural, n)


def mark_(message: str) -> str:
    """Mark a text of a module-level constant for translation; it is translated where it is shown."""
    return message


def extract_with_field_docs(
    fileobj: io.BufferedReader,
    keywords: Mapping[str, object],
    comment_tags: Collection[str],
    options: dict[str, object],
) -> Iterator[tuple[object, ...]]:  # Babel's (line, function, message, comments)
    """Babel's extraction of a model file (`babel.cfg`): its `_()` texts and its fields' docstrings.

    Pydantic makes each field's docstring its description, which the brick form shows as the
    field's help, through `_()`: the docstrings (French, as the JSON Schema keeps them) are
    extracted as pydantic reads them (`inspect.cleandoc`).
    """
    # Babel hands over its own keyword and option records, passed through as they came.
    yield from extract_python(fileobj, keywords, comment_tags, options)  # type: ignore[arg-type]
    fileobj.seek(0)
    tree = ast.parse(fileobj.read())
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        for field, doc in zip(cls.body, cls.body[1:], strict=False):
            if (
                isinstance(field, ast.AnnAssign)
                and isinstance(doc, ast.Expr)
                and isinstance(doc.value, ast.Constant)
                and isinstance(doc.value.value, str)
            ):
                yield doc.lineno, None, inspect.cleandoc(doc.value.value), []

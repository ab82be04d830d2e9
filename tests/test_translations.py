"""Every text of the code has its English translation, and the catalogues hold nothing stale.

French is the source language: the texts in the code are French, and the French catalogue is the
identity (every message present, its translation left empty, so the code's text shows). The English
catalogue must translate every message. `make translations` brings both up to date after a change.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from helpers import ROOT

from tpt_model.i18n import LANGUAGES, LOCALES, Language, po_path

# The same keywords as the Makefile's BABEL_KEYWORDS: ngettext as n_, marked constants, counted nouns.
KEYWORDS = {**DEFAULT_KEYWORDS, "n_": (1, 2), "mark_": None, "counted": (2, 3)}
SOURCES = ("tpt_model", "ui", "pages")  # and app.py


def _source_messages() -> set[str]:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg, str(ROOT / "babel.cfg"))
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=KEYWORDS)
    return {message[0] if isinstance(message, tuple) else message for _, _, message, _, _ in found}


def _catalogue(language: Language) -> Catalog:
    with po_path(language).open("rb") as po:
        return read_po(po, locale=LOCALES[language])


def _msgid(message: Message) -> str:
    return str(message.id[0] if isinstance(message.id, tuple) else message.id)


def _entries(catalog: Catalog) -> Iterator[Message]:
    return (m for m in catalog if m.id)


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


SOURCE_MESSAGES = _source_messages()


def test_the_code_has_texts_to_translate() -> None:
    assert "oui" in SOURCE_MESSAGES
    assert len(SOURCE_MESSAGES) > 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_has_every_text_of_the_code_and_no_other(language: Language) -> None:
    catalogued = {_msgid(m) for m in _entries(_catalogue(language))}
    assert sorted(SOURCE_MESSAGES - catalogued) == [], "run `make translations`"
    assert sorted(catalogued - SOURCE_MESSAGES) == [], "run `make translations`"


def test_every_text_has_its_english_translation() -> None:
    untranslated = [_msgid(m) for m in _entries(_catalogue("en")) if not _translated(m)]
    assert untranslated == []


def test_french_is_the_source_so_its_catalogue_translates_nothing() -> None:
    rewritten = [_msgid(m) for m in _entries(_catalogue("fr")) if any(m.string) and m.string != m.id]
    assert rewritten == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_fuzzy_or_obsolete_entry(language: Language) -> None:
    catalog = _catalogue(language)
    assert [_msgid(m) for m in _entries(catalog) if m.fuzzy] == []
    assert list(catalog.obsolete) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: Language) -> None:
    problems = [(_msgid(m), errors) for m in _entries(_catalogue(language)) if (errors := m.check())]
    assert problems == []


def _translation_calls_in_fstrings(path: Path) -> Iterator[str]:
    keywords = set(KEYWORDS)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in keywords
                    and any(
                        isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in inner.args
                    )
                ):
                    yield f"{path.relative_to(ROOT)}:{inner.lineno}"


def test_no_text_to_translate_hides_in_an_fstring() -> None:
    # Babel does not look inside f-strings on Python 3.11: a `_()` there would never be extracted.
    paths = [p for source in SOURCES for p in (ROOT / source).rglob("*.py")] + [ROOT / "app.py"]
    assert [hit for path in paths for hit in _translation_calls_in_fstrings(path)] == []

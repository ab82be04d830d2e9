"""The current language decides every text made in its context: messages, plurals, numbers and dates."""

import contextvars
import datetime
import threading

import pytest

from tpt_model.formatting import counted, date_label, euros, month_range, number, time_label
from tpt_model.i18n import _, current_language, mark_, n_, parse_language, set_language, use_language


def test_french_is_the_default_and_its_texts_are_the_code_s() -> None:
    assert current_language() == "fr"
    assert _("oui") == "oui"
    assert _("un texte qu'aucun catalogue ne connaît") == "un texte qu'aucun catalogue ne connaît"


def test_the_language_of_the_context_translates() -> None:
    with use_language("en"):
        assert current_language() == "en"
        assert _("oui") == "yes"
        assert _("{time} le {date}") == "{time} on {date}"
    assert _("oui") == "oui"


def test_an_unknown_text_shows_in_french_in_english_too() -> None:
    with use_language("en"):
        assert _("un texte qu'aucun catalogue ne connaît") == "un texte qu'aucun catalogue ne connaît"


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        ("fr", 0, "scénario"),
        ("fr", 1, "scénario"),
        ("fr", 2, "scénarios"),
        ("en", 0, "scenarios"),
        ("en", 1, "scenario"),
    ],
)
def test_plurals_follow_each_language_s_rule(language: str, n: int, expected: str) -> None:
    with use_language(language):  # type: ignore[arg-type]
        assert n_("scénario", "scénarios", n) == expected


def test_french_counts_zero_as_singular_even_for_a_text_no_catalogue_has() -> None:
    assert n_("mot inconnu", "mots inconnus", 0) == "mot inconnu"
    assert n_("mot inconnu", "mots inconnus", 2) == "mots inconnus"


def test_numbers_dates_and_money_follow_the_language() -> None:
    moment = datetime.datetime(2026, 11, 28, 16, 39, tzinfo=datetime.UTC)
    assert number(12345.5, 1) == "12\u202f345,5"
    with use_language("en"):
        assert number(12345.5, 1) == "12,345.5"
        assert euros(12345) == "€12,345"
        assert date_label(datetime.date(2026, 11, 28)) == "11/28/26"
        assert time_label(moment) == "17:39 on 11/28/26"
        assert month_range(10, 3) == "from October to March"
        assert counted(1234, "brique", "briques") == "1,234 action bricks"
    assert date_label(datetime.date(2026, 11, 28)) == "28/11/2026"
    assert month_range(10, 3) == "d'octobre à mars"


def test_a_marked_constant_is_translated_where_it_is_shown() -> None:
    label = mark_("oui")
    assert label == "oui"
    with use_language("en"):
        assert _(label) == "yes"


def test_each_thread_has_its_own_language() -> None:
    seen: list[str] = []

    def other_session() -> None:
        seen.append(_("oui"))  # a new thread starts in the default language

    with use_language("en"):
        thread = threading.Thread(target=other_session)
        thread.start()
        thread.join()
        assert _("oui") == "yes"
    assert seen == ["oui"]


def test_set_language_lasts_for_the_context() -> None:
    def run() -> str:
        set_language("en")
        return _("oui")

    assert contextvars.copy_context().run(run) == "yes"
    assert current_language() == "fr"


@pytest.mark.parametrize(
    ("text", "language"),
    [("en", "en"), ("EN", "en"), ("en-GB", "en"), ("fr", "fr"), ("de", None), ("", None), (None, None)],
)
def test_parse_language(text: str | None, language: str | None) -> None:
    assert parse_language(text) == language

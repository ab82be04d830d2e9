"""With `?lang=en` every page speaks English: no French left in what the app itself writes.

The catalogue's own content (titles, summaries, names, stages, written by the pilots in French)
stays as it is: every text of the test catalogue's files is taken out before looking for French.
"""

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from google.protobuf.json_format import MessageToDict
from helpers import PAGES, app_test
from streamlit.testing.v1 import AppTest

from tpt_model.i18n import use_language
from ui.state import STATE_KEY

# Accents and French quotes, and words of French that English does not use.
FRENCH = re.compile(
    r"[àâçéèêëîïôûùœ«»]|\b(le|la|les|des|du|de|une|et|ou|pour|avec|sur|dans|aucun|aucune|votre|vos|est|sont|"
    r"pas|cette|ces|aux|qui|que|ne|mois|ans|par|puis|chaque|vous|tous|toutes|briques?|frise|volets?)\b",
    re.IGNORECASE,
)
TEXT_FIELDS = ("body", "label", "help", "placeholder", "caption")
SKIPPED = {"Html", "Code"}  # style sheets, YAML shown as code
# Names that stay as they are in every language: the app's, and French's in the language selector.
NAMES = ["Frise TechPourToutes", "Français"]


def _catalogue_texts(root: Path) -> list[str]:
    texts: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str) and len(value) >= 3:
            texts.add(value.strip())
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in root.rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(texts, key=len, reverse=True)


def _chart_strings(spec: Any) -> Iterator[str]:
    """The words of a Vega-Lite spec (titles, tooltips, descriptions), not its data."""
    if isinstance(spec, str):
        yield spec
    elif isinstance(spec, dict):
        for key, value in spec.items():
            if key not in ("data", "datasets", "field", "name", "test", "expr", "type"):
                yield from _chart_strings(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from _chart_strings(value)


def _strings(node: Any) -> Iterator[str]:
    proto = getattr(node, "proto", None)
    if proto is not None and type(node).__name__ not in SKIPPED:
        fields = MessageToDict(proto)
        if "spec" in fields:  # a chart
            yield from _chart_strings(json.loads(fields["spec"]))
        for name in TEXT_FIELDS:
            if isinstance(fields.get(name), str):
                yield fields[name]
        for option in fields.get("options", []):
            yield option["content"] if isinstance(option, dict) else option
        if type(node).__name__ == "Dataframe":
            yield from (str(column) for column in node.value.columns)
    for child in getattr(node, "children", {}).values():
        yield from _strings(child)


def french_left(at: AppTest, catalogue: list[str]) -> list[str]:
    """The app's texts on the page that still read as French, once the catalogue's are taken out."""
    found = []
    for text in _strings(at._tree):
        plain = text.replace("\\", "")
        for known in [*NAMES, *catalogue]:
            plain = plain.replace(known, " ")
        if FRENCH.search(plain):
            found.append(text)
    return found


# Every page as it opens, and the main states an address can open.
STATES = [(page, {}) for page in PAGES] + [
    ("pages/frise.py", {"vue": "presentation", "phase": "1"}),
    ("pages/frise.py", {"vue": "telephone", "phase": "2"}),
    ("pages/evaluation.py", {"section": "results"}),
    ("pages/evaluation.py", {"section": "export"}),
]


@pytest.mark.parametrize(("page_file", "params"), STATES)
def test_every_page_speaks_english_when_asked(
    page_file: str, params: dict[str, str], isolated_app: Path
) -> None:
    at = app_test()
    at.query_params["lang"] = "en"
    for name, value in params.items():
        at.query_params[name] = value
    # AppTest calls the widgets' `format_func` in this thread to send their values back: it must
    # translate as the session's thread did.
    with use_language("en"):
        at.run()
        at.switch_page(page_file).run()
    assert not at.exception, at.exception
    assert french_left(at, _catalogue_texts(isolated_app)) == []


def test_the_language_chosen_in_the_sidebar_holds_on_every_page() -> None:
    at = app_test().run()
    assert at.title[0].value == "Frise du parcours-type"
    at.sidebar.radio(key="app_language").set_value("en").run()  # sent from a page in French
    with use_language("en"):
        assert at.title[0].value == "Typical journey timeline"
        for page, title in [
            ("pages/scenarios.py", "Scenarios"),
            ("pages/evaluation.py", "Action brick evaluation"),
        ]:
            at.switch_page(page).run()
            assert at.title[0].value == title
            assert at.sidebar.radio(key="app_language").value == "en"
            assert at.query_params["lang"] == "en"
        at.sidebar.radio(key="app_language").set_value("fr").run()  # sent from a page in English
    at.switch_page("pages/frise.py").run()
    assert at.title[0].value == "Frise du parcours-type"
    assert "lang" not in at.query_params


def test_a_message_made_in_a_callback_is_in_the_session_s_language() -> None:
    """A button's callback runs before the page's script, in a thread of its own: it asks the session."""
    at = app_test()
    at.query_params["lang"] = "en"
    with use_language("en"):
        at.run()
        at.switch_page("pages/scenarios.py").run()
        at.text_input(key="scenarios_new_name").set_value("Lyon workshop")
        at.button(key="scenarios_create").click().run()
    assert [s.value for s in at.success] == ['Scenario "Lyon workshop" created and opened in the timeline\\.']


def _english(at: AppTest) -> AppTest:
    at.query_params["lang"] = "en"
    return at


def test_a_workshop_runs_in_english_on_every_screen(isolated_app: Path) -> None:
    catalogue = _catalogue_texts(isolated_app)
    with use_language("en"):
        facilitator = _english(app_test()).run()
        facilitator.switch_page("pages/atelier.py").run()
        facilitator.text_input(key="workshop_new_title").set_value("GT1 workshop")
        facilitator.button(key="workshop_open").click().run()
        code = facilitator.query_params["atelier"]
        participant = _english(app_test())
        participant.query_params["atelier"] = code
        participant.run()
        assert french_left(participant, catalogue) == []
        participant.text_input(key="workshop_name").set_value("Alice")
        participant.button(key="FormSubmitter:workshop_join-Join the workshop").click().run()
        facilitator.button(key="workshop_open_round").click().run()
        participant.run()
        for criterion in ("pertinence", "simplicite", "abordable"):
            participant.radio(key=f"workshop_answer_{criterion}").set_value(3)
        participant.button(key="workshop_next").click().run()
        assert french_left(participant, catalogue) == []
        facilitator.run()
        assert french_left(facilitator, catalogue) == []
        facilitator.button(key="workshop_reveal_round").click().run()
        participant.run()
        projector = _english(app_test())
        projector.query_params["atelier"] = code
        projector.query_params["vue"] = "projecteur"
        projector.run()
    for screen in (facilitator, participant, projector):
        assert not screen.exception, screen.exception
        assert french_left(screen, catalogue) == []


def test_an_export_made_in_english_is_in_english() -> None:
    """The exported files are written in the session's language."""
    at = _english(app_test())
    with use_language("en"):
        at.run()
        at.switch_page("pages/export.py").run()
        at.pills(key="export_formats").set_value(["md"]).run()
        at.button(key="export_prepare").click().run()
    assert not at.exception, at.exception
    prepared = at.session_state[STATE_KEY].export.prepared
    assert prepared is not None
    markdown = prepared.files[0].data.decode("utf-8")
    assert "| Pillar |" in markdown and "| Volet |" not in markdown  # the budget table's first column
    assert "## Context and goals" in markdown
    assert [b.proto.label for b in at.get("download_button")][0].startswith("All the files (zip)")


def _english_pilot(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The catalogue page in English, with the pilot role open (« Élodie »)."""
    monkeypatch.setenv("TPT_PILOT_SECRET", "cerf-volant-indigo-42")
    at = _english(app_test())
    at.run()
    at.switch_page("pages/catalogue.py").run()
    at.segmented_control(key="catalogue_section").set_value("modifier").run()
    at.text_input(key="pilot_name").set_value("Elodie")
    at.text_input(key="pilot_secret").set_value("cerf-volant-indigo-42")
    at.button[0].click().run()  # the form's only button: « Open the pilot role »
    return at


def test_the_pilot_s_catalogue_editor_speaks_english(
    isolated_app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Health, the brick form (its fields' help, the diff, the save) and the journal, in English."""
    catalogue = _catalogue_texts(isolated_app)
    with use_language("en"):
        at = _english_pilot(monkeypatch)
        assert french_left(at, catalogue) == []
        at.segmented_control(key="catalogue_section").set_value("sante").run()
        assert french_left(at, catalogue) == []
        at.segmented_control(key="catalogue_section").set_value("modifier").run()
        at.selectbox(key="catalogue_edit_choice").set_value("mentorat").run()
        at.button(key="catalogue_edit_open").click().run()
        round_ = at.session_state[STATE_KEY].editor.round
        at.number_input(key=f"catalogue_edit_{round_}_cost.per_beneficiary_eur").set_value(450.0).run()
        assert french_left(at, catalogue) == []
        at.button(key="catalogue_edit_save").click().run()
        assert [s.value for s in at.success][0].startswith("Change of the action brick")
        assert french_left(at, catalogue) == []
        at.segmented_control(key="catalogue_section").set_value("journal").run()
        assert french_left(at, catalogue) == []
    assert not at.exception, at.exception

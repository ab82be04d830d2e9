"""The page's address: what a reload or a link opens, each value checked, a bad one ignored."""

from datetime import UTC, datetime

import pytest

from tpt_model.frise.display import FriseDisplay
from tpt_model.frise.rows import FriseOptions
from tpt_model.session.address import (
    address_params,
    new_token,
    read_address,
    share_link,
    to_keep,
    token_from,
)
from tpt_model.session.app import AppState
from tpt_model.store.sessions import SessionRecord

SCENARIO = "3f2c1a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69"
OTHER = "0b1c2d3e-4f50-4617-8829-3a4b5c6d7e8f"
KEPT = SessionRecord(author="Alice", scenario_id=OTHER, updated_at=datetime(2026, 11, 28, tzinfo=UTC))


def test_a_new_token_is_random_and_reads_back() -> None:
    first, second = new_token(), new_token()
    assert first != second and len(first) >= 22
    assert token_from({"s": first}) == first


@pytest.mark.parametrize("bad", ["", "court", "a" * 65, "jeton avec espaces", "<script>alert(1)</script>x"])
def test_a_malformed_token_is_no_token(bad: str) -> None:
    assert token_from({"s": bad}) is None


def test_a_link_opens_its_scenario_and_view() -> None:
    state = AppState()
    params = {
        "scenario": SCENARIO,
        "couloirs": "modality",
        "parcours": "long",
        "sortie": "doctorat",
        "persona": "lea",
        "cohorte": "2025",
        "section": "results",
    }
    read_address(state, params, None)
    assert state.frise.scenario_id == SCENARIO
    assert state.frise.options == FriseOptions(
        lane_mode="modality", track="long", exit="doctorat", persona="lea", cohort_year=2025
    )
    assert state.evaluation.section == "results"
    assert (state.author, state.name_asked) == ("", False)


def test_what_the_session_kept_comes_back_and_the_address_s_scenario_wins() -> None:
    state = AppState()
    read_address(state, {}, KEPT)
    assert (state.author, state.name_asked, state.frise.scenario_id) == ("Alice", True, OTHER)
    linked = AppState()
    read_address(linked, {"scenario": SCENARIO}, KEPT)
    assert (linked.author, linked.frise.scenario_id) == ("Alice", SCENARIO)


@pytest.mark.parametrize(
    "params",
    [
        {"scenario": "../../etc/passwd"},
        {"scenario": "3F2C1A9E-8B7D-4C6E-9A5F-1E2D3C4B5A69"},  # not how the store writes its ids
        {"couloirs": "partout"},
        {"parcours": "moyen"},
        {"sortie": "retraite"},
        {"persona": "Léa !"},
        {"persona": "x" * 81},
        {"cohorte": "1899"},
        {"cohorte": "deux-mille"},
        {"cohorte": "20255"},
        {"section": "admin"},
        {"inconnu": "1"},
    ],
)
def test_a_bad_value_is_ignored(params: dict[str, str]) -> None:
    state = AppState()
    read_address(state, params, None)
    assert state == AppState()


def test_a_bad_value_does_not_drop_the_good_ones() -> None:
    state = AppState()
    read_address(state, {"couloirs": "partner", "parcours": "moyen", "sortie": "salariat"}, None)
    assert state.frise.options == FriseOptions(lane_mode="partner", exit="salariat")


def test_the_address_of_each_page() -> None:
    state = AppState(token="jeton-de-seize-car")
    assert address_params(state, "frise") == {"s": "jeton-de-seize-car"}
    state.frise.scenario_id = SCENARIO
    state.frise.change_options(lane_mode="working_group", cohort_year=2026)
    state.evaluation.section = "export"
    assert address_params(state, "frise") == {
        "s": "jeton-de-seize-car",
        "scenario": SCENARIO,
        "couloirs": "working_group",
        "cohorte": "2026",
    }
    assert address_params(state, "evaluation") == {
        "s": "jeton-de-seize-car",
        "scenario": SCENARIO,
        "section": "export",
    }
    assert address_params(state, "other") == {"s": "jeton-de-seize-car", "scenario": SCENARIO}
    reread = AppState()
    read_address(reread, address_params(state, "frise"), None)
    assert (reread.frise.scenario_id, reread.frise.options) == (SCENARIO, state.frise.options)


def test_the_name_and_scenario_are_kept_once_each_time_they_change() -> None:
    state = AppState()
    assert to_keep(state) is None, "no token, nothing to keep"
    state.token = new_token()
    assert to_keep(state) == ("", None)
    state.kept = ("", None)
    assert to_keep(state) is None
    state.author, state.frise.scenario_id = "Alice", SCENARIO
    assert to_keep(state) == ("Alice", SCENARIO)


@pytest.mark.parametrize(
    ("page_url", "expected"),
    [
        ("http://192.168.1.20:8501/scenarios", f"http://192.168.1.20:8501/?scenario={SCENARIO}"),
        (
            "https://frise.example.org/atelier/scenarios",
            f"https://frise.example.org/atelier/?scenario={SCENARIO}",
        ),
        ("http://localhost:8501/", f"http://localhost:8501/?scenario={SCENARIO}"),
    ],
)
def test_the_link_to_share_names_the_scenario_and_no_session(page_url: str, expected: str) -> None:
    assert share_link(page_url, "scenarios", SCENARIO) == expected


def test_the_frise_s_view_is_in_the_address_and_comes_back() -> None:
    state = AppState(token="jeton-de-seize-car")
    assert "vue" not in address_params(state, "frise"), "the normal view is the default: not written"
    state.frise.show("presentation")
    state.frise.display = state.frise.display.model_copy(update={"phase": 2})
    state.frise.show_yearly(True)
    params = address_params(state, "frise")
    assert {k: params[k] for k in ("vue", "phase", "annuels")} == {
        "vue": "presentation",
        "phase": "2",
        "annuels": "1",
    }
    assert "vue" not in address_params(state, "other")
    reread = AppState()
    read_address(reread, params, None)
    assert reread.frise.display == FriseDisplay(view="presentation", phase=2, yearly=True)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"vue": "téléphone"}, FriseDisplay(view="telephone")),
        ({"vue": "grand-ecran", "phase": "3"}, FriseDisplay(phase=3)),
        ({"vue": "presentation", "phase": "12"}, FriseDisplay(view="presentation")),
        ({"vue": "presentation", "phase": "0"}, FriseDisplay(view="presentation")),
        ({"vue": "presentation", "phase": "deux", "annuels": "peut-être"}, FriseDisplay(view="presentation")),
    ],
)
def test_a_bad_view_value_is_ignored(params: dict[str, str], expected: FriseDisplay) -> None:
    state = AppState()
    read_address(state, params, None)
    assert state.frise.display == expected


def test_a_phone_opens_the_phone_view_unless_the_address_names_one() -> None:
    phone = AppState()
    read_address(phone, {}, None, phone=True)
    assert phone.frise.display.view == "telephone"
    # A phone that chose the normal view keeps it after a reload: its address says so.
    phone.frise.show("normal")
    assert address_params(phone, "frise")["vue"] == "normal"
    chosen = AppState()
    read_address(chosen, address_params(phone, "frise"), None, phone=True)
    assert chosen.frise.display.view == "normal"
    desktop = AppState()
    read_address(desktop, {}, None)
    assert desktop.frise.display.view == "normal"


@pytest.mark.parametrize(
    ("param", "language"), [("en", "en"), ("EN", "en"), ("fr", "fr"), ("de", "fr"), ("", "fr")]
)
def test_the_address_names_the_language(param: str, language: str) -> None:
    state = AppState()
    read_address(state, {"lang": param}, None)
    assert state.language == language


def test_the_address_keeps_a_language_other_than_french() -> None:
    state = AppState(token="t" * 24)
    assert "lang" not in address_params(state, "other")
    state.language = "en"
    assert address_params(state, "other")["lang"] == "en"
    assert address_params(state, "frise")["lang"] == "en"

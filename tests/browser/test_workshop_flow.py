"""In real browsers: a facilitator and a participant run one round end to end; a participant on a phone."""

import re
from pathlib import Path

from helpers import TITLES, idle
from playwright.sync_api import Browser, Page, expect

PHONE = {"width": 390, "height": 844}


def open_workshop(page: Page, app_url: str) -> str:
    """The facilitator opens a workshop on the page and its first round; the join code."""
    page.goto(f"{app_url}/atelier")
    expect(page.get_by_role("heading", name="Ouvrir un atelier")).to_be_visible(timeout=30_000)
    idle(page)
    page.get_by_label("Titre de l'atelier").fill("Atelier du GT1")
    page.get_by_role("button", name="Ouvrir l'atelier").click()
    heading = page.get_by_role("heading", name=re.compile("^Code : "))
    expect(heading).to_be_visible()
    idle(page)
    code = heading.inner_text().removeprefix("Code : ").strip()
    assert re.fullmatch("[A-Z2-9]{6}", code), code
    page.get_by_role("button", name="Ouvrir le tour 1").click()
    expect(page.get_by_text("Tour 1 ouvert")).to_be_visible()
    idle(page)
    return code


def join(page: Page, app_url: str, code: str, name: str) -> None:
    """A participant follows the join link and gives her name."""
    page.goto(f"{app_url}/?atelier={code}")  # the link on the app's root opens the workshop page
    name_field = page.get_by_label("Votre nom")
    expect(name_field).to_be_visible(timeout=30_000)
    idle(page)
    name_field.fill(name)
    page.get_by_role("button", name="Rejoindre l'atelier").click()
    expect(page.get_by_role("heading", name=TITLES[0])).to_be_visible()
    idle(page)


def score(page: Page, levels: list[str], then: str) -> None:
    form = page.get_by_test_id("stForm")
    for level in levels:
        form.get_by_text(level, exact=True).click()
        expect(form.get_by_role("radio", name=level)).to_be_checked()
    form.get_by_role("button", name="Enregistrer et suivante").click()
    expect(page.get_by_text(then)).to_be_visible()
    idle(page)


def test_a_facilitator_and_a_participant_run_one_round(
    browser: Browser, app_url: str, tmp_path: Path
) -> None:
    facilitator = browser.new_context(viewport={"width": 1400, "height": 1200}, locale="fr-FR").new_page()
    participant = browser.new_context(viewport={"width": 1000, "height": 1000}, locale="fr-FR").new_page()
    code = open_workshop(facilitator, app_url)
    join(participant, app_url, code, "Alice")
    # The participant's page has no navigation: a phone shows the form, nothing else.
    expect(participant.get_by_test_id("stSidebarNav")).to_have_count(0)
    score(participant, ["4 — Essentielle", "3 — Simple", "2 — Coûteuse"], then="2 / 3 · 1 / 3 faites")
    score(
        participant,
        ["1 — Peu pertinente", "1 — Très complexe", "1 — Très coûteuse"],
        then="3 / 3 · 2 / 3 faites",
    )
    score(participant, ["2 — Utile", "2 — Complexe", "2 — Coûteuse"], then="3 / 3 faites")

    # The facilitator's progress refreshes on its own: no reload, no click.
    expect(facilitator.get_by_text("1 a fini", exact=False)).to_be_visible()
    facilitator.get_by_role("button", name="Révéler", exact=True).click()
    expect(facilitator.get_by_text("Résultats du tour 1 révélés")).to_be_visible()
    # The participant's page follows by itself too: her results arrive without a reload.
    expect(participant.get_by_role("heading", name=re.compile("^Résultats"))).to_be_visible()
    expect(participant.get_by_text("Aucune brique à discuter", exact=False)).to_be_visible()
    idle(participant)
    participant.screenshot(path=str(tmp_path / "participant.png"))
    facilitator.screenshot(path=str(tmp_path / "facilitator.png"))
    assert (tmp_path / "participant.png").stat().st_size > 10_000

    # The projected screen: the code in large type, the QR code, no sidebar.
    projector = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fr-FR").new_page()
    projector.goto(f"{app_url}/atelier?atelier={code}&vue=projecteur")
    expect(projector.get_by_text(code, exact=True)).to_be_visible(timeout=30_000)
    expect(projector.get_by_role("img").first).to_be_visible()
    expect(projector.get_by_test_id("stSidebar")).to_be_hidden()
    projector.screenshot(path=str(tmp_path / "projector.png"))


def test_a_participant_on_a_phone_scores_and_comes_back_after_a_reload(
    browser: Browser, app_url: str, tmp_path: Path
) -> None:
    facilitator = browser.new_context(viewport={"width": 1400, "height": 1200}, locale="fr-FR").new_page()
    code = open_workshop(facilitator, app_url)
    phone = browser.new_context(viewport=PHONE, locale="fr-FR", is_mobile=True, has_touch=True).new_page()
    join(phone, app_url, code, "Béa")
    save = phone.get_by_role("button", name="Enregistrer et suivante")
    # On a phone the page scrolls down, never sideways: the button fits the screen's width. (Its
    # vertical place moves with every live refresh, so the test does not pin a scroll position.)
    expect(save).to_be_visible()
    box = save.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    score(phone, ["3 — Pertinente", "4 — Très simple", "3 — Abordable"], then="1 / 3 faites")
    phone.screenshot(path=str(tmp_path / "phone.png"))
    # A reload keeps her place: the token in the address names her, and her score is there.
    phone.reload()
    expect(phone.get_by_text("Vous participez : Béa")).to_be_visible(timeout=30_000)
    expect(phone.get_by_text("1 / 3 faites", exact=False)).to_be_visible()

"""In a real browser: `?lang=en` opens the app in English, the sidebar's choice holds from page to page
and through a reload, and French comes back when chosen; in French, none of Streamlit's own English
texts is left, seen or heard."""

import pytest
from helpers import idle, put_off_the_name
from playwright.sync_api import Page, expect


def test_the_language_holds_across_pages_and_a_reload(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}?lang=en")
    expect(page.get_by_role("heading", name="Typical journey timeline")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("radio", name="English")).to_be_checked()
    idle(page)
    page.get_by_role("button", name="Later").click()
    idle(page)

    page.get_by_role("link", name="Scenarios").click()
    expect(page.get_by_role("heading", name="Scenarios", exact=True)).to_be_visible()
    assert "lang=en" in page.url
    idle(page)
    page.reload()
    expect(page.get_by_role("heading", name="Scenarios", exact=True)).to_be_visible(timeout=30_000)
    idle(page)
    uploader = page.get_by_test_id("stFileUploader")
    expect(uploader).to_contain_text("MB")  # Streamlit's own English texts, left as they are
    expect(uploader).not_to_contain_text("Choisir un fichier")

    page.get_by_text("Français", exact=True).click()
    expect(page.get_by_role("heading", name="Scénarios", exact=True)).to_be_visible()
    expect(uploader).to_contain_text("Choisir un fichier")
    idle(page)
    page.get_by_text("English", exact=True).click()  # and back: the uploader's English comes back
    expect(page.get_by_role("heading", name="Scenarios", exact=True)).to_be_visible()
    expect(uploader).not_to_contain_text("Choisir un fichier")
    idle(page)
    page.get_by_text("Français", exact=True).click()
    expect(page.get_by_role("heading", name="Scénarios", exact=True)).to_be_visible()
    idle(page)
    page.get_by_role("link", name="Frise").click()
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible()
    expect(page.get_by_role("radio", name="Français")).to_be_checked()
    assert "lang=" not in page.url


# Streamlit's own English texts: seen (hints, tooltips) or heard (buttons' labels, skip link, status).
STREAMLIT_ENGLISH = (
    "Press Enter to apply",
    "Press Enter to submit form",
    "Skip to main content",
    "Show/hide columns",
    "Download as CSV",
    "Download as PNG",
    "Download as SVG",
    "Copy Vega-Lite spec",
    "Show data",
    "Search",
    "Fullscreen",
    "Link to heading",
    "Running...",
    "Collapse sidebar",
    "Main menu",
)


def no_streamlit_english(page: Page) -> None:
    for english in STREAMLIT_ENGLISH:
        expect(page.get_by_text(english, exact=True)).to_have_count(0)
        expect(page.locator(f'[aria-label^="{english}"], button[title="{english}"]')).to_have_count(0)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("", "Frise du parcours-type"),
        ("evaluation", "Évaluation des briques"),
        ("catalogue", "Catalogue des briques"),
    ],
)
def test_no_english_of_streamlit_is_left_in_the_french_app(
    page: Page, shipped_app_url: str, path: str, heading: str
) -> None:
    page.goto(f"{shipped_app_url}/{path}")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=30_000)
    idle(page)
    if path != "catalogue":  # pages that save ask the user's name first
        put_off_the_name(page)
    expect(page.get_by_test_id("stSkipToContent")).to_have_text("Aller au contenu principal")
    if path != "evaluation":  # a chart's or a table's toolbar: labelled in French, for screen readers too
        expect(
            page.locator('[data-testid="stElementToolbar"] [aria-label^="Plein écran"]').first
        ).to_be_attached()
    if path == "catalogue":  # the table of the bricks: its toolbar's tooltips are French
        table = page.get_by_test_id("stDataFrame").first
        table.hover()
        table.get_by_role("button", name="Rechercher").hover()
        expect(page.get_by_test_id("stTooltipContent")).to_have_text("Rechercher")
    page.get_by_label("Votre nom (affiché dans l'historique)").fill("Awa")  # not yet applied: the hint shows
    expect(page.get_by_test_id("InputInstructions").first).to_contain_text("Entrée pour valider")
    no_streamlit_english(page)

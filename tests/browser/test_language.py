"""In a real browser: `?lang=en` opens the app in English, the sidebar's choice holds from page to page
and through a reload, and French comes back when chosen."""

from helpers import idle
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

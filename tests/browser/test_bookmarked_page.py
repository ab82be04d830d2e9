"""In a real browser: a bookmarked page address opened on a fresh server shows that page, in the app."""

import re

import pytest
from playwright.sync_api import Page, expect

PAGES = ["Frise", "Scénarios", "Catalogue des briques", "Évaluation", "Analyse", "Export", "Atelier"]


@pytest.mark.parametrize(
    ("path", "heading"), [("scenarios", "Scénarios"), ("evaluation", "Évaluation des briques")]
)
def test_a_bookmarked_address_on_a_fresh_server(page: Page, app_url: str, path: str, heading: str) -> None:
    # `app_url` is a server started for this test alone: nobody has opened « / » on it yet.
    page.goto(f"{app_url}/{path}")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=30_000)
    expect(page).to_have_title("Frise TechPourToutes")
    # The page keeps its address; the session adds its token and the open scenario (?s=…&scenario=…).
    expect(page).to_have_url(re.compile(rf"^{re.escape(app_url)}/{path}(\?.*)?$"))
    sidebar = page.get_by_test_id("stSidebar")
    # The app's navigation, with its French titles (not the pages/ folder's file names).
    links = sidebar.get_by_test_id("stSidebarNav").get_by_role("link")
    expect(links).to_have_count(len(PAGES))
    expect(links).to_contain_text(PAGES)
    # The shared sidebar: the catalogue's summary and the name field.
    expect(sidebar.get_by_text("3 briques, 2 partenaires", exact=False)).to_be_visible()
    expect(sidebar.get_by_label("Votre nom (affiché dans l'historique)")).to_be_visible()

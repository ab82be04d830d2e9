"""In a real browser: a reload (F5) keeps the name, the scenario, the view and the undo history."""

from helpers import idle
from playwright.sync_api import Page, expect


def test_a_reload_keeps_the_session(page: Page, app_url: str) -> None:
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    idle(page)
    name = page.get_by_label("Votre nom", exact=True)
    name.fill("Béatrice")
    name.press("Enter")  # Enter answers « Qui êtes-vous ? »
    expect(page.get_by_role("button", name="Valider")).to_be_hidden()
    idle(page)
    page.get_by_text("par modalité", exact=True).first.click()
    expect(page.get_by_role("radio", name="par modalité")).to_be_checked()
    idle(page)
    search = page.get_by_label("Chercher une brique")
    search.fill("ordinateur")
    search.press("Enter")
    expect(page.get_by_role("combobox", name="Brique", exact=True)).to_have_value("Ordinateur offert")
    idle(page)
    page.get_by_role("button", name="Ajouter à la frise").click()
    expect(page.get_by_text("4 placements")).to_be_visible()
    idle(page)
    assert "scenario=" in page.url and "couloirs=modality" in page.url and "s=" in page.url

    page.reload()
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("4 placements")).to_be_visible()
    idle(page)
    expect(page.get_by_label("Votre nom (affiché dans l'historique)")).to_have_value("Béatrice")
    expect(page.get_by_role("button", name="Valider")).to_have_count(0)
    expect(page.get_by_role("radio", name="par modalité")).to_be_checked()
    undo = page.get_by_role("button", name="Annuler")
    expect(undo).to_be_enabled()
    undo.click()
    expect(page.get_by_text("Annulé : ajout de « Ordinateur offert ».")).to_be_visible()
    expect(page.get_by_text("3 placements")).to_be_visible()
    idle(page)

    # The Scénarios page offers a link to the scenario without the session's token.
    page.get_by_role("link", name="Scénarios").click()
    expect(page.get_by_role("heading", name="Scénarios", exact=True)).to_be_visible()
    link = page.get_by_test_id("stCode").first
    expect(link).to_contain_text("?scenario=")
    assert "s=" not in (link.text_content() or "").split("?")[1]

"""In a real browser, what a new user meets (issue 11): the name asked once, no label cut.

The mapping of every defect of the issue to its tests is in tests/pages/test_new_user_defects.py.
"""

import pytest
from helpers import idle, put_off_the_name
from playwright.sync_api import Page, expect

from ui.evaluation_scoring import NAME_NEEDED

# Text elements whose content is wider than their box and hidden (cut, or ended with « … »), outside
# the tables and charts, which scroll or draw their own text.
CLIPPED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('[data-testid="stMain"] *, [data-testid="stSidebar"] *')) {
    if (!el.textContent.trim()) continue;
    if (el.closest('[data-testid="stDataFrame"], [data-testid="stVegaLiteChart"], [data-testid="stCode"]')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      found.push(`« ${el.textContent.trim().slice(0, 60)} » (${el.scrollWidth} px dans ${el.clientWidth})`);
  }
  return found;
}"""
# Each page by its link in the navigation, and the heading that says it is drawn.
PAGES = {
    "Frise": "Frise du parcours-type",
    "Scénarios": "Scénarios",
    "Catalogue des briques": "Catalogue des briques",
    "Évaluation": "Évaluation des briques",
    "Analyse": "Analyse du parcours",
    "Export": "Export du cahier des charges",
}


def test_defect_1_the_name_given_on_a_fresh_evaluation_page_is_the_evaluator_s(
    page: Page, app_url: str
) -> None:
    page.goto(f"{app_url}/evaluation")
    expect(page.get_by_role("heading", name="Évaluation des briques")).to_be_visible(timeout=30_000)
    idle(page)
    errors = page.get_by_test_id("stAlertContentError")
    expect(errors).to_have_count(0)  # a page nobody has used yet says what to do, in no red box
    expect(page.get_by_text(NAME_NEEDED)).to_be_visible()
    prompt = page.get_by_label("Votre nom", exact=True)
    prompt.fill("Béatrice")
    prompt.press("Enter")  # Enter answers « Qui êtes-vous ? »
    expect(page.get_by_text("Brique 1 / 3")).to_be_visible()
    idle(page)
    expect(page.get_by_label("Évaluatrice ou évaluateur")).to_have_value("Béatrice")
    expect(page.get_by_label("Votre nom (affiché dans l'historique)")).to_have_value("Béatrice")
    expect(prompt).to_have_count(0)
    expect(errors).to_have_count(0)


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (1280, 720)])
def test_defect_11_no_label_is_cut(page: Page, shipped_app_url: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(shipped_app_url)
    expect(page.get_by_role("heading", name=PAGES["Frise"])).to_be_visible(timeout=30_000)
    idle(page)
    put_off_the_name(page)
    # The longest labels: a chosen track, a persona, the evaluator's buttons.
    page.get_by_role("combobox", name="Parcours").click()
    page.get_by_role("option", name="Études longues (bac+5)").click()
    expect(page.get_by_text("Études longues (bac+5)").first).to_be_visible()
    idle(page)
    cut: dict[str, list[str]] = {}
    for link, heading in PAGES.items():
        page.get_by_test_id("stSidebarNav").get_by_role("link", name=link, exact=True).click()
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=30_000)
        idle(page)
        if link == "Évaluation":
            evaluator = page.get_by_label("Évaluatrice ou évaluateur")
            evaluator.fill("Béatrice")
            evaluator.press("Enter")
            expect(page.get_by_role("button", name="← Précédente (sans enregistrer)")).to_be_visible()
            idle(page)
        cut[link] = page.evaluate(CLIPPED)
    assert cut == dict.fromkeys(PAGES, [])

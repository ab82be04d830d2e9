"""In a real browser: score two bricks, then see them ranked and placed on the priority matrix."""

from pathlib import Path

from helpers import idle
from playwright.sync_api import Locator, Page, expect


def bubble(page: Page, title: str) -> Locator:
    """The matrix's bubble of a brick (Vega draws each point with an aria-label of its fields)."""
    chart = page.get_by_test_id("stVegaLiteChart").first
    return chart.locator(f'[aria-roledescription="circle"][aria-label*="{title}"]')


def show_section(page: Page, name: str, drawn: Locator) -> None:
    """Switch section, and wait until the app has drawn it (`drawn` is only in that section)."""
    page.get_by_role("radio", name=name).click()
    expect(drawn).to_be_visible()
    idle(page)


def show_results(page: Page) -> None:
    show_section(page, "Résultats", page.get_by_role("heading", name="Classement"))


def score(page: Page, levels: list[str], then: str) -> None:
    """Choose a level per criterion, save, and wait for the next brick (`then`, its progress)."""
    form = page.get_by_test_id("stForm")
    for level in levels:
        form.get_by_text(level, exact=True).click()
        expect(form.get_by_role("radio", name=level)).to_be_checked()
    form.get_by_role("button", name="Enregistrer et suivante").click()
    expect(page.get_by_text(then)).to_be_visible()
    idle(page)


def test_score_two_bricks_and_see_results(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(f"{app_url}/evaluation")
    expect(page.get_by_role("heading", name="Évaluation des briques")).to_be_visible(timeout=30_000)
    idle(page)
    show_results(page)
    # Nobody in the room has scored yet: no bubble, every brick listed as « non notée ».
    expect(page.get_by_text("Non notées (3)", exact=False)).to_be_visible()
    expect(bubble(page, "Atelier en classe")).to_have_count(0)

    name = page.get_by_label("Évaluatrice ou évaluateur")
    show_section(page, "Noter", name)
    name.fill("Alice")
    name.press("Enter")
    expect(page.get_by_text("Brique 1 / 3")).to_be_visible()
    idle(page)
    score(page, ["1 — Peu pertinente", "1 — Très complexe", "1 — Très coûteuse"], then="Brique 2 / 3")
    score(page, ["4 — Essentielle", "4 — Très simple", "4 — Presque gratuite"], then="Brique 3 / 3")

    show_results(page)
    # Alice's scores place the two bricks she scored; the third stays « non notée ».
    expect(bubble(page, "Atelier en classe")).to_have_count(1)
    expect(page.get_by_text("Non notées (1) : Ordinateur offert")).to_be_visible()
    bubble(page, "Mentorat en ligne").click()
    expect(page.get_by_text("rang 1", exact=False).first).to_be_visible()
    idle(page)
    page.screenshot(path=str(tmp_path / "evaluation.png"))
    assert (tmp_path / "evaluation.png").stat().st_size > 10_000

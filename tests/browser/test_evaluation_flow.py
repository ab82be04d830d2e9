"""In a real browser: score two bricks, then see the ranking and the priority matrix move."""

from pathlib import Path

from helpers import settle
from playwright.sync_api import Locator, Page, expect


def bubble(page: Page, title: str) -> Locator:
    """The matrix's bubble of a brick (Vega draws each point with an aria-label of its fields)."""
    chart = page.get_by_test_id("stVegaLiteChart").first
    return chart.locator(f'[aria-roledescription="circle"][aria-label*="{title}"]')


def show_section(page: Page, name: str) -> None:
    """Switch section and wait until the app has drawn it (a click during a rerun can be lost)."""
    button = page.get_by_role("radio", name=name)
    button.click()
    settle(page)
    expect(button).to_have_attribute("aria-checked", "true", timeout=15_000)


def score(page: Page, levels: list[str]) -> None:
    form = page.get_by_test_id("stForm")
    for level in levels:
        form.get_by_text(level, exact=True).click()
        settle(page)
    form.get_by_role("button", name="Enregistrer et suivante").click()
    settle(page)


def test_score_two_bricks_and_see_results(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(f"{app_url}/evaluation")
    expect(page.get_by_role("heading", name="Évaluation des briques")).to_be_visible(timeout=30_000)
    settle(page)
    show_section(page, "Résultats")
    expect(bubble(page, "Atelier en classe")).to_have_count(1, timeout=15_000)
    before = bubble(page, "Atelier en classe").get_attribute("aria-label")

    show_section(page, "Noter")
    name = page.get_by_label("Évaluatrice ou évaluateur")
    name.fill("Alice")
    name.press("Enter")
    settle(page)
    expect(page.get_by_text("Brique 1 / 3")).to_be_visible()
    score(page, ["1 — Peu pertinente", "1 — Très complexe", "1 — Très coûteuse"])
    expect(page.get_by_text("Brique 2 / 3")).to_be_visible()
    score(page, ["4 — Essentielle", "4 — Très simple", "4 — Presque gratuite"])
    expect(page.get_by_text("Brique 3 / 3")).to_be_visible()

    show_section(page, "Résultats")
    expect(page.get_by_role("heading", name="Classement")).to_be_visible(timeout=15_000)
    expect(bubble(page, "Atelier en classe")).to_have_count(1, timeout=15_000)
    after = bubble(page, "Atelier en classe").get_attribute("aria-label")
    assert after != before, "Alice's low scores move the bubble"
    bubble(page, "Mentorat en ligne").click()
    settle(page)
    expect(page.get_by_text("rang 1", exact=False).first).to_be_visible()
    page.screenshot(path=str(tmp_path / "evaluation.png"))
    assert (tmp_path / "evaluation.png").stat().st_size > 10_000

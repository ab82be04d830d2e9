"""In a real browser: open the catalogue, search a brick, read its card."""

from pathlib import Path

from helpers import idle
from playwright.sync_api import Page, expect


def test_search_and_read_a_brick(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(f"{app_url}/catalogue")
    expect(page.get_by_role("heading", name="Catalogue des briques")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("3 briques sur 3")).to_be_visible()
    idle(page)
    search = page.get_by_label("Recherche")
    search.fill("equipement")
    search.press("Enter")
    expect(page.get_by_text("1 brique sur 3")).to_be_visible()
    expect(page.get_by_role("heading", name="Ordinateur offert")).to_be_visible()
    page.screenshot(path=str(tmp_path / "catalogue.png"))
    assert (tmp_path / "catalogue.png").stat().st_size > 10_000

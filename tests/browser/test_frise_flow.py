"""In a real browser: compose a placement by clicking, see it in the chart and the table, select it."""

from pathlib import Path

from helpers import settle
from playwright.sync_api import Page, expect


def bars(page: Page):  # noqa: ANN201
    return page.get_by_test_id("stVegaLiteChart").first.locator('[aria-roledescription="bar"]')


def test_compose_a_placement_by_clicking(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    settle(page)
    expect(bars(page)).to_have_count(3)
    grid = page.get_by_test_id("stDataFrame").locator("[role=grid]")
    expect(grid).to_have_attribute("aria-rowcount", "4")  # header + 3 placements

    search = page.get_by_label("Chercher une brique")
    search.fill("ordinateur")
    search.press("Enter")
    settle(page)
    expect(page.get_by_role("combobox", name="Brique", exact=True)).to_have_value("Ordinateur offert")
    page.get_by_role("button", name="Ajouter à la frise").click()
    settle(page)

    expect(page.get_by_text("4 placement(s)")).to_be_visible()
    expect(bars(page)).to_have_count(4)
    new_bar = bars(page).filter(has=page.locator("xpath=self::*[contains(@aria-label, 'N°: 4;')]"))
    expect(new_bar).to_have_count(1)
    expect(grid).to_have_attribute("aria-rowcount", "5")

    # Clicking a bar selects its placement and opens its details.
    bars(page).nth(1).click()
    settle(page)
    expect(page.get_by_text("N° 2", exact=False).first).to_be_visible()
    expect(page.get_by_role("button", name="Modifier")).to_be_visible()
    page.get_by_test_id("stVegaLiteChart").first.screenshot(path=str(tmp_path / "frise.png"))
    page.screenshot(path=str(tmp_path / "page.png"))
    assert (tmp_path / "frise.png").stat().st_size > 5_000


def test_edit_a_placement_in_its_dialog(page: Page, app_url: str) -> None:
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    settle(page)
    page.get_by_role("button", name="Plus tard").click()
    settle(page)
    bars(page).nth(1).click()
    settle(page)
    page.get_by_role("button", name="Modifier").click()
    settle(page)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    note = dialog.get_by_label("Note")
    note.fill("Binômes formés en janvier")
    dialog.get_by_role("button", name="Enregistrer").click()
    settle(page)
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("Note : Binômes formés en janvier")).to_be_visible()
    expect(page.get_by_text("Version 2")).to_be_visible()


def test_a_dismissed_dialog_stays_closed(page: Page, app_url: str) -> None:
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    settle(page)
    page.get_by_role("button", name="Plus tard").click()
    settle(page)
    bars(page).nth(0).click()
    settle(page)
    page.get_by_role("button", name="Modifier").click()
    settle(page)
    expect(page.get_by_role("dialog")).to_be_visible()
    page.keyboard.press("Escape")
    settle(page)
    expect(page.get_by_role("dialog")).to_be_hidden()
    page.get_by_text("Modalité", exact=True).first.click()  # any rerun
    page.wait_for_timeout(1000)
    expect(page.get_by_role("dialog")).to_be_hidden()

"""In a real browser: compose a placement by clicking, see it in the chart and the table, select it."""

from pathlib import Path

from helpers import bars, edit_the_selected_placement, idle, put_off_the_name
from playwright.sync_api import Page, expect


def open_frise(page: Page, app_url: str) -> None:
    """The frise page, drawn and idle."""
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    expect(bars(page)).to_have_count(3)
    idle(page)


def open_editor(page: Page, app_url: str, bar: int) -> None:
    """The edit dialog of the placement drawn as the `bar`-th bar (the name question put aside)."""
    open_frise(page, app_url)
    put_off_the_name(page)
    bars(page).nth(bar).click()
    edit_the_selected_placement(page)
    idle(page)


def test_compose_a_placement_by_clicking(page: Page, app_url: str, tmp_path: Path) -> None:
    open_frise(page, app_url)
    grid = page.get_by_test_id("stDataFrame").locator("[role=grid]")
    expect(grid).to_have_attribute("aria-rowcount", "4")  # header + 3 placements

    search = page.get_by_label("Chercher une brique")
    search.fill("ordinateur")
    search.press("Enter")
    brick = page.get_by_role("combobox", name="Brique", exact=True)
    expect(brick).to_have_value("Ordinateur offert")
    idle(page)
    page.get_by_role("button", name="Ajouter à la frise").click()

    expect(page.get_by_text("4 placements")).to_be_visible()
    expect(bars(page)).to_have_count(4)
    new_bar = bars(page).filter(has=page.locator("xpath=self::*[contains(@aria-label, 'N°: 4;')]"))
    expect(new_bar).to_have_count(1)
    expect(grid).to_have_attribute("aria-rowcount", "5")
    idle(page)

    # Clicking a bar selects its placement and opens its details.
    bars(page).nth(1).click()
    expect(page.get_by_text("N° 2", exact=False).first).to_be_visible()
    expect(page.get_by_role("button", name="Modifier")).to_be_visible()
    idle(page)
    page.get_by_test_id("stVegaLiteChart").first.screenshot(path=str(tmp_path / "frise.png"))
    page.screenshot(path=str(tmp_path / "page.png"))
    assert (tmp_path / "frise.png").stat().st_size > 5_000


def test_edit_a_placement_in_its_dialog(page: Page, app_url: str) -> None:
    open_editor(page, app_url, bar=1)
    dialog = page.get_by_role("dialog")
    note = dialog.get_by_label("Note")
    note.fill("Binômes formés en janvier")
    dialog.get_by_role("button", name="Enregistrer").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("Note : Binômes formés en janvier")).to_be_visible()
    expect(page.get_by_text("Version 2")).to_be_visible()


def test_a_dismissed_dialog_stays_closed(page: Page, app_url: str) -> None:
    open_editor(page, app_url, bar=0)
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    idle(page)
    page.get_by_text("par modalité", exact=True).first.click()  # any rerun: the lanes by modality
    expect(bars(page, "Individuel")).to_have_count(1)
    idle(page)
    expect(page.get_by_role("dialog")).to_be_hidden()

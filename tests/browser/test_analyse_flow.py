"""In a real browser: change the cohort plan on the Analyse page and see the budget chart follow."""

from pathlib import Path

import pytest
from helpers import idle, put_off_the_name
from playwright.sync_api import Locator, Page, expect

NNBSP, NBSP = "\u202f", "\u00a0"  # French thousands (as the chart writes them) and euros
ROW, HEADER, ROW_MARKER = 35, 35, 30  # heights and width of the cohort editor's grid, in pixels


@pytest.fixture
def planned_catalogue(catalogue_dir: Path) -> Path:
    """The test catalogue with a cohort plan: 100 young women enter seconde in September 2025."""
    programme = catalogue_dir / "programme.yaml"
    plan = "cohort_plan:\n  cohorts:\n    - {year: 2025, entrants: 100, entry_stage: seconde}\n"
    programme.write_text(programme.read_text(encoding="utf-8") + plan, encoding="utf-8")
    return catalogue_dir


def budget_bar(page: Page, amount: str) -> Locator:
    """The budget chart's bars of this amount (Vega labels each bar with its fields, French numbers)."""
    chart = page.get_by_test_id("stVegaLiteChart").nth(1)
    return chart.locator(f'[aria-roledescription="bar"][aria-label*="Montant (€): {amount};"]')


def type_in_cell(page: Page, grid: Locator, row: int, column: int, columns: int, text: str) -> None:
    """Open a cell of a data editor (drawn on a canvas) by a double click, type, and confirm."""
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    width = (box["width"] - ROW_MARKER) / columns
    page.mouse.dblclick(box["x"] + ROW_MARKER + width * (column + 0.5), box["y"] + HEADER + ROW * (row + 0.5))
    editor = page.locator("#portal textarea, #portal input").first
    expect(editor).to_be_visible()
    editor.fill(text)
    editor.press("Enter")


def test_a_changed_cohort_plan_redraws_the_budget_chart(
    planned_catalogue: Path, page: Page, app_url: str, tmp_path: Path
) -> None:
    assert planned_catalogue.exists()  # the plan is in the catalogue before the app starts
    page.goto(f"{app_url}/analyse")
    expect(page.get_by_role("heading", name="Analyse du parcours")).to_be_visible(timeout=30_000)
    # January 2028, the cohort's terminale: the mentoring for 100 young women (100 × 400 €).
    expect(budget_bar(page, f"40{NNBSP}000")).to_have_count(1)
    idle(page)
    put_off_the_name(page)

    form = page.get_by_test_id("stForm")
    grid = form.get_by_test_id("stDataFrame")
    type_in_cell(page, grid, row=0, column=1, columns=3, text="300")
    expect(grid.locator("[role=gridcell]").filter(has_text="300")).to_have_count(1)
    idle(page)
    form.get_by_role("button", name="Enregistrer le plan de cohortes").click()

    # The chart follows: 300 × 400 € that January, nothing left of the old bar.
    expect(budget_bar(page, f"120{NNBSP}000")).to_have_count(1)
    expect(budget_bar(page, f"40{NNBSP}000")).to_have_count(0)
    expect(page.get_by_text(f"Total : 122{NNBSP}500{NBSP}€", exact=False)).to_be_visible()
    idle(page)
    page.get_by_test_id("stVegaLiteChart").nth(1).screenshot(path=str(tmp_path / "budget.png"))
    assert (tmp_path / "budget.png").stat().st_size > 5_000

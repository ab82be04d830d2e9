"""In a real browser: a pilot changes a brick's cost in the catalogue and the frise's totals follow."""

from pathlib import Path

import pytest
from helpers import idle, pilot_sets_mentorat_cost
from playwright.sync_api import Page, expect

SECRET = "cerf-volant-indigo-42"


@pytest.fixture
def app_environment() -> dict[str, str]:
    return {"TPT_PILOT_SECRET": SECRET}


def open_frise(page: Page, app_url: str) -> None:
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    idle(page)


def test_a_pilot_changes_a_cost_and_sees_it_on_the_frise_totals(
    page: Page, app_url: str, catalogue_dir: Path, tmp_path: Path
) -> None:
    open_frise(page, app_url)
    # The test scenario: an atelier at 5 €, the mentorat at 400 €, a computer at 450 €.
    expect(page.get_by_test_id("stMetric").filter(has_text="Coût par bénéficiaire")).to_contain_text("855")

    page.get_by_role("link", name="Catalogue des briques").click()
    expect(page.get_by_role("heading", name="Catalogue des briques")).to_be_visible()
    idle(page)
    pilot_sets_mentorat_cost(page, SECRET, 500)
    assert "per_beneficiary_eur: 500" in (catalogue_dir / "bricks" / "mentorat.yaml").read_text(
        encoding="utf-8"
    )
    page.screenshot(path=str(tmp_path / "saved.png"))

    idle(page)
    page.get_by_role("link", name="Frise").click()
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text="Coût par bénéficiaire")).to_contain_text("955")

"""In a real browser: a click on any mark of the frise does something sensible or nothing, never a crash."""

import re

import pytest
from helpers import click_and_wait, idle, put_off_the_name, run_after, watch_runs
from playwright.sync_api import Locator, Page, expect

PLACEMENT_BAR = '[aria-roledescription="bar"][aria-label*="N°: "]'
# One mark of each kind: yearly bands and ticks, milestone markers, labels, phases and windows, rules.
OTHER_MARKS = {
    "yearly band": '[aria-roledescription="bar"]:not([aria-label*="N°: "])',
    "tick": '[aria-roledescription="tick"]',
    "milestone marker": '[aria-roledescription="point"]',
    "label": '[aria-roledescription="text mark"]',
    "band or window": '[aria-roledescription="rect mark"]',
    "rule": '[aria-roledescription="rule mark"]',
}


def chart(page: Page) -> Locator:
    return page.get_by_test_id("stVegaLiteChart").first


# A point where one of the marks is what the pointer meets (not a bar or label drawn over it).
VISIBLE_POINT = """(marks) => {
  for (const mark of marks) {
    const box = mark.getBoundingClientRect();
    // Finer steps along a long mark (a rule runs the chart's height, under bars and labels).
    const across = Math.max(12, Math.min(80, Math.round(box.width / 4)));
    const down = Math.max(12, Math.min(80, Math.round(box.height / 4)));
    for (let i = 1; i < across; i++)
      for (let j = 1; j < down; j++) {
        const x = box.left + box.width * i / across, y = box.top + box.height * j / down;
        if (document.elementFromPoint(x, y) === mark) return [x, y];
      }
  }
  return null;
}"""


def click_where_seen(page: Page, marks: Locator) -> None:
    """Click one of the marks where it is on top, as a pointer meets it, then wait for the rerun."""
    marks.first.scroll_into_view_if_needed()
    point = marks.evaluate_all(VISIBLE_POINT)
    assert point is not None, "no such mark can be clicked: each lies under another"
    with run_after(page):
        page.mouse.click(*point)


def number(bar: Locator) -> str:
    """« N° 7 » for the bar of the 7th placement (its tooltip is its accessible label)."""
    found = re.search(r"N°: (\d+);", bar.get_attribute("aria-label") or "")
    assert found is not None
    return f"N° {found.group(1)}"


@pytest.fixture
def frise(page: Page, shipped_app_url: str) -> tuple[Page, str]:
    """The shipped frise (its calendar has every kind of milestone mark) with its second bar selected.

    The clicks change nothing, so the tests share one server.
    """
    watch_runs(page)
    page.goto(f"{shipped_app_url}/?annuels=1")  # the moments of every year drawn too: every kind of mark
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    idle(page)
    put_off_the_name(page)  # it waits for the app: a click sent while the app runs can be dropped
    bar = chart(page).locator(PLACEMENT_BAR).nth(1)
    selected = number(bar)
    click_and_wait(page, bar, force=True)
    expect(page.get_by_text(selected, exact=False).first).to_be_visible()
    return page, selected


@pytest.mark.parametrize("kind", list(OTHER_MARKS))
def test_a_click_on_any_other_mark_changes_nothing(frise: tuple[Page, str], kind: str) -> None:
    page, selected = frise
    click_where_seen(page, chart(page).locator(OTHER_MARKS[kind]))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text(selected, exact=False).first).to_be_visible()


def test_a_click_on_another_bar_selects_its_placement(frise: tuple[Page, str]) -> None:
    page, _ = frise
    bar = chart(page).locator(PLACEMENT_BAR).first
    expected = number(bar)
    click_and_wait(page, bar, force=True)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text(expected, exact=False).first).to_be_visible()

"""In a real browser, at a laptop's, a projector's and a phone's size: no text of the frise lies on another.

The frise is drawn from the shipped catalogue (its calendar is dense), in each view a room or a phone
uses. Each text element of the chart's SVG gives its bounding box; no two may overlap.
"""

import re
from collections.abc import Callable
from contextlib import suppress

from helpers import idle
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

SIZES = [(1440, 900), (1280, 720), (390, 844)]
# Pairs of texts of the chart whose boxes overlap by more than half a pixel each way (none expected).
OVERLAPS = """() => {
  const chart = document.querySelector('[data-testid="stVegaLiteChart"]');
  const svg = chart && chart.querySelector('svg');
  if (!svg) return null;
  const boxes = [...svg.querySelectorAll('text')]
    .filter(t => t.textContent.trim())
    .map(t => ({text: t.textContent, box: t.getBoundingClientRect()}))
    .filter(t => t.box.width > 0 && t.box.height > 0);
  const pairs = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].box, b = boxes[j].box;
      const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const high = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (wide > 0.5 && high > 0.5) pairs.push([boxes[i].text, boxes[j].text]);
    }
  const width = svg.getBoundingClientRect().width;
  // Vega has fitted this drawing to the chart's width at the window's present size.
  const fitted = Math.abs(width - chart.getBoundingClientRect().width) <= 2;
  return {count: boxes.length, pairs, width, fitted};
}"""
PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


def first_drawing(page: Page, address: str) -> None:
    """Open the address and wait for its frise (a server's first page may take a while on a busy machine)."""
    page.goto(address)
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart.locator("svg text").first).to_be_attached(timeout=60_000)


def drawn(page: Page) -> dict:
    """The chart's texts once drawn at this size: their count, the overlapping pairs, the SVG's width.

    Vega draws again when the page's width changes: wait until a drawing has its texts in place and
    none overlapping, or report the last drawing's overlaps when that never comes.
    """
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart.locator("svg text").first).to_be_attached()
    idle(page)
    condition = (
        f"() => {{ const r = ({OVERLAPS})(); return r && r.fitted && r.count > 20 && !r.pairs.length; }}"
    )
    with suppress(PlaywrightTimeout):  # the overlaps of the last drawing say more than a timeout
        page.wait_for_function(condition, timeout=15_000)
    return page.evaluate(OVERLAPS)


# Each view and its least width: the normal view is never narrower than its layout (in a narrow
# window it scrolls sideways instead), a presentation fills a projector, a phone its screen.
VIEWS = [
    ("", 880),
    ("couloirs=partner&parcours=long", 880),
    ("vue=presentation&phase=2", 1180),
    ("vue=telephone&phase=2", 300),
]


def test_no_text_of_the_frise_overlaps_another(page: Page, shipped_app_url: str) -> None:
    # The shipped catalogue (46 milestones, about fifty actions); each case is named in its failure.
    for query, least_width in VIEWS:
        first_drawing(page, f"{shipped_app_url}/?{query}")
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            result = drawn(page)
            assert result["fitted"] and result["count"] > 20, (query, width)
            assert result["pairs"] == [], (query, width, result["pairs"][:5])
            assert result["width"] >= least_width, (query, width, result["width"])


def test_a_phone_opens_the_phone_view_and_its_address_says_so(
    new_page: Callable[..., Page], shipped_app_url: str
) -> None:
    page = new_page(viewport={"width": 390, "height": 844}, user_agent=PHONE, is_mobile=True)
    first_drawing(page, shipped_app_url)
    expect(page.get_by_role("heading", name="Je construis mon projet")).to_be_visible(timeout=30_000)
    expect(page).to_have_url(re.compile(r"[?&]vue=telephone"))
    result = drawn(page)
    assert result["pairs"] == [] and 300 <= result["width"] <= 390
    page.get_by_role("radio", name="Phase 2").click()
    expect(page.get_by_role("heading", name="Je réussis ma formation")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]phase=2"))

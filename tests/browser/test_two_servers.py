"""Two real app servers on one PostgreSQL database and one catalogue folder, each driven by a browser.

What the programme's deployment relies on: a change saved through one server is read through
the other, a stale write made across them is refused as within one, and a pilot's save of a
catalogue file from one is picked up by the other.
"""

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import bars, edit_the_selected_placement, idle, pilot_sets_mentorat_cost
from playwright.sync_api import Page, expect

from tpt_model.formatting import time_label
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore

SECRET = "cerf-volant-indigo-42"


@pytest.fixture
def app_environment() -> dict[str, str]:
    """The pilot role opens with this secret on both servers."""
    return {"TPT_PILOT_SECRET": SECRET}


def open_frise(page: Page, url: str, name: str) -> None:
    """The frise page of `url`, with the name answered, idle."""
    page.goto(url)
    expect(page.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    idle(page)
    field = page.get_by_label("Votre nom", exact=True)
    field.fill(name)
    field.press("Enter")
    expect(page.get_by_role("button", name="Valider")).to_be_hidden()
    idle(page)


def add_brick(page: Page, search: str, title: str) -> None:
    """Add a brick of the catalogue to the open frise, as a user does."""
    field = page.get_by_label("Chercher une brique")
    field.fill(search)
    field.press("Enter")
    expect(page.get_by_role("combobox", name="Brique", exact=True)).to_have_value(title)
    idle(page)
    page.get_by_role("button", name="Ajouter à la frise").click()


def test_a_change_on_one_server_is_seen_on_the_other_and_a_stale_write_is_refused(
    new_page: Callable[..., Page], two_servers: tuple[str, str], shared_database: str
) -> None:
    server_a, server_b = two_servers
    alice, bob = new_page(), new_page()
    open_frise(alice, server_a, "Alice")
    expect(alice.get_by_text("3 placements").first).to_be_visible()
    open_frise(bob, server_b, "Bob")  # the same shared scenario, read from the database
    expect(bob.get_by_text("3 placements").first).to_be_visible()
    expect(bob.get_by_text("Version 1 ·").first).to_be_visible()

    add_brick(alice, "ordinateur", "Ordinateur offert")
    expect(alice.get_by_text("4 placements").first).to_be_visible()
    expect(alice.get_by_text("Version 2 ·").first).to_be_visible()
    idle(alice)

    # Bob, on server B, sees Alice's version at his next rerun (a click on a bar), and is told.
    idle(bob)
    bars(bob).first.click()
    expect(bob.get_by_text("Mis à jour : version 2 enregistrée par Alice.")).to_be_visible()
    expect(bob.get_by_text("4 placements").first).to_be_visible()
    expect(bob.get_by_text("Version 2 ·").first).to_be_visible()

    # Bob edits a placement on server B while Alice adds another brick on server A: his save is
    # refused, not written over hers.
    idle(bob)
    bars(bob).nth(1).click()
    edit_the_selected_placement(bob)
    idle(bob)
    dialog = bob.get_by_role("dialog")
    add_brick(alice, "atelier", "Atelier en classe")
    expect(alice.get_by_text("Version 3 ·").first).to_be_visible()
    dialog.get_by_label("Note").fill("Binômes formés en janvier")
    dialog.get_by_role("button", name="Enregistrer").click()
    engine = open_database(shared_database)
    try:
        store = ScenarioStore(engine)
        (info,) = store.list()
        saved = store.get(info.id)
        assert (saved.version, saved.updated_by) == (3, "Alice")
        # Version 1 was made when Alice first opened the app, before she gave her name.
        assert [v.author for v in store.versions(info.id)] == ["Alice", "Alice", "Anonyme"]
    finally:
        engine.dispose()
    expect(
        bob.get_by_text(
            f"Ce scénario a été modifié par Alice à {time_label(saved.updated_at)} depuis votre dernière "
            "lecture : vos changements n'ont pas été enregistrés par-dessus les siens."
        )
    ).to_be_visible()
    expect(bob.get_by_role("button", name="Enregistrer ma version comme copie")).to_be_visible()
    # The frise shows the version saved first, with Alice's bricks.
    expect(bob.get_by_text("5 placements").first).to_be_visible()
    expect(bob.get_by_text("Version 3 ·").first).to_be_visible()


def reload_until(page: Page, text: str, *, deadline_s: float = 30) -> None:
    """Reload until the cost metric reads `text` (each server looks at the catalogue folder every few seconds)."""
    end = time.monotonic() + deadline_s
    while True:
        page.reload()
        metric = page.get_by_test_id("stMetric").filter(has_text="Coût par bénéficiaire")
        try:
            expect(metric).to_contain_text(text, timeout=5_000)
            return
        except AssertionError:
            if time.monotonic() > end:
                raise


def test_a_pilots_save_on_one_server_is_picked_up_by_the_other(
    new_page: Callable[..., Page], two_servers: tuple[str, str], catalogue_dir: Path
) -> None:
    server_a, server_b = two_servers
    reader = new_page()
    reader.goto(server_b)
    expect(reader.get_by_role("heading", name="Frise du parcours-type")).to_be_visible(timeout=30_000)
    # The test scenario: an atelier at 5 €, the mentorat at 400 €, a computer at 450 €.
    expect(reader.get_by_test_id("stMetric").filter(has_text="Coût par bénéficiaire")).to_contain_text("855")
    idle(reader)

    # A pilot, on server A, changes the mentorat's cost from the catalogue page.
    pilot = new_page()
    pilot.goto(f"{server_a}/catalogue")
    expect(pilot.get_by_role("heading", name="Catalogue des briques")).to_be_visible(timeout=30_000)
    idle(pilot)
    pilot_sets_mentorat_cost(pilot, SECRET, 500)
    assert "per_beneficiary_eur: 500" in (catalogue_dir / "bricks" / "mentorat.yaml").read_text(
        encoding="utf-8"
    )

    # Server B, which has the catalogue in its own cache, reads the file again.
    reload_until(reader, "955")

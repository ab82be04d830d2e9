"""Two real app servers on one PostgreSQL database and one catalogue folder, each driven by a browser.

What the programme's deployment relies on: a change saved through one server is read through
the other, a stale write made across them is refused as within one, and a pilot's catalogue
file saved on one is picked up by both.
"""

import time
from collections.abc import Callable
from pathlib import Path

from helpers import idle
from playwright.sync_api import Page, expect

from tpt_model.files import write_text_atomically
from tpt_model.formatting import time_label
from tpt_model.store.migrate import open_database
from tpt_model.store.scenarios import ScenarioStore


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
    expect(alice.get_by_text("3 placements")).to_be_visible()
    open_frise(bob, server_b, "Bob")  # the same shared scenario, read from the database
    expect(bob.get_by_text("3 placements")).to_be_visible()
    expect(bob.get_by_text("Version 1 ·")).to_be_visible()

    add_brick(alice, "ordinateur", "Ordinateur offert")
    expect(alice.get_by_text("4 placements")).to_be_visible()
    expect(alice.get_by_text("Version 2 ·")).to_be_visible()
    idle(alice)

    # Someone arriving on the other server reads Alice's version.
    chloe = new_page()
    open_frise(chloe, server_b, "Chloé")
    expect(chloe.get_by_text("4 placements")).to_be_visible()
    expect(chloe.get_by_text("Version 2 ·")).to_be_visible()

    # Bob, on server B, still shows version 1: his change is refused, not written over Alice's.
    add_brick(bob, "atelier", "Atelier en classe")
    engine = open_database(shared_database)
    try:
        store = ScenarioStore(engine)
        (info,) = store.list()
        saved = store.get(info.id)
        assert (saved.version, saved.updated_by) == (2, "Alice")
        # Version 1 was made when Alice first opened the app, before she gave her name.
        assert [v.author for v in store.versions(info.id)] == ["Alice", "Anonyme"]
    finally:
        engine.dispose()
    expect(
        bob.get_by_text(
            f"Ce scénario a été modifié par Alice à {time_label(saved.updated_at)} depuis votre dernière "
            "lecture : vos changements n'ont pas été enregistrés par-dessus les siens."
        )
    ).to_be_visible()
    expect(bob.get_by_role("button", name="Enregistrer ma version comme copie")).to_be_visible()
    expect(bob.get_by_text("4 placements")).to_be_visible()  # the version saved first, with Alice's brick
    expect(bob.get_by_text("Version 2 ·")).to_be_visible()


def catalogue_counts(page: Page, expected: str, *, deadline_s: float = 30) -> None:
    """Reload the catalogue page until it reads `expected` (each server re-reads the folder every few seconds)."""
    end = time.monotonic() + deadline_s
    while True:
        page.reload()
        expect(page.get_by_role("heading", name="Catalogue des briques")).to_be_visible(timeout=30_000)
        found = page.get_by_text(expected)
        try:
            expect(found).to_be_visible(timeout=3_000)
            return
        except AssertionError:
            if time.monotonic() > end:
                raise


def test_a_catalogue_file_saved_on_one_server_is_picked_up_by_both(
    new_page: Callable[..., Page], two_servers: tuple[str, str], catalogue_dir: Path
) -> None:
    pages = [new_page(), new_page()]
    for page, url in zip(pages, two_servers, strict=True):
        page.goto(f"{url}/catalogue")
        expect(page.get_by_text("3 briques sur 3")).to_be_visible(timeout=30_000)
        idle(page)

    # A pilot's save: a new brick file, written whole into the folder both servers read.
    source = (catalogue_dir / "bricks" / "ordinateur.yaml").read_text(encoding="utf-8")
    write_text_atomically(
        catalogue_dir / "bricks" / "tablette.yaml",
        source.replace("id: ordinateur", "id: tablette").replace("Ordinateur offert", "Tablette offerte"),
    )
    for page in pages:
        catalogue_counts(page, "4 briques sur 4")

    # And its removal (a pilot undoing it, a `git checkout`) too.
    (catalogue_dir / "bricks" / "tablette.yaml").unlink()
    for page in pages:
        catalogue_counts(page, "3 briques sur 3")

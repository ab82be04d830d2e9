"""In a real browser: the scenario uploader speaks French, and every refusal is a French sentence."""

from pathlib import Path

from helpers import idle
from playwright.sync_api import Page, expect


def open_scenarios(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/scenarios")
    expect(page.get_by_role("heading", name="Scénarios", exact=True)).to_be_visible(timeout=30_000)
    idle(page)


def test_the_uploader_texts_are_french(page: Page, app_url: str) -> None:
    open_scenarios(page, app_url)
    uploader = page.get_by_test_id("stFileUploader")
    expect(uploader.get_by_test_id("stBaseButton-secondary")).to_contain_text("Choisir un fichier")
    expect(uploader.get_by_text("1 Mo au plus · YAML, YML")).to_be_visible()
    for english in ("Upload", "per file", "Drag and drop", "Browse files", "Limit", "MB"):
        expect(uploader).not_to_contain_text(english)


def test_a_file_over_the_browser_limit_is_refused_in_french(page: Page, app_url: str, tmp_path: Path) -> None:
    open_scenarios(page, app_url)
    big = tmp_path / "enorme.yaml"
    big.write_text("name: " + "x" * 1_200_000, encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(big)
    uploader = page.get_by_test_id("stFileUploader")
    expect(uploader.get_by_role("alert")).to_have_text("Fichier trop gros : 1,0 Mo au plus.")
    expect(uploader.get_by_role("button", name="Retirer enorme.yaml")).to_be_attached()
    expect(uploader).not_to_contain_text("File must be")


def test_a_file_over_256_ko_is_refused_in_french(page: Page, app_url: str, tmp_path: Path) -> None:
    open_scenarios(page, app_url)
    heavy = tmp_path / "lourd.yaml"
    heavy.write_text("name: " + "x" * 300_000, encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(heavy)
    expect(page.get_by_test_id("stFileChip")).to_be_visible()
    importer = page.get_by_role("button", name="Importer")
    expect(importer).to_be_enabled()  # the run that took the file has drawn the button
    idle(page)
    importer.click()
    expect(page.get_by_text("n'a pas été importé")).to_be_visible()
    expect(page.get_by_text("fichier trop gros (292 Ko, au plus 256 Ko)")).to_be_visible()

"""In a real browser: prepare the specification, download the PDF and the zip, and read them."""

import io
import zipfile
from pathlib import Path

from export_readers import pdf_text
from helpers import idle
from playwright.sync_api import Page, expect


def test_download_the_pdf_and_the_zip(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(f"{app_url}/export")
    expect(page.get_by_role("heading", name="Export du cahier des charges")).to_be_visible(timeout=30_000)
    idle(page)
    # Keep the PDF and the Markdown only: the test reads what it downloads.
    formats = page.get_by_test_id("stButtonGroup")
    for label in (
        "Word (DOCX)",
        "Diaporama (PPTX)",
        "Excel (XLSX)",
        "Page web (HTML)",
        "JSON",
        "Scénario (YAML)",
    ):
        formats.get_by_role("button", name=label).click()
        idle(page)
    for label in ("Image de la frise (PNG)", "Image de la frise (SVG)"):
        formats.get_by_role("button", name=label).click()
        idle(page)
    page.get_by_role("button", name="Préparer les fichiers").click()
    expect(page.get_by_text("2 fichiers prêts")).to_be_visible(timeout=60_000)
    idle(page)

    downloads = page.get_by_test_id("stDownloadButton")
    with page.expect_download() as pdf_download:
        downloads.get_by_role("button", name="PDF").click()
    pdf = pdf_download.value
    assert pdf.suggested_filename == "mini-parcours-v1.pdf"
    text = pdf_text(Path(pdf.path()).read_bytes())
    assert "Mini parcours" in text and "Mentorat en ligne" in text and "Page 1 / " in text

    with page.expect_download() as zip_download:
        downloads.get_by_role("button", name="Tous les fichiers (zip)", exact=False).click()
    archive = zip_download.value
    assert archive.suggested_filename == "mini-parcours-v1.zip"
    with zipfile.ZipFile(io.BytesIO(Path(archive.path()).read_bytes())) as files:
        assert files.namelist() == ["mini-parcours-v1.pdf", "mini-parcours-v1.md"]
        assert files.read("mini-parcours-v1.pdf") == Path(pdf.path()).read_bytes()

    # The preview shows the document in its frame.
    frame = page.frame_locator("iframe").first
    expect(frame.get_by_role("heading", name="Fiches des briques")).to_be_visible()
    page.screenshot(path=str(tmp_path / "export.png"))

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
    # Every format, as the page proposes by default: no toggle to click (each click is a rerun to wait for).
    page.get_by_role("button", name="Préparer les fichiers").click()
    expect(page.get_by_text("10 fichiers prêts")).to_be_visible(timeout=120_000)
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
        names = files.namelist()
        assert len(names) == 10 and {
            "mini-parcours-v1.pdf",
            "mini-parcours-v1.md",
            "mini-parcours-v1.docx",
        } <= set(names)
        assert files.read("mini-parcours-v1.pdf") == Path(pdf.path()).read_bytes()

    # The preview shows the document in its frame.
    frame = page.frame_locator("iframe").first
    expect(frame.get_by_role("heading", name="Fiches des briques")).to_be_visible()
    page.screenshot(path=str(tmp_path / "export.png"))

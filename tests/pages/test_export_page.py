"""The export page: choose a scenario's version, formats and a partner; prepare, download, preview."""

import io
import zipfile

from export_readers import all_text
from helpers import app_test
from streamlit.testing.v1 import AppTest

from tpt_model.session.export import PreparedExport
from ui.state import STATE_KEY


def export_page() -> AppTest:
    at = app_test().run()
    at.switch_page("pages/export.py").run()
    assert not at.exception, at.exception
    return at


def prepared(at: AppTest) -> PreparedExport:
    result = at.session_state[STATE_KEY].export.prepared
    assert result is not None
    return result


def download_labels(at: AppTest) -> list[str]:
    return [b.proto.label for b in at.get("download_button")]


def test_the_page_offers_the_open_scenario_every_format_and_no_partner() -> None:
    at = export_page()
    assert at.title[0].value == "Export du cahier des charges"
    assert at.selectbox(key="export_scenario").value is not None
    assert "Mini parcours" in at.selectbox(key="export_scenario").format_func(
        at.selectbox(key="export_scenario").value
    )
    assert at.selectbox(key="export_version").value == 1
    assert at.selectbox(key="export_partner").value == ""  # the whole specification, for everyone
    assert not download_labels(at)  # nothing is built before it is asked for


def test_preparing_gives_one_button_per_file_a_zip_and_a_preview() -> None:
    at = export_page()
    at.pills(key="export_formats").set_value(["md", "json", "yaml"]).run()
    at.button(key="export_prepare").click().run()
    assert not at.exception, at.exception
    result = prepared(at)
    assert [f.name for f in result.files] == [
        "mini-parcours-v1.md",
        "mini-parcours-v1.json",
        "mini-parcours-v1.yaml",
    ]
    assert download_labels(at) == [
        "Tous les fichiers (zip) — mini-parcours-v1.zip",
        "Markdown",
        "JSON",
        "Scénario (YAML)",
    ]
    with zipfile.ZipFile(io.BytesIO(result.archive.data)) as archive:
        assert archive.namelist() == [f.name for f in result.files]
    assert "Mentorat en ligne" in all_text("x.html", result.preview_html.encode())
    kinds = [type(e).__name__ for e in at.main.children.values()]
    status = next(e for e in at.main.children.values() if type(e).__name__ == "Status")
    assert status.label == "3 fichiers prêts"  # the progress display, closed once done
    assert kinds[-2:] == ["Header", "UnknownElement"]  # the preview's frame


def test_a_partner_brief_is_named_after_the_partner() -> None:
    at = export_page()
    at.pills(key="export_formats").set_value(["md"]).run()
    at.selectbox(key="export_partner").set_value("inria").run()
    at.button(key="export_prepare").click().run()
    result = prepared(at)
    assert [f.name for f in result.files] == ["mini-parcours-v1-inria.md"]
    text = result.files[0].data.decode()
    assert "Brief partenaire" in text and "Atelier en classe" not in text


def test_changing_a_choice_asks_for_new_files() -> None:
    at = export_page()
    at.pills(key="export_formats").set_value(["json"]).run()
    at.button(key="export_prepare").click().run()
    assert download_labels(at)
    at.selectbox(key="export_partner").set_value("inria").run()
    assert not download_labels(at)
    assert any("préparez de nouveau" in c.value for c in at.caption)


def test_no_format_chosen_says_so() -> None:
    at = export_page()
    at.pills(key="export_formats").set_value([]).run()
    assert [i.value for i in at.info] == ["Choisissez au moins un format."]

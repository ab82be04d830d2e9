"""The ten export formats: what each file is called, its type, and how it is made from the document."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tpt_model.catalogue.scenario_format import Scenario
from tpt_model.errors import InputError
from tpt_model.export.as_image import Figures, frise_png, frise_svg
from tpt_model.export.build import ExportSource, brief_scenario, build_brief, build_document
from tpt_model.export.document import Document
from tpt_model.export.files import base_name, zip_bytes
from tpt_model.i18n import mark_


@dataclass(frozen=True)
class Format:
    """One export format: its id (as the command line takes it), its label, extension and media type."""

    id: str
    label: str
    extension: str
    mime: str
    frise_only: bool = False


FORMATS: tuple[Format, ...] = (
    Format("pdf", "PDF", "pdf", "application/pdf"),
    Format(
        "docx",
        mark_("Word (DOCX)"),
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    Format(
        "pptx",
        mark_("Diaporama (PPTX)"),
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    Format(
        "xlsx", "Excel (XLSX)", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    Format("html", mark_("Page web (HTML)"), "html", "text/html"),
    Format("md", "Markdown", "md", "text/markdown"),
    Format("json", "JSON", "json", "application/json"),
    Format("yaml", mark_("Scénario (YAML)"), "yaml", "application/yaml"),
    Format("png", mark_("Image de la frise (PNG)"), "png", "image/png", frise_only=True),
    Format("svg", mark_("Image de la frise (SVG)"), "svg", "image/svg+xml", frise_only=True),
)
BY_ID = {f.id: f for f in FORMATS}
ALL = "all"
ZIP_MIME = "application/zip"


def unknown_format_message(value: str) -> str:
    """« Format inconnu : « docs » ; formats possibles : pdf, docx, …, all »."""
    return f"Format inconnu : « {value} » ; formats possibles : {', '.join([*BY_ID, ALL])}"


def chosen_formats(value: str) -> list[Format]:
    """The formats a command line value names (`all` for every one); InputError for an unknown one."""
    if value == ALL:
        return list(FORMATS)
    if value not in BY_ID:
        raise InputError(unknown_format_message(value))
    return [BY_ID[value]]


@dataclass(frozen=True)
class ExportFile:
    """A file made by the export: its name (scenario slug, version, partner), bytes and media type."""

    name: str
    data: bytes
    mime: str


@dataclass(frozen=True)
class Export:
    """A document, the scenario it is made from (the partner's part of it for a brief), and its files."""

    document: Document
    scenario: Scenario
    files: tuple[ExportFile, ...]
    base: str

    def zip(self) -> ExportFile:
        """Every file in one zip (fixed timestamps: the same export gives the same archive)."""
        return ExportFile(f"{self.base}.zip", zip_bytes({f.name: f.data for f in self.files}), ZIP_MIME)


def render(document: Document, scenario: Scenario, fmt: Format, figures: Figures) -> bytes:
    """One format's bytes (the heavy libraries are imported only when their format is asked for)."""
    if fmt.id == "md":
        from tpt_model.export.as_markdown import to_markdown

        return to_markdown(document).encode("utf-8")
    if fmt.id == "html":
        from tpt_model.export.as_html import to_html

        return to_html(document, figures).encode("utf-8")
    if fmt.id == "pdf":
        from tpt_model.export.as_pdf import to_pdf

        return to_pdf(document, figures)
    if fmt.id == "docx":
        from tpt_model.export.as_docx import to_docx

        return to_docx(document, figures)
    if fmt.id == "pptx":
        from tpt_model.export.as_pptx import to_pptx

        return to_pptx(document, figures)
    if fmt.id == "xlsx":
        from tpt_model.export.as_xlsx import to_xlsx

        return to_xlsx(document)
    if fmt.id == "json":
        from tpt_model.export.as_json import to_json

        return to_json(document).encode("utf-8")
    if fmt.id == "yaml":
        from tpt_model.export.as_yaml import to_yaml

        return to_yaml(scenario)
    return frise_png(document, figures) if fmt.id == "png" else frise_svg(document, figures)


def file_name(base: str, fmt: Format) -> str:
    """« parcours-gt1-v3.pdf », « parcours-gt1-v3-frise.png »."""
    return f"{base}{'-frise' if fmt.frise_only else ''}.{fmt.extension}"


def export(
    source: ExportSource,
    formats: Sequence[Format],
    partner: str | None = None,
    on_format: Callable[[Format], None] | None = None,
) -> Export:
    """The document (a partner's brief when `partner` is given) and its files in these formats.

    `on_format` is told of each format before it is made (the page shows the progress). Raises
    InputError for a partner the catalogue does not know.
    """
    if partner is None:
        document, scenario = build_document(source), source.scenario
    else:
        document = build_brief(source, partner)
        scenario = brief_scenario(source.catalogue, source.scenario, partner)
    figures = Figures()
    base = base_name(source.scenario.name, source.version, partner)
    files = []
    for fmt in formats:
        if on_format is not None:
            on_format(fmt)
        files.append(ExportFile(file_name(base, fmt), render(document, scenario, fmt, figures), fmt.mime))
    return Export(document, scenario, tuple(files), base)

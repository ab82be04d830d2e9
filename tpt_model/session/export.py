"""The export page's part of the session: what is chosen, and the files last prepared for that choice."""

import datetime
from collections.abc import Callable, Mapping

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.export.build import ExportSource
from tpt_model.export.files import zip_bytes
from tpt_model.export.formats import BY_ID, FORMATS, ZIP_MIME, Format, export
from tpt_model.i18n import DEFAULT_LANGUAGE, _, use_language
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.store.scores import ScoreStore
from tpt_model.store.workshops import WorkshopStore
from tpt_model.workshop.report import WorkshopReport, workshop_report

DEFAULT_FORMATS = tuple(f.id for f in FORMATS)


class ExportChoice(BaseModel):
    """What the files are made of: a scenario's version, formats, a partner, the weights of the results."""

    model_config = ConfigDict(frozen=True)

    scenario_id: str
    version: int
    formats: tuple[str, ...]
    partner: str | None = None
    weights: tuple[tuple[str, float], ...] = ()
    include_reference: bool = False


class PreparedFile(BaseModel):
    """One file ready to download."""

    model_config = ConfigDict(frozen=True)

    name: str
    label: str
    mime: str
    data: bytes


class PreparedExport(BaseModel):
    """The files of one choice, their zip, and the HTML document the page previews."""

    model_config = ConfigDict(frozen=True)

    choice: ExportChoice
    files: tuple[PreparedFile, ...]
    archive: PreparedFile
    preview_html: str


class ExportView(BaseModel):
    """The export page's state: the choices (they survive a visit to another page) and the prepared files."""

    model_config = ConfigDict(validate_assignment=True)

    scenario_id: str | None = None
    version: int | None = None
    formats: tuple[str, ...] = DEFAULT_FORMATS
    partner: str | None = None
    prepared: PreparedExport | None = None

    def follow(self, scenario_id: str, newest: int) -> None:
        """Choose a scenario, at its newest version unless its chosen version still applies."""
        if scenario_id != self.scenario_id:
            self.scenario_id, self.version = scenario_id, newest

    def ready_for(self, choice: ExportChoice) -> PreparedExport | None:
        """The prepared files if they were made for exactly this choice (else they are out of date)."""
        return self.prepared if self.prepared is not None and self.prepared.choice == choice else None


def export_choice(
    view: ExportView, weights: Mapping[str, float], include_reference: bool
) -> ExportChoice | None:
    """The current choice, or None while no scenario or no format is chosen."""
    formats = tuple(f for f in view.formats if f in BY_ID)
    if view.scenario_id is None or view.version is None or not formats:
        return None
    return ExportChoice(
        scenario_id=view.scenario_id,
        version=view.version,
        formats=formats,
        partner=view.partner,
        weights=tuple(sorted(weights.items())),
        include_reference=include_reference,
    )


def workshop_reports(
    catalogue: Catalogue, scenarios: ScenarioStore, workshops: WorkshopStore, scenario_id: str
) -> tuple[WorkshopReport, ...]:
    """What the export says of a scenario's workshops, newest first, each read with the version it was on."""
    return tuple(
        workshop_report(
            catalogue, scenarios.version(scenario_id, w.scenario_version), workshops.snapshot(w.id)
        )
        for w in workshops.workshops(scenario_id)
    )


def prepare_export(
    catalogue: Catalogue,
    scenarios: ScenarioStore,
    scores: ScoreStore,
    workshops: WorkshopStore,
    choice: ExportChoice,
    today: datetime.date,
    on_format: Callable[[Format], None] | None = None,
) -> PreparedExport:
    """Read the chosen version, its scores and workshops, and make the files (a partner's brief if chosen).

    Raises StoreError (French) when the database fails, InputError for a partner no longer known.
    """
    scenario = scenarios.version(choice.scenario_id, choice.version)
    authors = {v.version: v.author for v in scenarios.versions(choice.scenario_id)}
    formats = [BY_ID[f] for f in choice.formats]
    # The page previews the HTML document: made once, whether or not it is among the chosen files.
    wanted = formats if BY_ID["html"] in formats else [*formats, BY_ID["html"]]
    # The files stay in French until the exports' own texts are translated: one language per file.
    with use_language(DEFAULT_LANGUAGE):
        source = ExportSource(
            catalogue,
            scenario,
            today,
            sheets=scores.sheets(choice.scenario_id),
            weights=dict(choice.weights),
            include_reference=choice.include_reference,
            version=choice.version,
            author=authors.get(choice.version),
            workshops=workshop_reports(catalogue, scenarios, workshops, choice.scenario_id),
        )
        done = export(source, wanted, choice.partner, on_format)
    html = next(f for f in done.files if f.name.endswith(".html"))
    files = tuple(
        PreparedFile(name=f.name, label=_(fmt.label), mime=f.mime, data=f.data)
        for f, fmt in zip(done.files, wanted, strict=True)
        if fmt in formats
    )
    archive = PreparedFile(
        name=f"{done.base}.zip",
        label=_("Tous les fichiers (zip)"),
        mime=ZIP_MIME,
        data=zip_bytes({f.name: f.data for f in files}),
    )
    return PreparedExport(choice=choice, files=files, archive=archive, preview_html=html.data.decode("utf-8"))

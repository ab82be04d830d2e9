"""The document as a workbook: the cover, then one worksheet per table, with typed cells that never run."""

import datetime
import io

from openpyxl import Workbook

from tpt_model.export.document import ColumnKind, Document
from tpt_model.export.files import steady_zip
from tpt_model.export.tabular import sheet_title, write_sheet
from tpt_model.i18n import _

# Number formats by column kind: spreadsheets keep the numbers, and show euros and hours as such.
FORMATS: dict[ColumnKind, str | None] = {
    "text": None,
    "int": "0",
    "number": None,
    "eur": '#,##0 "€"',
    "hours": 'General" h"',
    "bool": None,
}


def to_xlsx(document: Document) -> bytes:
    """The workbook: « Page de garde » first, then every table the workbook lists, in reading order."""
    workbook = Workbook(write_only=True)
    created = datetime.datetime.fromisoformat(document.cover.date)
    workbook.properties.created = created
    workbook.properties.modified = created
    workbook.properties.creator = "Frise TechPourToutes"
    workbook.properties.title = f"{document.cover.title} — {document.cover.scenario}"
    taken: set[str] = set()
    write_sheet(
        workbook, sheet_title(_("Page de garde"), taken), [_("Rubrique"), _("Valeur")], document.cover.pairs()
    )
    for table in document.tables():
        if not table.in_workbook:
            continue
        write_sheet(
            workbook,
            sheet_title(table.title, taken),
            [c.name for c in table.columns],
            table.rows,
            [FORMATS[c.kind] for c in table.columns],
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return steady_zip(buffer.getvalue(), modified=created.strftime("%Y-%m-%dT%H:%M:%SZ"))

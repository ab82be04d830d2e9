"""The document as a PDF: WeasyPrint lays out the HTML export (vector figures, running headers, page numbers).

Table headers repeat on every page a table runs over; the frise gets a landscape page.
"""

import logging

import weasyprint

from tpt_model.export.as_html import to_html
from tpt_model.export.as_image import Figures
from tpt_model.export.document import Document

# WeasyPrint logs every CSS property it ignores at WARNING: the print stylesheet is known, the log is noise.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def to_pdf(document: Document, figures: Figures | None = None) -> bytes:
    """The document as PDF bytes (A4); the same document always gives the same bytes."""
    html = weasyprint.HTML(string=to_html(document, figures), base_url=None)
    # No identifier drawn from the clock: the PDF's /ID comes from its content.
    result = html.write_pdf(uncompressed_pdf=False)
    assert result is not None
    return result

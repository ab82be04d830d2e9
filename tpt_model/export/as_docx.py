"""The document as a Word file partners can edit: heading styles, a contents field, real tables, figures.

The body is built as WordprocessingML elements and inserted once: python-docx's `add_paragraph` and
style lookups scan the whole body each time, which turns a hundred-page document into minutes.
"""

import copy
import datetime
import io
from typing import Any

import docx
from docx.document import Document as Docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from tpt_model.export.as_image import Figures
from tpt_model.export.document import (
    Block,
    BulletList,
    Document,
    Facts,
    Figure,
    Paragraph,
    Section,
    Table,
    colon,
)
from tpt_model.export.files import steady_zip
from tpt_model.export.tables import cell_text, column_shares
from tpt_model.i18n import _, mark_

A4 = (Cm(21), Cm(29.7))
MARGIN = Cm(2)
TABLE_TEXT = 16  # half-points: 8 pt, so that a table of ten columns reads without cutting words
TOC_HINT = mark_("Sommaire : dans Word, clic droit puis « Mettre à jour les champs » pour l'afficher.")
Element = Any  # lxml elements of python-docx's oxml classes


def _run(text: str, *, bold: bool = False, italic: bool = False, half_points: int | None = None) -> Element:
    run = OxmlElement("w:r")
    if bold or italic or half_points:
        properties = OxmlElement("w:rPr")
        if bold:
            properties.append(OxmlElement("w:b"))
        if italic:
            properties.append(OxmlElement("w:i"))
        if half_points:
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), str(half_points))
            properties.append(size)
        run.append(properties)
    value = OxmlElement("w:t")
    value.set(qn("xml:space"), "preserve")
    value.text = text
    run.append(value)
    return run


def _paragraph(*runs: Element, style: str | None = None) -> Element:
    paragraph = OxmlElement("w:p")
    if style:
        properties = OxmlElement("w:pPr")
        style_element = OxmlElement("w:pStyle")
        style_element.set(qn("w:val"), style)
        properties.append(style_element)
        paragraph.append(properties)
    for run in runs:
        paragraph.append(run)
    return paragraph


def _text(text: str, style: str | None = None, **kind: Any) -> Element:
    return _paragraph(_run(text, **kind), style=style)


def _page_break() -> Element:
    run = OxmlElement("w:r")
    brk = OxmlElement("w:br")
    brk.set(qn("w:type"), "page")
    run.append(brk)
    return _paragraph(run)


def _field(instruction: str, placeholder: str) -> Element:
    """A Word field (begin, instruction, separate, shown text, end), to be computed by Word."""
    runs = []
    for kind in ("begin", "instruction", "separate", "text", "end"):
        if kind == "text":
            runs.append(_run(placeholder, italic=True))
            continue
        run = OxmlElement("w:r")
        if kind == "instruction":
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = instruction
            run.append(text)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                char.set(qn("w:dirty"), "true")  # Word recomputes it on opening
            run.append(char)
        runs.append(run)
    return _paragraph(*runs)


def _row(texts: list[str], *, header: bool = False) -> Element:
    row = OxmlElement("w:tr")
    if header:  # repeated at the top of every page the table runs over
        properties = OxmlElement("w:trPr")
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
        row.append(properties)
    for text in texts:
        cell = OxmlElement("w:tc")
        cell.append(_text(text, bold=header, half_points=TABLE_TEXT))
        row.append(cell)
    return row


def _table(table: Table, width: Length) -> list[Element]:
    grid = OxmlElement("w:tbl")
    properties = OxmlElement("w:tblPr")
    for tag, attributes in (
        ("w:tblStyle", {"w:val": "TableGrid"}),
        ("w:tblW", {"w:w": "5000", "w:type": "pct"}),
    ):
        element = OxmlElement(tag)
        for name, value in attributes.items():
            element.set(qn(name), value)
        properties.append(element)
    grid.append(properties)
    columns = OxmlElement("w:tblGrid")
    for share in column_shares(table):  # the same widths as the HTML and PDF tables
        column = OxmlElement("w:gridCol")
        column.set(qn("w:w"), str(int(width * share / 635)))  # EMU to twentieths of a point
        columns.append(column)
    grid.append(columns)
    grid.append(_row([c.name for c in table.columns], header=True))
    for row in table.rows:
        grid.append(_row([cell_text(v, c.kind) for v, c in zip(row, table.columns, strict=True)]))
    return [_text(table.title, "Caption"), grid, _paragraph()]


def _section_break(doc: Docx, landscape: bool) -> Element:
    """A paragraph that ends a section: the pages before it are landscape, or portrait."""
    properties = copy.deepcopy(doc.element.body.sectPr)
    size = properties.find(qn("w:pgSz"))
    width, height = A4
    if landscape:
        width, height = height, width
        size.set(qn("w:orient"), "landscape")
    size.set(qn("w:w"), str(int(width / 635)))  # EMU to twentieths of a point
    size.set(qn("w:h"), str(int(height / 635)))
    paragraph_properties = OxmlElement("w:pPr")
    paragraph_properties.append(properties)
    paragraph = OxmlElement("w:p")
    paragraph.append(paragraph_properties)
    return paragraph


def _picture(doc: Docx, figure: Figure, figures: Figures, width: Length) -> list[Element]:
    holder = DocxParagraph(OxmlElement("w:p"), doc._body)
    holder.add_run().add_picture(io.BytesIO(figures.png(figure)), width=width)
    drawing = holder._p.find(f".//{qn('wp:docPr')}")
    if drawing is not None:
        drawing.set("descr", figure.description)  # the alternative text
    return [holder._p, _text(f"{figure.title}. {figure.description}", "Caption")]


def _block(doc: Docx, block: Block, figures: Figures, width: Length) -> list[Element]:
    if isinstance(block, Paragraph):
        return [_text(block.text, bold=block.style == "label", italic=block.style == "remark")]
    if isinstance(block, BulletList):
        return [_text(item, "ListBullet") for item in block.items]
    if isinstance(block, Facts):
        return [_paragraph(_run(f.label + colon(), bold=True), _run(f.value)) for f in block.items]
    if isinstance(block, Table):
        return _table(block, width)
    return _picture(doc, block, figures, width if block.kind == "frise" else Cm(16))


def _section(doc: Docx, section: Section, depth: int, figures: Figures) -> list[Element]:
    heading = _text(section.title, f"Heading{min(depth, 3)}")
    width = (A4[1] if section.landscape else A4[0]) - 2 * MARGIN
    elements = [heading, *(e for block in section.blocks for e in _block(doc, block, figures, Length(width)))]
    if section.landscape:
        # Its title and blocks (the frise and its table) get landscape pages, then portrait again.
        elements = [_section_break(doc, False), *elements, _section_break(doc, True)]
    for sub in section.subsections:
        elements += _section(doc, sub, depth + 1, figures)
    return elements


def _cover(document: Document) -> list[Element]:
    cover = document.cover
    elements = [_text(cover.title, "Subtitle"), _text(cover.scenario, "Title")]
    elements += [_paragraph(_run(label + colon(), bold=True), _run(value)) for label, value in cover.pairs()]
    elements += [
        _page_break(),
        _text(_("Sommaire"), "Heading1"),
        _field('TOC \\o "1-2" \\h \\z \\u', _(TOC_HINT)),
    ]
    return [*elements, _page_break()]


def _setup(doc: Docx, document: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)
    stamp = datetime.datetime.fromisoformat(document.cover.date)
    properties = doc.core_properties
    properties.title = f"{document.cover.title} — {document.cover.scenario}"
    properties.author = properties.last_modified_by = "Frise TechPourToutes"
    properties.created = properties.modified = properties.last_printed = stamp
    properties.revision = 1
    properties.language = "fr-FR"
    # Ask Word to refresh the fields (the table of contents) when the file opens.
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    doc.settings.element.append(update)


def to_docx(document: Document, figures: Figures | None = None) -> bytes:
    """The document as DOCX bytes (A4)."""
    drawn = figures or Figures()
    doc = docx.Document()
    _setup(doc, document)
    elements = _cover(document)
    for section in document.sections:
        elements += _section(doc, section, 1, drawn)
    body_end = doc.element.body.sectPr
    for element in elements:
        body_end.addprevious(element)
    buffer = io.BytesIO()
    doc.save(buffer)
    return steady_zip(buffer.getvalue())

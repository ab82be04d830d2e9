"""The document as a PDF laid out by ReportLab: vector figures, running headers, numbered pages.

WeasyPrint over the HTML export spent about 0.1 s of processor a page (40 s for 300 placements, the
brick sheets making most of the 200 pages); ReportLab lays the same document out ten times faster.
Table headers repeat on every page a table runs over; the frise and its table get landscape pages;
figures stay vectors (svglib turns Vega's SVG into ReportLab drawings).
"""

import io
import logging
import re
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any, Literal

import reportlab
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable
from svglib import fonts as svg_fonts
from svglib.svglib import svg2rlg

from tpt_model.export.as_image import Figures
from tpt_model.export.document import Block, BulletList, Document, Facts, Figure, Section, Table
from tpt_model.export.tables import cell_text, column_shares

# svglib logs every SVG attribute it does not draw (Vega's aria and pointer-events): noise.
logging.getLogger("svglib").setLevel(logging.ERROR)

FONT = "TptSans"
# DejaVu Sans (Debian's fonts-dejavu-core) has every character the catalogue uses (→ included);
# ReportLab's own Vera, DejaVu's ancestor, stands in on a machine without it.
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_VERA = Path(reportlab.__file__).parent / "fonts"
_FACES = {
    "": ("DejaVuSans.ttf", "Vera.ttf"),
    "-Bold": ("DejaVuSans-Bold.ttf", "VeraBd.ttf"),
    "-Italic": ("DejaVuSans-Oblique.ttf", "VeraIt.ttf"),
    "-BoldItalic": ("DejaVuSans-BoldOblique.ttf", "VeraBI.ttf"),
}
# The figures are laid out by vl-convert with Arial's widths (the frise fits its labels to them):
# their text is drawn in Liberation Sans, Arial's metric twin, or else in svglib's Helvetica (the same).
_LIBERATION = Path("/usr/share/fonts/truetype/liberation")
_FIGURE_FACES = {("normal", "LiberationSans-Regular.ttf"), ("bold", "LiberationSans-Bold.ttf")}

INK = colors.HexColor("#1d1f23")
GREY = colors.HexColor("#555555")
BLUE = colors.HexColor("#0072b2")
DARK_BLUE = colors.HexColor("#0b4f7c")
RULE = colors.HexColor("#c9ced6")
HEAD = colors.HexColor("#eef2f6")

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 16 * mm, 20 * mm, 18 * mm
PAD = 3  # a table cell's padding left and right, in points


@cache
def _fonts() -> None:
    """Register the text's font family, and the figures' sans-serif, once."""
    dejavu = (_DEJAVU / _FACES[""][0]).exists()
    for suffix, (dejavu_file, vera_file) in _FACES.items():
        pdfmetrics.registerFont(
            TTFont(FONT + suffix, str(_DEJAVU / dejavu_file if dejavu else _VERA / vera_file))
        )
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=f"{FONT}-Bold", italic=f"{FONT}-Italic", boldItalic=f"{FONT}-BoldItalic"
    )
    for weight, file in _FIGURE_FACES:
        if (_LIBERATION / file).exists():
            svg_fonts.register_font(
                "sans-serif", str(_LIBERATION / file), weight, rlgFontName=Path(file).stem
            )


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    label: ParagraphStyle
    remark: ParagraphStyle
    bullet: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]  # h1 (the cover's) to h4
    kind: ParagraphStyle
    caption: ParagraphStyle
    figcaption: ParagraphStyle
    cell: ParagraphStyle
    th: ParagraphStyle
    toc: ParagraphStyle

    def paragraph(self, style: Literal["body", "label", "remark"]) -> ParagraphStyle:
        """The style of a document's paragraph."""
        return {"body": self.body, "label": self.label, "remark": self.remark}[style]


@cache
def _styles() -> _Styles:
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, textColor=INK, spaceAfter=4)
    heading = ParagraphStyle("heading", body, fontName=f"{FONT}-Bold", keepWithNext=1)
    return _Styles(
        body=body,
        label=ParagraphStyle(
            "label", body, fontName=f"{FONT}-Bold", spaceBefore=6, spaceAfter=2, keepWithNext=1
        ),
        remark=ParagraphStyle(
            "remark", body, fontName=f"{FONT}-Italic", textColor=colors.HexColor("#444444")
        ),
        bullet=ParagraphStyle("bullet", body, leftIndent=14, bulletIndent=4, spaceAfter=1),
        headings=(
            ParagraphStyle("h1", heading, fontSize=22, leading=27, spaceAfter=6),
            ParagraphStyle(
                "h2", heading, fontSize=15, leading=19, spaceBefore=16, spaceAfter=6, textColor=BLUE
            ),
            ParagraphStyle(
                "h3", heading, fontSize=12, leading=15, spaceBefore=12, spaceAfter=4, textColor=DARK_BLUE
            ),
            ParagraphStyle("h4", heading, fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=3),
        ),
        kind=ParagraphStyle("kind", body, fontName=f"{FONT}-Bold", fontSize=13, leading=17, textColor=BLUE),
        caption=ParagraphStyle(
            "caption", body, fontName=f"{FONT}-Bold", fontSize=9, leading=12, spaceAfter=0
        ),
        figcaption=ParagraphStyle(
            "figcaption", body, fontSize=8.5, leading=11, spaceAfter=8, textColor=colors.HexColor("#444444")
        ),
        cell=ParagraphStyle("cell", body, fontSize=8.5, leading=10.5, spaceAfter=0),
        th=ParagraphStyle("th", body, fontName=f"{FONT}-Bold", fontSize=8.5, leading=10.5, spaceAfter=0),
        toc=ParagraphStyle("toc", body, spaceAfter=2),
    )


def _markup(text: str) -> str:
    """Typed text for a ReportLab paragraph, which reads markup: escaped, and French quotes never
    left alone at the end or the start of a line."""
    return escape(text).replace("« ", "«\u00a0").replace(" »", "\u00a0»")


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of typed text."""
    return Paragraph(_markup(text), style)


class _Pages(Canvas):
    """A canvas that keeps its pages until the end, to write « Page n / total » and the running header.

    The header names the chapter the page starts in, or the first one that begins on it (as CSS's
    `string-set` does); the contents' page numbers are written here too, once every page is known.
    """

    def __init__(self, *args: Any, kind: str = "", scenario: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kind, self._scenario = kind, scenario
        self._pages: list[tuple[dict[str, Any], str]] = []
        self._running = ""  # the chapter the next page starts in
        self._first: str | None = None  # the first chapter beginning on this page
        self.chapter_pages: dict[str, int] = {}
        self._page_refs: list[tuple[int, float, float, str]] = []  # page, x, y, chapter id

    def chapter_starts(self, anchor: str, title: str) -> None:
        """A chapter's heading is drawn on this page."""
        self.chapter_pages[anchor] = self.getPageNumber()
        self._first = self._first or title
        self._running = title

    def page_of(self, anchor: str, x: float, y: float) -> None:
        """Write, at this point of this page, the page a chapter starts on (known at the end)."""
        self._page_refs.append((self.getPageNumber(), *self.absolutePosition(x, y), anchor))

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        chapter = self._first or self._running
        self._pages.append((dict(self.__dict__), chapter))
        self._first = None
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, (state, chapter) in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._decorate(number, total, chapter)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int, chapter: str) -> None:
        width, height = self._pagesize
        self.setFont(FONT, 8)
        self.setFillColor(GREY)
        for page, x, y, anchor in self._page_refs:
            if page == number:
                self.setFont(FONT, 10)
                self.drawRightString(x, y, str(self.chapter_pages.get(anchor, "")))
                self.setFont(FONT, 8)
        if number > 1:  # the cover has no running header
            half = (width - 2 * MARGIN_X) / 2 - 6
            self.drawString(MARGIN_X, height - 12 * mm, _fit(self._scenario, half))
            self.drawRightString(width - MARGIN_X, height - 12 * mm, _fit(chapter, half))
        self.drawString(MARGIN_X, 10 * mm, f"TechPourToutes · {self._kind}")
        self.drawRightString(width - MARGIN_X, 10 * mm, f"Page {number} / {total}")


def _fit(text: str, width: float) -> str:
    """The text cut (with « … ») to fit a running header's half line."""
    if pdfmetrics.stringWidth(text, FONT, 8) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", FONT, 8) > width:
        text = text[:-1]
    return text + "…"


class _Heading(Paragraph):
    """A heading that is a PDF bookmark; a chapter's also tells the canvas, for headers and contents."""

    def __init__(self, title: str, anchor: str, depth: int) -> None:
        styles = _styles().headings
        super().__init__(f'<a name="{escape(anchor)}"/>{_markup(title)}', styles[min(depth, 3)])
        self._title, self._anchor, self._depth = title, anchor, depth

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        canvas.bookmarkPage(self._anchor)
        canvas.addOutlineEntry(self._title, self._anchor, level=self._depth - 1, closed=self._depth > 1)
        if self._depth == 1 and isinstance(canvas, _Pages):
            canvas.chapter_starts(self._anchor, self._title)


class _PageOf(Flowable):
    """The page a chapter starts on, in the contents (written by the canvas once every page is laid)."""

    def __init__(self, anchor: str) -> None:
        super().__init__()
        self._anchor = anchor

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 12

    def draw(self) -> None:
        if isinstance(self.canv, _Pages):
            self.canv.page_of(self._anchor, self.width, 2)


_OPACITY = re.compile(r'<[a-z]+\b[^>]*\sopacity="([\d.]+)"[^>]*>')


def _opacity_as_fill(svg: str) -> str:
    """Vega's `opacity` on a mark folded into its fill and stroke opacities, the ones svglib draws.

    Without it, the calendar's pale bands are drawn opaque over the frise. (Typed text cannot
    match: inside an attribute, Vega writes a quote as `&quot;`.)
    """

    def fold(match: re.Match[str]) -> str:
        tag, opacity = match.group(0), float(match.group(1))
        tag = tag.replace(f' opacity="{match.group(1)}"', "", 1)
        added = ""
        for name in ("fill-opacity", "stroke-opacity"):
            own = re.search(rf'\s{name}="([\d.]+)"', tag)
            if own:
                tag = tag.replace(own.group(0), f' {name}="{opacity * float(own.group(1)):g}"', 1)
            else:
                added += f' {name}="{opacity:g}"'
        return re.sub(r"^<[a-z]+", lambda name: name.group(0) + added, tag)

    return _OPACITY.sub(fold, svg)


def _drawing(figure: Figure, figures: Figures, width: float, height: float) -> Drawing:
    """The figure's SVG as vectors, scaled down to fit the width and height given.

    The SVG is read from memory: svglib then refuses any reference to a file.
    """
    drawing = svg2rlg(io.BytesIO(_opacity_as_fill(figures.svg(figure)).encode("utf-8")))
    assert drawing is not None  # vl-convert's SVG is well-formed
    scale = min(1.0, width / drawing.width, height / drawing.height)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.scale(scale, scale)
    return drawing


_GRID = TableStyle(
    [
        ("SPAN", (0, 0), (-1, 0)),
        ("FONT", (0, 1), (-1, -1), FONT, 8.5, 10.5),
        ("BACKGROUND", (0, 1), (-1, 1), HEAD),
        ("GRID", (0, 1), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("BOTTOMPADDING", (0, 0), (0, 0), 4),
    ]
)
_FACTS = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
)


def _widths(table: Table, width: float) -> list[float]:
    """Column widths: each column's share, widened so that its longest word is never cut.

    The widening is taken from the columns with room to spare. Every word of the header is measured,
    and of the cells the one with the most characters (measuring them all would cost more than the layout).
    """
    wanted = [width * s for s in column_shares(table)]
    needed = []
    for i, column in enumerate(table.columns):
        words = [w for row in table.rows for w in cell_text(row[i], column.kind).split()]
        longest = [*column.name.split(), max(words, key=len, default="")]
        needed.append(max(pdfmetrics.stringWidth(w, f"{FONT}-Bold", 8.5) for w in longest) + 2 * PAD + 1)
    widths = [max(w, n) for w, n in zip(wanted, needed, strict=True)]
    excess = sum(widths) - width
    spare = [w - n for w, n in zip(widths, needed, strict=True)]
    if excess > 0 and sum(spare) > 0:
        cut = min(1.0, excess / sum(spare))
        widths = [w - s * cut for w, s in zip(widths, spare, strict=True)]
    total = sum(widths)
    return [w * min(1.0, width / total) for w in widths]


def _cell(text: str, width: float) -> str | Paragraph:
    """A cell's text: as it is when it fits on one line, else a paragraph that wraps."""
    if "\n" not in text and pdfmetrics.stringWidth(text, FONT, 8.5) <= width - 2 * PAD:
        return text
    return _p(text, _styles().cell)


def _table(table: Table, width: float) -> list[Flowable]:
    """A table under its caption (its first row); its header row repeats on every page it runs over."""
    styles = _styles()
    widths = _widths(table, width)
    header = [_p(c.name, styles.th) for c in table.columns]
    # A text that fits on one line, and every number, is a plain string: ReportLab draws it as it is
    # (no markup read), without a paragraph's cost. Longer texts are paragraphs, which wrap.
    rows = [
        [_cell(cell_text(v, c.kind), w) for v, c, w in zip(row, table.columns, widths, strict=True)]
        for row in table.rows
    ]
    caption = [_p(table.title, styles.caption), *([""] * (len(table.columns) - 1))]
    # A row taller than a page (a long note) is split across pages rather than refused.
    grid = PdfTable([caption, header, *rows], colWidths=widths, repeatRows=(1,), splitInRow=1)
    numbers = [("ALIGN", (i, 2), (i, -1), "RIGHT") for i, c in enumerate(table.columns) if c.kind != "text"]
    grid.setStyle(TableStyle([*_GRID.getCommands(), *numbers]))
    return [grid, Spacer(1, 8)]


def _facts(pairs: list[tuple[str, str]], width: float) -> PdfTable:
    styles = _styles()
    rows = [[_p(label, styles.label), _p(value, styles.body)] for label, value in pairs]
    facts = PdfTable(rows, colWidths=[0.3 * width, 0.7 * width], splitInRow=1)
    facts.setStyle(_FACTS)
    return facts


@dataclass(frozen=True)
class _Frame:
    """The room a block has: the frame's width and height (landscape for the frise)."""

    width: float
    height: float


def _block(block: Block, figures: Figures, frame: _Frame) -> list[Flowable]:
    styles = _styles()
    if isinstance(block, BulletList):
        return [Paragraph(_markup(i), styles.bullet, bulletText="•") for i in block.items]
    if isinstance(block, Facts):
        return [_facts([(f.label, f.value) for f in block.items], frame.width)]
    if isinstance(block, Table):
        return _table(block, frame.width)
    if isinstance(block, Figure):
        caption = _p(block.title, styles.figcaption)
        return [KeepTogether([_drawing(block, figures, frame.width, frame.height - 40), caption])]
    return [_p(block.text, styles.paragraph(block.style))]


_PORTRAIT_FRAME = _Frame(PORTRAIT[0] - 2 * MARGIN_X, PORTRAIT[1] - MARGIN_TOP - MARGIN_BOTTOM)
_LANDSCAPE_FRAME = _Frame(LANDSCAPE[0] - 2 * MARGIN_X, LANDSCAPE[1] - MARGIN_TOP - MARGIN_BOTTOM)


def _section(section: Section, depth: int, figures: Figures) -> list[Flowable]:
    frame = _LANDSCAPE_FRAME if section.landscape else _PORTRAIT_FRAME
    blocks = [_Heading(section.title, section.id, depth)]
    blocks += [f for b in section.blocks for f in _block(b, figures, frame)]
    if section.landscape:
        # The frise and its table get landscape pages of their own, then the pages are upright again.
        blocks = [
            NextPageTemplate("landscape"),
            PageBreak(),
            *blocks,
            NextPageTemplate("portrait"),
            PageBreak(),
        ]
    return blocks + [f for s in section.subsections for f in _section(s, depth + 1, figures)]


def _cover(document: Document) -> list[Flowable]:
    styles, cover = _styles(), document.cover
    return [
        Spacer(1, 40),
        _p(cover.title, styles.kind),
        _p(cover.scenario, styles.headings[0]),
        _p(cover.programme, styles.body),
        Spacer(1, 24),
        _facts(cover.pairs(), _PORTRAIT_FRAME.width),
        PageBreak(),
    ]


def _contents(document: Document) -> list[Flowable]:
    styles = _styles()
    rows = [
        [Paragraph(f'<a href="#{escape(s.id)}">{_markup(s.title)}</a>', styles.toc), _PageOf(s.id)]
        for s in document.sections
    ]
    width = _PORTRAIT_FRAME.width
    contents = PdfTable(rows, colWidths=[width - 40, 40])
    contents.setStyle(_FACTS)
    return [_p("Sommaire", styles.headings[1]), contents]


def _templates() -> list[PageTemplate]:
    def frame(size: tuple[float, float]) -> Frame:
        width, height = size
        return Frame(
            MARGIN_X, MARGIN_BOTTOM, width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip

    return [
        PageTemplate("portrait", [frame(PORTRAIT)], pagesize=PORTRAIT),
        PageTemplate("landscape", [frame(LANDSCAPE)], pagesize=LANDSCAPE),
    ]


def to_pdf(document: Document, figures: Figures | None = None) -> bytes:
    """The document as PDF bytes (A4); the same document always gives the same bytes."""
    _fonts()
    drawn = figures or Figures()
    cover = document.cover
    buffer = io.BytesIO()
    pdf = BaseDocTemplate(
        buffer,
        pagesize=PORTRAIT,
        pageTemplates=_templates(),
        title=f"{cover.title} — {cover.scenario}",
        author="TechPourToutes",
        creator="Frise TechPourToutes",
        subject=cover.title,
        lang="fr",
        invariant=True,  # no date nor random identifier: the same document gives the same bytes
    )
    story = [*_cover(document), *_contents(document)]
    story += [f for s in document.sections for f in _section(s, 1, drawn)]

    def canvas(*args: Any, **kwargs: Any) -> _Pages:
        return _Pages(*args, kind=cover.title, scenario=cover.scenario, **kwargs)

    pdf.build(story, canvasmaker=canvas)
    return buffer.getvalue()

"""The briefing deck, 16:9: title, frise, one slide per phase, matrix, budget, gaps, next steps."""

import datetime
import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Length, Pt

from tpt_model.export.as_image import Figures
from tpt_model.export.document import BulletList, Document, Facts, Figure, Paragraph, Section, colon
from tpt_model.export.evaluation_section import DISPUTED_ON
from tpt_model.export.files import steady_zip
from tpt_model.formatting import counted
from tpt_model.i18n import _

WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)  # PowerPoint's 16:9, 33.867 × 19.05 cm
MARGIN = Inches(0.5)
TITLE_HEIGHT = Inches(0.9)
PICTURE_TOP = Inches(1.3)
MAX_LINES = 10  # more lines than this no longer read on a projector: the rest is counted


def _slide(deck: Deck, title: str) -> Slide:
    # The blank layout, titles placed by hand: the default template's boxes are sized for 4:3.
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    box = slide.shapes.add_textbox(MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, TITLE_HEIGHT)
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = title
    frame.paragraphs[0].runs[0].font.size = Pt(30)
    frame.paragraphs[0].runs[0].font.bold = True
    return slide


def _lines(slide: Slide, lines: Sequence[str], *, top: Length | None = None, size: int = 18) -> None:
    shown = list(lines[:MAX_LINES])
    if len(lines) > MAX_LINES:
        shown.append(
            _("… et {value} autres (voir le cahier des charges)").format(value=len(lines) - MAX_LINES)
        )
    y = top if top is not None else Inches(1.4)
    box = slide.shapes.add_textbox(MARGIN, y, Emu(WIDTH - 2 * MARGIN), Emu(HEIGHT - y - MARGIN))
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(shown or ["—"]):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = f"• {line}" if len(shown) > 1 else line
        paragraph.font.size = Pt(size)
        paragraph.space_after = Pt(4)


def _picture(slide: Slide, figure: Figure, figures: Figures, top: Length = PICTURE_TOP) -> None:
    """The figure as large as the slide allows below the title, centred, its proportions kept."""
    picture = slide.shapes.add_picture(io.BytesIO(figures.png(figure)), MARGIN, top)
    room_w, room_h = WIDTH - 2 * MARGIN, HEIGHT - top - Inches(0.3)
    ratio = min(room_w / picture.width, room_h / picture.height)
    picture.width, picture.height = Emu(int(picture.width * ratio)), Emu(int(picture.height * ratio))
    picture.left = Emu(int((WIDTH - picture.width) / 2))
    picture._element.xpath("./p:nvPicPr/p:cNvPr")[0].set("descr", figure.description)  # the alternative text


def _items(section: Section | None) -> list[str]:
    if section is None:
        return []
    found: list[str] = []
    for block in section.blocks:
        if isinstance(block, BulletList):
            found += block.items
        elif isinstance(block, Paragraph) and block.style == "remark":
            found.append(block.text)
    return found


def _section(document: Document, section_id: str) -> Section | None:
    return next((s for _level, s in document.walk() if s.id == section_id), None)


def _facts(section: Section | None) -> list[str]:
    if section is None:
        return []
    return [f.label + colon() + f.value for b in section.blocks if isinstance(b, Facts) for f in b.items]


def _title_slide(deck: Deck, document: Document) -> None:
    cover = document.cover
    slide = _slide(deck, cover.scenario)
    lines = [cover.title, *(label + colon() + value for label, value in cover.pairs()[2:])]
    _lines(slide, lines, top=Inches(1.6), size=20)


def _next_steps(document: Document) -> list[str]:
    gaps = len(document.analyses.gaps)
    alone = sum(len(p.single_partner_bricks) for p in document.analyses.partners)
    discuss = [i for i in _items(_section(document, "evaluation")) if _(DISPUTED_ON) in i]
    to_discuss, gap_count = (
        counted(len(discuss), "brique", "briques"),
        counted(gaps, "trou repéré", "trous repérés"),
    )
    alone_count = counted(alone, "brique", "briques")
    return [
        _("Débattre des briques « à discuter » ({to_discuss})").format(to_discuss=to_discuss),
        _("Combler les trous du parcours ({gap_count})").format(gap_count=gap_count),
        _("Trouver un second partenaire pour les briques qui n'en ont qu'un ({alone_count})").format(
            alone_count=alone_count
        ),
        _("Confirmer les partenaires pressentis et les coûts estimés"),
        _("Noter en atelier les briques qui ne le sont pas encore"),
    ]


def to_pptx(document: Document, figures: Figures | None = None) -> bytes:
    """The deck as PPTX bytes (16:9)."""
    drawn = figures or Figures()
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    _title_slide(deck, document)
    frise = document.figure("frise")
    slide = _slide(deck, _("La frise du parcours"))
    if frise is not None:
        _picture(slide, frise, drawn)
    else:
        _lines(slide, [_("La frise ne compte encore aucun placement.")])
    for phase in (s for _level, s in document.walk() if s.id.startswith("phase-")):
        _lines(_slide(deck, phase.title), _items(phase), size=16)
    matrix = document.figure("matrix")
    slide = _slide(deck, _("Matrice de priorisation"))
    if matrix is not None:
        _picture(slide, matrix, drawn)
    else:
        _lines(slide, [_("Aucune brique de ce scénario n'a encore été notée.")])
    slide = _slide(deck, _("Budget sur cinq ans"))
    budget = document.figure("budget")
    _lines(slide, _facts(_section(document, "budget"))[:3], size=16)
    if budget is not None:
        _picture(slide, budget, drawn, top=Inches(2.6))
    gaps = _section(document, "couverture")
    _lines(
        _slide(deck, _("Trous du parcours")),
        _items(gaps) or [_("Aucun trou repéré dans ce parcours.")],
        size=16,
    )
    _lines(_slide(deck, _("Prochaines étapes")), _next_steps(document))
    stamp = datetime.datetime.fromisoformat(document.cover.date)
    properties = deck.core_properties
    properties.title = f"{document.cover.title} — {document.cover.scenario}"
    properties.author = properties.last_modified_by = "Frise TechPourToutes"
    properties.created = properties.modified = properties.last_printed = stamp
    properties.revision = 1
    properties.language = "fr-FR"
    buffer = io.BytesIO()
    deck.save(buffer)
    return steady_zip(buffer.getvalue())

"""The document as one self-contained HTML page: SVG figures inside, a print stylesheet, no request.

Every text is escaped; the figures are `<img>` data (an image never runs a script), and the page's
Content-Security-Policy forbids scripts and any fetch from elsewhere.
"""

import base64
from html import escape

from tpt_model.export.as_image import Figures
from tpt_model.export.document import Block, BulletList, Document, Facts, Figure, Paragraph, Section, Table
from tpt_model.export.tables import cell_text, column_shares

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

STYLE = """
@page { size: A4; margin: 22mm 16mm 20mm 16mm;
  font-family: "DejaVu Sans", "Liberation Sans", sans-serif;
  @top-left { content: string(scenario); font-size: 8pt; color: #555; }
  @top-right { content: string(chapter); font-size: 8pt; color: #555; }
  @bottom-left { content: "TechPourToutes · " string(kind); font-size: 8pt; color: #555; }
  @bottom-right { content: "Page " counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
@page :first { @top-left { content: none; } @top-right { content: none; } }
@page landscape { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.45;
  color: #1d1f23; max-width: 1100px; margin: 0 auto; padding: 0 16px; }
h1 { font-size: 22pt; margin: 0 0 6pt; }
h2 { font-size: 15pt; border-bottom: 2px solid #0072b2; padding-bottom: 2pt; margin-top: 18pt;
  string-set: chapter content(text); }
h3 { font-size: 12pt; margin: 14pt 0 4pt; color: #0b4f7c; }
h4 { font-size: 10.5pt; margin: 10pt 0 4pt; }
.cover { padding: 40pt 0 20pt; page-break-after: always; }
.cover .kind { font-size: 13pt; color: #0072b2; font-weight: bold; string-set: kind content(text); }
.cover .scenario { string-set: scenario content(text); }
.cover table.facts { margin-top: 24pt; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc a { color: inherit; text-decoration: none; }
p.label { font-weight: bold; margin: 8pt 0 2pt; }
p.remark { font-style: italic; color: #444; }
ul { margin: 2pt 0 6pt; padding-left: 16pt; }
/* Labelled values: a borderless two-column table. */
table.facts { width: 100%; margin: 4pt 0 8pt; font-size: 10pt; }
table.facts th, table.facts td { border: none; background: none; padding: 1pt 8pt 1pt 0; }
table.facts th { font-weight: bold; width: 30%; }
table { table-layout: fixed; border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; padding: 2pt 0; caption-side: top; }
th, td { border: 1px solid #c9ced6; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eef2f6; }
td.num { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
figure { margin: 8pt 0; page-break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: #444; }
div.landscape { page: landscape; }
h2, h3, h4, p.label, caption { page-break-after: avoid; }
@media print {
  body { max-width: none; padding: 0; }
  nav.toc a::after { content: leader('.') target-counter(attr(href), page); }
}
"""


def _table(table: Table) -> str:
    columns = "".join(f'<col style="width: {100 * share:.1f}%">' for share in column_shares(table))
    head = "".join(f"<th>{escape(c.name)}</th>" for c in table.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{escape(cell_text(v, c.kind))}</td>'
            if c.kind != "text"
            else f"<td>{escape(cell_text(v, c.kind))}</td>"
            for v, c in zip(row, table.columns, strict=True)
        )
        + "</tr>"
        for row in table.rows
    )
    return (
        f"<table><caption>{escape(table.title)}</caption><colgroup>{columns}</colgroup>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _figure(figure: Figure, figures: Figures) -> str:
    data = base64.b64encode(figures.svg(figure).encode("utf-8")).decode("ascii")
    image = f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(figure.description)}">'
    figure_html = f"<figure>{image}<figcaption>{escape(figure.title)}</figcaption></figure>"
    return figure_html


def _facts(pairs: list[tuple[str, str]]) -> str:
    rows = "".join(
        f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}</td></tr>' for label, value in pairs
    )
    return f'<table class="facts">{rows}</table>'


def _block(block: Block, figures: Figures) -> str:
    if isinstance(block, Paragraph):
        css = f' class="{block.style}"' if block.style != "body" else ""
        return f"<p{css}>{escape(block.text)}</p>"
    if isinstance(block, BulletList):
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Facts):
        return _facts([(f.label, f.value) for f in block.items])
    if isinstance(block, Table):
        return _table(block)
    return _figure(block, figures)


def _section(section: Section, depth: int, figures: Figures) -> str:
    level = min(depth + 1, 4)
    heading = f"<h{level}>{escape(section.title)}</h{level}>"
    blocks = [heading, *(_block(b, figures) for b in section.blocks)]
    parts = [f'<section id="{escape(section.id)}">']
    # In print, a wide figure and its table get landscape pages of their own.
    parts += ['<div class="landscape">', *blocks, "</div>"] if section.landscape else blocks
    parts += [_section(s, depth + 1, figures) for s in section.subsections]
    parts.append("</section>")
    return "\n".join(parts)


def _cover(document: Document) -> str:
    cover = document.cover
    return (
        f'<header class="cover"><div class="kind">{escape(cover.title)}</div>'
        f'<h1 class="scenario">{escape(cover.scenario)}</h1><div>{escape(cover.programme)}</div>'
        f"{_facts(cover.pairs())}</header>"
    )


def _toc(document: Document) -> str:
    items = "".join(f'<li><a href="#{escape(s.id)}">{escape(s.title)}</a></li>' for s in document.sections)
    return f'<nav class="toc"><h2>Sommaire</h2><ol>{items}</ol></nav>'


def to_html(document: Document, figures: Figures | None = None) -> str:
    """The document as a standalone HTML page (UTF-8)."""
    drawn = figures or Figures()
    title = f"{document.cover.title} — {document.cover.scenario}"
    body = "\n".join(_section(s, 1, drawn) for s in document.sections)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="fr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n"
        f"<body>{_cover(document)}\n{_toc(document)}\n{body}\n</body></html>\n"
    )

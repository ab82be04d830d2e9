"""The document as Markdown: headings, lists and tables, every user text escaped (no markup, link or HTML)."""

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
from tpt_model.export.tables import cell_text
from tpt_model.i18n import _
from tpt_model.text import escape_markdown as esc


def _table(table: Table) -> list[str]:
    header = "| " + " | ".join(esc(c.name) for c in table.columns) + " |"
    rule = "| " + " | ".join("---:" if c.kind != "text" else "---" for c in table.columns) + " |"
    rows = [
        "| "
        + " | ".join(esc(cell_text(v, c.kind)) or " " for v, c in zip(row, table.columns, strict=True))
        + " |"
        for row in table.rows
    ]
    return [f"**{esc(table.title)}**", "", header, rule, *rows]


def _block(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        text = esc(block.text)
        return [f"**{text}**" if block.style == "label" else f"*{text}*" if block.style == "remark" else text]
    if isinstance(block, BulletList):
        return [f"- {esc(item)}" for item in block.items]
    if isinstance(block, Facts):
        return [f"- **{esc(f.label)}**{colon()}{esc(f.value)}" for f in block.items]
    if isinstance(block, Table):
        return _table(block)
    assert isinstance(block, Figure)
    where = _("(image dans les exports HTML, PDF, DOCX et PPTX)")
    return [
        _("*Figure : {esc}. {esc2} {esc3}*").format(
            esc=esc(block.title), esc2=esc(block.description), esc3=esc(where)
        )
    ]


def _section(section: Section, depth: int) -> list[str]:
    lines = [f"{'#' * (depth + 1)} {esc(section.title)}", ""]
    for block in section.blocks:
        lines += [*_block(block), ""]
    for sub in section.subsections:
        lines += _section(sub, depth + 1)
    return lines


def to_markdown(document: Document) -> str:
    """The document as Markdown text (UTF-8, one final newline)."""
    cover = document.cover
    lines = [f"# {esc(cover.title)} — {esc(cover.scenario)}", ""]
    lines += [f"- **{esc(label)}**{colon()}{esc(value)}" for label, value in cover.pairs()]
    lines += ["", "## " + _("Sommaire"), ""]
    lines += [f"- {esc(section.title)}" for section in document.sections]
    lines.append("")
    for section in document.sections:
        lines += _section(section, 1)
    return "\n".join(lines).rstrip() + "\n"

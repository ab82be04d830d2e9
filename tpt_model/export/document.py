"""The specification as one neutral document: a cover, then sections of paragraphs, lists, tables, figures.

Every format (Markdown, HTML, PDF, DOCX, PPTX, XLSX, JSON) renders this model and nothing else, so
that the formats say the same thing. Text is held as typed (control characters removed): each
renderer escapes it for its own format.
"""

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from tpt_model.export.analyses import Analyses
from tpt_model.formatting import EMPTY
from tpt_model.i18n import _
from tpt_model.text import strip_control

SCHEMA_NAME = "cahier-des-charges"

# How a column's values are written: text as typed, numbers in French, euros, hours, yes/no.
ColumnKind = Literal["text", "int", "number", "eur", "hours", "bool"]
# Every text of the document loses its control characters (pasted from Word, they break DOCX and XLSX).
Text = Annotated[str, AfterValidator(strip_control)]
Cell = Text | int | float | bool | None


def _clean(value: Any) -> Any:
    """A chart spec's values with the control characters of every text removed (they make SVG invalid)."""
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


# A note pasted from Word goes into the chart's data (tooltips, labels): SVG cannot hold its controls.
Spec = Annotated[dict[str, Any], AfterValidator(_clean)]
# What a figure shows; the renderers size the frise apart (a whole landscape page, a wide picture).
FigureKind = Literal["frise", "matrix", "budget", "coverage"]


def colon() -> str:
    """What sits between a label and its value: « : » in French (a space before it), « : » in English."""
    return _(" : ")


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Paragraph(_Doc):
    """A paragraph of plain text."""

    type: Literal["paragraph"] = "paragraph"
    text: Text
    """Le texte, tel quel (aucune mise en forme)."""
    style: Literal["body", "label", "remark"] = "body"
    """body : texte courant ; label : intitulé en gras d'un groupe (« Freins levés ») ; remark : remarque
    en italique (une section sans contenu)."""


class BulletList(_Doc):
    """A list of plain-text items."""

    type: Literal["bullets"] = "bullets"
    items: list[Text]


class Fact(_Doc):
    """A label and its value (« Volet : Accompagner »)."""

    label: Text
    value: Text


class Facts(_Doc):
    """Labelled values, as a brick's sheet lists them."""

    type: Literal["facts"] = "facts"
    items: list[Fact]


class Column(_Doc):
    """A column of a table: its header and how its values are written."""

    name: Text
    kind: ColumnKind = "text"


class Table(_Doc):
    """A table with typed columns: numbers stay numbers in a workbook, other formats write French."""

    type: Literal["table"] = "table"
    title: Text
    """Titre du tableau (le nom de sa feuille dans le classeur)."""
    columns: list[Column]
    rows: list[list[Cell]]
    in_workbook: bool = True
    """Faux pour un tableau que le classeur tient déjà ailleurs (les placements d'une brique sont des
    lignes de la feuille de la frise)."""


class Figure(_Doc):
    """A chart, as a Vega-Lite specification; its table twin follows it in the section."""

    type: Literal["figure"] = "figure"
    kind: FigureKind
    title: Text
    description: Text
    """Ce que montre la figure, en une phrase (texte alternatif des images)."""
    spec: Spec
    """Spécification Vega-Lite de la figure."""


Block = Annotated[Paragraph | BulletList | Facts | Table | Figure, Field(discriminator="type")]


class Section(_Doc):
    """A titled part of the document, with its blocks and its subsections (one level down)."""

    id: Text
    """Ancre de la section (minuscules et tirets)."""
    title: Text
    blocks: list[Block] = []
    subsections: list["Section"] = []
    landscape: bool = False
    """Vrai quand ses blocs se lisent mieux sur une page à l'italienne (la frise et son tableau)."""


class Cover(_Doc):
    """What the cover says: which scenario, which group, which version, who wrote it, when it was exported."""

    title: Text
    """« Cahier des charges », ou « Brief partenaire » pour un partenaire."""
    programme: Text
    scenario: Text
    working_group: Text | None
    version: int | None
    """Version enregistrée du scénario (aucune pour un fichier)."""
    author: Text | None
    """Autrice ou auteur de cette version."""
    date: Text
    """Date de l'export, AAAA-MM-JJ."""
    partner: Text | None = None
    """Nom du partenaire d'un brief."""

    def pairs(self) -> list[tuple[str, str]]:
        """The cover's labels and values, in the order every format shows them."""
        pairs = [(_("Programme"), self.programme), (_("Scénario"), self.scenario)]
        if self.partner:
            pairs.append((_("Partenaire"), self.partner))
        return [
            *pairs,
            (_("Groupe de travail"), self.working_group or EMPTY),
            (_("Version"), str(self.version) if self.version is not None else _("fichier (non enregistré)")),
            (_("Autrice ou auteur de la version"), self.author or EMPTY),
            (_("Date de l'export"), self.date),
        ]


class Document(_Doc):
    """The specification of a scenario (or a partner's brief): cover, sections, and the analyses' figures."""

    cover: Cover
    sections: list[Section]
    analyses: Analyses
    """Les analyses du scénario en nombres (budget, trous, couverture, partenaires)."""

    def walk(self) -> list[tuple[int, Section]]:
        """Every section with its depth (1 for a chapter, 2 for a subsection), in reading order."""
        found: list[tuple[int, Section]] = []

        def visit(section: Section, depth: int) -> None:
            found.append((depth, section))
            for sub in section.subsections:
                visit(sub, depth + 1)

        for section in self.sections:
            visit(section, 1)
        return found

    def tables(self) -> list[Table]:
        """Every table of the document, in reading order."""
        return [b for _, s in self.walk() for b in s.blocks if isinstance(b, Table)]

    def figure(self, kind: FigureKind) -> Figure | None:
        """The first figure of this kind, if the document has one."""
        return next(
            (b for _, s in self.walk() for b in s.blocks if isinstance(b, Figure) and b.kind == kind), None
        )

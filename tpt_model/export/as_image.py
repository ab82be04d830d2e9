"""Pictures of the figures through vl-convert: SVG for HTML and PDF, PNG for DOCX, PPTX and projectors.

A `Figures` object draws each figure once, whichever formats ask for it in the same export.
"""

import json
import re
from typing import Any

import vl_convert as vlc

from tpt_model.export.document import Document, Figure

# French number formats in the axes (« 12 345 ») and no data from the network: every value is inline.
_OPTIONS: dict[str, Any] = {"format_locale": "fr-FR", "allowed_base_urls": []}
PNG_SCALE = 2  # crisp on a projector and in print
_IDS = re.compile(r"\b(gradient_|clip|pattern_)(\d+)\b")


def steady_ids(svg: str) -> str:
    """The SVG with Vega's gradient and clip ids numbered from 0 in order of appearance.

    Vega counts them across the process: the same chart drawn twice would differ by these numbers.
    """
    seen: dict[str, str] = {}

    def renumber(match: re.Match[str]) -> str:
        return seen.setdefault(
            match.group(0), f"{match.group(1)}{sum(k.startswith(match.group(1)) for k in seen)}"
        )

    return _IDS.sub(renumber, svg)


class Figures:
    """SVG and PNG of figures, each drawn once."""

    def __init__(self) -> None:
        self._svg: dict[str, str] = {}
        self._png: dict[str, bytes] = {}

    @staticmethod
    def _key(figure: Figure) -> str:
        return json.dumps(figure.spec, sort_keys=True)

    def svg(self, figure: Figure) -> str:
        """The figure as SVG text."""
        key = self._key(figure)
        if key not in self._svg:
            self._svg[key] = steady_ids(vlc.vegalite_to_svg(figure.spec, **_OPTIONS))
        return self._svg[key]

    def png(self, figure: Figure) -> bytes:
        """The figure as a PNG picture at twice its size.

        Drawn from its SVG: Vega lays the chart out once for both (at 300 placements, the frise's
        layout costs as much as its picture).
        """
        key = self._key(figure)
        if key not in self._png:
            self._png[key] = vlc.svg_to_png(self.svg(figure), scale=PNG_SCALE)
        return self._png[key]


def frise_of(document: Document) -> Figure | None:
    """The document's frise, if the scenario has placements."""
    return document.figure("frise")


def frise_svg(document: Document, figures: Figures | None = None) -> bytes:
    """The frise alone as an SVG file (an empty picture with a sentence when the frise is empty)."""
    figure = frise_of(document)
    if figure is None:
        return _empty_svg().encode("utf-8")
    return (figures or Figures()).svg(figure).encode("utf-8")


def frise_png(document: Document, figures: Figures | None = None) -> bytes:
    """The frise alone as a PNG picture, wider than 1,600 pixels."""
    figure = frise_of(document)
    if figure is None:
        return vlc.svg_to_png(_empty_svg(), scale=PNG_SCALE)
    return (figures or Figures()).png(figure)


def _empty_svg() -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="80">'
        '<text x="20" y="45" font-family="sans-serif" font-size="18">'
        "La frise ne compte encore aucun placement.</text></svg>"
    )

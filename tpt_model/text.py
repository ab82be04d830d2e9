"""User text made safe for the documents it goes into (Markdown, search)."""

import re
import unicodedata
from functools import lru_cache

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control(text: str) -> str:
    """Text without control characters (pasted from Word, they break DOCX and XLSX writers)."""
    return _CONTROL.sub("", text)


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally: no markup, no HTML, no link, one line."""
    flat = " ".join(strip_control(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


@lru_cache(maxsize=4096)  # names are folded again and again when sorting thousands of score sheets
def fold(text: str) -> str:
    """Lower-case text without accents, for searching « écoles » with « ecole »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))

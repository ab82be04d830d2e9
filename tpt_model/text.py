"""User text made safe for the documents it goes into (Markdown, search), and names cleaned."""

import re
import unicodedata
from functools import lru_cache

# Also `$` (LaTeX) and a colon that could open a Streamlit directive (`:red[`, `:material/x:`).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$]|:(?=[A-Za-z/\[]))")
# C0 (but tab and line breaks), DEL, C1, and the bidirectional overrides and isolates that can make
# a name read differently from what it holds.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ANONYMOUS = "Anonyme"  # the author of a change made before the user typed a name


def strip_control(text: str) -> str:
    """Text without control or bidirectional characters (pasted from Word, they break DOCX and XLSX)."""
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


def clean_name(name: str) -> str:
    """A name on one line, without control characters or surrounding spaces."""
    return " ".join(strip_control(name).split())


def author_name(author: str) -> str:
    """The name written in a history: the one typed in the sidebar, or « Anonyme »."""
    return clean_name(author) or ANONYMOUS

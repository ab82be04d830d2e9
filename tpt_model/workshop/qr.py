"""The join link as a QR code, for phones in the room (segno: pure Python, no image library needed)."""

import io
from functools import lru_cache

import segno

__all__ = ["qr_png"]


@lru_cache(maxsize=64)  # the projector redraws it every few seconds: made once per link
def qr_png(link: str, scale: int = 8) -> bytes:
    """A PNG of the QR code of `link`: black on white, with its quiet zone, medium error correction."""
    code = segno.make(link, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=2, dark="#000000", light="#ffffff")
    return out.getvalue()


def qr_alt(code: str) -> str:
    """The text alternative of a workshop's QR code, for screen readers (the link is written beside it)."""
    return f"QR code du lien qui rejoint l'atelier {code}"

"""Frise TechPourToutes: the router over the pages (each page draws the shared sidebar itself)."""

from ui.navigation import route

route()

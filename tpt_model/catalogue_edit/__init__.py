"""Edits of the catalogue files from the app: brick drafts, checks, plans, safe saves, health."""

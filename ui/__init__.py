"""Reusable Streamlit pieces shared by the pages (each owns its widget keys)."""

"""Scenarios: placement rules, the editor with its history, scenario files, summaries."""

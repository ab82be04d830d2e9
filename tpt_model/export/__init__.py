"""Exports of a scenario and its evaluation."""

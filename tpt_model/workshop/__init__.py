"""Workshops: join codes, roles, rounds (blind, revealed, locked), focus groups, results and report."""

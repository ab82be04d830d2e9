"""Evaluation: scores, aggregation, disagreement, ranking and the priority matrix."""

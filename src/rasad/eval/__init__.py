"""Evaluations an analyst can run: corpus robustness now; NER and events as they land."""

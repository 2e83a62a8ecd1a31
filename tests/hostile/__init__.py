"""Hostile inputs and faults: generated corpus, batch robustness, memory bound, path safety, escaping, fuzzing."""

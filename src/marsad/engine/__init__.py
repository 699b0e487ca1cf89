"""Runners of the same stages: in-process, or over a local process pool."""

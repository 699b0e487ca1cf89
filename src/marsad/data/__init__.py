"""Registries and lexicons shipped as data files, loaded once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_data(name: str) -> Any:
    """Parse a JSON data file shipped in marsad/data (cached: data files are read-only)."""
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))

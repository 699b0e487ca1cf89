"""Run settings: one options object, at the bottom of the layers (the readers of the first stage
need it; the Context of marsad/context.py, which loads every stage's resources, carries it)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Settings:
    registry_files: tuple[str, ...] = ()  # outlet registries that extend the shipped one
    max_page_bytes: int = 5 * 1024 * 1024  # a single page (file, JSONL line or WARC record) over this is refused
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    reprocess: bool = False  # re-analyse pages the store already holds from this pipeline version
    progress: bool | None = None  # None: a bar when stderr is a terminal

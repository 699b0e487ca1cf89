"""Run settings (one options object) and the resources every stage reads, loaded once per process."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from marsad.clean.lexicon import Lexicon, load_lexicon
from marsad.meta.registry import Registry


@dataclass(frozen=True, slots=True)
class Settings:
    registry_files: tuple[str, ...] = ()  # outlet registries that extend the shipped one
    max_page_bytes: int = 5 * 1024 * 1024  # a single page (file, JSONL line or WARC record) over this is refused
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    reprocess: bool = False  # re-analyse pages the store already holds from this pipeline version
    progress: bool | None = None  # None: a bar when stderr is a terminal


@dataclass(frozen=True, slots=True)
class Context:
    settings: Settings
    lexicon: Lexicon
    registry: Registry

    @classmethod
    def load(cls, settings: Settings | None = None) -> Context:
        settings = settings or Settings()
        return cls(settings, load_lexicon(), Registry.load(settings.registry_files))

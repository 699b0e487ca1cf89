"""Run settings (one options object) and the resources every stage reads, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from marsad.clean.lexicon import Lexicon, load_lexicon
from marsad.meta.registry import Registry
from marsad.settings import Settings

__all__ = ["Context", "Settings", "Tagger"]

if TYPE_CHECKING:
    from marsad.nlp.ner import NerTagger


class Tagger:
    """The NER tagger of a Context, loaded on first use by the process that uses it: a Context
    sent to another process (a pool or Dask worker) travels without the model, and that process
    loads its own once. Stages get the tagger and its vocabulary from here, never load them."""

    def __init__(self) -> None:
        self._model: NerTagger | None = None

    def model(self) -> NerTagger:
        if self._model is None:
            from marsad.entities.mentions import tagger

            self._model = tagger()
        return self._model

    def vocabulary(self) -> frozenset[str]:
        """Words the tagger has a vector for: a wide list of known Arabic words (and names)."""
        from marsad.entities.mentions import tagger_vocabulary

        return tagger_vocabulary()

    def __getstate__(self) -> dict[str, object]:
        return {}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._model = None


@dataclass(frozen=True, slots=True)
class Context:
    settings: Settings
    lexicon: Lexicon
    registry: Registry
    tagger: Tagger = field(default_factory=Tagger)

    @classmethod
    def load(cls, settings: Settings | None = None) -> Context:
        settings = settings or Settings()
        return cls(settings, load_lexicon(), Registry.load(settings.registry_files))

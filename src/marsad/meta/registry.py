"""The outlet and agency registry: names, Latin forms and hosts resolved to one canonical name."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from marsad.arabic.normalize import phrase_key
from marsad.data import load_data


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    name: str
    kind: str  # "outlet" or "agency"


@dataclass(slots=True)
class Registry:
    by_key: dict[str, RegistryEntry] = field(default_factory=dict)
    by_host: dict[str, RegistryEntry] = field(default_factory=dict)
    max_words: int = 1

    @classmethod
    def load(cls, extra_files: tuple[str, ...] = ()) -> Registry:
        """The shipped registry, then each extra file in order (later entries win on a clash)."""
        reg = cls()
        reg.add_entries(load_data("outlets.json")["entries"])
        for path in extra_files:
            try:
                data = json.loads(Path(path).read_text(encoding="utf-8"))
                reg.add_entries(data["entries"])
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}: not a registry file ({exc})") from exc
        return reg

    def add_entries(self, entries: list[dict[str, object]]) -> None:
        for raw in entries:
            name = str(raw["name"])
            entry = RegistryEntry(name=name, kind=str(raw.get("kind", "outlet")))
            names = [name, *_strs(raw.get("aliases")), *_strs(raw.get("latin"))]
            for n in names:
                key = phrase_key(n)
                if key:
                    self.by_key[key] = entry
                    self.max_words = max(self.max_words, len(key.split()))
            for host in _strs(raw.get("hosts")):
                self.by_host[host.lower().removeprefix("www.")] = entry

    def lookup(self, name: str) -> RegistryEntry | None:
        """The entry whose name, alias or Latin form is `name` (spelling-insensitive)."""
        return self.by_key.get(phrase_key(name))

    def lookup_prefix(self, text: str) -> tuple[RegistryEntry, int] | None:
        """The longest registry name that `text` starts with, and how many words it took."""
        words = phrase_key(text).split()
        for n in range(min(self.max_words, len(words)), 0, -1):
            entry = self.by_key.get(" ".join(words[:n]))
            if entry:
                return entry, n
        return None

    def lookup_url(self, url: str) -> RegistryEntry | None:
        """The entry for a URL's host (or a registered host+path prefix such as bbc.com/arabic)."""
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").removeprefix("www.")
        first_dir = parts.path.strip("/").split("/")[0]
        if first_dir and f"{host}/{first_dir}" in self.by_host:
            return self.by_host[f"{host}/{first_dir}"]
        labels = host.split(".")
        for i in range(len(labels) - 1):  # news.example.com, then example.com
            entry = self.by_host.get(".".join(labels[i:]))
            if entry:
                return entry
        return None


def _strs(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []

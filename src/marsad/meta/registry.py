"""The outlet and agency registry: names, Latin forms and hosts resolved to one canonical name."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from marsad.arabic.chars import AR_LETTER_RE
from marsad.arabic.normalize import phrase_key
from marsad.data import load_data

AGENCY = "agency"  # a wire service others cite; every other kind publishes pages
OUTLET_KINDS = ("newspaper", "tv", "radio", "site", "outlet")  # "outlet": any publisher (older and user files)
KINDS = (AGENCY, *OUTLET_KINDS)

_HOST_RE = re.compile(r"(?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:/\S*)?", re.IGNORECASE)  # youm7.com, https://m.elbalad.news/x
# A camelCase seam: SadaElBalad -> Sada El Balad, CNNArabic -> CNN Arabic.
_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_LATIN_WORD_RE = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    name: str
    kind: str  # one of KINDS
    country: str | None = None  # ISO 3166 alpha-2, or "intl"

    @property
    def is_agency(self) -> bool:
        """A wire service: cited as a source, never the outlet that publishes a page."""
        return self.kind == AGENCY


@dataclass(frozen=True, slots=True)
class _SiteWords:
    """outlet_words.json as match keys."""

    prefixes: frozenset[str]
    suffixes: tuple[tuple[str, ...], ...]
    latin_articles: frozenset[str]
    latin_generic: frozenset[str]
    shared: frozenset[str]


def outlet_nouns() -> frozenset[str]:
    """Phrase keys of the nouns that introduce an outlet's name (صحيفة، قناة، موقع …)."""
    return _site_words().prefixes


@cache
def _site_words() -> _SiteWords:
    data = load_data("outlet_words.json")
    return _SiteWords(
        prefixes=frozenset(phrase_key(w) for w in data["arabic_prefixes"]),
        suffixes=tuple(tuple(phrase_key(w).split()) for w in data["arabic_suffixes"]),
        latin_articles=frozenset(data["latin_articles"]),
        latin_generic=frozenset(data["latin_generic"]),
        shared=frozenset(phrase_key(w) for w in data["shared_names"]),
    )


def shared_names() -> frozenset[str]:
    """Keys of the short names several outlets share or that are plain words (outlet_words.json)."""
    return _site_words().shared


def strip_generic(key: str) -> str:
    """An Arabic phrase key without the generic words around a name (قناة، صحيفة … نت، أونلاين):
    «قناة صدى البلد» -> «صدى البلد». Never strips a name to nothing."""
    sw = _site_words()
    words = key.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        if words[0] in sw.prefixes:
            words, changed = words[1:], True
        for suffix in sw.suffixes:
            if len(words) > len(suffix) and tuple(words[-len(suffix) :]) == suffix:
                words, changed = words[: -len(suffix)], True
                break
    return " ".join(words)


def looks_like_host(text: str) -> bool:
    """A host name or URL (youm7.com, https://m.elbalad.news/x), not a name written in words."""
    text = text.strip()
    return bool(_HOST_RE.fullmatch(text)) and not text.replace(".", "").isdigit()


def url_host(url: str) -> str | None:
    """A URL's host without «www.» (the outlet a page without a stated name can be called by)."""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:  # «http://[x/»: not a URL (a page's own og:url can be anything)
        return None
    host = host.removeprefix("www.")
    return host if "." in host else None


def latin_keys(text: str) -> tuple[str, ...]:
    """Case-, space-, hyphen- and article-insensitive keys of a Latin name: «Sada El Balad»,
    «SadaElBalad» and «sada-elbalad» share "sadaelbalad"; with the articles dropped, «Sada Balad»
    and «Al-Masry Al-Youm» -> "masryyoum". Generic words (www, com, Newspaper) are dropped."""
    sw = _site_words()
    words = [w for w in _LATIN_WORD_RE.findall(_CAMEL_RE.sub(" ", text).lower()) if w not in sw.latin_generic]
    full = "".join(words)
    bare = "".join(w for w in words if w not in sw.latin_articles)
    return tuple(k for k in dict.fromkeys((full, bare)) if k)


@dataclass(slots=True)
class Registry:
    by_key: dict[str, RegistryEntry] = field(default_factory=dict)
    by_host: dict[str, RegistryEntry] = field(default_factory=dict)
    max_words: int = 1
    # Loose keys (generic words stripped, Latin keys); None marks a key two entries claim.
    by_loose: dict[str, RegistryEntry | None] = field(default_factory=dict)
    by_latin: dict[str, RegistryEntry | None] = field(default_factory=dict)

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
        shared = shared_names()
        for raw in entries:
            name = str(raw["name"])
            country = raw.get("country")
            entry = RegistryEntry(name=name, kind=str(raw.get("kind", "outlet")), country=str(country) if country else None)
            names = [name, *_strs(raw.get("aliases")), *_strs(raw.get("latin"))]
            for n in names:
                key = phrase_key(n)
                if not key:
                    continue
                self.by_key[key] = entry
                self.max_words = max(self.max_words, len(key.split()))
                core = strip_generic(key)
                if core != key and core not in shared and self.by_key.get(core) != entry:  # not its own name again
                    _claim(self.by_loose, core, entry)
                if n.isascii():
                    for lk in latin_keys(n):
                        _claim(self.by_latin, lk, entry)
            for host in _strs(raw.get("hosts")):
                self.by_host[host.lower().removeprefix("www.")] = entry

    def lookup(self, name: str) -> RegistryEntry | None:
        """The entry whose name, alias or Latin form is `name` (spelling-insensitive, exact words)."""
        return self.by_key.get(phrase_key(name))

    def resolve_site_name(self, text: str) -> RegistryEntry | None:
        """The entry a site's name for itself stands for (og:site_name, a title suffix, an input's
        outlet field), looser than `lookup`: a host or URL (m.elbalad.news), the name inside
        generic words («قناة صدى البلد», «العربية نت»), a Latin name whatever its case, spaces,
        hyphens and articles («SadaElBalad», «CNN Arabic»). A name left bare by the stripping
        only counts when it is not a shared or plain word (outlet_words.json): «صحيفة اليوم» is
        none. Does not search inside longer text: the whole of `text` must be the name."""
        text = text.strip()
        if not text:
            return None
        if looks_like_host(text):
            entry = self.lookup_url(text)
            if entry is not None:
                return entry
        entry = self.lookup(text)
        if entry is not None:
            return entry
        if AR_LETTER_RE.search(text):
            key = phrase_key(text)
            core = strip_generic(key)
            if core == key or core in shared_names():
                return None
            return self.by_key.get(core) or self.by_loose.get(core)
        for lk in latin_keys(text):
            hit = self.by_latin.get(lk)
            if hit is not None:
                return hit
        return None

    def lookup_prefix(self, text: str) -> tuple[RegistryEntry, int] | None:
        """The longest registry name that `text` starts with, and how many words it took."""
        words = phrase_key(text).split()
        for n in range(min(self.max_words, len(words)), 0, -1):
            entry = self.by_key.get(" ".join(words[:n]))
            if entry:
                return entry, n
        return None

    def lookup_url(self, url: str) -> RegistryEntry | None:
        """The entry for a URL's host or a parent domain (m.elbalad.news, amp.youm7.com), or a
        registered host+path prefix such as bbc.com/arabic, which wins over its bare host."""
        try:
            parts = urlsplit(url if "//" in url else "//" + url)
        except ValueError:  # «http://[x/»: not a URL
            return None
        host = (parts.hostname or "").removeprefix("www.")
        first_dir = parts.path.strip("/").split("/")[0]
        labels = host.split(".")
        for i in range(len(labels) - 1):  # news.example.com, then example.com
            parent = ".".join(labels[i:])
            entry = (self.by_host.get(f"{parent}/{first_dir}") if first_dir else None) or self.by_host.get(parent)
            if entry:
                return entry
        return None


def _claim(index: dict[str, RegistryEntry | None], key: str, entry: RegistryEntry) -> None:
    """Give a loose key to an entry; a key two differently named entries claim is nobody's."""
    if key not in index:
        index[key] = entry
        return
    held = index[key]
    index[key] = entry if held is not None and held.name == entry.name else None


def _strs(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []

"""The shipped outlet registry as data (unique keys and hosts, valid fields) and its loose matching."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pytest

from marsad.arabic.normalize import phrase_key
from marsad.data import load_data
from marsad.meta.registry import KINDS, OUTLET_KINDS, Registry, RegistryEntry, latin_keys, shared_names, strip_generic

SHIPPED_KINDS = {"agency", "newspaper", "tv", "radio", "site"}  # "outlet" is for older and user files only
_COUNTRY_RE = re.compile(r"^(?:[A-Z]{2}|intl)$")


@pytest.fixture(scope="module")
def entries() -> list[dict[str, Any]]:
    return list(load_data("outlets.json")["entries"])


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.load()


def _names(e: dict[str, Any]) -> list[str]:
    return [e["name"], *e["aliases"], *e["latin"]]


def test_registry_size_and_fields(entries: list[dict[str, Any]]) -> None:
    assert len(entries) >= 300
    for e in entries:
        assert set(e) == {"name", "kind", "country", "aliases", "latin", "hosts"}, e["name"]
        assert e["kind"] in SHIPPED_KINDS, e["name"]
        assert _COUNTRY_RE.match(e["country"]), e["name"]
        assert all(isinstance(v, str) and v.strip() for f in ("aliases", "latin", "hosts") for v in e[f]), e["name"]
        assert all(n.isascii() for n in e["latin"]), e["name"]
        assert all(h == h.lower() and not h.startswith("www.") and "//" not in h for h in e["hosts"]), e["name"]
    assert set(KINDS) >= SHIPPED_KINDS and "agency" not in OUTLET_KINDS


def test_registry_names_and_hosts_are_unique(entries: list[dict[str, Any]]) -> None:
    by_key: dict[str, set[str]] = defaultdict(set)
    by_host: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for n in _names(e):
            by_key[phrase_key(n)].add(e["name"])
        for h in e["hosts"]:
            by_host[h].add(e["name"])
    assert {k: v for k, v in by_key.items() if len(v) > 1} == {}
    assert {h: v for h, v in by_host.items() if len(v) > 1} == {}


def test_registry_every_name_resolves_to_its_own_entry(entries: list[dict[str, Any]], reg: Registry) -> None:
    for e in entries:
        for n in _names(e):
            hit = reg.lookup(n)
            assert hit is not None and hit.name == e["name"], (n, hit)
            hit = reg.resolve_site_name(n)
            assert hit is not None and hit.name == e["name"], (n, hit)
        for h in e["hosts"]:
            hit = reg.lookup_url(f"https://www.{h}/news/1")
            assert hit is not None and hit.name == e["name"], (h, hit)


def test_registry_loose_keys_are_unambiguous(reg: Registry) -> None:
    """No stripped Arabic name or Latin key is claimed by two entries (a clash would make the
    registry silently resolve neither)."""
    assert [k for k, v in reg.by_loose.items() if v is None] == []
    assert [k for k, v in reg.by_latin.items() if v is None] == []
    # A stripped name that is another entry's exact name resolves to that entry; the only one
    # shipped: «وكالة الأنباء الكويتية» (كونا) stripped of «وكالة» is the Kuwaiti paper's name.
    clashes = {core for core, entry in reg.by_loose.items() if reg.by_key.get(core) not in (None, entry)}
    assert clashes == {phrase_key("الأنباء الكويتية")}


def test_registry_shared_names_belong_to_nobody(reg: Registry) -> None:
    for key in shared_names():
        assert key not in reg.by_key, key
        assert reg.resolve_site_name(key) is None, key
        for prefixed in ("صحيفة " + key, "قناة " + key, "موقع " + key):
            if phrase_key(prefixed) not in reg.by_key:  # «قناة الميادين» is a registered name itself
                assert reg.resolve_site_name(prefixed) is None, prefixed


def test_registry_lookup_stays_exact(reg: Registry) -> None:
    assert reg.lookup("صدى البلد") is not None
    assert reg.lookup("قناة صدى البلد") is not None  # a registered alias
    assert reg.lookup("جريدة صدى البلد") is None  # not registered: only resolve_site_name strips it
    assert reg.lookup("SadaElBalad") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قناة صدى البلد", "صدى البلد"),
        ("جريدة صدى البلد", "صدى البلد"),
        ("بوابة صدى البلد نت", "صدى البلد"),
        ("Sada El Balad", "صدى البلد"),
        ("SadaElBalad", "صدى البلد"),
        ("sada-elbalad", "صدى البلد"),
        ("SADA EL BALAD", "صدى البلد"),
        ("Sada Balad", "صدى البلد"),
        ("elbalad.news", "صدى البلد"),
        ("https://m.elbalad.news/123", "صدى البلد"),
        ("amp.elbalad.news", "صدى البلد"),
        ("CNNArabic", "سي إن إن بالعربية"),
        ("CNN Arabic", "سي إن إن بالعربية"),
        ("cnn-arabic", "سي إن إن بالعربية"),
        ("arabic.cnn.com", "سي إن إن بالعربية"),
        ("cnn.com", "سي إن إن"),
        ("Youm7.com", "اليوم السابع"),
        ("www.youm7.com", "اليوم السابع"),
        ("AlMasryAlYoum", "المصري اليوم"),
        ("Al Masry Al Youm", "المصري اليوم"),
        ("ElWatanNews", "الوطن المصرية"),
        ("El.Dostor.News", "الدستور المصرية"),
        ("Alahram.Newspaper", "الأهرام"),
        ("صحيفة الأهرام", "الأهرام"),
        ("العربية.نت", "العربية"),
        ("موقع الجزيرة نت", "الجزيرة"),
        ("وكالة سمارت", "وكالة سمارت"),
        ("موقع سمارت", "وكالة سمارت"),
        ("وكالة الأنباء السعودية", "واس"),
        ("صحيفة الأنباء الكويتية", "الأنباء الكويتية"),
        ("Asharq Al-Awsat", "الشرق الأوسط"),
        ("AsharqAlAwsat", "الشرق الأوسط"),
        ("www.bbc.com/arabic/middleeast-1", "بي بي سي عربي"),
        ("bbc.com", "بي بي سي نيوز"),
        ("قناة الغد", "قناة الغد"),
    ],
)
def test_registry_resolve_site_name(reg: Registry, text: str, name: str) -> None:
    entry = reg.resolve_site_name(text)
    assert entry is not None and entry.name == name, entry


@pytest.mark.parametrize(
    "text",
    ["اليوم", "صحيفة اليوم", "موقع اليوم", "الوطن", "جريدة الوطن", "قناة", "صحيفة", "موقع نت", "News", "Al", "www.example.com", "", "  ", "صدى"],
)
def test_registry_resolve_site_name_refuses_generic_words(reg: Registry, text: str) -> None:
    assert reg.resolve_site_name(text) is None


def test_registry_strip_generic_and_latin_keys() -> None:
    assert strip_generic(phrase_key("قناة صدى البلد")) == phrase_key("صدى البلد")
    assert strip_generic(phrase_key("العربية نت")) == phrase_key("العربية")
    assert strip_generic(phrase_key("قناة")) == phrase_key("قناة")  # never stripped to nothing
    assert latin_keys("Sada El Balad") == ("sadaelbalad", "sadabalad")
    assert latin_keys("SadaElBalad") == latin_keys("sada-el-balad")
    assert latin_keys("Youm7.com") == ("youm7",)


def test_registry_kinds_agency_and_outlets(reg: Registry) -> None:
    wam = reg.lookup("وام")
    assert wam is not None and wam.is_agency and wam.country == "AE"
    balad = reg.lookup("صدى البلد")
    assert balad is not None and not balad.is_agency and balad.kind == "site" and balad.country == "EG"
    assert RegistryEntry("X", "outlet").is_agency is False  # an older or user file's "outlet" is an outlet


def test_registry_extra_file_adds_and_overrides(tmp_path: Any) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(
        '{"entries": [{"name": "بوابة النخيل", "kind": "outlet", "aliases": [], "latin": ["Al Nakheel Gate"], "hosts": ["nakheel.example"]}]}',
        encoding="utf-8",
    )
    reg = Registry.load((str(extra),))
    hit = reg.resolve_site_name("AlNakheelGate")
    assert hit is not None and hit.name == "بوابة النخيل" and not hit.is_agency
    assert reg.resolve_site_name("قناة النخيل") is not None  # «بوابة النخيل» stripped is «النخيل»

"""HTML pages: trafilatura finds the main text; meta tags and JSON-LD give structured hints.
The Arabic line rules then run on the extracted lines exactly as on a text dump."""

from __future__ import annotations

import contextlib
import json
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import lxml.html
from lxml import etree

from marsad.arabic.normalize import phrase_key
from marsad.meta.dates import find_dates
from marsad.meta.registry import Registry

# trafilatura and htmldate log a page's URL and fragments of its text as warnings; marsad keeps
# its own account of what it left out (removed spans) and of input problems.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.ERROR)

_TITLE_SPLIT_RE = re.compile(r"\s+(?:[|\-\u2013\u2014]|::)\s+")  # | - – — :: between spaces
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date.issued",
    "sailthru.date",
)
_AUTHOR_META = ("author", "article:author", "dc.creator")
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "p", "li", "blockquote")
# Elements that hold a line of visible text; a leaf among them is one line of the page.
_LINE_TAGS = frozenset(
    (
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "div",
        "td",
        "th",
        "blockquote",
        "figcaption",
        "caption",
        "dt",
        "dd",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "ul",
        "ol",
        "table",
        "tr",
        "figure",
        "main",
        "form",
        "title",
    )
)


def html_to_lines(html: str, url: str | None, registry: Registry) -> tuple[list[str], dict[str, Any]]:
    """The page's title and main-text lines, and its structured metadata hints. Markup the
    parser cannot read at all is read as flat text, with a warning in hints["warnings"]."""
    import trafilatura

    html = _XML_INCOMPATIBLE_RE.sub("", html)
    hints: dict[str, Any] = {}
    try:
        tree = _parse(html)
    except ValueError as exc:
        hints["warnings"] = [f"{exc}; its text was read without the page's layout"]
        return flat_text_lines(html), hints
    if _lost_text(tree, html):
        # libxml2 drops what lies deeper than its nesting limit, silently: read the words
        # without the structure rather than return an empty article.
        hints["warnings"] = [f"HTML nested deeper than the parser reads ({_PARSER_DEPTH:,} levels); its text was read without the page's layout"]
        return flat_text_lines(html), hints
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,  # the three fields marsad reads are read below, without the rest
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    lines = text.splitlines() if text else _fallback_lines(tree)
    described = _described(tree, url)
    meta = _read_meta(tree)
    raw_title = meta.get("og:title") or described.title or ""
    title_element = " ".join((tree.findtext(".//title") or "").split())
    site_names = _site_names(meta, tree, title_element or raw_title, described.sitename)
    site_name = site_names[0][0] if site_names else None
    if site_names:
        hints["site_names"] = site_names
        hints["site_name"] = site_name
    title = _clean_title(raw_title, [n for n, _ in site_names], registry)
    # The page's own headline element wins over the <title>/og:title, which sites reword or
    # prefix («آرون بوشنيل: أصدقاء…» for the <h1>'s «أصدقاء الطيار…»).
    h1 = _main_heading(tree)
    if h1:
        title = h1
    if title:
        hints["headline"] = title
        if not lines or lines[0].strip() != title:
            lines = [title, *lines]
    published = _structured_published(tree, meta) or described.date
    if published:
        hints["published"] = published
    authors = meta["ld:authors"].split("\n") if meta.get("ld:authors") else []
    author = next((meta[k] for k in _AUTHOR_META if meta.get(k) and not meta[k].startswith("http")), None)
    if not authors and author:
        authors = [author.strip()]
    if authors:
        hints["authors"] = authors
        hints["author"] = authors[0]
    bylines = _byline_elements(tree)
    if bylines:
        hints["bylines"] = bylines
    stated_url = meta.get("og:url") or next((el.get("href") for el in tree.iter("link") if (el.get("rel") or "").lower() == "canonical"), None)
    if stated_url and stated_url.startswith(("http://", "https://")):
        hints["page_url"] = stated_url.strip()  # the page's own address, for a page saved without one
    hints["dropped"] = _dropped_lines(tree, lines)
    return lines, hints


@dataclass(frozen=True, slots=True)
class _Described:
    title: str | None
    sitename: str | None
    date: str | None


def _described(tree: Any, url: str | None) -> _Described:
    """The page's title, site name and date as trafilatura's metadata reader finds them (meta
    tags, JSON-LD, then the page itself; the date by htmldate, without its extensive search),
    without the rest of that reader: its author search alone took a tenth of a realistic page's
    time, and marsad reads bylines its own way (meta/describe.py)."""
    from htmldate import find_date
    from trafilatura.metadata import META_URL, examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

    found = examine_meta(tree)
    with contextlib.suppress(Exception):  # trafilatura guards its JSON-LD reader the same way
        found = extract_meta_json(tree, found)
    title = found.title or extract_title(tree)
    stated_url = found.url or extract_url(tree, url)
    date = find_date(tree, url=stated_url, original_date=True, extensive_search=False)
    sitename = (found.sitename or extract_sitename(tree) or "").lstrip("@") or None
    if sitename and "." not in sitename and not sitename[0].isupper():
        sitename = sitename.title()
    if sitename is None and stated_url and (m := META_URL.match(stated_url)):
        sitename = m[1]
    return _Described(title, sitename, date)


# huge_tree lifts libxml2's nesting limit from 256 to 2,048 levels (real pages nest 20-60 deep;
# generated markup sometimes hundreds) and its limit on a single text node (10 MB).
# The text is already decoded (ingest/encoding.py): the parser must read its bytes as UTF-8,
# whatever a <meta charset> says or fails to say (without one libxml2 assumes Latin-1, which
# turned Arabic into «Ø§Ù…» mojibake).
_PARSER = lxml.html.HTMLParser(huge_tree=True, encoding="utf-8")
# Every element an HtmlElement, chosen in C: lxml.html's own lookup is a Python method called for
# every element proxy made while the tree is walked (34,000 calls a page on the realistic pages of
# bench/versus_trafilatura.py, a tenth of the page's time). What it adds, classes of their own
# for form controls, neither trafilatura nor marsad uses.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity
    )
)
_PARSER_DEPTH = 2048
# Characters lxml refuses in a tree's text (C0 controls but tab and newlines, lone surrogates);
# no browser shows them, and one of them in a page made its cleanup fail (found by fuzzing).
_XML_INCOMPATIBLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _parse(html: str) -> Any:
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"cannot parse HTML: {exc}") from exc
    return tree


def _visible_chars(text: str) -> int:
    return len("".join(text.split()))


def _markup_text_chars(html: str) -> int:
    """Characters outside tags (scripts' and styles' included, as in the tree's text), counted
    in one pass: a regex over unclosed «<» would go quadratic on hostile input."""
    count = i = 0
    while i < len(html):
        j = html.find("<", i)
        if j < 0:
            return count + _visible_chars(html[i:])
        count += _visible_chars(html[i:j])
        k = html.find(">", j)
        if k < 0:
            break
        i = k + 1
    return count


def _lost_text(tree: Any, html: str) -> bool:
    """The parsed tree holds less than half the text the markup does: the parser gave up on
    part of the page (nesting past its limit)."""
    in_markup = _markup_text_chars(html)
    return in_markup >= 200 and _visible_chars(tree.text_content()) < in_markup / 2


def flat_text_lines(html: str) -> list[str]:
    """The text of a page whatever its nesting (Python's streaming HTML parser keeps no tree):
    one line per block element, script and style left out."""
    reader = _FlatText()
    reader.feed(html)
    reader.close()
    return [line for line in (" ".join(part.split()) for part in reader.lines()) if line]


class _FlatText(HTMLParser):
    _SKIP = frozenset(("script", "style", "noscript", "template", "head"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[list[str]] = [[]]
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in _LINE_TAGS or tag == "br":
            self._parts.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _LINE_TAGS:
            self._parts.append([])

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._parts[-1].append(data)

    def lines(self) -> list[str]:
        return ["".join(p) for p in self._parts]


def _read_meta(tree: Any) -> dict[str, str]:
    """Meta tags by name, then what JSON-LD states: "datePublished", "author" (the first name),
    "ld:authors" (every author's name, in order, one per line) and "ld:publisher"."""
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content")
        if key and value and key.lower() not in meta:
            meta[key.lower() if ":" in key or key.islower() else key] = value.strip()
    for el in tree.xpath("//*[@itemprop='datePublished']"):
        value = el.get("datetime") or el.get("content")
        if value:
            meta.setdefault("datePublished", value)
    for script in tree.xpath("//script[@type='application/ld+json']"):
        for obj in _json_ld_objects(script.text or ""):
            if isinstance(obj.get("datePublished"), str):
                meta.setdefault("datePublished", obj["datePublished"])
            names = _ld_names(obj.get("author"))
            if names:
                meta.setdefault("author", names[0])
                meta.setdefault("ld:authors", "\n".join(names))
            publisher = _ld_names(obj.get("publisher"))
            if publisher:
                meta.setdefault("ld:publisher", publisher[0])
    return meta


def _ld_names(value: object) -> list[str]:
    """The names a JSON-LD person or organisation field gives: an object, a list, or a string."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            names.append(" ".join(name.split()))
    return names


# What some sites wrap JSON-LD in: a CDATA section, possibly behind // or /* */ comment marks.
_LD_WRAPPER_RE = re.compile(r"^\s*(?://|/\*)?\s*<!\[CDATA\[\s*(?:\*/)?|(?://|/\*)?\s*\]\]>\s*(?:\*/)?\s*$")


def _json_ld_objects(raw: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(_LD_WRAPPER_RE.sub("", raw.strip()))
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                out.extend(g for g in graph if isinstance(g, dict))
    return out


def _structured_published(tree: Any, meta: dict[str, str]) -> str | None:
    """The publication date a tag states, with its time when given (htmldate keeps days only)."""
    for key in _PUBLISHED_META:
        value = meta.get(key) or meta.get(key.lower())
        if value:
            dates = find_dates(value)
            if dates:
                return dates[0].value
    return None


def _title_parts(title: str) -> list[str]:
    return [p for p in (part.strip() for part in _TITLE_SPLIT_RE.split(title.strip())) if p]


def _clean_title(title: str, site_names: list[str], registry: Registry) -> str:
    """A <title> without the site's name before or after a separator (|, -, –, —, ::)."""
    parts = _title_parts(title)
    own = {phrase_key(n) for n in site_names}

    def names_site(part: str) -> bool:
        return phrase_key(part) in own or registry.resolve_site_name(part) is not None

    for end in (-1, 0):  # the site's name trails the title, or (on some sites) leads it
        while len(parts) > 1 and names_site(parts[end]):
            parts.pop(end)
    return " - ".join(parts).strip()


# How many words a site's name for itself can have (the longest seen: «بوابة أخبار اليوم الإلكترونية»).
_SITE_NAME_MAX_WORDS = 6
# A copyright line: «© 2024 Assabah News», «جميع الحقوق محفوظة لـ بوابة أخبار اليوم 2020».
# \u00a9 is ©; \u062c\u0645\u064a\u0639 \u0627\u0644\u062d\u0642\u0648\u0642 \u0645\u062d\u0641\u0648\u0638\u0629 is جميع الحقوق محفوظة
_COPYRIGHT_RE = re.compile(
    r"(?:\u00a9|\(c\)|copyright|all rights reserved|\u062c\u0645\u064a\u0639 \u0627\u0644\u062d\u0642\u0648\u0642 \u0645\u062d\u0641\u0648\u0638\u0629)",
    re.IGNORECASE,
)
# What surrounds the name on such a line: the marks above, years, punctuation, حقوق النشر
# (\u062d\u0642\u0648\u0642 \u0627\u0644\u0646\u0634\u0631) and a lone لـ (lam, optional tatweel: "to").
_COPYRIGHT_NOISE_RE = re.compile(
    r"(?:\u00a9|\(c\)|copyright|all rights reserved|\d{4}\s*[-\u2013]\s*\d{4}|\d{4}|[.,|:\u060c]"
    r"|\u062c\u0645\u064a\u0639 \u0627\u0644\u062d\u0642\u0648\u0642 \u0645\u062d\u0641\u0648\u0638\u0629"
    r"|\u062d\u0642\u0648\u0642 \u0627\u0644\u0646\u0634\u0631"
    r"|(?<!\S)\u0644\u0640?(?=\s))",
    re.IGNORECASE,
)


# How long a headline element can be and still be the headline (Youm7 writes 40-word headlines).
_MAX_HEADLINE_WORDS = 80
# An element the page marks as the byline: its class, id, itemprop or rel says author or writer.
_BYLINE_ATTR_RE = re.compile(r"author|byline|writer|writeby|kateb|reporter", re.IGNORECASE)
_MAX_BYLINE_WORDS = 10


def _main_heading(tree: Any) -> str | None:
    """The article's headline element: the <h1> inside <article> or <main>, else the page's only
    <h1>. None when the page has several and none is marked as the article's."""
    for scope in ("//article//h1", "//main//h1", "//h1"):
        found = [" ".join(el.text_content().split()) for el in tree.xpath(scope)]
        found = [h for h in found if h and len(h.split()) <= _MAX_HEADLINE_WORDS]
        if len(found) == 1 or (found and scope != "//h1"):
            return found[0]
    return None


def _byline_elements(tree: Any) -> list[str]:
    """Texts of short elements the markup marks as bylines (class="writeBy", itemprop="author",
    rel="author"), in page order, each once: what trafilatura leaves out of the main text."""
    out: list[str] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or (el.tag in ("meta", "link", "script", "style", "a") and el.get("rel") != "author"):
            continue
        attrs = " ".join(el.get(a) or "" for a in ("class", "id", "itemprop", "rel"))
        if not attrs or not _BYLINE_ATTR_RE.search(attrs):
            continue
        text = " ".join(el.text_content().split())
        if text and len(text.split()) <= _MAX_BYLINE_WORDS and text not in out and not any(text in o for o in out):
            out.append(text)
    return out


def _heading_is(tree: Any, title: str) -> bool:
    """The page's first heading is the whole title (read only for a title with parts: a page
    with no heading is walked whole)."""
    heading = next((" ".join(h.text_content().split()) for h in tree.iter("h1")), "")
    return bool(heading) and phrase_key(title) == phrase_key(heading)


def _site_names(meta: dict[str, str], tree: Any, title: str, extractor_name: str | None) -> list[tuple[str, str]]:
    """The names the page gives itself, strongest first, each with where it was read:
    og:site_name, application-name, JSON-LD publisher, the short end of the <title> around its
    separator, a copyright line, and the name trafilatura settled on."""
    found: list[tuple[str, str]] = []

    def offer(name: str | None, where: str) -> None:
        name = " ".join((name or "").split()).strip(" -|:")
        if name and len(name.split()) <= _SITE_NAME_MAX_WORDS and all(phrase_key(name) != phrase_key(n) for n, _ in found):
            found.append((name, where))

    offer(meta.get("og:site_name"), "og:site_name")
    offer(meta.get("application-name"), "application-name")
    offer(meta.get("ld:publisher"), "json-ld publisher")
    parts = _title_parts(title)
    headline = meta.get("og:title") if meta.get("og:title") and meta.get("og:title") != title else None
    # A title the page's first heading gives whole is a headline with a dash in it («عودة 47 من
    # متضامني قافلة … – 19 عبر قطاع غزة»): its parts name no site. (A heading holding only a part,
    # the headline without the site's name, leaves the other part a site's name.)
    if len(parts) > 1 and not _heading_is(tree, title):
        for part in (parts[-1], parts[0]):
            if (headline is None or phrase_key(part) not in phrase_key(headline)) and len(part.split()) <= 4:
                offer(part, "title")
                break
    for el in tree.iter("footer", "p", "div", "span", "small"):
        text = " ".join(el.text_content().split()) if len(el) == 0 else ""
        if text and len(text) < 160 and _COPYRIGHT_RE.search(text):
            offer(_COPYRIGHT_NOISE_RE.sub(" ", text), "copyright")
            break
    offer(extractor_name, "extractor")
    return found


def _dropped_lines(tree: Any, kept: list[str]) -> list[str]:
    """Visible lines of the page that the main-text extraction left out (navigation, share
    buttons, captions, footers), so that they are kept as removed spans, not silently lost."""
    kept_keys = {phrase_key(line) for line in kept}
    dropped: list[str] = []
    for el in tree.iter(*_LINE_TAGS):
        if el.tag == "title" or any(child.tag in _LINE_TAGS for child in el.iterdescendants()):
            continue
        if any(a.tag in ("script", "style", "noscript", "head") for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        key = phrase_key(text)
        if key and key not in kept_keys:
            dropped.append(text)
            kept_keys.add(key)
    return dropped


def _fallback_lines(tree: Any) -> list[str]:
    """When trafilatura finds no main text: the text of headings, paragraphs and list items."""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return [" ".join(el.text_content().split()) for el in tree.iter(*_BLOCK_TAGS) if el.text_content().strip()]

"""HTML pages: trafilatura finds the main text; meta tags and JSON-LD give structured hints.
The Arabic line rules then run on the extracted lines exactly as on a text dump."""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.html
from lxml import etree

from marsad.arabic.normalize import phrase_key
from marsad.meta.dates import find_dates
from marsad.meta.registry import Registry

_TITLE_SPLIT_RE = re.compile(r"\s+[|\-\u2013\u2014]\s+")
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
    """The page's title and main-text lines, and its structured metadata hints.
    Raises ValueError when the document cannot be parsed at all."""
    import trafilatura

    tree = _parse(html)
    hints: dict[str, Any] = {}
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    lines = text.splitlines() if text else _fallback_lines(tree)
    meta = _read_meta(tree)
    site_name = meta.get("og:site_name") or (getattr(doc, "sitename", None) if doc is not None else None)
    if site_name:
        hints["site_name"] = site_name
    title = _clean_title(meta.get("og:title") or (getattr(doc, "title", None) if doc is not None else None) or "", site_name, registry)
    if title and (not lines or lines[0].strip() != title):
        lines = [title, *lines]
    published = _structured_published(tree, meta) or (getattr(doc, "date", None) if doc is not None else None)
    if published:
        hints["published"] = published
    author = next((meta[k] for k in _AUTHOR_META if meta.get(k) and not meta[k].startswith("http")), None)
    if author:
        hints["author"] = author.strip()
    hints["dropped"] = _dropped_lines(tree, lines)
    return lines, hints


def _parse(html: str) -> Any:
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"))
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"cannot parse HTML: {exc}") from exc
    return tree


def _read_meta(tree: Any) -> dict[str, str]:
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
            author = obj.get("author")
            if isinstance(author, dict) and isinstance(author.get("name"), str):
                meta.setdefault("author", author["name"])
            elif isinstance(author, list) and author and isinstance(author[0], dict) and isinstance(author[0].get("name"), str):
                meta.setdefault("author", author[0]["name"])
    return meta


def _json_ld_objects(raw: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(raw)
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


def _clean_title(title: str, site_name: str | None, registry: Registry) -> str:
    """A <title> without the site's name after a bar or dash."""
    parts = _TITLE_SPLIT_RE.split(title.strip())

    def names_site(part: str) -> bool:
        return registry.resolve_site_name(part) is not None or (site_name is not None and part.strip() == site_name.strip())

    for end in (-1, 0):  # the site's name trails the title, or (on some sites) leads it
        while len(parts) > 1 and names_site(parts[end]):
            parts.pop(end)
    return " - ".join(parts).strip()


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

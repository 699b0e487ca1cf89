"""Read an article's own description: headline, outlet, author and dates, each with evidence.

The lines that describe the article (site name, dateline, byline, date lines, source lines) are
found in the header (before the first body paragraph) and the footer (after the last one), are
taken out of the body with their kind as the removal reason, and are the only evidence read.
Values are never carried over from another article of the same page: each article is described
from its own lines, and only page-level facts (the site's name, the URL, the input's own outlet
field) are shared with articles split off the page."""

from __future__ import annotations

import re
from typing import Protocol

from marsad.arabic.normalize import phrase_key
from marsad.article import Article, Block, Evidence
from marsad.clean.lexicon import Lexicon
from marsad.clean.shape import HEADLINE_MIN_WORDS, is_headline_like, is_paragraph_like
from marsad.meta.lines import (
    MetaLine,
    is_name_like,
    is_place,
    read_bare_byline,
    read_date_line,
    read_dateline,
    read_labelled_byline,
    read_site_name,
    read_source_line,
)
from marsad.meta.registry import Registry, looks_like_host, url_host

# Between two writers' names: « و» (wa, and, prefixed to the next name), an Arabic or Latin comma, "and".
_NAMES_SPLIT_RE = re.compile(r"\s+\u0648(?=\S{2,})|\s*[\u060c,]\s*|\s+and\s+")
# A label before a credit that is not part of it: "Author,", "By", «بقلم».
_CREDIT_LABEL_RE = re.compile(r"^(?:Authors?,?|By|\u0628\u0642\u0644\u0645:?)\s+", re.IGNORECASE)
# How several writers of one article are joined in the single `author` field (`authors` lists them).
AUTHOR_JOIN = "، "

# Outlet evidence, strongest first. The first four describe the whole page.
# An "_unregistered" rule names an outlet the registry does not know, as the page writes it.
OUTLET_RULES = (
    "input",
    "site_name",
    "html_site_name",
    "url_host",
    "dateline",
    "byline",
    "follow_prompt",
    "source_line",
    "html_site_name_unregistered",
    "source_line_unregistered",
    "url_host_unregistered",
)
# The site's own statements about itself describe every article of the page.
PAGE_LEVEL_OUTLET_RULES = frozenset(("input", "site_name", "html_site_name", "url_host", "html_site_name_unregistered", "url_host_unregistered"))
PUBLISHED_RULES = ("published_label", "html_meta", "dateline", "date_line")


class Resources(Protocol):
    """What describing an article reads: the cleaning lexicon and the outlet registry. The
    engine's Context is one (marsad/context.py, which sits above this layer and is not imported)."""

    @property
    def lexicon(self) -> Lexicon: ...

    @property
    def registry(self) -> Registry: ...


def _read_header_line(text: str, ctx: Resources, before_headline: bool) -> MetaLine | None:
    lex, reg = ctx.lexicon, ctx.registry
    if before_headline and (m := read_site_name(text, lex, reg)):
        return m
    return (
        read_date_line(text, lex)
        or read_dateline(text, reg, lex)
        or read_labelled_byline(text, lex, reg)
        or read_source_line(text, lex, reg)
    )


def _read_footer_line(text: str, ctx: Resources) -> MetaLine | None:
    """Footers state labelled facts only: an unlabelled date there may belong to anything."""
    lex, reg = ctx.lexicon, ctx.registry
    m = read_date_line(text, lex)
    if m and m.date_role != "unlabelled":
        return m
    return read_source_line(text, lex, reg) or read_labelled_byline(text, lex, reg)


def describe_article(article: Article, ctx: Resources) -> Article:
    """Mark headline and description lines, and fill outlet, headline, author, published."""
    blocks = article.blocks
    found: list[tuple[Block, MetaLine]] = []
    content = [i for i, b in enumerate(blocks) if b.reason is None]
    headline_at: int | None = None
    stated = article.hints.get("headline") if article.seq == 0 else None  # the HTML page's headline element
    if stated and content and blocks[content[0]].text.strip() == stated:
        headline_at = content[0]
        blocks[headline_at].reason = "headline"
        article.headline = stated
        content = content[1:]
    body_start: int | None = None
    first_plain = True  # the first line that is not a description line may be a long headline
    for i in content:
        b = blocks[i]
        meta = _read_header_line(b.text, ctx, before_headline=headline_at is None)
        if meta is None and headline_at is not None:
            meta = read_bare_byline(b.text, ctx.registry)
        if meta is not None:
            found.append((b, meta))
            b.reason = meta.kind
            continue
        long_headline = (
            first_plain and headline_at is None and is_headline_like(b.text, HEADLINE_MIN_WORDS) and _next_is_not_body(blocks, content, i)
        )
        first_plain = False
        if is_paragraph_like(b.text) and not long_headline:
            body_start = i
            break
        if headline_at is None and is_headline_like(b.text, HEADLINE_MIN_WORDS):
            headline_at = i
            b.reason = "headline"
            article.headline = b.text.strip()
        else:
            b.reason = "header_residue"  # captions, tags and labels between headline and body
    if body_start is not None:
        last_para = max(i for i in content if i >= body_start and is_paragraph_like(blocks[i].text))
        for i in content:
            if i <= body_start or blocks[i].reason is not None:
                continue
            meta = _read_footer_line(blocks[i].text, ctx) if i > last_para or _is_labelled_date(blocks[i].text, ctx) else None
            if meta is not None:
                found.append((blocks[i], meta))
                blocks[i].reason = meta.kind
    # Removed lines can still state facts (a source line glued into an advertisement line).
    for b in blocks:
        if b.reason in ("advertisement", "follow_prompt") and (meta := read_source_line(b.text, ctx.lexicon, ctx.registry)):
            found.append((b, meta))
    _choose_outlet(article, found)
    _choose_author(article, found)
    _choose_dates(article, found)
    _read_page_hints(article, ctx)
    return article


def _next_is_not_body(blocks: list[Block], content: list[int], i: int) -> bool:
    """A headline-shaped first line is the headline even when long, unless the page has no
    other paragraph after it (then it is a one-paragraph page without a headline)."""
    return any(is_paragraph_like(blocks[j].text) for j in content if j > i)


def _is_labelled_date(text: str, ctx: Resources) -> bool:
    m = read_date_line(text, ctx.lexicon)
    return m is not None and m.date_role != "unlabelled"


def _offer(
    best: dict[str, tuple[int, object, Evidence]], field: str, rules: tuple[str, ...], rule: str, value: object, ev: Evidence
) -> None:
    rank = rules.index(rule)
    if field not in best or rank < best[field][0]:
        best[field] = (rank, value, ev)


def _choose_outlet(article: Article, found: list[tuple[Block, MetaLine]]) -> None:
    best: dict[str, tuple[int, object, Evidence]] = {}
    for b, m in found:
        name = m.outlet.name if m.outlet else m.outlet_name
        if not name:
            continue
        rule = m.kind if m.outlet or m.kind == "site_name" else f"{m.kind}_unregistered"
        if rule not in OUTLET_RULES:
            continue
        _offer(best, "outlet", OUTLET_RULES, rule, name, Evidence(b.text.strip(), rule, b.line))
    if "outlet" in best:
        _, value, ev = best["outlet"]
        if article.outlet_evidence is None or OUTLET_RULES.index(ev.rule) <= OUTLET_RULES.index(article.outlet_evidence.rule):
            article.outlet, article.outlet_evidence = str(value), ev


def _choose_author(article: Article, found: list[tuple[Block, MetaLine]]) -> None:
    """Every byline of the article, in order (a piece may have two writers on two lines)."""
    for b, m in found:
        if m.author and m.author not in article.authors:
            article.authors.append(m.author)
            if article.author_evidence is None:
                article.author_evidence = Evidence(b.text.strip(), m.kind, b.line)
    if article.authors:
        article.author = AUTHOR_JOIN.join(article.authors)


def _choose_dates(article: Article, found: list[tuple[Block, MetaLine]]) -> None:
    best: dict[str, tuple[int, object, Evidence]] = {}
    for b, m in found:
        if m.date is None:
            continue
        ev = Evidence(m.date.text, "", b.line)
        if m.date_role == "updated":
            ev.rule = "updated_label"
            _offer(best, "updated", ("updated_label",), "updated_label", m.date.value, ev)
            continue
        ev.rule = "published_label" if m.date_role == "published" else ("dateline" if m.kind == "dateline" else "date_line")
        _offer(best, "published", PUBLISHED_RULES, ev.rule, m.date.value, ev)
    if "published" in best:
        article.published, article.published_evidence = str(best["published"][1]), best["published"][2]
    if "updated" in best:
        article.updated, article.updated_evidence = str(best["updated"][1]), best["updated"][2]


def _read_page_hints(article: Article, ctx: Resources) -> None:
    """Page-level facts: the input's own outlet field, the URL's host and the HTML site name
    describe every article of the page; HTML meta dates and authors (meta tags, JSON-LD)
    describe only the page's own article and rank below what its text states."""
    hints = article.hints
    reg = ctx.registry
    if hints.get("outlet"):
        entry = reg.resolve_site_name(hints["outlet"])
        _take_outlet(article, entry.name if entry else hints["outlet"], Evidence(hints["outlet"], "input"))
    # The names the page gives itself (og:site_name, application-name, JSON-LD publisher, the
    # title's end, a copyright line), strongest first. A name that is only a host is trafilatura's
    # fallback to the URL, not the page's own statement: the URL host rule reads it as what it is.
    site_names = [(n, where) for n, where in hints.get("site_names", []) if not looks_like_host(n)]
    for name, where in site_names:
        entry = reg.resolve_site_name(name)
        if entry is not None and not entry.is_agency:
            _take_outlet(article, entry.name, Evidence(name, "html_site_name", note=f"read from {where}"))
            break
    url = hints.get("url") or hints.get("page_url")  # the input's URL, else the one the page states
    url_entry = reg.lookup_url(url) if url else None
    if url and url_entry is not None and not url_entry.is_agency:
        _take_outlet(article, url_entry.name, Evidence(url, "url_host"))
    if site_names and site_names[0][1] != "extractor":
        name, where = site_names[0]
        _take_outlet(article, name, Evidence(name, "html_site_name_unregistered", note=f"read from {where}; not in the outlet registry"))
    if url and (host := url_host(url)):
        _take_outlet(article, host, Evidence(url, "url_host_unregistered", note="the page names no site; its host is not in the outlet registry"))
    if article.appended_to is not None:
        return
    if article.published is None and hints.get("published"):
        article.published, article.published_evidence = hints["published"], Evidence(hints["published"], hints.get("published_rule", "html_meta"))
    elif article.published and article.published_evidence is not None and str(hints.get("published") or "")[:10] not in ("", article.published[:10]):
        # The article's own date line wins over the page's metadata (a CMS stamps its own time,
        # or the date of an update); the evidence says that they disagree.
        said_by = "the input" if hints.get("published_rule") == "input" else "the page's metadata"
        article.published_evidence.note = f"{said_by} says {hints['published']}; the date the article states is taken"
    own_names = [n for n, _ in hints.get("site_names", [])] + ([article.outlet] if article.outlet else [])
    if article.author is None:
        # A byline element the main-text extraction left out («<span class="writeBy">كتبت …»).
        for text in hints.get("bylines", []):
            line = read_labelled_byline(text, ctx.lexicon, ctx.registry)
            names = split_names(line.author if line and line.author else text, ctx)
            names = [n for n in names if _is_person_credit(n, own_names, ctx)]
            if names:
                article.authors = names
                article.author = AUTHOR_JOIN.join(names)
                article.author_evidence = Evidence(text, "html_byline")
                break
    if article.author is None:
        authors = [n for a in hints.get("authors", []) for n in split_names(a, ctx) if _is_person_credit(n, own_names, ctx)]
        if authors:
            article.authors = authors
            article.author = AUTHOR_JOIN.join(authors)
            article.author_evidence = Evidence(AUTHOR_JOIN.join(hints["authors"]), "html_meta")


def split_names(text: str, ctx: Resources) -> list[str]:
    """«كايلا إبستين وأنجليكا كاساس» is two writers: a credit split at «و» / «،» / «and» where every
    part is a name; else the credit as it stands (when it is a name at all)."""
    text = _CREDIT_LABEL_RE.sub("", text).strip()
    parts = [p.strip() for p in _NAMES_SPLIT_RE.split(text) if p.strip()]
    if len(parts) > 1 and all(is_name_like(p, ctx.registry, max_words=5) for p in parts):
        return parts
    return [text] if is_name_like(text, ctx.registry, max_words=6) else []


def _is_person_credit(name: str, own_names: list[str], ctx: Resources) -> bool:
    """An author a page's metadata gives is a person, not the site itself («LBCI»,
    «akhbarelyom»), an agency, a host, or a dateline («(أبوظبي - البيان)»)."""
    key = phrase_key(name)
    if not key or looks_like_host(name) or any(key == phrase_key(n) for n in own_names):
        return False
    if ctx.registry.resolve_site_name(name) is not None or ctx.registry.lookup(name) is not None:
        return False
    if any(c in name for c in "()[]") or read_dateline(name.strip("()[] "), ctx.registry, ctx.lexicon) is not None:
        return False
    return not is_place(name)


def _take_outlet(article: Article, name: str, ev: Evidence) -> None:
    if article.outlet_evidence is None or OUTLET_RULES.index(ev.rule) < OUTLET_RULES.index(article.outlet_evidence.rule):
        article.outlet, article.outlet_evidence = name, ev

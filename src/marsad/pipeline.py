"""The ordered stages: a page becomes articles (page -> [Article]), then each article passes
through the per-article stages (Article -> Article). Stages are pure given a Context, so the
same functions run in-process, in a process pool, or on a distributed engine."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from marsad.arabic.language import detect_language
from marsad.arabic.normalize import phrase_key
from marsad.article import Article, Block, Page, Removed, Repair
from marsad.clean.repair import split_glued_lines
from marsad.clean.rules import classify_line
from marsad.clean.segment import split_appended
from marsad.clean.shape import is_headline_like, is_paragraph_like
from marsad.context import Context
from marsad.entities.mentions import find_mentions
from marsad.ingest.html import html_to_lines
from marsad.meta.describe import PAGE_LEVEL_OUTLET_RULES, describe_article
from marsad.statements.quotes import find_quotes
from marsad.statements.sources import find_sources
from marsad.temporal.times import find_times

# Bump when a change to the stages changes their output: stored pages from another version
# are analysed again on the next run.
PIPELINE_VERSION = "12"

ArticleStage = Callable[[Article, Context], Article]


def page_to_articles(page: Page, ctx: Context) -> list[Article]:
    """Read the page's lines, repair glued lines, mark boilerplate, and cut it into articles."""
    hints: dict[str, Any] = {"url": page.url, "outlet": page.outlet_hint}
    if page.format == "html":
        lines, html_hints = html_to_lines(page.content, page.url, ctx.registry)
        hints.update(html_hints)
    else:
        lines = page.content.splitlines()
    if page.published_hint and not hints.get("published"):
        # The date the input states (a feed's), when the page's own metadata states none.
        hints["published"], hints["published_rule"] = page.published_hint, "input"
    dropped = hints.pop("dropped", None) or []
    blocks = [Block(text.strip(), n) for n, text in enumerate(lines, start=1) if text.strip()]
    blocks, repairs = split_glued_lines(blocks, ctx.lexicon)
    for b in blocks:
        b.reason = classify_line(b.text, ctx.lexicon, ctx.registry)
    segments = split_appended(blocks, ctx.lexicon)
    # What the HTML extractor left out belongs to the page's own article's audit trail.
    segments.host.extend(Block(text, 0, "html_boilerplate") for text in dropped)
    page_id = page.page_id
    host_id = Article.make_id(page_id, 0)
    repairs_at: dict[int, list[Repair]] = {}  # by line: a page may carry thousands of appended articles
    for r in repairs:
        repairs_at.setdefault(r.line, []).append(r)
    articles = []
    for seq, seg_blocks in enumerate([segments.host, *segments.appended]):
        lines_here = {b.line for b in seg_blocks}
        articles.append(
            Article(
                id=Article.make_id(page_id, seq),
                page_id=page_id,
                source=page.source,
                seq=seq,
                locator=page.locator,
                url=page.url,
                appended_to=None if seq == 0 else host_id,
                blocks=seg_blocks,
                hints={k: v for k, v in hints.items() if v},
                repairs=[r for line in sorted(lines_here) for r in repairs_at.get(line, ())],
            )
        )
    return articles


def mark_repeated_lines(article: Article, ctx: Context) -> Article:
    """A short line printed more than once is a teaser or a repeated headline, not text.
    When the first copy opens the article it is the headline and only the repeats go."""
    content = [b for b in article.blocks if b.reason is None]
    counts = Counter(phrase_key(b.text) for b in content if is_headline_like(b.text) and not is_paragraph_like(b.text))
    repeated = {k for k, n in counts.items() if n > 1}
    if not repeated:
        return article
    first = phrase_key(content[0].text) if content else None
    seen: set[str] = set()
    for b in content:
        k = phrase_key(b.text)
        if k in repeated:
            if k == first and k not in seen:
                seen.add(k)
                continue
            b.reason = "repeated_headline" if k == first else "repeated_teaser"
    return article


def detect(article: Article, ctx: Context) -> Article:
    article.language = detect_language("\n".join(b.text for b in article.blocks if b.reason is None) or (article.headline or ""))
    return article


def assemble(article: Article, ctx: Context) -> Article:
    """The stored text: body blocks as paragraphs; everything else kept as removed spans."""
    article.text = "\n\n".join(b.text for b in article.blocks if b.reason is None)
    article.removed = [Removed(b.text, b.reason, b.line) for b in article.blocks if b.reason not in (None, "headline")]
    return article


def find_entities(article: Article, ctx: Context) -> Article:
    """Names in the clean text (the tagger is Arabic; other languages get none)."""
    article.mentions = find_mentions(article.text, model=ctx.tagger.model(), vocabulary=ctx.tagger.vocabulary()) if article.language == "ar" and article.text else []
    return article


def find_statements(article: Article, ctx: Context) -> Article:
    """Quotes with speakers, cited sources and time expressions (Arabic text only)."""
    if article.language == "ar" and article.text:
        article.quotes = find_quotes(article.text, article.mentions)
        article.sources = find_sources(article.text, ctx.registry, article.outlet)
        article.times = find_times(article.text, article.published, ctx.registry, ctx.tagger.vocabulary())
    return article


TEXT_STAGES: tuple[ArticleStage, ...] = (find_entities, find_statements)


def annotate_text(text: str, published: str | None, ctx: Context) -> Article:
    """The text-level stages on a text that is already clean (evaluation sets, tests)."""
    article = Article(id="text-0", page_id="text", source="<text>", seq=0, text=text, published=published, language=detect_language(text))
    for stage in TEXT_STAGES:
        article = stage(article, ctx)
    return article


ARTICLE_STAGES: tuple[ArticleStage, ...] = (mark_repeated_lines, describe_article, detect, assemble, find_entities, find_statements)


def analyze_page(page: Page, ctx: Context) -> list[Article]:
    """All stages for one page: its own article first, then the articles split off it."""
    articles = page_to_articles(page, ctx)
    for stage in ARTICLE_STAGES:
        articles = [stage(a, ctx) for a in articles]
    host = articles[0]
    # The site's own name (site-name line, URL, input field) describes every article on the page.
    if host.outlet_evidence is not None and host.outlet_evidence.rule in PAGE_LEVEL_OUTLET_RULES:
        for a in articles[1:]:
            if a.outlet is None:
                a.outlet, a.outlet_evidence = host.outlet, replace(host.outlet_evidence, rule=f"page_{host.outlet_evidence.rule}")
    for a in articles:
        a.blocks = []  # working state: what it said is now in text, removed and the fields
    return articles

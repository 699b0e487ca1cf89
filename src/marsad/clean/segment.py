"""Cut a page into its own article and the unrelated articles glued to it.

Scrapers often keep what follows an article: «اقرأ أيضاً» teasers with a whole other article,
or a «مقالات مشابهة / عناوين ذات صلة» list. What follows such a marker is never part of the host:
a section with body paragraphs becomes an article of its own (appended_to = host); a section of
bare headlines is a related-headline list and is removed from the host with that reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.arabic.normalize import phrase_key
from marsad.article import Block
from marsad.clean.lexicon import Lexicon, starts_with_phrase, text_after_words
from marsad.clean.shape import is_headline_like, is_paragraph_like

_MARKER_PUNCT = " :\u061b-\u2013\u2014.\u060c|»«"  # spaces, colon, Arabic semicolon, dashes, bar
# A list item's bullet: • (U+2022), · (U+00B7), ▪ (U+25AA), ● (U+25CF), ■ (U+25A0), ‣ (U+2023),
# ◦ (U+25E6), ◄ (U+25C4), ► (U+25BA), * and a hyphen or en dash followed by a space.
_BULLET_RE = re.compile("^\\s*(?:[\u2022\u00b7\u25aa\u25cf\u25a0\u2023\u25e6\u25c4\u25ba*]|[-\u2013]\\s)")
# A related-links list is at least this many bulleted lines in a row, at the end of an article
# (one bulleted line may be the article's own last point).
MIN_LINK_LIST = 2
# A link is a headline: longer than this many words it is a paragraph of a bulleted summary.
MAX_LINK_WORDS = 25


@dataclass(slots=True)
class Segments:
    host: list[Block]
    appended: list[list[Block]] = field(default_factory=list)


def find_marker(block: Block, lex: Lexicon) -> tuple[str, str] | None:
    """('appended'|'list', text after the marker) when the line opens such a section.
    A marker followed by a whole sentence is prose that happens to start with the words."""
    key = phrase_key(block.text)
    for kind, markers in (("appended", lex.appended_markers), ("list", lex.list_markers)):
        marker = starts_with_phrase(key, markers)
        if marker is None:
            continue
        rest = text_after_words(block.text, len(marker.split())).lstrip(_MARKER_PUNCT)
        if rest and (not is_headline_like(rest) or is_paragraph_like(rest)):
            return None
        return kind, rest
    return None


def split_appended(blocks: list[Block], lex: Lexicon) -> Segments:
    """Split `blocks` (already marked by the line rules) into host and appended articles."""
    host: list[Block] = []
    out = Segments(host)
    sections: list[tuple[str, list[Block]]] = []
    for b in blocks:
        found = find_marker(b, lex) if b.reason is None else None
        if found is None:
            (sections[-1][1] if sections else host).append(b)
            continue
        kind, rest = found
        marker_text = b.text if not rest else b.text[: len(b.text) - len(rest)].rstrip()
        host.append(Block(marker_text, b.line, f"{kind}_marker"))
        sections.append((kind, [Block(rest, b.line)] if rest else []))
    for kind, section in sections:
        if kind == "appended":
            _take_appended_section(section, out)
        else:
            _take_list_section(section, out)
    for article_blocks in (out.host, *out.appended):
        mark_trailing_links(article_blocks)
    return out


def is_link_item(text: str) -> bool:
    """A bulleted line short enough to be a link's headline."""
    return bool(_BULLET_RE.match(text)) and len(text.split()) <= MAX_LINK_WORDS


def mark_trailing_links(blocks: list[Block]) -> None:
    """The bulleted headlines that end an article with no marker before them («• كوريا الشمالية
    تهدد …», «• بوتين: …») are a list of links to other articles, not its text."""
    run: list[Block] = []
    before: Block | None = None
    for b in reversed(blocks):
        if b.reason is not None:
            continue
        if not is_link_item(b.text):
            before = b
            break
        run.append(b)
    # A line ending with a colon introduces the article's own list (its demands, its points).
    introduced = before is not None and before.text.rstrip().endswith((":", "\uff1a"))
    if len(run) >= MIN_LINK_LIST and not introduced:
        for b in run:
            b.reason = "related_links"


def _take_appended_section(section: list[Block], out: Segments) -> None:
    """One «اقرأ أيضاً» section: one article if it has body text, else a link list (a list of
    bulleted headlines is links however long a headline runs)."""
    content = [b for b in section if b.reason is None]
    bulleted = len(content) >= MIN_LINK_LIST and all(is_link_item(b.text) for b in content)
    if not bulleted and any(is_paragraph_like(b.text) for b in content):
        out.appended.append(section)
        return
    for b in section:
        out.host.append(b if b.reason else Block(b.text, b.line, "related_headlines"))


def _take_list_section(section: list[Block], out: Segments) -> None:
    """A related list: each headline that is followed by body text starts an article; the
    headlines that stand alone (often each twice) are removed as a related-headline list."""
    current: list[Block] | None = None
    content = [i for i, b in enumerate(section) if b.reason is None]
    next_content = {i: (content[k + 1] if k + 1 < len(content) else None) for k, i in enumerate(content)}
    for i, b in enumerate(section):
        if b.reason is not None:
            (current if current is not None else out.host).append(b)
            continue
        nxt = next_content[i]
        if is_paragraph_like(b.text):
            if current is not None:
                current.append(b)
            else:
                out.host.append(Block(b.text, b.line, "related_headlines"))
        elif nxt is not None and is_paragraph_like(section[nxt].text) and is_headline_like(b.text):
            current = [b]
            out.appended.append(current)
        else:
            current = None
            out.host.append(Block(b.text, b.line, "related_headlines"))

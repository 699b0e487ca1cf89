"""An article's text as HTML with its quotes, names and time expressions marked and linked.
Every piece of page text is escaped; only the marks are markup."""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup, escape

from marsad.article import Article


def _spans(article: Article) -> list[tuple[int, int, int, str, str]]:
    """(start, end, layer, open tag, close tag); layer 0 (quotes) may hold layer 1 (names, times)."""
    out: list[tuple[int, int, int, str, str]] = []
    for q in article.quotes:
        who = q.speaker_name or "متحدث غير محدد"
        out.append((q.start, q.end, 0, f'<q class="quote {q.kind}" title="{escape(who)}">', "</q>"))
    for m in article.mentions:
        if m.entity_id:
            href = "/entities/" + quote(m.entity_id)
            out.append((m.start, m.end, 1, f'<a class="ent {escape(m.type)}" href="{href}" title="{escape(m.entity_name or "")}">', "</a>"))
    for t in article.times:
        out.append((t.start, t.end, 1, f'<time class="tx" datetime="{escape(t.value or "")}" title="{escape(t.value or "؟")}">', "</time>"))
    return out


def highlight(article: Article) -> list[Markup]:
    """The text's paragraphs as markup. Marks that would cross another mark are dropped, so the
    HTML always nests."""
    text = article.text
    spans = sorted(_spans(article), key=lambda s: (s[0], s[2], -s[1]))
    kept: list[tuple[int, int, int, str, str]] = []
    # Marks come in order of start and the kept ones nest, so the kept marks still open at a
    # start are a stack (innermost last); one that ended is done for every later mark too. A mark
    # is checked against the few open around it, not against every mark of a long article.
    open_marks: list[tuple[int, int, int, str, str]] = []
    for s in spans:
        if s[1] <= s[0] or s[1] > len(text):
            continue
        while open_marks and open_marks[-1][1] <= s[0]:
            open_marks.pop()
        if all(s[1] <= k[1] and k[2] < s[2] for k in open_marks):
            kept.append(s)
            open_marks.append(s)
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for start, end, _, open_tag, close_tag in sorted(kept, key=lambda s: (s[0], s[2])):
        opens.setdefault(start, []).append(open_tag)
        closes.setdefault(end, []).insert(0, close_tag)
    paragraphs: list[Markup] = []
    current: list[str] = []
    stack = 0
    for i, ch in enumerate(text):
        for tag in closes.get(i, []):
            current.append(tag)
            stack -= 1
        for tag in opens.get(i, []):
            current.append(tag)
            stack += 1
        if ch == "\n" and stack == 0:
            if current:
                paragraphs.append(Markup("".join(current)))
            current = []
            continue
        current.append(str(escape(ch)) if ch != "\n" else "<br>")
    for tag in closes.get(len(text), []):
        current.append(tag)
    if current:
        paragraphs.append(Markup("".join(current)))
    return [p for p in paragraphs if p.strip()]

"""A sentence splitter for Arabic news text that keeps quotations whole."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.arabic.chars import QUOTE_PAIRS, SENTENCE_END_CHARSET

# Candidate boundaries: a run of sentence-final marks (and any closing quotes/brackets right
# after them) followed by white space. The Arabic comma (U+060C) never ends a sentence.
_BOUNDARY_RE = re.compile(rf"[{re.escape(SENTENCE_END_CHARSET)}]+[\u00bb\u201d\"')\]]*(?=\s)")
_CLOSERS = set(QUOTE_PAIRS.values())

# Abbreviations that end in a full stop without ending the sentence: single letters (أ. ف. ب,
# د. for doctor, م. for metre), Latin initials (U.S.), and a few common Latin ones.
_ABBREV_RE = re.compile(r"(?:^|\s)(?:\w|[A-Z][a-z]{0,3}|No|Dr|Mr|Mrs|St|vs|etc)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


# The abbreviation test reads only this many characters before a full stop: the longest
# abbreviation and its leading space take 6 (" Abcd."), and with 8 a match anchored at the start
# of the window (not of the sentence) would need the window to be the abbreviation alone.
_ABBREV_TAIL = 8


def _fold_quotes(stack: list[str], text: str, start: int, end: int) -> None:
    """Carry the quotations open in `stack` through text[start:end]."""
    for ch in text[start:end]:
        if ch == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append('"')
        elif ch in QUOTE_PAIRS:
            stack.append(QUOTE_PAIRS[ch])
        elif ch in _CLOSERS and ch in stack:
            while stack and stack.pop() != ch:
                pass


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with offsets into it. Paragraph breaks (blank lines or new lines)
    always end a sentence; inside a paragraph a boundary is a sentence-final mark followed by
    space, except inside a quotation («…», “…”, "…") or after an abbreviation.
    Does not split on the Arabic comma, and does not handle unbalanced quotes beyond the
    paragraph they open in (a quote left open ends with its paragraph).

    Linear in the paragraph: the quotations open since the sentence began are carried from one
    candidate boundary to the next (a paragraph with a quote left open early, or a page that is
    one long line, has thousands of candidates in one sentence), never re-read from its start."""
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        p_text, base = para.group(), para.start()
        start = 0
        open_quotes: list[str] = []  # quotations open in p_text[start:scanned]
        scanned = 0
        for m in _BOUNDARY_RE.finditer(p_text):
            end = m.end()
            if _ABBREV_RE.search(p_text[max(start, m.start() + 1 - _ABBREV_TAIL) : m.start() + 1]):
                continue
            _fold_quotes(open_quotes, p_text, scanned, end)
            scanned = end
            if open_quotes:
                continue  # inside a quotation
            _append(out, p_text, base, start, end)
            start = end
        _append(out, p_text, base, start, len(p_text))
    return out


def _append(out: list[Sentence], p_text: str, base: int, start: int, end: int) -> None:
    seg = p_text[start:end]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if seg:
        s = base + start + lead
        out.append(Sentence(seg, s, s + len(seg)))

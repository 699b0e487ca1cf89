"""Layout repair: split a subheading glued to the paragraph after it («صفقات أسلحة محتملةيشار إلى»).

Only where the junction is unambiguous: the next paragraph starts with a known opener (data
file: paragraph_openers) and the character before it cannot end a word followed by more letters —
teh marbuta or alef maksura (they only end words), a digit, or an alef directly before the
article ال. Anything else is left alone: a missed repair costs less than a broken word."""

from __future__ import annotations

import re
from functools import cache

from marsad.article import Block, Repair
from marsad.clean.lexicon import Lexicon
from marsad.clean.shape import HEADLINE_MAX_WORDS, word_count

_AR_LETTER = "\u0621-\u064a"  # hamza .. yeh
_MIN_LEFT_LETTERS = 3  # «ويشار إلى» is waw + opener, not a glued word: the left part must be a word


@cache
def _junction_re(openers: tuple[str, ...]) -> re.Pattern[str]:
    every = "|".join(re.escape(o) for o in openers)
    multi = "|".join(re.escape(o) for o in openers if " " in o)
    return re.compile(
        # a one-word opener only after a letter that cannot continue a word: ة ى, a digit,
        # or alef right before the article ال
        "(?:(?:(?<=[\u0629\u0649])|(?<=[0-9\u0660-\u0669])|(?<=\u0627)(?=\u0627\u0644))"
        f"(?=(?:{every})))"
        # a two-word opener («يشار إلى», «ويذكر أن») is distinctive enough after any letter
        f"|(?<=[{_AR_LETTER}]{{{_MIN_LEFT_LETTERS}}})(?=(?:{multi}))"
    )


def split_glued_lines(blocks: list[Block], lex: Lexicon) -> tuple[list[Block], list[Repair]]:
    """Blocks with glued lines split at their junctions; one Repair per split."""
    pattern = _junction_re(lex.paragraph_openers)
    out: list[Block] = []
    repairs: list[Repair] = []
    for b in blocks:
        cuts: list[int] = []
        for m in pattern.finditer(b.text):
            # one cut per glued word: «يحسمويذكر أن» matches before «ويذكر» and before «يذكر»
            if m.start() > 0 and (not cuts or any(c.isspace() for c in b.text[cuts[-1] : m.start()])):
                cuts.append(m.start())
        if not cuts or b.reason is not None:
            out.append(b)
            continue
        start = 0
        for cut in [*cuts, len(b.text)]:
            piece = b.text[start:cut].strip()
            if piece:
                out.append(Block(piece, b.line))
            if cut < len(b.text):
                kind = "glued_subheading" if word_count(b.text[start:cut]) <= HEADLINE_MAX_WORDS // 2 else "glued_paragraph"
                repairs.append(Repair(kind, b.line, f"split before «{b.text[cut : cut + 20]}…»"))
            start = cut
    return out, repairs

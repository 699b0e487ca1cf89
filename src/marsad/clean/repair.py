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


@cache
def _junction_re(openers: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(o) for o in openers)
    return re.compile(
        "(?:(?<=[\u0629\u0649])|(?<=[0-9\u0660-\u0669])|(?<=\u0627)(?=\u0627\u0644))"  # ة ى | digit | alef before alef-lam
        f"(?=(?:{alt}))"
    )


def split_glued_lines(blocks: list[Block], lex: Lexicon) -> tuple[list[Block], list[Repair]]:
    """Blocks with glued lines split at their junctions; one Repair per split."""
    pattern = _junction_re(lex.paragraph_openers)
    out: list[Block] = []
    repairs: list[Repair] = []
    for b in blocks:
        cuts = [m.start() for m in pattern.finditer(b.text) if m.start() > 0]
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
                repairs.append(Repair(kind, b.line, f"split before «{b.text[cut:cut + 20]}…»"))
            start = cut
    return out, repairs

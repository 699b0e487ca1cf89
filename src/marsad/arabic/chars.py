"""Arabic code points used across marsad, named so that a reader can tell them apart."""

import re

# Harakat and other marks that never change which word is written:
# U+064B..U+065F fathatan..wavy hamza below, U+0670 superscript alef,
# U+0610..U+061A Quranic honorifics and small marks, U+06D6..U+06ED Quranic annotation signs.
AR_DIAC_CHARSET = "\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed"
AR_TATWEEL = "\u0640"  # ARABIC TATWEEL (kashida), stretches a word without changing it

# The Arabic letters proper: U+0621 hamza .. U+064A yeh, plus U+0671..U+06D3 extended letters
# (alef wasla, Persian/Urdu letters such as keheh U+06A9 and Farsi yeh U+06CC).
AR_LETTER_CHARSET = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
AR_LETTER_RE = re.compile(f"[{AR_LETTER_CHARSET}]")  # one Arabic letter: .search tells a text that has one

# Letters that only ever end a word: teh marbuta U+0629 and alef maksura U+0649.
# A letter straight after one of them means two words lost the space between them.
AR_WORD_FINAL_CHARSET = "\u0629\u0649"

# Arabic-Indic digits U+0660..U+0669 and Extended (Persian) digits U+06F0..U+06F9.
AR_INDIC_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
FA_INDIC_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"

# Punctuation: U+060C Arabic comma, U+061B Arabic semicolon, U+061F Arabic question mark,
# U+06D4 Arabic full stop.
AR_COMMA = "\u060c"
AR_SEMICOLON = "\u061b"
AR_QUESTION = "\u061f"
AR_FULL_STOP = "\u06d4"

# Quotation marks that open and close a quotation: guillemets U+00AB/U+00BB,
# curly double quotes U+201C/U+201D, and the low-9 opener U+201E some sites use.
QUOTE_PAIRS = {"\u00ab": "\u00bb", "\u201c": "\u201d", "\u201e": "\u201d", '"': '"'}

# Sentence-final marks: full stop, question and exclamation marks (Latin and Arabic).
SENTENCE_END_CHARSET = ".!?\u061f\u06d4"

# Invisible format characters (zero-width space, non-joiner and joiner, left-to-right and
# right-to-left marks, embeddings and overrides, word joiner to the isolates, byte-order mark):
# pages put them around punctuation (a right-to-left mark each side of a comma); they are no
# token of their own.
INVISIBLE_CHARSET = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"

from __future__ import annotations

import pytest

from marsad.arabic.numbers import count_phrase


@pytest.mark.parametrize(
    ("n", "noun", "want"),
    [
        (0, "article", "لا مقالات"),
        (1, "article", "مقالة واحدة"),
        (2, "article", "مقالتان"),
        (3, "article", "3 مقالات"),
        (10, "article", "10 مقالات"),
        (11, "article", "11 مقالة"),
        (99, "source", "99 مصدرًا"),
        (100, "source", "100 مصدر"),
        (102, "source", "102 مصدر"),
        (103, "article", "103 مقالات"),
        (115, "source", "115 مصدرًا"),
        (2, "outlet", "وسيلتان"),
    ],
)
def test_counts_agree_with_their_noun(n: int, noun: str, want: str) -> None:
    assert count_phrase(n, noun) == want

"""Property-based fuzzing of the readers and the pipeline: whatever the bytes, the outcome is
pages and articles or clean problems, never an exception (bench/fuzz.py runs this longer)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.article import Page
from marsad.context import Context
from marsad.pipeline import analyze_page

from .hostile import SUFFIXES, check_input, hostile_input

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _check_bytes(suffix: str, data: bytes, ctx: Context) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"input{suffix}"
        path.write_bytes(data)
        failure = check_input(path, ctx)
    assert failure is None, failure


@FUZZ
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_fuzz_hostile_pages_read_and_analyse_cleanly(ctx: Context, seed: int) -> None:
    suffix, data = hostile_input(seed)
    _check_bytes(suffix, data, ctx)


@FUZZ
@given(suffix=st.sampled_from(SUFFIXES), data=st.binary(max_size=4000))
def test_fuzz_arbitrary_bytes_in_every_format(ctx: Context, suffix: str, data: bytes) -> None:
    _check_bytes(suffix, data, ctx)


@FUZZ
@given(text=st.text(max_size=2000), fmt=st.sampled_from(["text", "html"]))
def test_fuzz_arbitrary_text_through_the_pipeline(ctx: Context, text: str, fmt: str) -> None:
    if not text.strip():
        return
    for article in analyze_page(Page(source="fuzz", content=text, format=fmt), ctx):  # type: ignore[arg-type]
        assert article.text == "" or article.text.strip()


def test_fuzz_found_seeds_stay_fixed(ctx: Context) -> None:
    """Inputs the fuzz benchmark once failed on (bench/fuzz.py prints the seed): a URL that
    urllib refuses («http://[…»), and odd-length UTF-16 JSONL."""
    for seed in (33350, 6638):
        suffix, data = hostile_input(seed)
        _check_bytes(suffix, data, ctx)

"""A story's disagreements as the report and the web dossier show them: the pairs of one kind that
share a sentence are one difference, each sentence shown once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from marsad.report.html import by_fact
from marsad.stories.records import Disagreement, DisagreementSide


def _side(article: str, text: str, outlet: str) -> DisagreementSide:
    return DisagreementSide(text, article, outlet, ())


def test_pairs_sharing_a_sentence_are_one_difference() -> None:
    """Three outlets give 12 co-defendants and one gives 11: three pairs, one difference of four
    sentences. A denial of another matter stays apart, and so does the same sentence under
    another kind."""
    eleven = _side("a", "أحال النائب العام 11 متهما إلى محكمة الجنايات.", "الأولى")
    twelves = [_side(k, "أحال النائب العام 12 متهما إلى محكمة الجنايات.", o) for k, o in (("b", "الثانية"), ("c", "الثالثة"), ("d", "الرابعة"))]
    denial = Disagreement("denial", (_side("e", "نفى المصدر إغلاق الميناء.", "الأولى"), _side("f", "أغلقت السلطات الميناء اليوم.", "الثانية")))
    again = Disagreement("denial", (eleven, _side("g", "لم يحل النائب العام أي متهم.", "الخامسة")))
    groups = by_fact([Disagreement("numbers", (eleven, t)) for t in twelves] + [denial, again])
    assert [(kind, [s.article for s in sides]) for kind, sides in groups] == [
        ("numbers", ["a", "b", "c", "d"]),
        ("denial", ["e", "f"]),
        ("denial", ["a", "g"]),
    ]


@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8), st.sampled_from(["numbers", "denial"])), max_size=30))
def test_every_sentence_is_shown_once_with_every_sentence_it_was_set_against(pairs: list[tuple[int, int, str]]) -> None:
    found = [Disagreement(kind, (_side(str(a), f"s{a}", "x"), _side(str(b), f"s{b}", "y"))) for a, b, kind in pairs if a != b]
    groups = by_fact(found)
    where = {}
    for n, (kind, sides) in enumerate(groups):
        for s in sides:
            assert (kind, s.article) not in where  # shown once
            where[(kind, s.article)] = n
    for d in found:
        assert where[(d.kind, d.sides[0].article)] == where[(d.kind, d.sides[1].article)]
    assert len(where) == len({(d.kind, s.article) for d in found for s in d.sides})

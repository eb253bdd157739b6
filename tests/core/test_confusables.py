"""The look-alike skeleton: confusable names collide, distinct ones do not."""

from __future__ import annotations

import pytest

from core.confusables import skeleton


@pytest.mark.parametrize(
    ("name", "lookalike"),
    [
        ("paypal", "pаypal"),  # Cyrillic а
        ("hello", "һеllо"),  # Cyrillic һ, е, о
        ("bob", "b0b"),  # zero for o
        ("alice", "aIice"),  # capital I for l
        ("alice", "a1ice"),  # one for l
        ("kim", "ｋｉｍ"),  # fullwidth
        ("seo", "ЅΕΟ"),  # Cyrillic Ѕ, Greek Ε and Ο
        ("민지", "\u1106\u1175\u11ab\u110c\u1175"),  # conjoining jamo vs syllables
    ],
)
def test_confusable_names_share_a_skeleton(name: str, lookalike: str) -> None:
    assert name != lookalike
    assert skeleton(name) == skeleton(lookalike)


@pytest.mark.parametrize(
    ("one", "other"),
    [("fun", "sun"), ("rn", "m"), ("민지", "민재"), ("anna", "anne"), ("user1", "user2")],
)
def test_distinct_names_keep_distinct_skeletons(one: str, other: str) -> None:
    assert skeleton(one) != skeleton(other)

"""Issue 16, round 3: the kinds of failure that generalize, each with sentences written here in
our own words (never copied from a labelled set)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.understanding import Context, understand
from knowledge.household import Household


def children(text: str, known: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    got = understand(text, Context(Household.model_validate(known or {})))
    return got.household.model_dump(exclude_none=True).get("children", [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4歳の三つ子を育てています", [{"age": 4}] * 3),
        ("三つ子の女の子は1歳です", [{"age": 1, "sex": "female"}] * 3),
        ("We have triplets; they turned 5 last month.", [{"age": 5}] * 3),
        # a fact said of children born together is each one's
        ("Our triplets are 2 and all go to a nursery in Chiyoda.", [{"age": 2, "daycare": "ward"}] * 3),
        ("双子の息子(6)は私立の小学校です", [{"age": 6, "sex": "male", "school": "other"}] * 2),
    ],
)
def test_children_born_together_are_as_many_as_the_word_says(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected

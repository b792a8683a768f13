"""Issue 16, round 4: kinds of failure found on the fresh batches 5-8, each tested with sentences
written here in our own words (never copied from a labelled set)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.understanding import Context, understand
from knowledge.household import Household


def household(text: str, known: dict[str, Any] | None = None) -> dict[str, Any]:
    got = understand(text, Context(Household.model_validate(known or {})))
    return got.household.model_dump(exclude_none=True)


def children(text: str, known: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return household(text, known).get("children", [])


@pytest.mark.parametrize(
    "text",
    ["娘は7歳です。障害や持病は特にないです", "娘は7歳です。障がいも病気もありません"],
)
def test_one_japanese_negation_after_a_list_starting_with_disability(text: str) -> None:
    assert children(text) == [{"age": 7, "sex": "female", "disability_certificate": False, "chronic_disease": False}]


@pytest.mark.parametrize("text", ["3歳の息子はまだどこにも預けていません", "3歳の息子は、まだ預けてないです"])
def test_not_yet_left_anywhere_is_no_daycare(text: str) -> None:
    assert children(text) == [{"age": 3, "sex": "male", "daycare": "none"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My wife runs a 5-year-old design studio in Kanda.", {"business": ["sme"]}),
        ("We just founded a 1-year-old software startup.", {"business": ["startup"]}),
        ("Our 40-year-old apartment is too small for us and our son, 6.",
         {"children": [{"age": 6, "sex": "male"}]}),
    ],
)
def test_the_age_of_a_thing_is_not_a_child(text: str, expected: dict[str, Any]) -> None:
    got = household(text)
    assert got.get("children") == expected.get("children")
    assert got.get("business") == expected.get("business")


@pytest.mark.parametrize("text", ["my kids are 8 n 3", "kids: 8 & 3"])
def test_texting_and_between_two_ages(text: str) -> None:
    assert [c["age"] for c in children(text)] == [8, 3]


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("My older boy is in 5th grade at a private school, and his brother is in 2nd grade at the same school.",
         "school", "other"),
        ("長女は4歳で区外の保育園、次女は1歳で同じ保育園に通っています", "daycare", "other"),
    ],
)
def test_the_same_place_as_the_child_named_before(text: str, field: str, value: str) -> None:
    assert [c.get(field) for c in children(text)] == [value, value]

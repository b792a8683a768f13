"""「うちの親」, "my parent", "my folks" with nothing known: an adult of unknown relation holds what is
said of them (one for a parent, two for the folks, like 両親 / "my parents"), and "a single parent"
or "as a parent" is still the resident, never a parent of theirs."""

from __future__ import annotations

from typing import Any

import pytest

from bot.understanding import Context, understand
from knowledge.household import Household


def household(text: str, known: dict[str, Any] | None = None) -> dict[str, Any]:
    got = understand(text, Context(Household.model_validate(known or {})))
    return got.household.model_dump(exclude_none=True)


@pytest.mark.parametrize(
    ("text", "adults"),
    [
        ("My parent has a disability certificate.", [{"disability_certificate": True}]),
        ("my elderly parent has a physical disability certificate", [{"disability_certificate": True}]),
        ("うちの親は障害者手帳を持っています", [{"disability_certificate": True}]),
        ("My folks are 82 and 79.", [{"age": 82}, {"age": 79}]),
        ("My folks are both in their 80s.", [{"age_band": "75_plus"}, {"age_band": "75_plus"}]),
    ],
)
def test_a_parent_with_nothing_known_is_an_adult_of_unknown_relation(text: str, adults: list[dict[str, Any]]) -> None:
    got = household(text)
    assert got.get("adults") == adults and "children" not in got  # no `relation`: 父 or 母 is not said


def test_my_parent_is_someone_else_than_the_resident_and_the_child() -> None:
    known = {"children": [{"age": 5}], "adults": [{"age": 40, "relation": "me"}]}
    got = household("My parent has a disability certificate.", known)
    assert got["children"] == [{"age": 5}]
    assert got["adults"] == [{"age": 40, "relation": "me"}, {"disability_certificate": True}]


@pytest.mark.parametrize("text", ["I'm a single parent of a 4-year-old.", "As a parent of a 4-year-old, I need help."])
def test_being_a_parent_names_no_parent(text: str) -> None:
    assert household(text) == {"children": [{"age": 4}]}

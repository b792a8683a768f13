"""Issue 16, round 5 (structure): which member a fact belongs to. Every sentence is written here in
our own words (never copied from a labelled set)."""

from __future__ import annotations

from typing import Any

from bot.understanding import Context, understand
from knowledge.household import Household


def household(text: str, known: dict[str, Any] | None = None, last_changed: tuple[str, ...] = ()) -> dict[str, Any]:
    got = understand(text, Context(Household.model_validate(known or {}), None, last_changed))
    return got.household.model_dump(exclude_none=True)


BOY_AND_GIRL = {"children": [{"age": 10, "sex": "male"}, {"age": 4, "sex": "female"}]}


def test_a_fact_moved_to_the_older_or_younger_child_the_correction_names() -> None:
    known = {"children": [{"age": 10, "sex": "male"}, {"age": 4, "sex": "female", "chronic_disease": True}]}
    assert household("小児慢性の病気があるのは下の子じゃなくて上の子です", known)["children"] == [
        {"age": 10, "sex": "male", "chronic_disease": True}, {"age": 4, "sex": "female"}]


def test_a_fact_moved_to_the_speaker_when_the_other_is_no_one_known() -> None:
    assert household("手帳を持っているのは親ではなく私です", {"adults": [{"age": 70, "relation": "mother"}]}) == {
        "adults": [{"age": 70, "relation": "mother"}, {"relation": "me", "disability_certificate": True}]}


def test_the_fact_inside_the_moving_words_still_moves() -> None:
    assert household("it's my husband who has the disability certificate, not my daughter", BOY_AND_GIRL)["adults"] == [
        {"relation": "husband", "disability_certificate": True}]


def test_the_last_turns_facts_follow_the_child_the_correction_names() -> None:
    known = {"children": [{"age": 10, "sex": "male", "school": "other"}, {"age": 4, "sex": "female"}]}
    got = household("上の子でなく下の子でした", known, ("children.0.school",))
    assert got["children"] == [{"age": 10, "sex": "male"}, {"age": 4, "sex": "female", "school": "other"}]


def test_a_sex_correction_is_not_a_move_between_children() -> None:
    known = {"children": [{"age": 6, "sex": "female"}, {"age": 3}]}
    got = household("いや、女の子じゃなくて男の子です", known, ("children.0.sex",))
    assert got["children"][1] == {"age": 3}

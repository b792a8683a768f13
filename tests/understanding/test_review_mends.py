"""Mends from review r5: who an adult is decides whether an age said again, or a correction, is about that adult
or about someone new. Sentences written here in our own words."""

from __future__ import annotations

from typing import Any

import pytest

from bot.understanding import Context, Expecting, understand
from knowledge.household import Household


def adults(text: str, known: list[dict[str, Any]], key: str | None = None,
           member: int | None = None) -> list[dict[str, Any]]:
    context = Context(Household.model_validate({"adults": known}), Expecting(key, member) if key else None)
    return [a for a in understand(text, context).household.model_dump(exclude_none=True)["adults"]]


@pytest.mark.parametrize("text", ["Sorry, my mother is actually 75.", "すみません、母は78歳でした",
                                  "Oh sorry, my father is actually 80."])
def test_a_correction_naming_someone_else_leaves_the_resident_alone(text: str) -> None:
    got = adults(text, [{"age": 40, "relation": "me"}])
    assert got[0] == {"age": 40, "relation": "me"}
    assert len(got) == 2 and got[1]["relation"] in ("mother", "father") and got[1]["age"] >= 75


def test_a_correction_naming_the_known_mother_still_corrects_her() -> None:
    got = adults("すみません、母は78歳でした", [{"age": 75, "relation": "mother"}])
    assert got == [{"age": 78, "relation": "mother"}]


@pytest.mark.parametrize("text", ["夫も40歳です", "My husband is also 40.", "My husband is 40 too."])
def test_another_adult_of_the_same_age_is_added_not_merged(text: str) -> None:
    got = adults(text, [{"age": 40}])  # 「40歳です」 answered before: whose age it is was not said
    assert got == [{"age": 40}, {"age": 40, "relation": "husband"}]


def test_the_resident_of_that_age_is_not_relabelled_by_a_husband_of_that_age() -> None:
    assert adults("主人も45歳です", [{"age": 45, "relation": "me"}]) == [{"age": 45, "relation": "me"},
                                                                   {"age": 45, "relation": "husband"}]


@pytest.mark.parametrize("text", ["I'm 40, as I said.", "私は40歳です"])
def test_an_age_said_again_without_also_is_still_the_same_adult(text: str) -> None:
    assert adults(text, [{"age": 40}]) == [{"age": 40, "relation": "me"}]


ME_AND_MOTHER = [{"age": 38, "relation": "me"}, {"age": 72, "relation": "mother"}]


def test_asked_about_me_a_no_then_my_own_yes_keeps_one_resident() -> None:
    got = adults("いいえ。母は持っていません。私は持っています", ME_AND_MOTHER, "adult.disability_certificate", 0)
    assert [a["relation"] for a in got] == ["me", "mother"]
    assert got[0]["disability_certificate"] is True and got[1]["disability_certificate"] is False


@pytest.mark.parametrize("text", ["私は手帳を持っています", "I have a disability certificate."])
def test_i_is_the_resident_not_the_last_adult(text: str) -> None:
    assert adults(text, ME_AND_MOTHER) == [{**ME_AND_MOTHER[0], "disability_certificate": True}, ME_AND_MOTHER[1]]


def test_asked_about_the_mother_a_husband_with_a_certificate_is_someone_else() -> None:
    got = adults("いいえ。夫は手帳を持っています", ME_AND_MOTHER, "adult.disability_certificate", 1)
    assert got[:2] == [ME_AND_MOTHER[0], {**ME_AND_MOTHER[1], "disability_certificate": False}]
    assert got[2:] == [{"relation": "husband", "disability_certificate": True}]


def test_a_husband_named_when_only_the_resident_is_known_is_not_the_resident() -> None:
    assert adults("夫は手帳を持っています", [{"age": 40, "relation": "me"}]) == [
        {"age": 40, "relation": "me"}, {"relation": "husband", "disability_certificate": True}]


@pytest.mark.parametrize("text", ["親は寝たきりです", "うちの親は身体障害者手帳を持っています",
                                  "My partner has a disability certificate."])
def test_a_parent_or_partner_named_without_relation_is_not_the_resident(text: str) -> None:
    got = adults(text, [{"age": 40, "relation": "me"}])
    assert got[0] == {"age": 40, "relation": "me"}  # the resident keeps no fact of someone else's
    assert len(got) == 2 and (got[1].get("severe_disability") or got[1].get("disability_certificate"))


def test_oyako_is_no_parent() -> None:
    assert adults("親子ひろばに行ってみたいです", [{"age": 40, "relation": "me"}]) == [{"age": 40, "relation": "me"}]


@pytest.mark.parametrize(("first", "fix", "want"), [
    ("上の子が小4で下の子が2歳。下の子は区立保育園です", "すみません、上の子は小5でした",
     [{"age": 10, "school_year": 5}, {"age": 2, "daycare": "ward"}]),
    ("My older kid is in 4th grade and the little one is 2, at a ward daycare.", "Sorry, the older one is in 5th grade",
     [{"age": 10, "school_year": 5}, {"age": 2, "daycare": "ward"}]),
])
def test_a_childs_own_year_corrected_by_rank_moves_no_fact_of_the_other_child(first: str, fix: str,
                                                                             want: list[dict[str, Any]]) -> None:
    """Found trying the product: the daycare said last went to the older child (a school child in daycare)."""
    said = understand(first, Context(Household()))
    got = understand(fix, Context(said.household, None, tuple(said.changed)))
    assert got.household.model_dump(exclude_none=True)["children"] == want and not got.conflicts

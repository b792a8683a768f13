"""Issue 16, round 5 (facts and intents): single facts' wording, tense and intents, each tested with
sentences written here in our own words (never copied from a labelled set)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.understanding import Context, understand
from bot.understanding.normalise import normalise, numeral_digits
from knowledge.household import Household


def household(text: str, known: dict[str, Any] | None = None) -> dict[str, Any]:
    got = understand(text, Context(Household.model_validate(known or {})))
    return got.household.model_dump(exclude_none=True)


def adults(text: str, known: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return [{k: v for k, v in a.items() if k != "relation"} for a in household(text, known).get("adults", [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("義父は今年で83になります", [{"age": 83}]),  # the age of this year, as 「今年で83歳」
        ("祖母は来年90です", [{"age": 89}]),  # a year younger now, as 「もうすぐ3歳」 is 2
        ("夫は来年で65歳になります", [{"age": 64}]),  # still under 65: the band boundary matters
        ("Grandpa turns 81 this year.", [{"age": 81}]),
        ("My mother will be 70 next year.", [{"age": 69}]),
    ],
)
def test_an_age_said_as_this_or_next_years(text: str, expected: list[dict[str, Any]]) -> None:
    assert adults(text) == expected


def test_next_year_with_a_school_word_is_no_age_rewrite() -> None:
    assert "歳" not in normalise("来年1年生になります") and "歳" not in normalise("今年で5年目です")


@pytest.mark.parametrize(
    ("text", "band"),
    [("私はアラフォーです", "under_65"), ("義母はアラ還", "under_65"), ("父はアラ古希です", "65_74"),
     ("祖父はアラ傘寿", "75_plus")],
)
def test_around_a_round_age_is_a_band(text: str, band: str) -> None:
    assert adults(text) == [{"age_band": band}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My nan is 93.", [{"age": 93}]),
        ("our mum (late 70s) lives with us", [{"age_band": "75_plus"}]),
        ("My MIL is 71", [{"age": 71}]),
        ("my father in law is over 80", [{"age_band": "75_plus"}]),
    ],
)
def test_british_and_familiar_family_words(text: str, expected: list[dict[str, Any]]) -> None:
    assert adults(text) == expected


def test_pushing_an_age_is_just_under_it() -> None:
    assert adults("Her grandfather is pushing 90.") == [{"age": 89}]


def test_one_reading_of_numerals_for_every_counter() -> None:
    rule = re.compile(r"([零〇一二两三四五六七八九十]+)(?=个)")
    assert rule.sub(lambda m: numeral_digits(m, None, {"两": "二"}), "两个孩子") == "2个孩子"
    assert rule.sub(numeral_digits, "十十个") == "十十个"  # unreadable: left as written
    ko = re.compile(r"(다섯)(?=살)")
    assert ko.sub(lambda m: numeral_digits(m, {"다섯": 5}), "다섯살") == "5살"
    assert normalise("娘は三歳、息子は十二歳") == "娘は3歳、息子は12歳"


@pytest.mark.parametrize("text", ["十十歳です", "二十十歳の母"])
def test_a_numeral_that_is_no_number_never_raises(text: str) -> None:
    assert understand(text, Context(Household())).household == Household()


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("She's in her late 60s, not her 80s.", {"adults": [{"age_band": "75_plus"}]}, [{"age_band": "65_74"}]),
        ("Oh sorry, my father is 74, not 84.", {"adults": [{"age": 84}]}, [{"age": 74}]),
        ("No, he's not 84, he's 74.", {"adults": [{"age": 84}]}, [{"age": 74}]),
        ("No, he isn't in his 80s, he's in his late 60s!", {"adults": [{"age_band": "75_plus"}]},
         [{"age_band": "65_74"}]),
    ],
)
def test_english_corrections_of_an_adults_age_ending_in_a_full_stop(text: str, known: dict[str, Any],
                                                                    expected: list[dict[str, Any]]) -> None:
    assert adults(text, known) == expected


@pytest.mark.parametrize(
    "text",
    ["うちは4人家族です", "夫婦2人暮らしです", "区内で小さな事務所をやっている個人事業主です",
     "My wife and I are both in our 50s.", "We moved to Chiyoda two years ago.", "I'm a single dad."],
)
def test_a_statement_about_the_household_that_changes_nothing_is_still_inform(text: str) -> None:
    assert understand(text, Context(Household())).intent == "inform"


@pytest.mark.parametrize("text", ["明日は雨らしいですね", "I love this song"])
def test_chit_chat_is_other(text: str) -> None:
    assert understand(text, Context(Household())).intent == "other"

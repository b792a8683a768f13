"""Issue 16, round 4: kinds of failure found on the fresh batches 5-8, each tested with sentences
written here in our own words (never copied from a labelled set)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.understanding import Context, Expecting, understand
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


@pytest.mark.parametrize(
    ("text", "known", "key", "expected"),
    [
        ("No, nothing like that, we both work for companies.", {"adults": [{"age": 45}]}, "business", ["none"]),
        ("Yes, it's for my daughter's college, she is 19.", {}, "education_loan", True),
        ("いいえ、奨学金も借りていませんし、ローンもないです。", {}, "education_loan", False),
    ],
)
def test_a_long_reply_that_opens_with_the_answer(text: str, known: dict[str, Any], key: str,
                                                 expected: object) -> None:
    got = understand(text, Context(Household.model_validate(known), Expecting(key)))
    assert got.household.model_dump()[key] == expected


def test_both_working_is_no_business_not_both_kinds() -> None:
    got = understand("We are both office workers", Context(Household(), Expecting("business")))
    assert got.household.business == ["none"]


@pytest.mark.parametrize(
    ("text", "ages"),
    [("上の子6さい、下の子3さいです", [6, 3]), ("兄8歳弟5歳", [8, 5]), ("上が10歳下が7歳です", [10, 7])],
)
def test_run_on_japanese_ages_and_hiragana_sai(text: str, ages: list[int]) -> None:
    assert [c["age"] for c in children(text)] == ages


def test_a_dash_breaks_a_clause() -> None:
    assert [c["age"] for c in children("My kids are 12, 9 and 9 - the two younger ones are twins")] == [12, 9, 9]


def test_a_list_ending_in_a_number_then_both() -> None:
    got = children("two girls 10 & 7 both go to a ward school")
    assert got == [{"age": 10, "sex": "female", "school": "ward"}, {"age": 7, "sex": "female", "school": "ward"}]


def test_an_age_alone_after_a_kindergarten_year_is_that_childs_and_may_contradict_it() -> None:
    got = understand("年長の息子、10歳です", Context(Household()))
    assert got.household.children is None and got.unaged_children == 1
    assert children("年中の娘、4歳です") == [{"age": 4, "sex": "female"}]
    assert children("小3の息子、8歳です") == [{"age": 8, "school_year": 3, "sex": "male"}]


def test_a_small_scale_nursery_of_the_ward_is_no_ward_school() -> None:
    assert children("千代田区の小規模保育園に通う1歳の娘") == [{"age": 1, "sex": "female", "daycare": "ward"}]


def test_his_sister_names_the_sex_of_the_child_asked_about() -> None:
    got = understand("A ward school. His big sister is 12 and in 6th grade.",
                     Context(Household.model_validate({"children": [{"age": 9}]}), Expecting("child.school", 0)))
    assert got.household.model_dump(exclude_none=True)["children"] == [
        {"age": 9, "sex": "male", "school": "ward"}, {"age": 12, "school_year": 6, "sex": "female"}]


@pytest.mark.parametrize("text", ["夫と2人で小さな設計事務所を神田で営んでいます", "妻が治療院を経営しています"])
def test_a_japanese_office_or_practice_run_is_an_sme(text: str) -> None:
    assert household(text).get("business") == ["sme"]


@pytest.mark.parametrize("text", ["Please delete everything I told you", "clear all my details please"])
def test_erase_said_in_other_words(text: str) -> None:
    assert understand(text, Context(Household())).intent == "erase"


def test_a_year_there_after_kudan_is_a_year_of_kudan() -> None:
    assert children("Our daughter attends Kudan. She is 17 and in her 6th year there.") == [
        {"age": 17, "school_year": 12, "sex": "female", "school": "kudan"}]


def test_a_dash_after_a_count_keeps_the_count_apart() -> None:
    assert [c["age"] for c in children("Three - a boy of 9, a girl of 6 and a baby of 8 months")] == [9, 6, 0]


@pytest.mark.parametrize(
    ("text", "adults"),
    [
        ("妻38、私40です", [{"age": 38, "relation": "wife"}, {"age": 40, "relation": "me"}]),
        ("me 45, wife 43", [{"age": 45}, {"age": 43, "relation": "wife"}]),
    ],
)
def test_an_adult_noun_and_a_bare_number_together_are_an_age(text: str, adults: list[dict[str, Any]]) -> None:
    assert household(text)["adults"] == adults


@pytest.mark.parametrize(("text", "band"), [("父は60代後半です", "65_74"), ("祖母は90代です", "75_plus")])
def test_a_decade_after_an_adult_noun_stays_a_band(text: str, band: str) -> None:
    assert household(text)["adults"][0]["age_band"] == band
    assert "age" not in household(text)["adults"][0]


def test_a_length_of_months_is_no_baby() -> None:
    assert children("8歳の娘が、もう3か月ほど学校に行けていません") == [
        {"age": 8, "sex": "female", "school_refusal": True}]


def test_a_band_corrected_in_japanese() -> None:
    got = household("父は70代じゃなくて80代です", {"adults": [{"age_band": "65_74"}]})
    assert got["adults"] == [{"age_band": "75_plus"}]


def test_not_decided_is_a_dont_know() -> None:
    got = understand("まだ決まっていません", Context(Household(), Expecting("moving")))
    assert got.intent == "dont_know" and got.household.moving is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We have a tiny design firm in Jimbocho.", {"business": ["sme"]}),
        ("父の住んでいる区内のアパートの近くに引っ越したい", {"moving": "near_parents"}),
    ],
)
def test_business_and_moving_in_other_words(text: str, expected: dict[str, Any]) -> None:
    assert household(text) == expected


def test_a_kind_said_after_the_place_by_one() -> None:
    assert children("He goes to school, a private one near my office. He is 8.") == [
        {"age": 8, "sex": "male", "school": "other"}]
    assert children("She is 3 and goes to daycare, the ward-run one.") == [
        {"age": 3, "sex": "female", "daycare": "ward"}]


def test_a_correction_restating_every_childs_age() -> None:
    got = household("Sorry, I meant 9 and 2.", {"children": [{"age": 9}, {"age": 3}]})
    assert got["children"] == [{"age": 9}, {"age": 2}]


def test_dewa_naku_without_te_is_a_correction_too() -> None:
    got = household("母の年齢は75ではなく76です", {"adults": [{"age": 75}]})
    assert got["adults"] == [{"age": 76}]


def test_none_of_us_answers_for_every_member() -> None:
    known = {"children": [{"age": 6}], "adults": [{"age": 38}]}
    got = understand("Nobody in our family has one.", Context(Household.model_validate(known),
                                                             Expecting("child.disability_certificate", 0)))
    data = got.household.model_dump(exclude_none=True)
    assert data["children"][0]["disability_certificate"] is False
    assert data["adults"][0]["disability_certificate"] is False


@pytest.mark.parametrize(
    ("text", "school"),
    [("He is in 5th grade at Fujimi.", "ward"), ("My daughter attends Bancho, she's in 2nd grade.", "ward")],
)
def test_a_ward_school_named_after_at_or_attends(text: str, school: str) -> None:
    assert children(text)[0]["school"] == school


def test_a_year_student_at_a_stage() -> None:
    assert children("Our daughter is a 3rd-year student at a public junior high.") == [
        {"age": 14, "school_year": 9, "sex": "female", "school": "ward"}]


def test_not_severe_is_a_no() -> None:
    got = household("母(81)は障害者手帳がありますが、重度ではないです")
    assert got["adults"][0]["severe_disability"] is False and got["adults"][0]["disability_certificate"] is True


def test_the_second_child_to_be_born_is_a_pregnancy() -> None:
    assert household("3人目ができたので広い家を探しています").get("pregnant") is True


def test_a_chronic_disease_certificate_is_no_disability_certificate() -> None:
    assert children("My son, 6, has a chronic illness certificate from Tokyo.") == [
        {"age": 6, "sex": "male", "chronic_disease": True}]


def test_hiragana_ku_nai() -> None:
    assert children("むすめ2さい、区ないの保育園です") == [{"age": 2, "sex": "female", "daycare": "ward"}]


@pytest.mark.parametrize(
    ("text", "adult"),
    [("祖母は80歳手前です", {"age_band": "75_plus", "relation": "grandmother"}),
     ("父は70近いです", {"age_band": "65_74", "relation": "father"})],
)
def test_just_under_an_age_is_a_band(text: str, adult: dict[str, Any]) -> None:
    assert household(text)["adults"] == [adult]


def test_late_words_and_refusal_in_other_forms() -> None:
    assert children("3歳の息子は、ことばがゆっくりで心配です") == [
        {"age": 3, "sex": "male", "developmental_concern": True}]
    assert children("中1の息子が学校を行き渋っていて") == [
        {"age": 12, "school_year": 7, "sex": "male", "school_refusal": True}]


def test_could_not_get_into_a_daycare_is_none() -> None:
    assert children("保育園に入れなかったので、1歳の娘は自宅にいます") == [
        {"age": 1, "sex": "female", "daycare": "none"}]


@pytest.mark.parametrize(
    ("text", "ages"),
    [("長男は9歳で、次男とは4歳差です", [9, 5]),
     ("娘は7歳、2つ下に息子がいます", [7, 5]),
     ("Our son is 10 and his sister is 6 years younger.", [10, 4]),
     ("妹は2歳下の6歳です", [6])],
)
def test_an_age_said_as_a_difference_from_the_child_before(text: str, ages: list[int]) -> None:
    assert [c["age"] for c in children(text)] == ages


def test_a_difference_alone_is_no_ones_age() -> None:
    assert household("2歳差の姉妹です").get("children") is None
    assert household("I'm 38 and my wife is 2 years younger.")["adults"] == [
        {"age": 38, "relation": "me"}, {"age": 36, "relation": "wife"}]


def test_a_clause_before_a_list_of_ages_is_said_of_every_child_in_it() -> None:
    assert children("児童発達支援に通っている5歳と3歳の息子がいます") == [
        {"age": 5, "sex": "male", "uses_disability_services": True},
        {"age": 3, "sex": "male", "uses_disability_services": True}]


def test_what_follows_a_bracketed_list_member_is_said_of_the_list() -> None:
    assert [c.get("school") for c in children("姉(小5)と妹(小2)は区立の小学校です")] == ["ward", "ward"]


def test_a_preschool_child_at_home_is_no_daycare() -> None:
    assert children("2歳の娘は自宅にいます") == [{"age": 2, "sex": "female", "daycare": "none"}]


def test_a_band_in_its_own_clause_after_an_adult() -> None:
    assert household("Grandma, late 80s, is forgetting things.")["adults"] == [
        {"age_band": "75_plus", "memory_concern": True, "relation": "grandmother"}]


def test_a_certificate_grade_is_no_school_year() -> None:
    assert household("My wife has a mental disability card, level 2.") == {
        "adults": [{"disability_certificate": True, "relation": "wife"}]}


def test_a_nursery_run_by_the_ward() -> None:
    assert children("Our son, 2, goes to a nursery operated by the ward.") == [
        {"age": 2, "sex": "male", "daycare": "ward"}]


def test_a_school_entered_last_year_is_a_year_later_now() -> None:
    assert children("昨年小学校に入学した娘がいます") == [{"age": 7, "school_year": 2, "sex": "female"}]
    assert children("おととし中学に上がった息子") == [{"age": 14, "school_year": 9, "sex": "male"}]


def test_an_era_year_of_birth_is_no_school_year() -> None:
    got = understand("平成30年生まれの娘がいます", Context(Household()))
    assert got.household.children is None and got.unaged_children == 1


def test_an_age_at_the_next_birthday_is_one_more_than_now() -> None:
    assert children("息子は次の誕生日で7歳です") == [{"age": 6, "sex": "male"}]


def test_a_school_year_and_an_age_in_a_list_are_two_children() -> None:
    assert children("子どもは小3と4歳です") == [{"age": 8, "school_year": 3}, {"age": 4}]


def test_a_sole_proprietors_office_is_left_to_ask() -> None:
    # the dialogue set asks whether a one-person business counts as an SME; it is not decided here
    assert household("個人でデザイン事務所をやっています").get("business") is None

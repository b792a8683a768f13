"""Household facts said in 中文, 한국어 and やさしい日本語: each kind of fact in each language.

The words are data (bot/understanding/zh.yaml, ko.yaml, ja_easy.yaml); these pin what a resident
of each language must be understood saying: ages, school years, sex, how many children, yes/no,
「I don't know」, pregnancy, where the child is cared for or schooled.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.understanding import Context, Expecting, understand
from knowledge.household import Household
from knowledge.languages import Lang


def read(text: str, lang: Lang | None = None, known: dict[str, Any] | None = None,
         expecting: tuple[str, int | None] | None = None) -> tuple[str, dict[str, Any]]:
    got = understand(text, Context(Household.model_validate(known or {}), Expecting(*expecting) if expecting else None,
                                   lang=lang))
    return got.intent, got.household.model_dump(exclude_none=True)


ONE_CHILD = {"children": [{"age": 0}]}
AGES = [  # (text, lang, the child's age)
    ("3岁", "zh", 3), ("三岁", "zh", 3), ("3周岁", "zh", 3), ("十二岁", "zh", 12), ("三岁半", "zh", 3),
    ("3살", "ko", 3), ("세 살", "ko", 3), ("세 살이에요", "ko", 3), ("열두 살", "ko", 12), ("한 살", "ko", 1),
    ("5세", "ko", 5),
    ("3さい", "ja-easy", 3), ("3 さい です", "ja-easy", 3),
]


@pytest.mark.parametrize(("text", "lang", "age"), AGES)
def test_ages(text: str, lang: Lang, age: int) -> None:
    assert read(text, lang, ONE_CHILD, ("child.age", 0)) == ("inform", {"children": [{"age": age}]})


@pytest.mark.parametrize(("text", "lang"), [("7か月です", "ja"), ("7个月", "zh"), ("7개월이에요", "ko"),
                                             ("7かげつ", "ja-easy")])
def test_months_as_the_answer_to_an_age_question(text: str, lang: Lang) -> None:
    assert read(text, lang, {"children": [{"age": 1}]}, ("child.age", 0)) == ("inform", {"children": [{"age": 0}]})


@pytest.mark.parametrize(("text", "children"), [
    ("孩子3岁", [{"age": 3}]),
    ("一个7个月大的宝宝", [{"age": 0}]),
    ("아이는 3살이에요", [{"age": 3}]),
    ("7개월 아기가 있어요", [{"age": 0}]),
    ("5세 아이가 있어요", [{"age": 5}]),
])
def test_ages_in_an_opening(text: str, children: list[dict[str, Any]]) -> None:
    assert read(text) == ("inform", {"children": children})


@pytest.mark.parametrize(("text", "child"), [
    ("小学三年级", {"age": 8, "school_year": 3}),
    ("小学3年级", {"age": 8, "school_year": 3}),
    ("初二", {"age": 13, "school_year": 8}),
    ("初中一年级", {"age": 12, "school_year": 7}),
    ("高一", {"age": 15, "school_year": 10}),
    ("高中二年级", {"age": 16, "school_year": 11}),
    ("초등학교 3학년", {"age": 8, "school_year": 3}),
    ("초3", {"age": 8, "school_year": 3}),
    ("중학교 2학년", {"age": 13, "school_year": 8}),
    ("중2", {"age": 13, "school_year": 8}),
    ("고1", {"age": 15, "school_year": 10}),
    ("고등학교 2학년", {"age": 16, "school_year": 11}),
])
def test_school_years(text: str, child: dict[str, Any]) -> None:
    lang: Lang = "ko" if any("\uac00" <= c <= "\ud7a3" for c in text) else "zh"
    assert read(text, lang) == ("inform", {"children": [child]})


@pytest.mark.parametrize(("text", "lang", "child"), [
    ("しょうがっこう 3ねんせい", "ja-easy", {"age": 8, "school_year": 3}),
    ("ちゅうがっこう 1ねんせい", "ja-easy", {"age": 12, "school_year": 7}),
])
def test_school_years_in_easy_japanese(text: str, lang: Lang, child: dict[str, Any]) -> None:
    assert read(text, lang) == ("inform", {"children": [child]})


@pytest.mark.parametrize(("text", "lang", "sex"), [
    ("儿子", "zh", "male"), ("女儿", "zh", "female"), ("男孩", "zh", "male"), ("女孩子", "zh", "female"),
    ("아들", "ko", "male"), ("딸이에요", "ko", "female"), ("남자아이예요", "ko", "male"), ("여자 아이", "ko", "female"),
    ("おとこのこ", "ja-easy", "male"), ("おんなのこ です", "ja-easy", "female"),
])
def test_sex_as_an_answer(text: str, lang: Lang, sex: str) -> None:
    assert read(text, lang, {"children": [{"age": 3}]}, ("child.sex", 0)) == \
        ("inform", {"children": [{"age": 3, "sex": sex}]})


@pytest.mark.parametrize(("text", "children"), [
    ("3岁的儿子", [{"age": 3, "sex": "male"}]),
    ("我有两个孩子，儿子5岁，女儿3岁", [{"age": 5, "sex": "male"}, {"age": 3, "sex": "female"}]),
    ("아들은 세 살이에요", [{"age": 3, "sex": "male"}]),
    ("큰아들은 10살, 작은딸은 6살이에요", [{"age": 10, "sex": "male"}, {"age": 6, "sex": "female"}]),
])
def test_sex_in_an_opening(text: str, children: list[dict[str, Any]]) -> None:
    assert read(text) == ("inform", {"children": children})


@pytest.mark.parametrize(("text", "lang"), [
    ("两个孩子，10岁和7岁", "zh"), ("孩子有两个，10岁和7岁", "zh"), ("我有2个孩子：10岁、7岁", "zh"),
    ("아이 둘이요. 10살, 7살", "ko"), ("아이가 두 명 있어요. 10살, 7살", "ko"),
    ("자녀가 2명이에요. 10살하고 7살", "ko"),
    ("こども が 2にん います。 10さい と 7さい です", "ja-easy"),
])
def test_numbers_of_children_with_their_ages(text: str, lang: Lang) -> None:
    assert read(text, lang, expecting=("children", None)) == ("inform", {"children": [{"age": 10}, {"age": 7}]})


@pytest.mark.parametrize(("text", "lang"), [("两个孩子，10岁", "zh"), ("아이가 둘이에요. 10살", "ko")])
def test_a_count_beyond_the_ages_given_is_not_a_made_up_child(text: str, lang: Lang) -> None:
    assert read(text, lang)[1] == {"children": [{"age": 10}]}


@pytest.mark.parametrize(("text", "lang"), [("没有孩子", "zh"), ("아이는 없어요", "ko")])
def test_no_children(text: str, lang: Lang) -> None:
    assert read(text, lang, expecting=("children", None)) == ("inform", {"children": []})


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("是", "zh", True), ("是的", "zh", True), ("对", "zh", True), ("有", "zh", True),
    ("没有", "zh", False), ("不是", "zh", False),
    ("네", "ko", True), ("예", "ko", True), ("있어요", "ko", True),
    ("아니요", "ko", False), ("없어요", "ko", False), ("아뇨, 없어요", "ko", False),
    ("はい", "ja-easy", True), ("いいえ", "ja-easy", False),
])
def test_yes_and_no(text: str, lang: Lang, value: bool) -> None:
    assert read(text, lang, {"children": [{"age": 9}]}, ("child.disability_certificate", 0)) == \
        ("inform", {"children": [{"age": 9, "disability_certificate": value}]})
    assert read(text, lang, expecting=("pregnant", None)) == ("inform", {"pregnant": value})


@pytest.mark.parametrize(("text", "lang"), [
    ("不知道", "zh"), ("不清楚", "zh"), ("我不确定", "zh"),
    ("몰라요", "ko"), ("모르겠어요", "ko"), ("잘 모르겠어요", "ko"),
    ("わかりません", "ja-easy"),
])
def test_i_dont_know(text: str, lang: Lang) -> None:
    got = understand(text, Context(Household(), Expecting("pregnant"), lang=lang))
    assert (got.intent, got.dont_know, got.household.pregnant) == ("dont_know", ("pregnant",), None)


@pytest.mark.parametrize(("text", "expected"), [
    ("我怀孕了", {"pregnant": True}), ("怀孕5个月", {"pregnant": True}), ("我没有怀孕", {"pregnant": False}),
    ("我现在怀孕5个月，还有一个2岁的儿子", {"pregnant": True, "children": [{"age": 2, "sex": "male"}]}),
    ("임신 중이에요", {"pregnant": True}), ("임신했어요", {"pregnant": True}),
    ("임신하지 않았어요", {"pregnant": False}),
    ("저는 임신 5개월이고 2살 아들이 있어요", {"pregnant": True, "children": [{"age": 2, "sex": "male"}]}),
])
def test_pregnancy(text: str, expected: dict[str, Any]) -> None:
    assert read(text) == ("inform", expected)


def test_pregnancy_in_easy_japanese() -> None:
    assert read("にんしん して います", "ja-easy") == ("inform", {"pregnant": True})


@pytest.mark.parametrize(("text", "lang", "field", "value"), [
    ("区内的保育园", "zh", "daycare", "ward"), ("千代田区的保育园", "zh", "daycare", "ward"),
    ("区外", "zh", "daycare", "other"), ("没有上保育园", "zh", "daycare", "none"),
    ("구내 어린이집이요", "ko", "daycare", "ward"), ("다른 구에 있는 어린이집이에요", "ko", "daycare", "other"),
    ("어린이집에 안 다녀요", "ko", "daycare", "none"),
    ("くない の ほいくえん", "ja-easy", "daycare", "ward"),
    ("区立学校", "zh", "school", "ward"), ("区立小学", "zh", "school", "ward"), ("私立", "zh", "school", "other"),
    ("구립 학교예요", "ko", "school", "ward"), ("사립이에요", "ko", "school", "other"),
    ("くりつ の しょうがっこう", "ja-easy", "school", "ward"),
])
def test_ward_daycare_and_school(text: str, lang: Lang, field: str, value: str) -> None:
    known = {"children": [{"age": 2 if field == "daycare" else 10}]}
    household = read(text, lang, known, (f"child.{field}", 0))[1]
    assert household["children"][0].get(field) == value


@pytest.mark.parametrize(("text", "child"), [
    ("我儿子三岁，在区内的保育园", {"age": 3, "sex": "male", "daycare": "ward"}),
    ("儿子在区立小学读三年级", {"age": 8, "school_year": 3, "sex": "male", "school": "ward"}),
    ("4살 딸이 구내 어린이집에 다니고 있어요", {"age": 4, "sex": "female", "daycare": "ward"}),
    ("아들이 구립 초등학교 5학년이에요", {"age": 10, "school_year": 5, "sex": "male", "school": "ward"}),
])
def test_daycare_and_school_in_an_opening(text: str, child: dict[str, Any]) -> None:
    assert read(text) == ("inform", {"children": [child]})


@pytest.mark.parametrize(("text", "intent"), [
    ("你好", "greet"), ("谢谢", "thanks"), ("看结果", "results"), ("重新开始", "restart"),
    ("안녕하세요", "greet"), ("감사합니다", "thanks"), ("결과를 보여 주세요", "results"),
    ("처음부터 다시 할게요", "restart"),
])
def test_what_the_resident_wants(text: str, intent: str) -> None:
    assert read(text)[0] == intent


@pytest.mark.parametrize(("text", "lang"), [("我不知道孩子的保育园在哪个区", "zh"), ("아이가 있어요", "ko"),
                                             ("孩子", "zh"), ("아이들", "ko")])
def test_a_child_named_without_an_age_is_not_made_up(text: str, lang: Lang) -> None:
    assert read(text, lang)[1] == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("5岁的儿子有残疾证", {"children": [{"age": 5, "sex": "male", "disability_certificate": True}]}),
    ("5岁的儿子没有残疾证", {"children": [{"age": 5, "sex": "male", "disability_certificate": False}]}),
    ("5岁的孩子有发育迟缓", {"children": [{"age": 5, "developmental_concern": True}]}),
    ("8岁的女儿不去上学", {"children": [{"age": 8, "sex": "female", "school_refusal": True}]}),
    ("孩子们都在区立小学，8岁和10岁", {"children": [{"age": 8, "school": "ward"}, {"age": 10, "school": "ward"}]}),
    ("5살 아들은 장애인 수첩이 없어요", {"children": [{"age": 5, "sex": "male", "disability_certificate": False}]}),
    ("5살 아이가 발달이 늦어요", {"children": [{"age": 5, "developmental_concern": True}]}),
    ("8살 딸이 학교에 안 가요", {"children": [{"age": 8, "sex": "female", "school_refusal": True}]}),
    ("아이 둘 다 구립 초등학교에 다녀요. 8살, 10살",
     {"children": [{"age": 8, "school": "ward"}, {"age": 10, "school": "ward"}]}),
])
def test_other_child_facts_where_the_words_are_plain(text: str, expected: dict[str, Any]) -> None:
    assert read(text) == ("inform", expected)


@pytest.mark.parametrize(("text", "adult"), [
    ("我母亲80岁，有点健忘", {"age": 80, "memory_concern": True}),
    ("어머니는 80세이고 치매가 있어요", {"age": 80, "memory_concern": True}),
])
def test_an_older_parents_memory(text: str, adult: dict[str, Any]) -> None:
    intent, household = read(text)
    assert intent == "inform"
    assert [{k: v for k, v in a.items() if k != "relation"} for a in household["adults"]] == [adult]


@pytest.mark.parametrize(("text", "daycare"), [
    ("むすめ 3さい。くの ほいくえんに かよって います", "ward"),  # 区の保育園, written in kana
    ("こども 1にん 4さい。くの なかの ほいくえん です", "ward"),  # the bot's own quick-reply words
])
def test_the_ward_written_in_kana(text: str, daycare: str) -> None:
    assert read(text, "ja-easy")[1]["children"][0]["daycare"] == daycare


def test_a_kana_word_ending_in_ku_is_no_ward() -> None:
    assert "daycare" not in read("ぼくの ほいくえん は たのしい。むすこ 2さい", "ja-easy")[1]["children"][0]


@pytest.mark.parametrize("text", ["けっか", "けっかを みせて"])
def test_the_easy_japanese_command_word_for_results(text: str) -> None:
    assert read(text, "ja-easy")[0] == "results"

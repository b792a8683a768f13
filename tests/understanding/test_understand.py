"""Household facts from chat text: the cases the product must get right, one line each."""

from __future__ import annotations

from typing import Any

import pytest

from bot.understanding import Context, Expecting, understand
from knowledge.household import Household


def facts(text: str, known: dict[str, Any] | None = None, expecting: tuple[str, int | None] | None = None,
          last_changed: tuple[str, ...] = ()) -> dict[str, Any]:
    context = Context(Household.model_validate(known or {}), Expecting(*expecting) if expecting else None, last_changed)
    return understand(text, context).household.model_dump(exclude_none=True)


@pytest.mark.parametrize(
    ("text", "children"),
    [
        ("2歳の息子が区内の保育園に通っています。何か使える支援はありますか？",
         [{"age": 2, "sex": "male", "daycare": "ward"}]),
        ("２歳の娘がいます", [{"age": 2, "sex": "female"}]),
        ("十歳の子と四歳の子がいて、上の子は療育手帳を持っています",
         [{"age": 10, "disability_certificate": True}, {"age": 4}]),
        ("8か月の赤ちゃんがいます", [{"age": 0}]),
        ("1歳半の男の子です", [{"age": 1, "sex": "male"}]),
        ("0歳の娘", [{"age": 0, "sex": "female"}]),
        ("小3の娘と年中の息子", [{"age": 8, "school_year": 3, "sex": "female"}, {"age": 4, "sex": "male"}]),
        ("中学1年の長男は区立中学校です", [{"age": 12, "school_year": 7, "sex": "male", "school": "ward"}]),
        ("高1の息子は九段中等に通っています", [{"age": 15, "school_year": 10, "sex": "male", "school": "kudan"}]),
        ("5歳の子は港区の保育園です", [{"age": 5, "daycare": "other"}]),
        ("3歳の子は保育園に行っていません", [{"age": 3, "daycare": "none"}]),
        ("小2の息子が放デイを利用しています",
         [{"age": 7, "school_year": 2, "sex": "male", "uses_disability_services": True}]),
        ("中2の娘が不登校です", [{"age": 13, "school_year": 8, "sex": "female", "school_refusal": True}]),
        ("小4の息子は特別支援学級です", [{"age": 9, "school_year": 4, "sex": "male", "special_needs_class": True}]),
        ("6歳の子が小児慢性特定疾病の認定を受けています", [{"age": 6, "chronic_disease": True}]),
        ("4歳の息子の発達が気になっています", [{"age": 4, "sex": "male", "developmental_concern": True}]),
        ("I have a 3 year old daughter at a daycare in Chiyoda", [{"age": 3, "sex": "female", "daycare": "ward"}]),
        ("My son is 13", [{"age": 13, "sex": "male"}]),
    ],
)
def test_children_and_their_facts(text: str, children: list[dict[str, Any]]) -> None:
    assert facts(text).get("children") == children


@pytest.mark.parametrize(
    ("text", "adults"),
    [
        ("80歳の母と同居しています", [{"age": 80, "relation": "mother"}]),
        ("祖父は75歳で、最近物忘れが増えました", [{"age": 75, "memory_concern": True, "relation": "grandfather"}]),
        ("78歳の父が食が細くなってやせてきました", [{"age": 78, "nutrition_concern": True, "relation": "father"}]),
        ("私は精神障害者保健福祉手帳を持っています", [{"disability_certificate": True, "relation": "me"}]),
        ("夫は重度の障害があります", [{"severe_disability": True, "relation": "husband"}]),
        ("my mother is 78", [{"age": 78, "relation": "mother"}]),
    ],
)
def test_adults_and_their_facts(text: str, adults: list[dict[str, Any]]) -> None:
    assert facts(text).get("adults") == adults


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("妊娠中です", {"pregnant": True}),
        ("妊娠5か月です", {"pregnant": True}),
        ("妊娠はしていません", {"pregnant": False}),
        ("I'm pregnant", {"pregnant": True}),
        ("教育ローンを借りています", {"education_loan": True}),
        ("親の近くに引っ越したいです", {"moving": "near_parents"}),
        ("広い家に引っ越す予定です", {"moving": "larger_home"}),
        ("区内で中小企業を経営しています", {"business": ["sme"]}),
        ("スタートアップを立ち上げました", {"business": ["startup"]}),
        ("中小企業ですが、スタートアップでもあります", {"business": ["sme", "startup"]}),
        ("子どもはいません", {"children": []}),
    ],
)
def test_household_facts(text: str, expected: dict[str, Any]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text",
    ["保育園の空きを知りたい", "2歳から使える支援は？", "3人家族です", "10万円もらえる？", "母子手帳をなくした",
     "3年前に引っ越してきました", "妊娠したらどんな支援がありますか？", "教育ローンの利子補給って何ですか？"],
)
def test_what_is_not_a_fact_adds_nothing(text: str) -> None:
    assert facts(text) == {}


def test_negations_update_the_member_asked_about() -> None:
    known = {"children": [{"age": 8}]}
    assert facts("手帳は持っていません", known, ("child.disability_certificate", 0))["children"] == [
        {"age": 8, "disability_certificate": False}]


@pytest.mark.parametrize(
    ("text", "expecting", "known", "expected"),
    [
        ("はい", ("pregnant", None), {}, {"pregnant": True}),
        ("いいえ", ("pregnant", None), {}, {"pregnant": False}),
        ("区内です", ("child.daycare", 0), {"children": [{"age": 2}]}, {"children": [{"age": 2, "daycare": "ward"}]}),
        ("5歳と3歳", ("children", None), {}, {"children": [{"age": 5}, {"age": 3}]}),
        ("3", ("children", None), {}, {"children": [{"age": 3}]}),
        ("78です", ("adult.age", 0), {"adults": [{}]}, {"adults": [{"age": 78}]}),
    ],
)
def test_short_answers_to_the_question_asked(text: str, expecting: tuple[str, int | None], known: dict[str, Any],
                                              expected: dict[str, Any]) -> None:
    assert facts(text, known, expecting) == expected


def test_dont_know_changes_nothing_and_names_the_fact() -> None:
    got = understand("わからない", Context(Household(), Expecting("pregnant")))
    assert got.intent == "dont_know" and got.dont_know == ("pregnant",) and got.changed == ()


@pytest.mark.parametrize(
    ("text", "known", "last", "expected"),
    [
        ("いや、3歳です", {"children": [{"age": 2}]}, ("children.0.age",), [{"age": 3}]),
        ("上の子じゃなくて下の子です", {"children": [{"age": 10, "disability_certificate": True}, {"age": 4}]},
         ("children.0.disability_certificate",), [{"age": 10}, {"age": 4, "disability_certificate": True}]),
        ("やっぱり区外でした", {"children": [{"age": 2, "daycare": "ward"}]}, ("children.0.daycare",),
         [{"age": 2, "daycare": "other"}]),
    ],
)
def test_corrections_replace_instead_of_adding(text: str, known: dict[str, Any], last: tuple[str, ...],
                                               expected: list[dict[str, Any]]) -> None:
    assert facts(text, known, None, last)["children"] == expected


@pytest.mark.parametrize(
    ("text", "intent"),
    [("結果を見せて", "results"), ("一覧", "results"), ("最初から", "restart"), ("データを削除", "erase"),
     ("delete my data", "erase"), ("給食費は無料？", "question"), ("Is school lunch free?", "question"),
     ("ありがとう", "thanks"), ("こんにちは", "greet"), ("使い方を教えて", "help"),
     ("2歳の子がいます。何か使える支援はありますか？", "inform")],
)
def test_intents(text: str, intent: str) -> None:
    assert understand(text, Context(Household())).intent == intent


@pytest.mark.parametrize("text", ["", "🙂" * 50, "\x00\x1b[31m", "あ" * 10_000, "<script>alert(1)</script>",
                                  "١٢٣ 歳", "999歳の子", "-5歳"])
def test_any_text_gets_a_valid_answer(text: str) -> None:
    got = understand(text, Context(Household()))
    Household.model_validate(got.household.model_dump())


def test_english_is_detected() -> None:
    assert understand("My son is 13", Context(Household())).lang == "en"
    assert understand("13歳の息子", Context(Household())).lang == "ja"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a maybe is not a fact: the assistant asks later, and わからない is then a fine answer
        ("1歳の息子がいます。妻が2人目を妊娠したかもしれなくて、まだ病院には行ってません",
         {"children": [{"age": 1, "sex": "male"}]}),
        ("I might be pregnant", {}),
        ("中2の息子の障害者手帳を申請中です",
         {"children": [{"age": 13, "school_year": 8, "sex": "male"}]}),
        # 「今年中学」 is not 年中 (a 4-year-old), and starting a school is its first year
        ("息子が今年中学に上がりました", {"children": [{"age": 12, "school_year": 7, "sex": "male"}]}),
        ("娘が小学校に入学しました", {"children": [{"age": 6, "school_year": 1, "sex": "female"}]}),
        ("年長の娘がいます", {"children": [{"age": 5, "sex": "female"}]}),
    ],
)
def test_hedges_and_school_starts(text: str, expected: dict[str, Any]) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "adults"),
    [
        ("主人が最近めっきり食が細くなって心配です。私も物忘れが増えてきて…",
         [{"nutrition_concern": True, "relation": "husband"}, {"memory_concern": True, "relation": "me"}]),
        ("80歳の母と同居しています。母は最近物忘れが増えました",
         [{"age": 80, "memory_concern": True, "relation": "mother"}]),
        ("夫は重度の障害があります。私は手帳を持っています",
         [{"severe_disability": True, "relation": "husband"}, {"disability_certificate": True, "relation": "me"}]),
    ],
)
def test_two_adults_named_apart_stay_two_people(text: str, adults: list[dict[str, Any]]) -> None:
    assert facts(text).get("adults") == adults


@pytest.mark.parametrize(
    ("text", "relation"),
    [("主人の母は82歳です", "mother_in_law"), ("私の父は80歳です", "father"), ("祖母は88歳です", "grandmother")],
)
def test_who_an_adult_is_is_kept_for_wording(text: str, relation: str) -> None:
    assert facts(text)["adults"][0]["relation"] == relation

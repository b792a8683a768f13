"""Issue 16, round 5 (facts and intents): single facts' wording, tense and intents, each tested with
sentences written here in our own words (never copied from a labelled set)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.understanding import Context, Expecting, understand
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


def children(text: str, known: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return household(text, known).get("children", [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My son is 12, in year 7.", [{"age": 12, "school_year": 7, "sex": "male"}]),
        ("Daughter 9, year 4 at a ward school.", [{"age": 9, "school_year": 4, "sex": "female", "school": "ward"}]),
        ("my boy, 16, attends a metropolitan high school, 1st year",
         [{"age": 16, "school_year": 10, "sex": "male", "school": "other"}]),
        ("kids: 13 (junior high 2nd year) and 6", [{"age": 13, "school_year": 8}, {"age": 6}]),
    ],
)
def test_english_school_years_said_as_year_n_or_after_the_stage(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("私は42で妻は39です", [{"age": 42}, {"age": 39}]),
        ("祖父（八十一）と同居しています", [{"age": 81}]),
        ("義母は来年75で、足腰が弱ってきました", [{"age": 74}]),
        ("Me 52, wife 50.", [{"age": 52}, {"age": 50}]),
    ],
)
def test_adult_ages_written_tersely(text: str, expected: list[dict[str, Any]]) -> None:
    assert adults(text) == expected


@pytest.mark.parametrize(
    ("text", "business"),
    [
        ("うちは事業はやってません", ["none"]),
        ("商売もしてません", ["none"]),
        ("We run a small translation firm; it's sort of a startup too.", ["sme", "startup"]),
        ("My husband has a fintech startup near Tokyo station.", ["startup"]),
    ],
)
def test_business_wording(text: str, business: list[str]) -> None:
    assert household(text).get("business") == business


@pytest.mark.parametrize(
    "text",
    ["父（83）は最近ボケてきたみたいです", "My granddad is 88 and showing signs of dementia."],
)
def test_memory_concern_wording(text: str) -> None:
    assert adults(text)[0]["memory_concern"] is True


@pytest.mark.parametrize(
    "text", ["Our second baby is coming in June!", "we expecting a baby in autumn", "My wife is expecting twins."]
)
def test_pregnancy_said_of_a_baby_to_come(text: str) -> None:
    assert household(text).get("pregnant") is True


def test_not_able_to_go_to_school_since_entering_it_is_refusal() -> None:
    assert children("中1の娘は入学してからずっと学校に行けていなくて困っています")[0]["school_refusal"] is True


@pytest.mark.parametrize(("reply", "value"), [("はい、2か月ほど行けていません", True),
                                              ("いいえ、毎日行ってます", False),
                                              ("Yes, he hasn't been going since May.", True)])
def test_answering_the_refusal_question_with_not_going(reply: str, value: bool) -> None:
    known = {"children": [{"age": 12, "school_year": 7}]}
    got = understand(reply, Context(Household.model_validate(known), Expecting("child.school_refusal", 0)))
    assert got.household.children is not None and got.household.children[0].school_refusal is value


@pytest.mark.parametrize(("text", "value"), [("小3の息子は通常級です", False), ("小3の息子は支援学級に在籍", True)])
def test_class_wording(text: str, value: bool) -> None:
    assert children(text)[0]["special_needs_class"] is value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("教育ローンは借りてません", {"education_loan": False}),
        ("教育ローンは一昨年に完済しました", {"education_loan": False}),
        ("We had a student loan for my son's college but paid it off.", {"education_loan": False}),
        ("区内での引っ越しは今のところ考えてません", {"moving": "none"}),
        ("My in-laws are 80 and 78; we plan to move closer to them within the ward.",
         {"adults": [{"age": 80}, {"age": 78}], "moving": "near_parents"}),
    ],
)
def test_household_facts_said_with_a_negation_or_a_pronoun(text: str, expected: dict[str, Any]) -> None:
    got = household(text)
    got["adults"] = [{k: v for k, v in a.items() if k != "relation"} for a in got.get("adults", [])] or None
    assert {k: v for k, v in got.items() if v is not None} == expected


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("息子（10）は去年まで不登校でした", "school_refusal", False),
        ("娘（6）は以前は児童発達支援に通っていました", "uses_disability_services", False),
        ("My son (11) used to refuse school.", "school_refusal", False),
        ("My son (11) went to a day service for disabled children until last year.", "uses_disability_services",
         False),
        ("娘（6）は今も児童発達支援に通っています", "uses_disability_services", True),
        ("My son (9) goes to after-school day service until 6pm.", "uses_disability_services", True),
    ],
)
def test_a_fact_that_has_ended_is_not_todays(text: str, field: str, value: bool) -> None:
    assert children(text)[0][field] is value


@pytest.mark.parametrize(
    ("text", "known", "daycare"),
    [
        ("My 1-year-old is still waiting for a nursery spot.", None, "none"),
        ("The younger one goes to a nursery in Shibuya, not in Chiyoda", {"children": [{"age": 7}, {"age": 1}]},
         "other"),
    ],
)
def test_daycare_wording(text: str, known: dict[str, Any] | None, daycare: str) -> None:
    assert children(text, known)[-1]["daycare"] == daycare


@pytest.mark.parametrize(
    ("text", "intent"),
    [("今の内容で受けられる支援を教えて", "results"), ("ok so show me what we could get", "results"),
     ("thx!!", "thanks"), ("Good afternoon", "greet")],
)
def test_intent_wording(text: str, intent: str) -> None:
    known = Household.model_validate({"children": [{"age": 3}]})
    assert understand(text, Context(known)).intent == intent


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("娘(14)は不登校で、いまは学校に全く行っていない", "school_refusal"),
        ("娘(14)は不登校で家から出られていません", "school_refusal"),
        ("息子(5)は自閉症で保育園には通っていません", "developmental_concern"),
        ("My son (5) is autistic and doesn't attend any nursery.", "developmental_concern"),
    ],
)
def test_a_negation_of_the_next_predicate_is_not_the_facts(text: str, field: str) -> None:
    assert children(text)[0][field] is True


@pytest.mark.parametrize(
    ("text", "field"),
    [("祖母(90)は認知症で一人では出かけられていない", "memory_concern"),
     ("父(77)は重度の障害で仕事はしていません", "severe_disability")],
)
def test_an_adults_fact_then_a_negated_predicate(text: str, field: str) -> None:
    assert adults(text)[0][field] is True


@pytest.mark.parametrize(("text", "field"), [("息子(9)は不登校でない", "school_refusal"),
                                             ("娘(4)は療育には通ってません", "developmental_concern")])
def test_a_negation_of_the_facts_own_predicate_still_counts(text: str, field: str) -> None:
    assert children(text)[0][field] is False


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("母（79）は重度の知的障害があります", "severe_disability", True),
        ("My father has a profound physical disability.", "severe_disability", True),
        ("祖父（85）はこの半年で体重が4キロ落ちました", "nutrition_concern", True),
        ("My grandmother has a poor appetite these days.", "nutrition_concern", True),
        ("My husband holds a mental health certificate.", "disability_certificate", True),
    ],
)
def test_adult_flag_wording(text: str, field: str, value: bool) -> None:
    assert adults(text)[0][field] is value


def test_a_grade_said_before_a_certificate_is_no_child() -> None:
    assert household("My wife has a level 2 mental disability card.").get("children") is None


@pytest.mark.parametrize(
    ("text", "business"),
    [("妻が区内で学習塾を開いています", ["sme"]), ("We set up a small software company last spring.", ["startup"]),
     ("My husband and I both work for big companies.", ["none"]), ("夫も私も公務員です", ["none"])],
)
def test_more_business_wording(text: str, business: list[str]) -> None:
    assert household(text).get("business") == business


@pytest.mark.parametrize(
    ("text", "field"),
    [("小6の娘はASDと診断されています", "developmental_concern"),
     ("My son (4) has a language delay.", "developmental_concern"),
     ("中1の息子は2学期から登校していません", "school_refusal"),  # 2学期 is a term, not an age
     ("中3の娘はフリースクールに通っています", "school_refusal"),
     ("My son (14) is a school refuser.", "school_refusal"),
     ("小3の息子は放課後デイを使っています", "uses_disability_services")],
)
def test_child_flag_wording(text: str, field: str) -> None:
    assert children(text)[0][field] is True


def test_a_ward_place_said_in_brackets_after_the_daycare() -> None:
    assert children("娘(2)は小規模保育園に通っています（区内）")[0]["daycare"] == "ward"


def answer(reply: str, known: dict[str, Any], key: str, member: int | None = None) -> dict[str, Any]:
    got = understand(reply, Context(Household.model_validate(known), Expecting(key, member)))
    return got.household.model_dump(exclude_none=True)


@pytest.mark.parametrize(
    ("reply", "daycare"),
    [("隣の区の認可です", "other"), ("品川区です", "other"), ("千代田区です", "ward"), ("Minato ward", "other"),
     ("at a daycare in the ward", "ward")],
)
def test_answering_where_the_daycare_is(reply: str, daycare: str) -> None:
    assert answer(reply, {"children": [{"age": 1}]}, "child.daycare", 0)["children"][0]["daycare"] == daycare


def test_a_daycare_in_the_next_ward_is_not_the_wards() -> None:
    assert children("1歳の息子は隣の区の保育園に通っています")[0]["daycare"] == "other"


@pytest.mark.parametrize(
    ("reply", "business"),
    [("I'm self-employed.", ["sme"]), ("夫婦ともパートです", ["none"]), ("特にしていません", ["none"]),
     ("I'm retired.", ["none"])],
)
def test_answering_the_business_question(reply: str, business: list[str]) -> None:
    assert answer(reply, {}, "business")["business"] == business


@pytest.mark.parametrize(
    ("reply", "key", "value"),
    [("借りてます", "education_loan", True), ("最近ちょっと", "adult.memory_concern", True),
     ("年相応だと思います", "adult.memory_concern", False)],
)
def test_short_yes_and_no_in_other_words(reply: str, key: str, value: bool) -> None:
    got = answer(reply, {"adults": [{"age": 79}]}, key, 0 if key.startswith("adult.") else None)
    assert (got["adults"][0] if key.startswith("adult.") else got)[key.split(".")[-1]] is value


def test_him_or_her_in_an_answer_about_the_one_child_gives_its_sex() -> None:
    got = answer("No, I take care of him at home.", {"children": [{"age": 1}]}, "child.daycare", 0)
    assert got["children"] == [{"age": 1, "sex": "male", "daycare": "none"}]


def test_facts_before_a_dont_know_are_kept() -> None:
    got = understand("小2の息子がいます。検査の結果はまだわかりません", Context(Household()))
    assert got.intent == "inform" and got.household.children is not None and got.household.children[0].age == 7


@pytest.mark.parametrize("text", ["検査の結果が出たら教えます", "診断の結果はまだです"])
def test_a_test_result_is_not_asking_for_results(text: str) -> None:
    assert understand(text, Context(Household())).intent != "results"


def test_a_loan_being_considered_is_not_a_loan() -> None:
    assert household("教育ローンを検討中です").get("education_loan") is None


def test_more_japanese_wording_of_refusal_and_appetite() -> None:
    assert children("中1の息子が学校に行きたがらず困っています")[0]["school_refusal"] is True
    assert adults("母（78）は食欲も落ちてきました") == [{"age": 78, "nutrition_concern": True}]


@pytest.mark.parametrize(
    "text",
    ["そろそろ2人目を妊娠したいです", "妊娠を希望しています", "We're hoping to get pregnant soon.", "妊活中です"],
)
def test_a_wish_to_be_pregnant_is_not_a_pregnancy(text: str) -> None:
    got = understand(text, Context(Household()))
    assert got.household.pregnant is None and got.intent == "inform"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("祖父は九十過ぎです", [{"age_band": "75_plus"}]), ("曾祖母は百歳", [{"age": 100}]),
     ("父は今年77、喜寿を迎えます", [{"age": 77}]), ("My wife is running a small bakery.", None)],
)
def test_more_adult_age_wording(text: str, expected: list[dict[str, Any]] | None) -> None:
    if expected is None:  # the business sentence names no age: only the business is read
        assert household(text) == {"business": ["sme"]}
    else:
        assert adults(text) == expected


def test_members_listed_with_spaces_and_brackets() -> None:
    got = household("妻(36) 私(37) 長女(4)")
    assert [a["age"] for a in got["adults"]] == [36, 37] and got["children"] == [{"age": 4, "sex": "female"}]


def test_a_school_joined_through_the_years_is_no_school_year() -> None:
    expected = [{"age": 12, "school_year": 7, "sex": "female", "school": "other"}]
    assert children("娘は中高一貫の私立に通う中1です") == expected


@pytest.mark.parametrize(
    ("text", "intent"),
    [("受けられる手当を知りたいです", "results"), ("What benefits can we get?", "results"),
     ("what are we eligible for", "results"), ("妊娠したら受けられる支援を教えて", "question"),
     ("よろしくお願いします", "greet"), ("サンキュー！", "thanks"), ("はじめからやり直し", "restart"),
     ("start from the top please", "restart"), ("Forget everything I told you.", "erase"),
     ("使い方がわからないです", "help"), ("どうやって使うんですか", "help"), ("なるほど", "other"),
     ("了解しました！", "other"), ("そうですか", "other")],
)
def test_more_intent_wording(text: str, intent: str) -> None:
    assert understand(text, Context(Household())).intent == intent


def test_facts_then_what_can_we_get_keeps_the_facts() -> None:
    got = understand("妊娠7か月です。受けられる支援を教えて", Context(Household()))
    assert got.household.pregnant is True and got.intent == "inform"


def corrected(text: str, known: dict[str, Any], last: tuple[str, ...]) -> dict[str, Any]:
    got = understand(text, Context(Household.model_validate(known), last_changed=last))
    return got.household.model_dump(exclude_none=True)


@pytest.mark.parametrize(
    ("text", "known", "last", "expected"),
    [
        ("いや、ベンチャーです", {"business": ["sme"]}, ("business",), {"business": ["startup"]}),
        ("No wait, it's a startup.", {"business": ["sme"]}, ("business",), {"business": ["startup"]}),
        ("違います、もっと広い家にです", {"moving": "near_parents"}, ("moving",), {"moving": "larger_home"}),
        ("すみません、妊娠はしていません", {"pregnant": True}, ("pregnant",), {"pregnant": False}),
        ("いいえ、違います。子どもは2人です", {"pregnant": True}, ("pregnant",), {"pregnant": True}),
        ("ごめんなさい、80歳以上でした", {"adults": [{"age_band": "65_74"}]}, ("adults.0.age_band",),
         {"adults": [{"age_band": "75_plus"}]}),
    ],
)
def test_a_correction_replaces_a_household_fact_or_an_adults_band(text: str, known: dict[str, Any],
                                                                  last: tuple[str, ...],
                                                                  expected: dict[str, Any]) -> None:
    got = corrected(text, known, last)
    got.pop("children", None)
    assert got == expected


@pytest.mark.parametrize(
    ("text", "known", "field", "value"),
    [
        ("保育園は区内ではなく区外です", {"children": [{"age": 1, "daycare": "ward"}]}, "daycare", "other"),
        ("学校は私立じゃなくて区立です", {"children": [{"age": 9, "school": "other"}]}, "school", "ward"),
        ("Sorry, her school is private, not a ward one.", {"children": [{"age": 9, "school": "ward"}]}, "school",
         "other"),
    ],
)
def test_a_place_said_only_to_be_denied_gives_way_to_the_other(text: str, known: dict[str, Any], field: str,
                                                               value: str) -> None:
    assert children(text, known)[0][field] == value


def test_his_is_no_greeting() -> None:
    assert understand("his school is a private one", Context(Household())).intent != "greet"


def test_children_by_rank_with_bare_numbers() -> None:
    assert children("長男16、長女13、次男9です") == [{"age": 16, "sex": "male"}, {"age": 13, "sex": "female"},
                                                  {"age": 9, "sex": "male"}]


def test_kept_at_home_with_a_relative_clause_between() -> None:
    assert children("I look after my grandson, who is 2, at home.") == [{"age": 2, "sex": "male", "daycare": "none"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ばぁば 86 もの忘れあり", [{"age": 86, "memory_concern": True}]),
     ("じーじ(91)食細い", [{"age": 91, "nutrition_concern": True}])],
)
def test_texting_spellings_of_grandparents_and_their_facts(text: str, expected: list[dict[str, Any]]) -> None:
    assert adults(text) == expected


def test_dotchimo_is_both_children() -> None:
    assert [c.get("daycare") for c in children("子ども2人(3さい・0さい)どっちも区内の保育園")] == ["ward", "ward"]


@pytest.mark.parametrize(("text", "expected"), [("教育ろーん借りてます", {"education_loan": True}),
                                                ("親の近くに住みかえ予定", {"moving": "near_parents"}),
                                                ("しょうがないですね", {})])
def test_kana_spellings_of_household_facts(text: str, expected: dict[str, Any]) -> None:
    assert household(text) == expected


@pytest.mark.parametrize(
    ("reply", "key", "value"),
    [("she goes every day", "child.school_refusal", False), ("毎日元気に行ってます", "child.school_refusal", False),
     ("he has one, grade 2", "child.disability_certificate", True),
     ("he has none", "child.disability_certificate", False)],
)
def test_answers_about_one_child_in_other_words(reply: str, key: str, value: bool) -> None:
    got = answer(reply, {"children": [{"age": 9}]}, key, 0)
    assert got["children"][0][key.split(".")[-1]] is value


def test_a_ward_place_said_a_little_after_the_daycare() -> None:
    text = "My son (1) is at a small nursery near Iidabashi station, which is in Chiyoda."
    assert children(text)[0]["daycare"] == "ward"


def test_what_happened_after_a_consultation_is_no_supposition() -> None:
    text = "3歳の娘がいます。健診で相談したら療育をすすめられました"
    assert children(text)[0]["developmental_concern"] is True


@pytest.mark.parametrize("text", ["4歳の息子は言葉がなかなか出てこないです", "息子(3)は言葉の数が少ないです"])
def test_speech_said_in_other_words(text: str) -> None:
    assert children(text)[0]["developmental_concern"] is True


@pytest.mark.parametrize("text", ["中1の息子は学校を休んで2か月になります",
                                  "小4の娘、登校しなくなってから5か月経ちます"])
def test_a_length_of_time_in_months_is_no_baby(text: str) -> None:
    got = children(text)
    assert len(got) == 1 and got[0]["age"] >= 9


def test_a_plan_to_borrow_is_no_loan_but_a_planned_birth_is_a_pregnancy() -> None:
    assert household("来年、教育ローンを借りるつもりです").get("education_loan") is None
    assert household("秋に2人目が生まれる予定です").get("pregnant") is True


def test_me_and_my_husband_both_named_with_mo_share_a_band() -> None:
    assert adults("夫も私もアラフィフで、同居の義父は80代です") == [{"age_band": "under_65"}, {"age_band": "under_65"},
                                                          {"age_band": "75_plus"}]


@pytest.mark.parametrize(("text", "age"), [("義母は7月で75歳になります", 74), ("父は先月80歳になりました", 80),
                                           ("祖父は秋に90になります", 89)])
def test_a_birthday_later_this_year(text: str, age: int) -> None:
    assert adults(text) == [{"age": age}]


def test_both_of_us_is_two_adults() -> None:
    assert adults("Both of us are in our early 40s.") == [{"age_band": "under_65"}, {"age_band": "under_65"}]


@pytest.mark.parametrize("text", ["義実家の近くに住みたいです", "親と近居するため区内で転居を考えています",
                                  "We hope to move near my husband's parents."])
def test_moving_near_parents_wording(text: str) -> None:
    assert household(text).get("moving") == "near_parents"


def test_living_near_parents_already_is_no_move() -> None:
    assert household("実家の近くに住んでいます").get("moving") is None


@pytest.mark.parametrize(("text", "value"), [("息子の授業料のためにローンを組みました", True),
                                             ("We borrowed money from a bank for our daughter's tuition.", True),
                                             ("学費のローンは借りていません", False)])
def test_a_loan_for_schooling_is_an_education_loan(text: str, value: bool) -> None:
    assert household(text)["education_loan"] is value


def test_months_after_pregnant_are_the_pregnancys() -> None:
    assert household("My wife is pregnant, 7 months, and our son is 4.") == {
        "pregnant": True, "children": [{"age": 4, "sex": "male"}]}


def test_a_private_school_said_in_brackets() -> None:
    assert children("My son is 13, 1st year junior high (private).")[0]["school"] == "other"


@pytest.mark.parametrize("text", ["妻はもうすぐ臨月です", "つわりがつらい時期です", "お腹の赤ちゃんは男の子らしいです",
                                  "I'm in my third trimester."])
def test_pregnancy_in_other_words(text: str) -> None:
    assert household(text) == {"pregnant": True}


def test_pregnancy_months_in_brackets_are_no_baby() -> None:
    assert household("妊娠中（6か月）です。上の子は4歳") == {"pregnant": True, "children": [{"age": 4}]}


@pytest.mark.parametrize("text", ["娘(5)は発達支援センターに通っています",
                                  "My son (3) attends a child development centre."])
def test_a_development_support_centre_is_a_service(text: str) -> None:
    assert children(text)[0]["uses_disability_services"] is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [("娘(9)は1年生まで療育に通っていました", [{"age": 9, "sex": "female", "developmental_concern": False}]),
     ("息子は6歳で、4歳まで児童発達支援を使っていました",
      [{"age": 6, "sex": "male", "uses_disability_services": False}])],
)
def test_until_a_year_or_an_age_is_no_child_of_that_age(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


@pytest.mark.parametrize(("text", "value"), [("My father's memory isn't so good anymore.", True),
                                             ("祖母は記憶力が落ちてきました", True),
                                             ("My mother's memory is fine.", False)])
def test_memory_said_of_the_memory_itself(text: str, value: bool) -> None:
    assert adults(text)[0]["memory_concern"] is value


@pytest.mark.parametrize("text", ["父は区内で開業医をしています", "夫が社長をしている小さな会社があります",
                                  "うちは酒屋をやっています"])
def test_running_a_practice_or_a_shop_is_a_business(text: str) -> None:
    assert household(text)["business"] == ["sme"]


def test_severe_home_care_is_said_of_a_severe_disability() -> None:
    assert adults("夫は重度訪問介護を使っています") == [{"severe_disability": True}]


@pytest.mark.parametrize(
    ("text", "daycare"),
    [("息子(2)は区立園です", "ward"), ("娘(1)は区内の認可外に通っています", "ward"),
     ("息子(1)は新宿区の認証です", "other"), ("娘は3歳、保育園は台東区です", "other"),
     ("息子は1歳、保育園は千代田区です", "ward")],
)
def test_daycare_abbreviations_and_the_place_said_after(text: str, daycare: str) -> None:
    assert children(text)[0]["daycare"] == daycare


@pytest.mark.parametrize("text", ["すみません、質問です", "Quick question."])
def test_announcing_a_question_is_a_question(text: str) -> None:
    assert understand(text, Context(Household())).intent == "question"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [("My son (11) has been futoko since April.", "school_refusal", True),
     ("My daughter (9) is in a shien gakkyu.", "special_needs_class", True),
     ("My son (3) goes to jido hattatsu shien twice a week.", "uses_disability_services", True),
     ("My daughter (1) goes to a kuritsu hoikuen.", "daycare", "ward"),
     ("My son (14) is at Kudan Chuto, 3rd year.", "school_year", 9)],
)
def test_japanese_terms_in_romaji(text: str, field: str, value: object) -> None:
    assert children(text)[0][field] == value


@pytest.mark.parametrize("text", ["明日の天気はどう？", "How's the weather today?"])
def test_the_weather_is_off_the_topic(text: str) -> None:
    assert understand(text, Context(Household())).intent == "other"


@pytest.mark.parametrize(("text", "value"), [("娘(8)は普通学級ではなく支援学級です", True),
                                             ("息子(8)は支援学級じゃなくて通常学級です", False)])
def test_a_class_said_only_to_be_denied_gives_way_to_the_other(text: str, value: bool) -> None:
    assert children(text)[0]["special_needs_class"] is value


@pytest.mark.parametrize(
    ("text", "expected"),
    [("義両親は80代前半と70代後半です", [{"age_band": "75_plus"}, {"age_band": "75_plus"}]),
     ("祖父母（90代と60代後半）と暮らしています", [{"age_band": "75_plus"}, {"age_band": "65_74"}]),
     ("両親は80代と70代です", [{"age_band": "75_plus"}])],  # 70代 straddles 75: that one is left to be asked
)
def test_a_pair_then_each_ones_band(text: str, expected: list[dict[str, Any]]) -> None:
    assert adults(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("My in-laws are in their early 80s and late 70s.", [{"age_band": "75_plus"}, {"age_band": "75_plus"}]),
     ("My parents are in their 80s and 60s.", [{"age_band": "75_plus"}]),  # 60s straddles 65
     ("My parents are 81 and 77.", [{"age": 81}, {"age": 77}])],
)
def test_english_pair_then_each_ones_band(text: str, expected: list[dict[str, Any]]) -> None:
    assert adults(text) == expected


@pytest.mark.parametrize("text", ["息子(4)は発達に不安があります", "娘(2)は発達が少し遅いです",
                                  "息子(2)はまだ言葉が出ていません", "娘(5)は来月発達の検査を受ける予定です",
                                  "My son (2) isn't talking yet."])
def test_developmental_concern_wording(text: str) -> None:
    assert children(text)[0]["developmental_concern"] is True


@pytest.mark.parametrize("text", ["My son (12) has trouble going to school.",
                                  "My daughter (13) hardly ever goes to school.",
                                  "My son (11) hasn't been to class since May.",
                                  "My daughter (10) only goes to school occasionally."])
def test_english_refusal_wording(text: str) -> None:
    assert children(text)[0]["school_refusal"] is True


@pytest.mark.parametrize(("reply", "field"), [("寝たきりです", "severe_disability"),
                                              ("はい、寝たきりです", "severe_disability"),
                                              ("身体障害者手帳を持っています", "disability_certificate"),
                                              ("最近食が細くなりました", "nutrition_concern")])
def test_an_answer_about_the_first_adult_goes_to_that_adult(reply: str, field: str) -> None:
    got = answer(reply, {"adults": [{"age": 81}, {"age": 44}]}, f"adult.{field}", 0)
    assert got["adults"] == [{"age": 81, field: True}, {"age": 44}]


def test_meals_not_taken_is_a_nutrition_concern() -> None:
    assert adults("祖母(88)は食事があまりとれません") == [{"age": 88, "nutrition_concern": True}]


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [("Sorry, my son is actually 7.", {"children": [{"age": 6, "sex": "male"}, {"age": 2, "sex": "female"}]},
      {"children": [{"age": 7, "sex": "male"}, {"age": 2, "sex": "female"}]}),
     ("ごめんなさい、娘は小3でした", {"children": [{"age": 7, "sex": "female"}]},
      {"children": [{"age": 8, "school_year": 3, "sex": "female"}]}),
     ("Actually my father is 79.", {"adults": [{"age": 77}]}, {"adults": [{"age": 79}]}),
     ("Actually my father is 79.", {"adults": [{"age": 77, "relation": "father"}]},
      {"adults": [{"age": 79, "relation": "father"}]})],
)
def test_a_correction_naming_the_one_member_of_that_noun(text: str, known: dict[str, Any],
                                                         expected: dict[str, Any]) -> None:
    assert household(text, known) == expected  # relations compared too: the member corrected keeps who it is


@pytest.mark.parametrize(("text", "intent"), [("うちが対象になる支援はありますか", "results"),
                                              ("何がもらえますか", "results"),
                                              ("Is there anything for us?", "results"),
                                              ("児童手当はもらえますか", "question"),
                                              ("Is there anything for single parents?", "question")])
def test_what_this_household_can_have_versus_a_question(text: str, intent: str) -> None:
    assert understand(text, Context(Household())).intent == intent


@pytest.mark.parametrize(
    ("text", "expected"),
    [("娘は今度の4月で小3になります", [{"age": 7, "school_year": 2, "sex": "female"}]),
     ("息子は来年から中1です", [{"age": 11, "school_year": 6, "sex": "male"}]),
     ("娘は4月から小2になりました", [{"age": 7, "school_year": 2, "sex": "female"}])],
)
def test_a_school_year_still_to_come_is_the_year_before_now(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


@pytest.mark.parametrize(("text", "year"), [("My son will be in 4th grade next year.", 3),
                                            ("My daughter starts 7th grade this coming April.", 6)])
def test_an_english_grade_still_to_come_is_the_grade_before_now(text: str, year: int) -> None:
    assert children(text)[0]["school_year"] == year


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [("さっきの保育園、区内じゃなくて区外でした", {"children": [{"age": 1, "daycare": "ward"}]},
      [{"age": 1, "daycare": "other"}]),
     ("上の子の保育園は区外ではなく区内です",
      {"children": [{"age": 4, "daycare": "other"}, {"age": 1, "daycare": "other"}]},
      [{"age": 4, "daycare": "ward"}, {"age": 1, "daycare": "other"}])],
)
def test_a_place_corrected_by_its_old_value(text: str, known: dict[str, Any], expected: list[dict[str, Any]]) -> None:
    assert children(text, known) == expected


@pytest.mark.parametrize(("text", "known", "key", "value"),
                         [("妊娠は勘違いでした", {"pregnant": True}, "pregnant", False),
                          ("お店はもう閉めました", {"business": ["sme"]}, "business", ["none"]),
                          ("引っ越しは見送りました", {"moving": "larger_home"}, "moving", "none")])
def test_a_household_fact_taken_back(text: str, known: dict[str, Any], key: str, value: object) -> None:
    assert household(text, known)[key] == value


@pytest.mark.parametrize(
    ("reply", "known", "key", "expected"),
    [("上の子は区内、下の子は区外です", {"children": [{"age": 5}, {"age": 2}]}, "child.daycare",
      [{"age": 5, "daycare": "ward"}, {"age": 2, "daycare": "other"}]),
     ("下の子だけ持っています", {"children": [{"age": 10}, {"age": 7}]}, "child.disability_certificate",
      [{"age": 10, "disability_certificate": False}, {"age": 7, "disability_certificate": True}]),
     ("My son has one but my daughter doesn't.",
      {"children": [{"age": 10, "sex": "male"}, {"age": 7, "sex": "female"}]}, "child.disability_certificate",
      [{"age": 10, "sex": "male", "disability_certificate": True},
       {"age": 7, "sex": "female", "disability_certificate": False}])],
)
def test_an_answer_said_of_each_member_it_names(reply: str, known: dict[str, Any], key: str,
                                                expected: list[dict[str, Any]]) -> None:
    assert answer(reply, known, key, 0)["children"] == expected

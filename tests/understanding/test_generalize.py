"""Issue 16, round 3: the kinds of failure that generalize, each with sentences written here in
our own words (never copied from a labelled set)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.understanding import Context, Expecting, understand
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


def unaged(text: str, known: dict[str, Any] | None = None) -> int:
    return understand(text, Context(Household.model_validate(known or {}))).unaged_children


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("子どもが4人いて、一番上は中学生です", 4),  # a count, no age at all
        ("子どもは3人で、長女が12歳です", 2),  # the count less the child with an age
        ("長男は高校生で、次男は小学生です", 2),  # relation words, no ages
        ("I have a son, and a baby daughter as well.", 2),
        ("We have a 4-year-old and a little sister too.", 1),
        ("息子がひとりいます", 1),
        ("Twins, no ages yet to tell you", 2),
        # children with an age are never counted again
        ("娘が3人、12歳と9歳と4歳です", 0),
        ("Two daughters, 8 and 6, and a son who is 3.", 0),
        ("息子がいて、今7歳です", 0),
        ("5歳の双子がいます", 0),
        # several children without a number: no number to give
        ("子どもたちは区立の小学校です", 0),
        # a question about children is not a household statement
        ("双子向けの支援はありますか？", 0),
    ],
)
def test_children_named_without_an_age_are_counted_once(text: str, count: int) -> None:
    assert unaged(text) == count


def test_a_child_already_known_is_not_counted_again_unless_another_is_meant() -> None:
    known = {"children": [{"age": 6}]}
    assert unaged("娘は区立の小学校に通っています", known) == 0
    assert unaged("もう1人、下に息子もいます", known) == 1


def test_a_count_alone_is_something_learned() -> None:
    got = understand("子どもが2人います", Context(Household()))
    assert got.intent == "inform" and got.unaged_children == 2 and got.household.children is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a child named first, its facts next, its age last: all one child
        ("娘がいて、区外の保育園に通っています。今2歳です", [{"age": 2, "sex": "female", "daycare": "other"}]),
        # a sibling of another sex is not the child already named
        ("8歳の娘がいます。兄は私立の中学に通っています", [{"age": 8, "sex": "female"}]),
        ("My son is 9. My daughter attends a ward-run nursery; she's 1.",
         [{"age": 9, "sex": "male"}, {"age": 1, "sex": "female", "daycare": "ward"}]),
        # a count of one kind is not the count of all the children
        ("息子が2人と娘が1人います。息子は12歳と10歳、娘は5歳です",
         [{"age": 12, "sex": "male"}, {"age": 10, "sex": "male"}, {"age": 5, "sex": "female"}]),
    ],
)
def test_facts_of_a_child_named_before_its_age_stay_with_it(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 兄/姉 the older of their sex, 弟/妹 the younger; 長男/次男 a rank among the sons
        ("兄は高1、弟は中1です。弟は区立の中学校です",
         [{"age": 15, "school_year": 10, "sex": "male"},
          {"age": 12, "school_year": 7, "sex": "male", "school": "ward"}]),
        ("姉が9歳、妹が6歳。姉の方は私立に通っています",
         [{"age": 9, "sex": "female", "school": "other"}, {"age": 6, "sex": "female"}]),
        ("長男14歳、次男11歳、長女7歳。次男が特別支援学級です",
         [{"age": 14, "sex": "male"}, {"age": 11, "sex": "male", "special_needs_class": True},
          {"age": 7, "sex": "female"}]),
        ("My older daughter is 10 and my younger daughter is 4; the younger one has a chronic illness.",
         [{"age": 10, "sex": "female"}, {"age": 4, "sex": "female", "chronic_disease": True}]),
    ],
)
def test_relation_words_name_one_child_among_several(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age used to point back at a child just named is that child, not a new one
        ("Our kids are 11, 8 and 2. The 8-year-old is in a special needs class.",
         [{"age": 11}, {"age": 8, "special_needs_class": True}, {"age": 2}]),
        ("6歳と2歳の子がいて、2歳の子は区外の保育園です", [{"age": 6}, {"age": 2, "daycare": "other"}]),
        # one age counted: as many children as the count
        ("3歳の子が2人います", [{"age": 3}, {"age": 3}]),
        ("We have two 7-year-olds.", [{"age": 7}, {"age": 7}]),
    ],
)
def test_an_age_can_point_back_or_count_several(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


def test_he_or_she_gives_the_sex_of_the_child_asked_about() -> None:
    known = Household.model_validate({"children": [{"age": 3}]})
    got = understand("She is at a daycare in Bunkyo.", Context(known, Expecting("child.daycare", 0)))
    assert got.household.model_dump(exclude_none=True)["children"] == [{"age": 3, "sex": "female", "daycare": "other"}]
    mother = understand("She is 70 and my mother.", Context(known))
    assert (mother.household.children or [])[0].sex is None  # she is an adult here, not the child


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my daughter is 9 and doesnt go to school anymore", [{"age": 9, "sex": "female", "school_refusal": True}]),
        ("My son’s 4 and he isn’t in daycare", [{"age": 4, "sex": "male", "daycare": "none"}]),
        ("shes 2, she dont go to nursery", [{"age": 2, "sex": "female", "daycare": "none"}]),
    ],
)
def test_apostrophes_typed_otherwise_or_left_out(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


@pytest.mark.parametrize(
    ("known", "text", "expected"),
    [
        ({"children": [{"age": 7}, {"age": 3}]}, "あ、ごめんなさい、3歳じゃなくて2歳でした", [{"age": 7}, {"age": 2}]),
        ({"children": [{"age": 10}, {"age": 6}]}, "Sorry, the big one is 11, not 10", [{"age": 11}, {"age": 6}]),
        ({"children": [{"age": 9, "school_year": 4}]}, "すみません、小4ではなく小5です",
         [{"age": 10, "school_year": 5}]),
    ],
)
def test_a_correction_finds_the_child_by_its_old_value(known: dict[str, Any], text: str,
                                                       expected: list[dict[str, Any]]) -> None:
    assert children(text, known) == expected


def household(text: str, known: dict[str, Any] | None = None, expecting: Expecting | None = None) -> dict[str, Any]:
    got = understand(text, Context(Household.model_validate(known or {}), expecting))
    data = got.household.model_dump(exclude_none=True, exclude={"adults": {"__all__": {"relation"}}})
    return data


def test_a_move_said_across_clauses() -> None:
    assert household("親の家のそばがいいので、来年あたり住み替えを考えています") == {"moving": "near_parents"}
    assert household("We want to move. The flat is too small, we need more room.") == {"moving": "larger_home"}
    assert household("引っ越したら何か支援はありますか？親の近くです") == {}


def test_running_a_business_said_with_any_noun() -> None:
    assert household("神田で小さな学習塾を経営しています") == {"business": ["sme"]}
    assert household("ベンチャーを経営しています") == {"business": ["startup"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("長男は小4で通常学級です", [{"age": 9, "school_year": 4, "sex": "male", "special_needs_class": False}]),
        ("My 10-year-old is in a regular class.", [{"age": 10, "special_needs_class": False}]),
    ],
)
def test_a_regular_class_says_no_special_needs_class(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


def test_a_concern_said_to_be_fine_is_no_concern() -> None:
    assert household("My mother is 78; her memory is fine.") == {"adults": [{"age": 78, "memory_concern": False}]}


def test_expecting_at_the_start_is_a_pregnancy() -> None:
    assert household("Expecting our second in March! Our daughter is 2.") == {
        "pregnant": True, "children": [{"age": 2, "sex": "female"}]}


def test_a_range_of_ages_answered_is_a_band() -> None:
    known = {"adults": [{"nutrition_concern": True}]}
    got = household("75から84歳くらい", known, Expecting("adult.age", 0))
    assert got == {"adults": [{"nutrition_concern": True, "age_band": "75_plus"}]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("男女の双子で、いま3歳です", [{"age": 3, "sex": "male"}, {"age": 3, "sex": "female"}]),
        ("Triplets, two girls and a boy, all 1 year old.",
         [{"age": 1, "sex": "male"}, {"age": 1, "sex": "female"}, {"age": 1, "sex": "female"}]),
        ("We have twins, a girl and a boy, who are 9.", [{"age": 9, "sex": "male"}, {"age": 9, "sex": "female"}]),
    ],
)
def test_children_born_together_may_differ_in_sex(text: str, expected: list[dict[str, Any]]) -> None:
    assert sorted(children(text), key=lambda c: c["sex"] != "male") == expected


def test_twins_on_the_way_are_not_children() -> None:
    got = understand("Expecting twins in June, and our daughter is 4.", Context(Household()))
    assert got.household.model_dump(exclude_none=True) == {"pregnant": True, "children": [{"age": 4, "sex": "female"}]}
    assert got.unaged_children == 0


def test_a_count_before_the_ages_is_not_a_child() -> None:
    assert household("Yes, two. 9 and 3.", expecting=Expecting("children")) == {"children": [{"age": 9}, {"age": 3}]}
    three = {"children": [{"age": 3}, {"age": 6}, {"age": 9}]}
    assert household("3, 6 and 9", expecting=Expecting("children")) == three


def test_two_adults_named_together_share_a_band_or_take_an_age_each() -> None:
    assert household("妻と私は30代です") == {"adults": [{"age_band": "under_65"}, {"age_band": "under_65"}]}
    assert household("My wife and I are 52 and 49.") == {"adults": [{"age": 52}, {"age": 49}]}


def test_a_short_answer_with_more_facts_after_it() -> None:
    got = household("いいえ。でも4月から広い家に引っ越す予定です", expecting=Expecting("education_loan"))
    assert got == {"education_loan": False, "moving": "larger_home"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kindergarten or school year said of a child the words name: that child
        ("下の子は1歳、上の子は5歳で、上の子は区立幼稚園の年長です", [{"age": 1}, {"age": 5}]),
        ("娘は8歳で、娘は小3です", [{"age": 8, "school_year": 3, "sex": "female"}]),
        # an age said after the noun in its own clause
        ("We look after our granddaughter, she's 12.", [{"age": 12, "sex": "female"}]),
    ],
)
def test_a_year_or_age_said_apart_from_its_child(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


def test_an_adult_age_or_band_said_apart_from_the_adult() -> None:
    assert household("義父と同居しています。前期高齢者です") == {"adults": [{"age_band": "65_74"}]}
    assert household("母は足が弱くなってきました。年は79です") == {"adults": [{"age": 79}]}
    assert household("I'm about 24 weeks pregnant.") == {"pregnant": True}


def test_one_negation_over_a_list_of_facts_for_children_named_together() -> None:
    got = household("Our kids (6 and 3) have no disabilities or chronic conditions.")
    no = {"disability_certificate": False, "chronic_disease": False}
    assert got == {"children": [{"age": 6, **no}, {"age": 3, **no}]}


def test_saying_a_child_goes_to_school_every_day_is_no_school_refusal() -> None:
    known = {"children": [{"age": 11}]}
    got = household("毎日元気に学校に通っていますよ", known, Expecting("child.school_refusal", 0))
    assert got == {"children": [{"age": 11, "school_refusal": False}]}


def test_a_little_is_a_yes_and_repeating_oneself_is_a_memory_concern() -> None:
    known = {"adults": [{"age": 80}]}
    assert household("少し。同じことを何度も聞いてきます", known, Expecting("adult.memory_concern", 0)) == {
        "adults": [{"age": 80, "memory_concern": True}]}


def test_a_year_said_apart_from_the_one_stage_named() -> None:
    assert children("He attends a private high school and is in his 1st year.") == [
        {"age": 15, "school_year": 10, "sex": "male", "school": "other"}]


def test_a_correction_that_says_every_age_again() -> None:
    assert children("訂正します、年子じゃなくて、5歳と3歳です", {"children": [{"age": 4}, {"age": 3}]}) == [
        {"age": 5}, {"age": 3}]


def test_asking_how_to_use_the_chat_is_help() -> None:
    assert understand("How does this bot work? What can I ask?", Context(Household())).intent == "help"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("子どもは3人、一番上が14、真ん中が11、一番下が7歳です", [{"age": 14}, {"age": 7}]),
        ("2人です。上が中1で下が年少です", [{"age": 12, "school_year": 7}, {"age": 3}]),
        ("年長の姉と年少の妹がいます", [{"age": 5, "sex": "female"}, {"age": 3, "sex": "female"}]),
        ("娘は生後10か月で、来月で11か月になります", [{"age": 0, "sex": "female"}]),
        ("息子は2歳11か月、来月で3歳です", [{"age": 2, "sex": "male"}]),
    ],
)
def test_oldest_youngest_and_birthdays(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


def test_the_first_of_several_facts_is_not_negated_by_words_that_only_look_like_a_hedge() -> None:
    assert household("父は88歳、物忘れとかはないけど膝が悪いです") == {"adults": [{"age": 88, "memory_concern": False}]}


def test_running_a_place_of_business() -> None:
    assert household("区内でネイルサロンをしています") == {"business": ["sme"]}
    assert household("My husband has a small bakery in Kanda.") == {"business": ["sme"]}
    assert household("いえ、商売はやってません", expecting=Expecting("business")) == {"business": ["none"]}


def test_romaji_and_hiragana_certificates() -> None:
    assert children("My son (9) has an ai no techo.") == [{"age": 9, "sex": "male", "disability_certificate": True}]
    assert children("むすめ は 6さいで、てちょうを もっています") == [
        {"age": 6, "sex": "female", "disability_certificate": True}]


def test_a_count_taken_back_is_no_count() -> None:
    got = understand("2 kids. Oops, 3! They're 7, 4 and 2.", Context(Household()))
    assert got.household.model_dump(exclude_none=True)["children"] == [{"age": 7}, {"age": 4}, {"age": 2}]
    assert not got.conflicts


def test_both_in_an_answer_is_every_child() -> None:
    known = {"children": [{"age": 4}, {"age": 2}]}
    got = household("二人とも区外の保育園です", known, Expecting("child.daycare", 0))
    assert got == {"children": [{"age": 4, "daycare": "other"}, {"age": 2, "daycare": "other"}]}


def test_a_bound_answered_for_an_adult_age_is_a_band() -> None:
    known = {"adults": [{"memory_concern": True}]}
    assert household("80過ぎです", known, Expecting("adult.age", 0)) == {
        "adults": [{"memory_concern": True, "age_band": "75_plus"}]}


@pytest.mark.parametrize(
    "text",
    ["来年の4月から区立保育園に入る予定の1歳の息子がいます",
     "My 1-year-old son will start at a Chiyoda daycare in April.",
     "1歳の息子がいて、九段中等を目指しています"],
)
def test_a_plan_says_nothing_about_today(text: str) -> None:
    child = children(text)[0]
    assert "daycare" not in child and "school" not in child


def test_a_daycare_answer_is_not_read_into_a_school_child_at_home() -> None:
    assert children("Our eldest (10) is home today, our youngest (3) is at home with me.") == [
        {"age": 10}, {"age": 3, "daycare": "none"}]


def test_the_adult_named_before_takes_the_facts_after_it() -> None:
    assert household("妻は難病で、障害者手帳を持っています。妻は45歳です") == {
        "adults": [{"age": 45, "disability_certificate": True}]}


def test_a_move_near_one_parent_and_a_move_ruled_out() -> None:
    assert household("来年、実家の父のそばに住み替えます") == {"moving": "near_parents"}
    assert household("今のところ引っ越しは考えていません") == {"moving": "none"}


def test_saying_all_children_have_no_concern() -> None:
    got = household("子どもは3人とも発達の心配はないです。10歳、7歳、4歳です")
    assert got == {"children": [{"age": a, "developmental_concern": False} for a in (10, 7, 4)]}


def test_a_count_of_one_with_twins_is_asked_about() -> None:
    got = understand("I have an only child: twins, both 2.", Context(Household()))
    assert [c.kind for c in got.conflicts] == ["too_many_children"] and not got.household.children


def test_corrections_of_a_sex_or_an_adult_age_by_the_old_value() -> None:
    kids = {"children": [{"age": 8, "sex": "female"}, {"age": 5, "sex": "female"}]}
    fixed = [{"age": 8, "sex": "male"}, {"age": 5, "sex": "female"}]
    assert children("あ、上の子は娘じゃなくて息子です", kids) == fixed
    assert household("すみません、父は80じゃなくて82です", {"adults": [{"age": 80}]}) == {"adults": [{"age": 82}]}


def test_none_of_them_is_a_no_for_every_child() -> None:
    known = {"children": [{"age": 9}, {"age": 5}]}
    got = household("No, none of them has a chronic illness.", known, Expecting("child.chronic_disease", 0))
    assert got == {"children": [{"age": 9, "chronic_disease": False}, {"age": 5, "chronic_disease": False}]}


def test_eating_well_and_getting_thin() -> None:
    assert household("母(81)は食欲はしっかりあります") == {"adults": [{"age": 81, "nutrition_concern": False}]}
    assert household("My father is 86 and has got very thin.") == {"adults": [{"age": 86, "nutrition_concern": True}]}


def test_a_bakery_and_a_startup_both_run() -> None:
    assert household("妻は区内で花屋をやっていて、私はスタートアップを起業しました") == {"business": ["sme", "startup"]}


@pytest.mark.parametrize(
    ("text", "key", "known", "expected"),
    [
        ("公立の小学校です", "child.school", {"children": [{"age": 9}]}, {"children": [{"age": 9, "school": "ward"}]}),
        ("もってません", "child.disability_certificate", {"children": [{"age": 9}]},
         {"children": [{"age": 9, "disability_certificate": False}]}),
        ("いえ、特にありません", "moving", {}, {"moving": "none"}),
        ("Three. A girl of 9, a boy of 6 and a baby, 5 months.", "children", {},
         {"children": [{"age": 9, "sex": "female"}, {"age": 6, "sex": "male"}, {"age": 0}]}),
    ],
)
def test_short_answers_said_in_other_words(text: str, key: str, known: dict[str, Any],
                                           expected: dict[str, Any]) -> None:
    member = 0 if key.startswith("child.") else None
    assert household(text, known, Expecting(key, member)) == expected


def test_a_fact_moved_from_one_member_to_another() -> None:
    son = {"children": [{"age": 9, "sex": "male"}]}
    assert household("障害者手帳を持っているのは息子じゃなくて妻です", son) == {
        "children": [{"age": 9, "sex": "male"}], "adults": [{"disability_certificate": True}]}
    assert household("My son has no certificate, but my wife has.", son) == {
        "children": [{"age": 9, "sex": "male", "disability_certificate": False}],
        "adults": [{"disability_certificate": True}]}
    mother = {"adults": [{"age": 79, "relation": "mother", "memory_concern": True}]}
    assert household("物忘れがあるのは母ではなく父です", mother) == {
        "adults": [{"age": 79}, {"memory_concern": True}]}  # the mother's concern was given to the wrong person


def test_english_school_and_daycare_phrasings() -> None:
    assert children("My son is 11 and keeps skipping school.") == [{"age": 11, "sex": "male", "school_refusal": True}]
    assert children("Our 2-year-old hasn't got into a nursery yet.") == [{"age": 2, "daycare": "none"}]
    assert children("She's 6 and has a chronic childhood illness.") == [
        {"age": 6, "sex": "female", "chronic_disease": True}]
    assert unaged("Our baby isn't in daycare.") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # modifiers before the noun, after it, in brackets, and before the one child is named
        ("My son, 10, who attends a private school, and my daughter, 6.",
         [{"age": 10, "sex": "male", "school": "other"}, {"age": 6, "sex": "female"}]),
        ("A girl (4, nursery in Chiyoda) and a boy (1, at home with me).",
         [{"age": 4, "sex": "female", "daycare": "ward"}, {"age": 1, "sex": "male", "daycare": "none"}]),
        ("通っているのは区内の保育園で、3歳の息子です", [{"age": 3, "sex": "male", "daycare": "ward"}]),
    ],
)
def test_where_the_modifier_stands(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


def test_facts_said_of_a_counted_plural_go_to_every_child_named_after() -> None:
    assert children("Our 3 kids attend a ward school: a boy of 11, a girl of 9 and a boy of 7.") == [
        {"age": a, "sex": s, "school": "ward"} for a, s in ((11, "male"), (9, "female"), (7, "male"))]


def test_at_home_with_me_stays_one_phrase() -> None:
    assert children("My son is 2 and at home with me.") == [{"age": 2, "sex": "male", "daycare": "none"}]


def test_a_year_said_of_the_child_just_named_that_its_age_cannot_have_is_asked_about() -> None:
    school = understand("My daughter is 10 and in 2nd grade.", Context(Household()))
    assert [c.kind for c in school.conflicts] == ["age_vs_school_year"] and not school.household.children
    kinder = understand("年長の娘が9歳です", Context(Household()))
    assert not kinder.household.children and kinder.unaged_children == 1  # no Conflict kind holds it: asked
    english = understand("My son is 8 and in his last year of kindergarten.", Context(Household()))
    assert english.household.children is None and english.unaged_children == 1


def test_hiragana_words_read_as_their_kanji_but_not_inside_other_words() -> None:
    assert children("2さいのむすめ、ほいくえんはくがいです") == [{"age": 2, "sex": "female", "daycare": "other"}]
    assert household("しゅうにゅうがすくないです") == {}


def test_counts_of_school_stages_and_older_younger_without_ages() -> None:
    assert unaged("中学生1人と小学生2人の母です") == 3
    assert unaged("上は中学生で、下は年齢がまだ言えません") == 2
    assert children("娘は今年から小学生です") == [{"age": 6, "school_year": 1, "sex": "female"}]
    assert children("子ども2人（小4・年長）です") == [{"age": 9, "school_year": 4}, {"age": 5}]


def test_his_or_her_sibling_tells_the_sex_of_the_child_named_before() -> None:
    assert children("Our baby is 5 months old and his big brother is 6.") == [
        {"age": 0, "sex": "male"}, {"age": 6, "sex": "male"}]


def test_more_english_household_facts() -> None:
    assert household("We're having a baby next month!") == {"pregnant": True}
    assert unaged("We're having a baby next month!") == 0  # a baby on the way is not a child yet
    assert household("We took a loan for our daughter's college.") == {"education_loan": True}
    assert household("My wife runs a yoga studio in Chiyoda.") == {"business": ["sme"]}


def test_a_count_above_the_children_known_makes_the_youngest_someone_new() -> None:
    known = {"children": [{"age": 9}, {"age": 6}]}
    assert children("Actually we have three kids; the youngest is 2.", known) == [{"age": 9}, {"age": 6}, {"age": 2}]
    assert children("下の子は4歳でした", known) == [{"age": 9}, {"age": 4}]  # no count: the younger one known


def test_no_illness_said_in_japanese() -> None:
    assert children("息子(3)は持病もなく元気です") == [{"age": 3, "sex": "male", "chronic_disease": False}]


def test_the_two_older_or_younger_of_three() -> None:
    assert children("Kids: 13, 10 and 4. The two older ones go to private schools.") == [
        {"age": 13, "school": "other"}, {"age": 10, "school": "other"}, {"age": 4}]
    known = {"children": [{"age": 9}, {"age": 3}, {"age": 1}]}
    assert children("下の2人は区外の保育園です", known) == [{"age": 9}, {"age": 3, "daycare": "other"},
                                                   {"age": 1, "daycare": "other"}]


def test_messages_that_used_to_raise_inside_and_lose_everything() -> None:
    # an adult's age question answered with a child's age: read as a statement, not dropped
    got = household("4歳の息子がいます", {"adults": [{"memory_concern": True}]}, Expecting("adult.age", 0))
    assert got == {"adults": [{"memory_concern": True}], "children": [{"age": 4, "sex": "male"}]}
    # a question about a member that is not there any more
    assert household("区外の保育園です", {"children": [{"age": 2}]}, Expecting("child.daycare", 3)) == {
        "children": [{"age": 2, "daycare": "other"}]}
    # business "none" is a list, and "not self-employed" is a no, not a contrast
    assert household("I'm not self-employed, I work for a bank.") == {"business": ["none"]}


def test_a_certificate_said_of_all_the_children_before_their_ages() -> None:
    no = {"disability_certificate": False}
    assert children("None of my kids has a disability; they are 9, 6 and 3.") == [
        {"age": 9, **no}, {"age": 6, **no}, {"age": 3, **no}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("子ども：9歳（女）、4歳（男）", [{"age": 9, "sex": "female"}, {"age": 4, "sex": "male"}]),
        # a noun before its own age is not shared back along a 「と」 list
        ("娘2人（中1、小4）と息子1人（2歳）",
         [{"age": 12, "school_year": 7, "sex": "female"}, {"age": 9, "school_year": 4, "sex": "female"},
          {"age": 2, "sex": "male"}]),
        ("年齢は上から11、8、2です", [{"age": 11}, {"age": 8}, {"age": 2}]),
    ],
)
def test_lists_with_sex_marks_groups_and_order(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected


def test_ages_listed_after_the_word_ages() -> None:
    assert children("Ages: 11, 7 and 3.") == [{"age": 11}, {"age": 7}, {"age": 3}]


def test_more_words_for_development_and_its_services() -> None:
    assert children("5歳の息子は発達のグレーゾーンで、児発を利用中です") == [
        {"age": 5, "sex": "male", "developmental_concern": True, "uses_disability_services": True}]


def test_not_at_school_yet_answers_the_school_question() -> None:
    got = household("No, not in school yet", {"children": [{"age": 4}]}, Expecting("child.school", 0))
    assert got == {"children": [{"age": 4, "school": "none"}]}


def test_an_age_said_of_someone_else_is_not_given_to_the_adult_without_one() -> None:
    got = household("70代後半の父と暮らしています。父は食事をあまりとらなくなりました。私は48歳です")
    assert got == {"adults": [{"age_band": "75_plus", "nutrition_concern": True}, {"age": 48}]}


def test_a_school_name_with_a_macron() -> None:
    assert children("My daughter (8) attends Fujimi Elementary; my son (11) goes to Kōjimachi Junior High.") == [
        {"age": 8, "sex": "female", "school": "ward"}, {"age": 11, "sex": "male", "school": "ward"}]


def test_the_sex_of_the_older_or_younger_said_after_the_ages() -> None:
    assert children("6歳と2歳で、上が女の子、下が男の子です") == [
        {"age": 6, "sex": "female"}, {"age": 2, "sex": "male"}]


def test_a_hyphenated_public_school() -> None:
    assert children("Our public-school 2nd grader is 7.") == [{"age": 7, "school_year": 2, "school": "ward"}]


def test_a_correction_that_names_the_other_child_moves_the_fact() -> None:
    known = Household.model_validate({"children": [{"age": 10}, {"age": 4, "daycare": "ward"}]})
    got = understand("Sorry, it's the younger one... no wait, the older one is in a ward daycare? No: the older one.",
                     Context(known, None, ("children.1.daycare",)))
    assert got.household.children is not None  # never raises, whatever it makes of a muddle
    fixed = understand("違います、上の子の方が区内の保育園です",
                       Context(Household.model_validate({"children": [{"age": 5}, {"age": 2, "daycare": "other"}]}),
                               None, ("children.1.daycare",)))
    assert fixed.household.model_dump(exclude_none=True)["children"] == [{"age": 5, "daycare": "ward"}, {"age": 2}]


def test_a_count_said_again_after_taking_it_back() -> None:
    known = {"children": [{"age": 8}, {"age": 5}]}
    assert children("訂正です。子どもは2人じゃなくて3人で、一番下は0歳です", known) == [
        {"age": 8}, {"age": 5}, {"age": 0}]


def test_since_april_is_today_not_a_plan() -> None:
    assert children("4月から区内の保育園に通っています。1歳の息子です") == [
        {"age": 1, "sex": "male", "daycare": "ward"}]
    assert children("1歳の息子が4月に区外の保育園に入園しました") == [{"age": 1, "sex": "male", "daycare": "other"}]


def test_a_negation_in_the_next_clause_is_not_the_facts() -> None:
    assert household("父(78)は物忘れがあって; 体重は問題ないです") == {"adults": [{"age": 78, "memory_concern": True}]}


def test_she_about_an_adult_does_not_give_the_child_a_sex() -> None:
    got = household("She's 72 and lives with us.", {"children": [{"age": 5}]})
    assert got == {"children": [{"age": 5}], "adults": [{"age": 72}]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He's 14 and in his last year of junior high.", [{"age": 14, "school_year": 9, "sex": "male"}]),
        ("My daughter entered elementary school this spring.", [{"age": 6, "school_year": 1, "sex": "female"}]),
        ("Our triplets start elementary school next April; they are 5.", [{"age": 5}] * 3),
    ],
)
def test_english_school_stages_and_starts(text: str, expected: list[dict[str, Any]]) -> None:
    assert children(text) == expected

"""Issue 16, round 5 (structure): which member a fact belongs to. Every sentence is written here in
our own words (never copied from a labelled set)."""

from __future__ import annotations

from typing import Any

from bot.understanding import Context, Expecting, understand
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


def test_a_clause_after_a_correction_is_read_about_the_corrected_household() -> None:
    known = {"children": [{"age": 14}, {"age": 6}]}
    assert household("いいえ、下の子は6歳じゃなくて7歳で、上の子は13歳です", known)["children"] == [
        {"age": 13}, {"age": 7}]
    assert household("Sorry, he's 7, not 6, and he goes to a ward school.", {"children": [{"age": 6}]}) == {
        "children": [{"age": 7, "sex": "male", "school": "ward"}]}


def test_two_corrections_in_one_message_are_both_made() -> None:
    known = {"children": [{"age": 14}, {"age": 6}]}
    assert household("下の子は6歳でなく7歳、上の子は14歳じゃなくて13歳です", known)["children"] == [
        {"age": 13}, {"age": 7}]


def test_a_band_corrected_in_english_ending_in_a_full_stop() -> None:
    father = {"adults": [{"age_band": "75_plus", "relation": "father"}]}
    assert household("He's in his late 60s, not his 70s.", father)["adults"] == [
        {"age_band": "65_74", "relation": "father"}]
    assert household("Sorry, he's in his late 60s.", father, ("adults.0.age_band",))["adults"] == [
        {"age_band": "65_74", "relation": "father"}]


def test_a_member_move_reads_the_whole_sentence_even_with_a_clause_after_the_not() -> None:
    assert household("It's my wife, not my mother, who has a disability certificate.")["adults"] == [
        {"relation": "wife", "disability_certificate": True}]


def children(text: str, known: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return household(text, known).get("children", [])


def test_twins_named_apart_by_rank_keep_their_own_facts() -> None:
    assert children("小2の双子の女の子で、姉は特別支援学級、妹は通常の学級に通っています") == [
        {"age": 7, "school_year": 2, "sex": "female", "special_needs_class": True},
        {"age": 7, "school_year": 2, "sex": "female", "special_needs_class": False}]


def test_twins_named_apart_before_their_age() -> None:
    assert children("双子の姉は療育手帳を持っていて、妹は持っていません。2人とも6歳です") == [
        {"age": 6, "sex": "female", "disability_certificate": True},
        {"age": 6, "sex": "female", "disability_certificate": False}]


def test_one_twin_then_the_other() -> None:
    assert children("年中の双子がいて、1人は区内の保育園、もう1人は区外の保育園です") == [
        {"age": 4, "daycare": "ward"}, {"age": 4, "daycare": "other"}]
    assert children("We have twin sons aged 10. One is in a special needs class and his brother is in a regular "
                    "class.") == [{"age": 10, "sex": "male", "special_needs_class": True},
                                  {"age": 10, "sex": "male", "special_needs_class": False}]


def test_twins_of_both_sexes_named_by_their_sex() -> None:
    assert children("We have 5-year-old twins, a girl and a boy; the boy has a disability certificate.") == [
        {"age": 5, "sex": "male", "disability_certificate": True}, {"age": 5, "sex": "female"}]
    assert children("兄と妹の双子で2歳です。妹だけ区内の保育園に通っています") == [
        {"age": 2, "sex": "male"}, {"age": 2, "sex": "female", "daycare": "ward"}]


def test_a_place_said_of_their_school_is_both_twins() -> None:
    assert children("My twin daughters are 9; the younger one has a chronic illness certificate, and both attend "
                    "a ward school.") == [{"age": 9, "sex": "female", "school": "ward"},
                                          {"age": 9, "sex": "female", "school": "ward", "chronic_disease": True}]


def test_facts_of_two_children_named_before_their_ages_each_wait_for_their_own() -> None:
    assert children("娘は区内の保育園で、息子は私立の小学校です。娘は4歳、息子は9歳です") == [
        {"age": 4, "sex": "female", "daycare": "ward"}, {"age": 9, "sex": "male", "school": "other"}]


def test_a_verb_said_again_or_denied_of_another_member() -> None:
    assert children("長男は放デイを利用していて、次男は利用していません。長男12歳、次男9歳です") == [
        {"age": 12, "sex": "male", "uses_disability_services": True},
        {"age": 9, "sex": "male", "uses_disability_services": False}]
    assert children("My daughter, 11, has a chronic illness certificate and my son, 8, does too.") == [
        {"age": 11, "sex": "female", "chronic_disease": True}, {"age": 8, "sex": "male", "chronic_disease": True}]


def test_the_older_or_younger_daughter_is_a_rank() -> None:
    assert children("息子が2人で12歳と8歳です。上の息子は私立の中学に、下の息子は区立小に通っています") == [
        {"age": 12, "sex": "male", "school": "other"}, {"age": 8, "sex": "male", "school": "ward"}]


def test_a_school_year_points_back_at_the_child_named_by_it() -> None:
    assert children("小5と小2の子どもがいます。小2の子は区立小学校の特別支援学級です") == [
        {"age": 10, "school_year": 5}, {"age": 7, "school_year": 2, "school": "ward", "special_needs_class": True}]
    assert children("My kids are a 5th grader and a 2nd grader; the 2nd grader stopped going to school.") == [
        {"age": 10, "school_year": 5}, {"age": 7, "school_year": 2, "school_refusal": True}]


def test_each_child_named_with_mo_is_said_the_same_of() -> None:
    assert children("兄も妹も区内の保育園です。兄は5歳、妹は2歳です") == [
        {"age": 5, "sex": "male", "daycare": "ward"}, {"age": 2, "sex": "female", "daycare": "ward"}]


def test_a_generic_child_noun_before_a_list_shares_the_noun_after_it() -> None:
    assert children("子どもは9歳と4歳の女の子です") == [{"age": 9, "sex": "female"}, {"age": 4, "sex": "female"}]


def test_a_rank_word_makes_an_older_age_a_child() -> None:
    assert children("上の子は19歳、下は16歳です") == [{"age": 19}, {"age": 16}]


def test_ranks_and_years_run_on_with_spaces() -> None:
    assert children("上 中1 下 年少") == [{"age": 12, "school_year": 7}, {"age": 3}]


def test_a_count_after_a_list_of_ages_counts_the_list() -> None:
    assert children("子どもは9歳と6歳の女の子2人です") == [{"age": 9, "sex": "female"}, {"age": 6, "sex": "female"}]
    assert children("6歳の女の子2人です") == [{"age": 6, "sex": "female"}, {"age": 6, "sex": "female"}]


def test_the_middle_one_alone() -> None:
    assert children("子ども：中2、小5、4歳。真ん中だけ私立です") == [
        {"age": 13, "school_year": 8}, {"age": 10, "school_year": 5, "school": "other"}, {"age": 4}]


def test_an_adult_age_said_again_is_the_same_person() -> None:
    got = understand("He is 77. And I'm 45, as I told you.",
                     Context(Household.model_validate({"adults": [{"age": 45}, {"nutrition_concern": True}]}),
                             Expecting("adult.age", 1)))
    assert got.household.model_dump(exclude_none=True)["adults"] == [
        {"age": 45, "relation": "me"}, {"age": 77, "nutrition_concern": True}]


def test_him_in_an_answer_about_a_child_gives_the_sex_even_when_i_speak() -> None:
    got = understand("No, I keep him at home with me.",
                     Context(Household.model_validate({"children": [{"age": 2}]}), Expecting("child.daycare", 0)))
    assert got.household.model_dump(exclude_none=True)["children"] == [{"age": 2, "sex": "male", "daycare": "none"}]


def test_a_twin_named_by_rank_with_its_own_school() -> None:
    assert children("双子の兄は区立中の1年、弟は私立中の1年です") == [
        {"age": 12, "school_year": 7, "sex": "male", "school": "ward"},
        {"age": 12, "school_year": 7, "sex": "male", "school": "other"}]


def test_a_count_then_ages_with_the_unit_said_once() -> None:
    assert children("子ども2人 9、4さい") == [{"age": 9}, {"age": 4}]


def test_an_answer_restated_with_the_relation_is_the_same_adult() -> None:
    known = Household.model_validate({"adults": [{"memory_concern": True}]})
    got = understand("父は84歳です。母はもう亡くなりました", Context(known, Expecting("adult.age", 0)))
    assert got.household.model_dump(exclude_none=True)["adults"] == [
        {"age": 84, "memory_concern": True, "relation": "father"}]


def test_a_fact_said_before_the_one_adult_is_named() -> None:
    assert household("身体障害者手帳を持っています。私は58歳です") == {
        "adults": [{"age": 58, "relation": "me", "disability_certificate": True}]}


def test_she_after_the_older_or_younger_one_is_that_child() -> None:
    assert household("The older one is in a special needs class; she moved there this year.",
                     {"children": [{"age": 10}, {"age": 6}]})["children"] == [
        {"age": 10, "sex": "female", "special_needs_class": True}, {"age": 6}]


def test_a_fact_denied_of_the_other_twin_in_a_few_words() -> None:
    assert children("双子の姉だけ小児慢性の医療券があります。妹はなし。2人とも4歳") == [
        {"age": 4, "sex": "female", "chronic_disease": True}, {"age": 4, "sex": "female", "chronic_disease": False}]


def test_a_child_taken_back_with_the_count() -> None:
    known = {"children": [{"age": 12}, {"age": 9}, {"age": 3}]}
    assert household("Sorry, we have 2 children not 3, the 3 year old was a typo.", known) == {
        "children": [{"age": 12}, {"age": 9}]}
    assert household("子どもは3人じゃなくて2人でした。3歳の子は間違いです", known) == {
        "children": [{"age": 12}, {"age": 9}]}


def test_an_adult_age_before_a_full_stop() -> None:
    assert household("Me 41, husband 44. We have no kids.")["adults"] == [
        {"age": 41}, {"age": 44, "relation": "husband"}]


def test_an_adult_named_before_any_fact_keeps_the_relation() -> None:
    assert household("同居の祖父がいます。最近物忘れが増えました。祖母は81で元気です")["adults"] == [
        {"relation": "grandfather", "memory_concern": True}, {"age": 81, "relation": "grandmother"}]


def test_a_band_said_with_its_own_noun_is_not_the_couple_before() -> None:
    adults = household("私も妻も50代前半で、同居の父は80代です")["adults"]
    assert adults[-1] == {"age_band": "75_plus", "relation": "father"}


def test_two_adults_with_de_between() -> None:
    assert household("私は29で妻は31、子どもはまだです")["adults"] == [
        {"age": 29, "relation": "me"}, {"age": 31, "relation": "wife"}]


def test_an_english_year_counted_from_first_grade() -> None:
    assert children("Daughter 14, year 9 at a ward junior high.") == [
        {"age": 14, "school_year": 9, "sex": "female", "school": "ward"}]


def test_a_kindergarten_year_corrected_then_an_age() -> None:
    known = {"children": [{"age": 5}, {"age": 2}]}
    assert household("ごめんなさい、上の子は年長ではなく年少で、下の子は2歳じゃなくて1歳です", known) == {
        "children": [{"age": 3}, {"age": 1}]}


def test_the_little_one() -> None:
    assert household("The little one is at home with me.", {"children": [{"age": 7}, {"age": 1}]}) == {
        "children": [{"age": 7}, {"age": 1, "daycare": "none"}]}


def test_rank_nouns_followed_by_a_bare_number() -> None:
    assert children("長男16、長女12、次男7です") == [
        {"age": 16, "sex": "male"}, {"age": 12, "sex": "female"}, {"age": 7, "sex": "male"}]


def test_a_school_year_corrected_to_a_kindergarten_year() -> None:
    known = {"children": [{"age": 6, "school_year": 1, "sex": "male"}]}
    assert household("すみません、息子は小1じゃなくて年長です", known) == {"children": [{"age": 5, "sex": "male"}]}


def test_an_answer_then_a_correction_of_another_member() -> None:
    known = Household.model_validate({"adults": [{"age": 52}, {"nutrition_concern": True}]})
    got = understand("83歳です。それと、私は52ではなく53です", Context(known, Expecting("adult.age", 1)))
    assert got.household.model_dump(exclude_none=True)["adults"] == [
        {"age": 53}, {"age": 83, "nutrition_concern": True}]


def test_a_statement_then_a_correction_in_the_next_sentence() -> None:
    assert children("My daughter is 4. Sorry, 5.") == [{"age": 5, "sex": "female"}]


def test_a_fact_said_of_one_child_denied_of_the_other_with_tokuni() -> None:
    known = {"children": [{"age": 9}, {"age": 5}]}
    assert household("上の子は不登校気味です。下の子は特にないです", known)["children"] == [
        {"age": 9, "school_refusal": True}, {"age": 5, "school_refusal": False}]


def test_triplets_listed_by_rank_then_one_named_by_rank() -> None:
    assert children("三つ子の長女・長男・次男で2歳です。長男だけ区外の保育園です") == [
        {"age": 2, "sex": "female"}, {"age": 2, "sex": "male", "daycare": "other"}, {"age": 2, "sex": "male"}]


def test_an_english_year_with_no_stage_after_the_age() -> None:
    assert children("My son is 9, year 4, at a ward school.") == [
        {"age": 9, "school_year": 4, "sex": "male", "school": "ward"}]


def test_lives_with_us_keeps_the_noun_next_to_its_age() -> None:
    assert children("Our granddaughter lives with us, she is 17 and goes to a private high school.") == [
        {"age": 17, "sex": "female", "school": "other"}]


def test_a_couple_of_the_same_age() -> None:
    assert [a["age"] for a in household("My wife and I are both 47.")["adults"]] == [47, 47]


def test_a_place_said_after_the_daycare() -> None:
    assert household("Only the older one goes to daycare, in Shinjuku.", {"children": [{"age": 4}, {"age": 1}]}) == {
        "children": [{"age": 4, "daycare": "other"}, {"age": 1}]}


def test_how_long_a_pregnancy_is_is_no_child() -> None:
    assert household("My wife is pregnant (6 months); our son is 4.") == {
        "pregnant": True, "children": [{"age": 4, "sex": "male"}]}


def test_the_middle_son_and_the_other_two() -> None:
    assert children("中3の娘、小6の息子、小1の娘がいます。真ん中の息子だけ私立で、残りの2人は区立です") == [
        {"age": 14, "school_year": 9, "sex": "female", "school": "ward"},
        {"age": 11, "school_year": 6, "sex": "male", "school": "other"},
        {"age": 6, "school_year": 1, "sex": "female", "school": "ward"}]


def test_children_counted_by_kind_then_ages_in_that_order() -> None:
    assert children("男の子1人と女の子2人で、11歳、8歳、3歳です") == [
        {"age": 11, "sex": "male"}, {"age": 8, "sex": "female"}, {"age": 3, "sex": "female"}]
    assert children("A girl and two boys: 10, 7 and 5.") == [
        {"age": 10, "sex": "female"}, {"age": 7, "sex": "male"}, {"age": 5, "sex": "male"}]


def test_a_pronoun_of_the_other_sex_is_not_the_plural_just_named() -> None:
    assert children("I have two sons and a daughter; she is 8 and the boys are 12 and 10.") == [
        {"age": 8, "sex": "female"}, {"age": 12, "sex": "male"}, {"age": 10, "sex": "male"}]


def test_a_place_said_in_the_next_clause() -> None:
    assert household("下の子だけ保育園で、区外です", {"children": [{"age": 8}, {"age": 3}]})["children"] == [
        {"age": 8}, {"age": 3, "daycare": "other"}]


def test_the_age_belongs_to_the_noun_after_it() -> None:
    assert children("娘がいます。娘には4歳の弟がいて、弟は区内の保育園です。娘は9歳です") == [
        {"age": 4, "sex": "male", "daycare": "ward"}, {"age": 9, "sex": "female"}]


def test_children_named_by_school_stage_are_counted_to_ask_their_ages() -> None:
    got = understand("子どもは高校生と中学生です", Context(Household()))
    assert got.unaged_children == 2 and got.intent == "inform"


def test_he_and_she_name_the_child_of_that_sex() -> None:
    assert children("We have an 8-year-old daughter and a 6-year-old son. She attends a private school and he goes "
                    "to the ward school.") == [{"age": 8, "sex": "female", "school": "other"},
                                                {"age": 6, "sex": "male", "school": "ward"}]


def test_he_after_a_couple_is_the_man_of_it() -> None:
    assert household("My husband and I are retired. He has a disability certificate.")["adults"] == [
        {"relation": "husband", "disability_certificate": True}]


def test_the_baby_is_the_one_child_under_two() -> None:
    assert children("We have a 3 year old and a baby boy of 5 months. The baby stays at home with me.") == [
        {"age": 3}, {"age": 0, "sex": "male", "daycare": "none"}]


def test_an_age_that_points_back_after_a_space() -> None:
    assert children("子供は9才と2才 9才の方は不登校 2才の方は区外の保育園") == [
        {"age": 9, "school_refusal": True}, {"age": 2, "daycare": "other"}]


def test_an_age_and_a_school_in_one_bracket() -> None:
    assert children("次男（11・区立小）、長女（7・私立小）") == [
        {"age": 11, "sex": "male", "school": "ward"}, {"age": 7, "sex": "female", "school": "other"}]


def test_children_a_year_apart_then_a_list_that_shares_its_noun() -> None:
    assert children("子どもは年子で、6歳と5歳の男の子です") == [{"age": 6, "sex": "male"}, {"age": 5, "sex": "male"}]


def test_a_move_to_an_in_law() -> None:
    known = {"adults": [{"age": 50, "relation": "husband", "memory_concern": True}]}
    assert household("It's my mother-in-law, not my husband, who is forgetful.", known)["adults"] == [
        {"age": 50, "relation": "husband"}, {"relation": "mother_in_law", "memory_concern": True}]


def test_what_follows_a_correction_is_said_of_the_child_corrected() -> None:
    assert household("上の子は9歳ではなく10歳でした。学校は私立です", {"children": [{"age": 9}, {"age": 4}]}) == {
        "children": [{"age": 10, "school": "other"}, {"age": 4}]}


def test_the_twins_are_not_every_child() -> None:
    assert children("Our kids: 9-year-old twins and a 4-year-old. The twins attend a private school.") == [
        {"age": 9, "school": "other"}, {"age": 9, "school": "other"}, {"age": 4}]


def test_both_boys_said_after_the_ages() -> None:
    assert children("They're 12 and 9. Both girls.") == [{"age": 12, "sex": "female"}, {"age": 9, "sex": "female"}]
    got = understand("子どもは6歳と4歳で、2人とも男の子です", Context(Household()))
    assert got.unaged_children == 0 and [c.sex for c in got.household.children or []] == ["male", "male"]


def test_in_laws_both_in_a_band() -> None:
    assert household("We live with my in-laws, both in their late 70s.")["adults"] == [
        {"age_band": "75_plus"}, {"age_band": "75_plus"}]


def test_an_answer_then_the_same_verb_said_of_another_child() -> None:
    known = Household.model_validate({"children": [{"age": 11}, {"age": 6}]})
    asked = Expecting("child.disability_certificate", 0)
    got = understand("No, but my younger one does.", Context(known, asked))
    assert [c.disability_certificate for c in got.household.children or []] == [False, True]
    got = understand("はい。下の子は持っていません", Context(known, asked))
    assert [c.disability_certificate for c in got.household.children or []] == [True, False]


def test_a_bare_sex_after_a_year() -> None:
    assert children("子ども2人（小6女、年少男）") == [
        {"age": 11, "school_year": 6, "sex": "female"}, {"age": 3, "sex": "male"}]


def test_a_place_noun_said_once_for_two_places() -> None:
    assert children("姉は区外、弟は区内の保育園です。姉は4歳、弟は2歳") == [
        {"age": 4, "sex": "female", "daycare": "other"}, {"age": 2, "sex": "male", "daycare": "ward"}]


def test_one_stands_for_the_school_said_before() -> None:
    assert household("The younger one goes to a ward school and the older one to a private one.",
                     {"children": [{"age": 13}, {"age": 9}]})["children"] == [
        {"age": 13, "school": "other"}, {"age": 9, "school": "ward"}]


def test_a_statement_with_de_wa_naku_in_a_later_sentence_is_no_correction() -> None:
    assert children("娘は4歳で区内の保育園です。息子は私立ではなく区立の小学校です。息子は9歳です") == [
        {"age": 4, "sex": "female", "daycare": "ward"}, {"age": 9, "sex": "male", "school": "ward"}]


def test_two_nouns_then_their_two_ages() -> None:
    assert children("娘と息子は11歳と8歳です") == [{"age": 11, "sex": "female"}, {"age": 8, "sex": "male"}]
    assert children("My daughter and son are 12 and 9 respectively.") == [
        {"age": 12, "sex": "female"}, {"age": 9, "sex": "male"}]


def test_a_child_named_by_its_given_name() -> None:
    assert children("Our kids are Sota (11) and Emi (6). Emi goes to a ward school.") == [
        {"age": 11}, {"age": 6, "school": "ward"}]
    assert children("子どもはそうたくん（10）とめいちゃん（3）です。めいちゃんは区外の保育園です") == [
        {"age": 10}, {"age": 3, "daycare": "other"}]


def test_twins_on_the_way_take_no_ones_age() -> None:
    assert household("双子が生まれる予定です。上の子は4歳で区外の保育園です") == {
        "pregnant": True, "children": [{"age": 4, "daycare": "other"}]}


def test_a_member_supposed_in_a_question_is_not_one_of_the_family() -> None:
    assert household("80歳以上の親がいる場合は？ 母は76歳です")["adults"] == [{"age": 76, "relation": "mother"}]


def test_a_correction_after_facts_of_several_kinds_never_raises() -> None:
    known = Household.model_validate({"children": [{"age": 3}], "adults": [{"age": 70}, {"age": 35}]})
    got = understand("Me 37, husband 40. Sorry, I'm 38.", Context(known, Expecting("adult.age", 1),
                                                                   ("adults.1.age", "children.0.daycare")))
    assert got.intent == "inform"

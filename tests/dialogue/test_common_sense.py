"""Common sense about households: a question whose answer follows from what is known is never asked.

Every question of the bank (and every checklist and checklist option) has a household where it
must be asked and one where it must not: a question added to questions.yaml without such a
pair fails `test_every_question_of_the_bank_has_a_case`.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.conversation import Dialogue
from bot.dialogue.planner import candidates, next_prompt
from bot.dialogue.questions import bank
from knowledge.catalog import default_catalog
from knowledge.common_sense import implied
from knowledge.household import Household

NO_CHILDREN: dict[str, Any] = {"children": []}
NO_ADULTS: dict[str, Any] = {"adults": []}
SCHOOL_CHILD: dict[str, Any] = {"children": [{"age": 8}]}
PRESCHOOLER: dict[str, Any] = {"children": [{"age": 3}]}
# 「小6の息子がいます。区立の小学校に通ってます」 (issue 12)
SIXTH_GRADER: dict[str, Any] = {"children": [{"age": 11, "school_year": 6, "school": "ward", "sex": "male"}]}
ELDER: dict[str, Any] = {"adults": [{"age": 80}]}

# key → (a household where it is asked, a household where it must not be, why not). `None` where no
# measure asks it today (a reading-based condition, or a fact no rule reads yet): the planner never
# puts it, and the household where it must not be asked still guards a rule added later.
CASES: dict[str, tuple[dict[str, Any] | None, dict[str, Any], str]] = {
    "children": ({}, NO_CHILDREN, "they said they have no children"),
    "pregnant": ({}, {"pregnant": False}, "they already said"),
    "child.school_year": ({"children": [{"age": 6}]}, PRESCHOOLER, "a 3-year-old has no school year"),
    "child.sex": ({"children": [{"age": 12, "school_year": 6}]}, NO_CHILDREN, "no children"),
    "child.daycare": ({"children": [{"age": 2}]}, SIXTH_GRADER, "a school child is not at a daycare"),
    "child.school": (SCHOOL_CHILD, PRESCHOOLER, "a preschooler has no school"),
    "child.disability_certificate": (SCHOOL_CHILD, NO_CHILDREN, "no children"),
    "child.chronic_disease": (SCHOOL_CHILD, NO_CHILDREN, "no children"),
    "child.developmental_concern": (PRESCHOOLER, NO_CHILDREN, "no children"),
    "child.uses_disability_services": (SCHOOL_CHILD, NO_CHILDREN, "no children"),
    "child.special_needs_class": (SCHOOL_CHILD, PRESCHOOLER, "a preschooler is in no school class"),
    "child.school_refusal": (SCHOOL_CHILD, PRESCHOOLER, "a preschooler does not go to school"),
    "child.needs": (SCHOOL_CHILD, NO_CHILDREN, "no children"),
    "adults": ({}, NO_ADULTS, "they said there is nobody to tell about"),
    "adult.age": ({"adults": [{}]}, {"adults": [{"age_band": "75_plus"}]}, "the age band settles every age rule"),
    "adult.severe_disability": (ELDER, NO_ADULTS, "no adults to ask about"),
    "adult.disability_certificate": (None, NO_ADULTS, "no adults to ask about"),
    "adult.memory_concern": (ELDER, {"adults": [{"age_band": "under_65"}]}, "under 65: the band settles it"),
    "adult.nutrition_concern": (None, {"adults": [{"age_band": "65_74"}]}, "under 75: the band settles it"),
    "adult.needs": (ELDER, NO_ADULTS, "no adults to ask about"),
    "education_loan": (SCHOOL_CHILD, {"education_loan": False}, "they already said"),
    "household.needs": ({}, {"pregnant": False, "education_loan": False, "adults": [], "moving": "none",
                             "business": ["none"]}, "they already said all of it"),
    "adults.75_plus": ({}, ELDER, "they already told about their family"),
    "adults.65_74": ({}, NO_ADULTS, "they already said there is nobody to tell about"),
    "adults.disability": ({}, ELDER, "they already told about their family"),
    "moving.near_parents": ({}, {"moving": "larger_home"}, "they already said"),
    "moving.larger_home": ({}, {"moving": "none"}, "they already said"),
    "business.sme": ({}, {"business": ["none"]}, "they already said"),
    "business.startup": ({}, {"business": ["sme"]}, "they already said which business"),
    "moving": ({}, {"moving": "none"}, "they already said"),
    "business": ({}, {"business": ["none"]}, "they already said"),
}


def asked(data: dict[str, Any]) -> set[str]:
    """Every question key (and checklist option) the planner would put to this household."""
    household = Household.model_validate(data)
    found = candidates(default_catalog().evaluate(household), set(), household=household)
    checklists = bank().checklists
    offered = {k for c in found if c.key in checklists for k in checklists[c.key].options_for(c.open_keys)}
    return {c.key for c in found} | {k for c in found for k in c.open_keys} | offered


def test_every_question_of_the_bank_has_a_case() -> None:
    questions = bank()
    options = {k for c in questions.checklists.values() for k in c.options}
    assert set(CASES) == {*questions.questions, *questions.checklists, *options}


@pytest.mark.parametrize("key", sorted(CASES))
def test_a_question_is_asked_only_where_it_makes_sense(key: str) -> None:
    where, where_not, why = CASES[key]
    if where is not None:
        assert key in asked(where), f"{key} should be asked of {where}"
    assert key not in asked(where_not), f"{key} asked of {where_not} although {why}"


def test_the_sixth_grader_at_a_ward_school_is_never_asked_about_daycare() -> None:
    household = Household.model_validate(SIXTH_GRADER)
    outcomes = dict((m.id, o) for m, o in default_catalog().evaluate(household))
    assert outcomes["diaper_provision"].verdict == "not_eligible"  # a daycare measure, settled without asking
    prompt = next_prompt(default_catalog().evaluate(household), set(), household, "ja")
    assert prompt is not None and "保育" not in prompt.text


def test_what_follows_is_implied_but_never_overrides_what_was_said() -> None:
    household = Household.model_validate({"children": [{"age": 9, "school_year": 4}, {"age": 4},
                                                       {"age": 7, "daycare": "ward"}]})
    filled = implied(household)
    assert filled.children is not None and household.children is not None
    assert filled.children[0].daycare == "none" and filled.children[0].school is None
    assert filled.children[1] == household.children[1]  # a 4-year-old: daycare may be either; school not *yet*
    assert filled.children[2].daycare == "ward"  # said, so kept even if unusual at 7
    assert household.children[0].daycare is None  # the resident's household is not changed


def test_a_six_year_old_is_left_open() -> None:
    """Age 6 may be 年長 or 小1: nothing about school or daycare follows."""
    household = Household.model_validate({"children": [{"age": 6}]})
    assert implied(household) is household


def test_a_household_with_no_children_is_asked_no_child_question() -> None:
    keys = asked({"children": [], "pregnant": False})
    assert not any(k.startswith("child") for k in keys)


def test_the_issue_conversation_never_asks_the_sixth_grader_about_daycare() -> None:
    """「小6の息子がいます。区立の小学校に通ってます」, then わからない to everything: no 保育 question."""
    dialogue = Dialogue(default_catalog())
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "小6の息子がいます。区立の小学校に通ってます")
    asked_texts = []
    while state.pending is not None and len(asked_texts) < 30:
        asked_texts.append(state.pending.text)
        state, _ = dialogue.respond(state, "わからない")
    assert asked_texts and state.pending is None  # the conversation ran and came to an end
    assert not [t for t in asked_texts if "保育" in t]


def _until(dialogue: Dialogue, opening: str, key: str) -> Any:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, opening)
    for _ in range(12):
        if state.pending is None or state.pending.key == key:
            break
        state, _ = dialogue.respond(state, "わからない")
    assert state.pending is not None and state.pending.key == key
    return state


def test_the_household_facts_are_one_question() -> None:
    """Pregnancy, older or disabled family, moving, a business and an education loan: most households
    answer no to all, so one tap instead of five questions; the valued options set the fact's value."""
    dialogue = Dialogue(default_catalog())
    state = _until(dialogue, "2歳の娘がいます。区内の保育園に通っています", "household.needs")
    assert state.pending.quick_replies == [
        "妊娠している方がいる", "75歳以上の方がいる", "65〜74歳の方がいる", "障害のある大人の方がいる",
        "親の近くへ引っ越す予定", "広い家へ引っ越す予定", "区内で中小企業を経営", "区内でスタートアップを経営",
        "子どもの教育ローンを借りている", "あてはまるものはない", "わからない"]
    after, _ = dialogue.respond(state, "あてはまるものはない")
    household = after.household
    assert (household.pregnant, household.education_loan, household.adults, household.moving, household.business) \
        == (False, False, [], "none", ["none"])
    assert after.pending is None or after.pending.key not in ("pregnant", "education_loan", "household.needs",
                                                              "adults", "moving", "business")


def test_a_valued_option_sets_its_value_and_the_checklist_asks_for_the_rest() -> None:
    dialogue = Dialogue(default_catalog())
    state = _until(dialogue, "2歳の娘がいます。区内の保育園に通っています", "household.needs")
    after, _ = dialogue.respond(state, "親の近くへ引っ越す予定")
    assert after.household.moving == "near_parents"
    while after.pending is not None and after.pending.key != "household.needs":  # the child's checklist
        after, _ = dialogue.respond(after, "あてはまるものはない")
    assert after.pending is not None
    assert after.pending.text.startswith("ご家庭について、ほかにも")
    assert "広い家へ引っ越す予定" not in after.pending.quick_replies  # moving is settled
    assert "区内で中小企業を経営" in after.pending.quick_replies
    after, _ = dialogue.respond(after, "75歳以上の方がいる")
    assert after.household.adults is not None and after.household.adults[0].age_band == "75_plus"


def test_dont_know_to_the_household_checklist_asks_each_fact_on_its_own() -> None:
    dialogue = Dialogue(default_catalog())
    state = _until(dialogue, "2歳の娘がいます。区内の保育園に通っています", "household.needs")
    keys = []
    for _ in range(20):
        state, _ = dialogue.respond(state, "わからない")
        if state.pending is None:
            break
        keys.append(state.pending.key)
    assert {"pregnant", "adults", "moving", "business", "education_loan"} <= set(keys)
    assert "household.needs" not in keys


@pytest.mark.parametrize("opening", ["75歳の夫と72歳の私の二人暮らしです", "私は68歳です"])
def test_an_older_household_without_children_is_not_asked_about_a_young_familys_needs(opening: str) -> None:
    """Not asked, and not implied either: the measures stay maybe (folded), never "not eligible"."""
    dialogue = Dialogue(default_catalog())
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, opening)
    state, _ = dialogue.respond(state, "子どもはいない")
    texts, turn = [], None
    while state.pending is not None and len(texts) < 10:
        texts.append(" ".join(state.pending.quick_replies) + state.pending.text)
        state, turn = dialogue.respond(state, "あてはまるものはない" if "あてはまるものはない" in state.pending.answers
                                       else state.pending.quick_replies[-1])
    assert texts and not [t for t in texts if "妊娠" in t or "教育ローン" in t or "引っ越" in t]
    assert state.household.pregnant is None and state.household.education_loan is None
    assert state.household.moving is None
    assert turn is not None
    folded = {m.id for m in turn.results.maybe if m.group == "other"}
    assert {"prenatal_ultrasound", "education_loan_interest"} <= folded


def test_a_younger_speaker_living_with_an_older_parent_is_still_asked() -> None:
    """「80歳の母と同居」: the speaker is not described and may be young."""
    for data in ({"children": [], "adults": [{"age": 80, "relation": "mother"}]},
                 {"children": [], "adults": [{"age": 80}, {"age": 40}]},
                 {"adults": [{"age": 80}]}):
        assert "pregnant" in asked(data), data
    assert "pregnant" not in asked({"children": [], "adults": [{"age_band": "75_plus"}, {"age": 70}]})


@pytest.mark.parametrize("reply", ["いいえ", "ないです", "No"])
def test_a_typed_no_to_a_checklist_means_none_of_these(reply: str) -> None:
    dialogue = Dialogue(default_catalog())
    state = _until(dialogue, "8歳の息子がいます", "child.needs")
    after, _ = dialogue.respond(state, reply)
    child = (after.household.children or [])[0]
    assert child.disability_certificate is False and child.school_refusal is False
    assert after.pending is None or after.pending.key != "child.needs"


def test_a_checklist_with_one_fact_left_is_asked_as_that_fact_s_own_question() -> None:
    """An older couple with every adult need answered: only the business is open, so 「区内で会社や
    お店を経営していますか？」 with its own replies, not a one-fact checklist."""
    done = {"memory_concern": False, "nutrition_concern": False, "severe_disability": False,
            "disability_certificate": False}
    household = Household.model_validate({"children": [], "adults": [{"age": 75, **done}, {"age": 72, **done}]})
    prompt = next_prompt(default_catalog().evaluate(household), set(), household, "ja")
    assert prompt is not None and prompt.key == "business"
    assert prompt.text == "区内で会社やお店を経営していますか？"
    assert "両方（中小企業でスタートアップ）" in prompt.quick_replies

"""A question that describes a case (「…でも」「…けど」 "… too?") is judged by the eligibility engine on
the facts it states, with the basis of each condition; the case is never stored in the household."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.answering import Answerer
from bot.dialogue.conversation import Dialogue
from bot.dialogue.situation import judged, read_situation, stated_conditions
from bot.understanding.question_kind import read_question
from knowledge.catalog import default_catalog
from knowledge.contact import Contact
from knowledge.dated import fixed
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.outcome import ConditionResult

CATALOG = default_catalog()


def _case(text: str, measure_id: str) -> tuple[bool, list[str]] | None:
    asked = read_question(text)
    assert asked is not None and asked.kind == "eligibility", text
    return judged(CATALOG.measures[measure_id], read_situation(asked.said, asked.spec), "ja")


@pytest.mark.parametrize(("text", "measure_id", "word"), [
    ("区外の保育園に預けていても、おむつはもらえますか", "diaper_provision", "区内の保育施設"),
    ("娘が私立の中学校に通っているけど給食費の補助はある？", "school_lunch_free", "区立"),
    ("HPVワクチンって女の子でも受けられる？", "male_hpv_vaccine", "男の子"),
])
def test_a_case_the_documents_words_exclude_is_answered_no_from_the_document(
        text: str, measure_id: str, word: str) -> None:
    case = _case(text, measure_id)
    assert case is not None
    settled, lines = case
    assert settled and "対象になりません" in lines[0] and word in lines[0]


def test_a_case_the_documents_words_leave_open_is_sent_to_the_counter_with_the_measures_own_sentence() -> None:
    case = _case("うちは障害者手帳を持っていないけど、ベビーシッターの補助は使えますか", "babysitter_support")
    assert case is not None
    settled, lines = case
    babysitter = CATALOG.measures["babysitter_support"]
    outside = babysitter.eligibility[0].some_child[1].outside
    assert outside is not None
    assert not settled and "決められません" in lines[0] and lines[1] == outside.ja


def test_a_case_set_apart_that_nothing_reads_is_not_decided_by_the_document() -> None:
    case = _case("ひとり親なんですが、学童クラブに入れますか", "private_gakudo_club")
    assert case is not None and case[0] is False


def test_a_case_that_meets_the_condition_says_which_condition() -> None:
    case = _case("九段中等教育学校の子も給食費の補助の対象？", "school_lunch_free")
    assert case is not None
    settled, lines = case
    assert settled and "あてはまります" in lines[0] and "九段中等教育学校" in lines[0]


def test_naming_the_measure_states_no_fact() -> None:
    """「低栄養予防の対象？」 names the programme; it does not say anyone is undernourished."""
    asked = read_question("低栄養予防の事業は誰が対象？")
    assert asked is not None
    situation = read_situation(asked.said, asked.spec)
    assert not situation.marked and not situation.read


def test_the_case_in_a_question_is_not_kept_as_the_households_facts() -> None:
    dialogue = Dialogue(CATALOG, None, clock=fixed(date(2025, 3, 31)), contact=Contact())
    state, _ = dialogue.start("ja")
    state, turn = dialogue.respond(state, "区外の保育園でもおむつはもらえる？")
    assert turn.answer is not None and turn.answer.measure_id == "diaper_provision" and turn.answer.in_document
    assert state.household == Household()


def test_english_cases_too() -> None:
    answerer = Answerer(CATALOG, Contact())
    asked = read_question("We have no disability certificate - can we still use the babysitter subsidy?")
    assert asked is not None and asked.kind == "eligibility"
    answer = answerer.about(CATALOG.measures["babysitter_support"], asked, "en")
    assert answer.in_document is False and "does not decide" in answer.text


@pytest.mark.parametrize("text", ["給食費は無料って聞いたけど、本当にもらえるの？",
                                  "質問なんですが、HPVワクチンは誰が対象？",
                                  "Is the babysitter subsidy not for everyone?"])
def test_hearsay_a_preface_or_a_plain_not_describe_no_case(text: str) -> None:
    asked = read_question(text)
    assert asked is not None and asked.kind == "eligibility"
    assert not read_situation(asked.said, asked.spec).marked


@pytest.mark.parametrize("lang", ["ja-easy", "zh", "ko"])
def test_a_judged_case_is_said_in_the_residents_language(lang: Lang) -> None:
    """The same judgement, worded in やさしい日本語, 中文 or 한국어 with the condition in that language (these
    lines were Japanese for them)."""
    from knowledge.messages import message

    def case(text: str, measure_id: str) -> tuple[tuple[bool, list[str]] | None, list[ConditionResult]]:
        asked = read_question(text)
        assert asked is not None
        situation = read_situation(asked.said, asked.spec)
        measure = CATALOG.measures[measure_id]
        return judged(measure, situation, lang), stated_conditions(measure, situation)

    no, conditions = case("区外の保育園に預けていても、おむつはもらえますか", "diaper_provision")
    [failed] = [c for c in conditions if c.status == "not_met"]
    assert no == (True, [message("answers.case_not_covered", lang, requirement=failed.requirement[lang])])
    undecided, conditions = case("うちは障害者手帳を持っていないけど、ベビーシッターの補助は使えますか",
                                 "babysitter_support")
    [open_] = [c for c in conditions if c.status == "not_met"]
    assert undecided == (False, [message("answers.case_undecided", lang), open_.unsettled[lang]])
    yes, conditions = case("九段中等教育学校の子も給食費の補助の対象？", "school_lunch_free")
    met = "; ".join(c.requirement[lang] for c in conditions if c.status == "met")
    assert yes == (True, [message("answers.case_covered", lang, requirement=met)])

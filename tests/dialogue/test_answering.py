"""Answers from the measure's data only: every quoted clause is printed in the measure's passage,
what the document does not print is said plainly, and whom to ask is the deployment's contact."""

from __future__ import annotations

import re

import pytest

from bot.dialogue.answering import Answerer, passage_of
from bot.dialogue.which_measure import has_topic, named, pick
from bot.understanding.question_kind import asked_named
from knowledge.catalog import default_catalog
from knowledge.contact import Contact
from knowledge.household import Household

CATALOG = default_catalog()
QUESTIONS = ["procedure", "when.start", "when.payment", "when.deadline", "when.delivery", "amount", "eligibility",
             "eligibility.certainty", "where", "documents", "contact"]
QUOTED = re.compile(r"「([^「」]+)」")


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_quote_is_the_documents_words_and_no_number_is_made_up(question: str) -> None:
    asked = asked_named(question)
    assert asked is not None
    answerer = Answerer(CATALOG, Contact())
    for measure in CATALOG:
        passage = passage_of(measure)
        assert passage, measure.id
        for lang in ("ja", "en"):
            answer = answerer.about(measure, asked, lang)  # type: ignore[arg-type]
            quotes = [q.removesuffix("…") for q in QUOTED.findall(answer.text)]
            allowed = [passage, measure.title, measure.status_evidence or "", "区の窓口"]
            assert all(any(q in a for a in allowed) for q in quotes), (measure.id, question, quotes)
            assert not re.search(r"\d{2,4}-\d{2,4}-\d{3,4}|https?://", answer.text)  # no phone, no URL
            if not answer.in_document:
                assert ("の記載がありません" in answer.text or "お約束できません" in answer.text
                        or "決められません" in answer.text or "does not" in answer.text
                        or "promise" in answer.text), (measure.id, question, lang)


def test_documents_and_contacts_are_never_in_the_document() -> None:
    answerer = Answerer(CATALOG, Contact())
    for name in ("documents", "contact", "when.payment", "eligibility.certainty"):
        asked = asked_named(name)
        assert asked is not None
        assert not any(answerer.about(m, asked, "ja").in_document for m in CATALOG), name


def test_the_contact_replaces_the_ward_office_counter_when_set() -> None:
    asked = asked_named("procedure")
    assert asked is not None
    measure = CATALOG.measures["male_hpv_vaccine"]
    plain = Answerer(CATALOG, Contact()).about(measure, asked, "ja").text
    office = Answerer(CATALOG, Contact(name="千代田区役所", phone="03-1234-5678")).about(measure, asked, "ja").text
    assert plain.endswith("申請方法は、区の窓口でおたずねください。")
    assert office.endswith("お問い合わせ：千代田区役所（電話 03-1234-5678）")


def test_an_eligibility_question_uses_the_household_it_carries() -> None:
    asked = asked_named("eligibility")
    assert asked is not None
    answerer = Answerer(CATALOG, Contact())
    hpv = CATALOG.measures["male_hpv_vaccine"]
    boy = Household.model_validate({"children": [{"age": 14, "school_year": 9, "sex": "male"}]})
    answer = answerer.about(hpv, asked, "ja", boy)
    assert answer.in_document and "資料の条件では、対象です。" in answer.text
    startup = Household.model_validate({"business": "startup"})
    sme = answerer.about(CATALOG.measures["low_carbon_building_subsidy"], asked, "ja", startup)
    assert not sme.in_document and "資料だけでは、この場合に対象になるかは決められません。" in sme.text


def test_which_measure_by_its_own_word_by_the_conversation_or_asked_back() -> None:
    assert named("おむつの申請方法を教えて", CATALOG) == ["diaper_provision"]
    assert not has_topic("申請方法は？") and not has_topic("いつ振り込まれますか") and has_topic("病児保育はどこ？")
    assert pick("申請方法は？", CATALOG, None, ["school_lunch_free"]).measure_id == "school_lunch_free"
    unsure = pick("申請方法は？", CATALOG, None, ["school_lunch_free", "male_hpv_vaccine"])
    assert unsure.measure_id is None and unsure.candidates == ("school_lunch_free", "male_hpv_vaccine")


def test_a_question_without_a_topic_refers_to_the_cards_just_shown() -> None:
    """After the household, 「申請方法は？」 asks which of the measures on screen; the tapped one is answered
    and the household question comes back."""
    from bot.dialogue.conversation import Dialogue

    dialogue = Dialogue(CATALOG, contact=Contact())
    state, _ = dialogue.start("ja")
    state, turn = dialogue.respond(state, "2歳の息子が区内の保育園に通っています")
    assert state.shown and state.shown[0] == "diaper_provision"
    state, turn = dialogue.respond(state, "申請方法は？")
    assert turn.answer is not None and turn.answer.candidates == state.shown
    assert turn.messages[-1].text == "どの支援についてのご質問ですか？"
    diapers = turn.messages[-1].quick_replies[0]
    state, turn = dialogue.respond(state, diapers)
    assert turn.answer is not None and turn.answer.measure_id == "diaper_provision" and state.asking is None
    assert "資料には申請方法の記載がありません。" in turn.messages[0].text
    assert state.pending is not None and turn.messages[-1].text == state.pending.text

"""Answers to questions about a measure (issue 15) in やさしい日本語, 中文 and 한국어: the fixed sentences and
the catalog's texts in the resident's language, the title with the Japanese beside it, the page unchanged.
(The sentences built from the question kinds' `missing` words are still ja/en: see the 13a report.)"""

from __future__ import annotations

import pytest

from bot.dialogue.answering import Answerer
from bot.dialogue.overview import overview
from bot.understanding.question_kind import asked_named
from knowledge.catalog import default_catalog
from knowledge.contact import Contact
from knowledge.languages import Lang
from knowledge.messages import message

CATALOG = default_catalog()


@pytest.mark.parametrize("lang", ["ja-easy", "zh", "ko"])
def test_an_eligibility_answer_and_an_overview_in_the_resident_language(lang: Lang) -> None:
    measure = CATALOG.measures["male_hpv_vaccine"]
    asked = asked_named("eligibility.certainty")
    assert asked is not None
    text = Answerer(CATALOG, Contact()).about(measure, asked, lang).text
    assert message("answers.no_promise", lang) in text
    audience = {"ja-easy": measure.audience.easy, "zh": measure.audience.zh, "ko": measure.audience.ko}[lang]
    assert audience and audience in text and measure.title in text and measure.page in text
    seen = overview(measure, lang, Contact()).text
    assert measure.title in seen and measure.page in seen and message("answers.ask_else", lang) in seen


@pytest.mark.parametrize("lang", ["ja-easy", "zh", "ko"])
def test_which_measure_is_asked_in_the_resident_language(lang: Lang) -> None:
    asked = asked_named("procedure")
    assert asked is not None
    answer = Answerer(CATALOG, Contact()).general(asked, lang, ["male_hpv_vaccine", "diaper_provision"])
    assert answer.text == message("answers.which_measure", lang)


@pytest.mark.parametrize("lang", ["ja", "en", "ja-easy", "zh", "ko"])
def test_perhaps_nothing_to_apply_for_and_not_money_paid_in_every_language(lang: Lang) -> None:
    """Two sentences that were ja/en only: the Japanese wording when asked in zh, ko or やさしい日本語."""
    answerer = Answerer(CATALOG, Contact())
    procedure = asked_named("procedure")
    assert procedure is not None
    text = answerer.about(CATALOG.measures["diaper_provision"], procedure, lang).text
    assert message("answers.maybe_no_application", lang, said="区内保育施設においておむつや手口拭き等を用意") in text
    payment = asked_named("when.payment")
    assert payment is not None
    paid = [answerer.about(m, payment, lang).text for m in CATALOG]
    assert any(message("answers.not_money_paid", lang) in t for t in paid)

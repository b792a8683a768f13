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

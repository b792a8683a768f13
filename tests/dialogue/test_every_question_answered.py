"""A clear question is never answered with "I did not understand" (issue 15, round 2): a help word,
a greeting, a わからない or household facts in the same message do not swallow it; a measure that is
clear while the kind of question is not gets what the document prints and does not (overview); and
the search is asked at most once per message."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dialogue.answering import Answerer
from bot.dialogue.conversation import Dialogue
from bot.dialogue.overview import not_printed, overview
from bot.understanding.question_kind import asked_named
from knowledge.catalog import default_catalog
from knowledge.contact import Contact
from knowledge.dated import fixed
from knowledge.search.searcher import Hit

CATALOG = default_catalog()


def _dialogue(search: object = None) -> Dialogue:
    return Dialogue(CATALOG, search, clock=fixed(date(2025, 3, 31)), contact=Contact())  # type: ignore[arg-type]


def _ask(text: str, search: object = None) -> tuple[str | None, str | None, list[str]]:
    dialogue = _dialogue(search)
    state, _ = dialogue.start("en" if text.isascii() else "ja")
    _, turn = dialogue.respond(state, text)
    answer = turn.answer
    return (answer.kind if answer else None, answer.measure_id if answer else None, [m.text for m in turn.messages])


@pytest.mark.parametrize(("text", "kind", "measure_id"), [
    ("病児保育室の使い方を教えてください", "procedure", "sick_child_care"),  # 使い方 is also the help word
    ("Hi! how much is the HPV vaccine for boys?", "amount", "male_hpv_vaccine"),  # a greeting first
    ("ありがとう。ベビーシッターの補助は何時間まで？", "amount", "babysitter_support"),
    ("教育ローンを借りています。利子補給に必要な書類は？", "documents", "education_loan_interest"),  # facts first
    ("小2の息子がいるんですが、給食費の補助の対象ですか", "eligibility", "school_lunch_free"),
    ("風ぐるまの新ルートについて知りたいです", "overview", "kazaguruma_new_routes"),  # no kind word
    ("おむつ提供の件", "overview", "diaper_provision"),  # a fragment naming one measure
    ("What can I get with the childcare package?", "eligibility", "childcare_package_age2"),  # not 「結果」
])
def test_a_clear_question_gets_an_answer(text: str, kind: str, measure_id: str) -> None:
    got_kind, got_measure, messages = _ask(text)
    assert (got_kind, got_measure) == (kind, measure_id), messages


def test_a_how_question_said_as_i_dont_know_is_answered_not_skipped() -> None:
    got_kind, _, messages = _ask("手続きの仕方がわからない")
    assert got_kind == "procedure" and "支援の名前" in messages[0]  # which measure? (none is named)


@pytest.mark.parametrize("text", ["使い方は？", "こんにちは", "2歳の子がいます。何がもらえますか", "わからない",
                                  "結果を見せて", "What can I get?"])
def test_what_is_not_a_question_about_a_measure_stays_what_it_was(text: str) -> None:
    assert _ask(text)[0] is None


def test_the_overview_says_what_is_printed_and_agrees_with_the_kind_answers() -> None:
    answerer = Answerer(CATALOG, Contact())
    for measure in CATALOG:
        answer = overview(measure, "ja", Contact())
        assert answer.in_document is None and answer.measure_id == measure.id
        assert measure.summary.ja in answer.text and f"（{measure.page}）" in answer.text
        assert all(f.text in answer.text for f in measure.figures)
        silent = not_printed(measure, "ja")
        for kind in ("procedure", "documents", "where", "contact"):
            asked = asked_named(kind)
            assert asked is not None
            printed = answerer.about(measure, asked, "ja").in_document
            assert (asked.spec.missing["ja"] in silent) == (not printed), (measure.id, kind)


def test_one_search_at_most_per_message() -> None:
    calls: list[str] = []

    def search(text: str, k: int) -> list[Hit]:
        calls.append(text)
        return [Hit(id="sick_child_care", title="病児保育室の開設・運営", page="P82", score=0.8, snippet=""),
                Hit(id="babysitter_support", title="ベビーシッター利用支援事業を拡充", page="P81", score=0.79,
                    snippet="")]

    _, _, messages = _ask("環境のための施策を知りたいです", search)  # no kind, no name: picker, then search answer
    assert "ご質問に関係する施策です" in messages[0]  # the margin is too small for one measure: the list
    assert len(calls) == 1

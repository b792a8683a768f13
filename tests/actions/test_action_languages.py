"""The Rasa path speaks the resident's language as the web and LINE dialogue do: a named language, else
the message's language, else (digits) the conversation's — and every text comes from knowledge/messages."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from actions import (
    ActionAnswerQuestion,
    ActionEraseData,
    ActionSay,
    ActionShowResults,
    ActionStartOver,
    ActionWelcome,
    runtime,
)
from bot.dialogue import replies
from bot.dialogue.state import DialogueState
from knowledge.languages import Lang
from knowledge.messages import message
from tests.actions.test_actions import run, state_of, tracker

GREETINGS: list[tuple[str, Lang]] = [("こんにちは", "ja"), ("Hello", "en"), ("你好", "zh"), ("안녕하세요", "ko")]


def in_state(name: str, then_user: tuple[str, str], lang: Lang) -> Tracker:
    t = tracker(name, then_user=then_user)
    state = DialogueState.model_validate_json(t.get_slot("dialogue_state")) if t.get_slot("dialogue_state") \
        else DialogueState()
    state.lang = lang
    t.slots["dialogue_state"] = state.model_dump_json()
    return t


@pytest.mark.parametrize(("text", "lang"), GREETINGS)
def test_the_greeting_is_in_the_language_of_the_message_and_kept_for_the_form(text: str, lang: Lang) -> None:
    messages, events = run(ActionWelcome(), tracker("free_question", then_user=(text, "greet")))
    assert messages[0]["text"].startswith(replies.say("welcome", lang))
    assert state_of(events).lang == lang  # the form's first question is asked in it
    assert [b["title"] for b in messages[0]["buttons"]] == replies.language_replies(lang)


def test_easy_japanese_is_kept_while_japanese_is_typed_and_digits_keep_any_language() -> None:
    _, events = run(ActionWelcome(), in_state("free_question", ("こんにちは", "greet"), "ja-easy"))
    assert state_of(events).lang == "ja-easy"
    messages, events = run(ActionSay(), in_state("free_question", ("3", "nlu_fallback"), "ko"))
    assert messages[0]["text"] == replies.say("not_understood", "ko") and state_of(events).lang == "ko"


@pytest.mark.parametrize(("text", "intent", "key", "lang"), [
    ("도와주세요", "help", "help", "ko"), ("谢谢", "thanks", "thanks", "zh"), ("Thanks!", "thanks", "thanks", "en"),
    ("asdf qwer", "nlu_fallback", "not_understood", "en"), ("ありがとう", "thanks", "thanks", "ja")])
def test_help_thanks_and_not_understood_come_from_the_messages_in_the_residents_language(
        text: str, intent: str, key: str, lang: Lang) -> None:
    messages, events = run(ActionSay(), tracker("free_question", then_user=(text, intent)))
    assert messages[0]["text"] == replies.say(key, lang)
    assert state_of(events).lang == lang


def test_a_language_named_is_chosen_whatever_the_nlu_read() -> None:
    for name, lang in (("やさしい にほんご", "ja-easy"), ("中文", "zh"), ("한국어로 해 주세요", "ko")):
        messages, events = run(ActionSay(), tracker("free_question", then_user=(name, "nlu_fallback")))
        assert messages[0]["text"] == message("common.language_chosen", lang)
        assert state_of(events).lang == lang


def test_a_free_question_in_chinese_is_answered_in_chinese() -> None:
    text = "区内保育设施的尿布怎么申请？"
    messages, events = run(ActionAnswerQuestion(), tracker("free_question", then_user=(text, "ask_question")))
    expected = runtime.dialogue().respond(DialogueState(lang="zh"), text)[1].messages[0].text
    assert state_of(events).lang == "zh" and messages[0]["custom"]["answer"]["measure_id"] == "diaper_provision"
    assert messages[0]["text"].split("\n")[:2] == expected.split("\n")[:2]  # the dated notice may follow
    assert "区内保育施設利用において、おむつ等を提供" in expected and "（P80）" in expected


def test_a_search_answer_in_korean_names_the_measures_in_korean() -> None:
    messages, events = run(ActionAnswerQuestion(), tracker("free_question", then_user=("급식비 지원", "ask_question")))
    assert state_of(events).lang == "ko"
    assert messages[0]["text"].startswith(message("replies.answer_head", "ko"))
    assert "구립 학교 급식비 전액 지원(区立学校の学校給食費を全額補助)(P86)" in messages[0]["text"]


def test_results_erase_and_start_over_in_the_conversations_language() -> None:
    messages, events = run(ActionShowResults(), in_state("toddler_after_first_answer", ("结果", "ask_results"), "zh"))
    assert "【符合条件的支援（" in messages[0]["text"] and state_of(events).lang == "zh"
    messages, events = run(ActionEraseData(), in_state("sensitive_facts", ("데이터 삭제", "erase_data"), "ko"))
    assert messages[0]["text"] == replies.say("erased", "ko")
    assert state_of(events) == DialogueState(lang="ko")  # the language only: nothing of the household
    messages, events = run(ActionStartOver(), in_state("sensitive_facts", ("さいしょから", "start_over"), "ja-easy"))
    assert messages[0]["text"] == replies.say("restart", "ja-easy")
    assert state_of(events) == DialogueState(lang="ja-easy")


def test_a_language_name_read_as_a_question_chooses_the_language_and_searches_nothing() -> None:
    messages, events = run(ActionAnswerQuestion(), tracker("free_question", then_user=("やさしい にほんご",
                                                                                      "ask_question")))
    assert [m["text"] for m in messages] == [message("common.language_chosen", "ja-easy")]
    assert state_of(events).lang == "ja-easy"

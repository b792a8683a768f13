"""LINE in each language, through signed webhooks on a real server: a resident switches by tapping
or typing a language's name, the household stays, and every reply (texts, quick-reply labels, the
carousel and its alt text) keeps within the Messaging API's limits in every language."""

from __future__ import annotations

import re
from typing import Any

import pytest

from api.line.render import MAX_ALT, MAX_LABEL, quick_reply, reply_messages, units
from bot.dialogue.conversation import Message
from knowledge.catalog import default_catalog
from knowledge.household import Household
from knowledge.languages import LANGS, NAMES, Lang
from knowledge.messages import message
from knowledge.results import match_household
from tests.api.test_line import FIRST, Line, check_limits, event, text_event
from tests.api.test_line import line as line

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def postback(label: str, user: str) -> dict[str, Any]:
    return event("postback", user, postback={"data": label})


def bubbles_of(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [b for m in messages if m["type"] == "flex" for b in m["contents"]["contents"]]


def first_texts(bubble: dict[str, Any]) -> list[str]:
    return [c["text"] for c in bubble["body"]["contents"] if c["type"] == "text"]


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "ja"])
def test_a_typed_language_name_switches_and_keeps_the_household(line: Line, lang: Lang) -> None:
    user = f"Uswitch{lang}"
    check_limits(line.send(text_event(FIRST, user))[0]["messages"])
    [reply] = line.send(text_event(NAMES[lang], user))
    messages = reply["messages"]
    check_limits(messages)
    state = line.sessions.get(line.bot.user_key(user))
    assert state is not None and f'"lang":"{lang}"' in state.replace(" ", "")
    assert '"age":2' in state.replace(" ", "")  # the household stays
    if lang == "ko":
        assert all(HANGUL.search(m["text"]) for m in messages if m["type"] == "text")


@pytest.mark.parametrize("lang", LANGS)
def test_a_whole_line_conversation_in_each_language_stays_within_limits(line: Line, lang: Lang) -> None:
    """Tap the language's name, then the first quick reply each time, then the results: every reply fits."""
    user = f"Uwhole{lang.replace('-', '')}"
    [reply] = line.send(postback(NAMES[lang], user))
    replies = [reply]
    for _ in range(12):
        messages = replies[-1]["messages"]
        check_limits(messages)
        items = (messages[-1].get("quickReply") or {}).get("items", [])
        if not items:
            break
        replies += line.send(postback(items[0]["action"]["data"], user))
    seen = [b for r in replies for b in bubbles_of(r["messages"])]
    assert seen, "no measure cards in the whole conversation"
    badges = {message(f"line.{status}", lang) for status in ("eligible", "maybe", "related")}
    for bubble in seen:
        texts = first_texts(bubble)
        assert texts[0] in badges and texts[2].startswith(message("line.page", lang, page="P"))
    for flex in (m for r in replies for m in r["messages"] if m["type"] == "flex"):
        shown = len(flex["contents"]["contents"])
        heads = {message("line.cards_head", lang, count=n) for n in range(shown, 60)}  # n ≥ the cards shown
        assert any(head in flex["altText"] for head in heads), flex["altText"]


@pytest.mark.parametrize("lang", LANGS)
def test_cards_in_each_language_fit_lines_limits(lang: Lang) -> None:
    """Many cards (more than a carousel holds), a long list of texts and every quick reply of the language."""
    household = Household.model_validate({"children": [{"age": 2, "daycare": "ward"}, {"age": 8}, {"age": 13}],
                                          "adults": [{"age": 80}]})
    results = match_household(default_catalog(), household, lang)
    cards = [*results.eligible, *results.maybe, *results.related]
    assert len(cards) > 12
    labels = [NAMES[x] for x in LANGS] + [message("widget.results", lang)]
    messages = [*(Message(text=message("widget.greeting", lang)) for _ in range(6)),
                Message(text="?", quick_replies=labels)]
    out = [m.to_dict() for m in reply_messages(messages, cards, lang, "notice " * 80, "contact")]
    check_limits(out)
    assert all(units(i["action"]["label"]) <= MAX_LABEL for i in out[-1]["quickReply"]["items"])
    [flex] = [m for m in out if m["type"] == "flex"]
    assert units(flex["altText"]) <= MAX_ALT
    assert first_texts(flex["contents"]["contents"][0])[0] == message("line.eligible", lang)


def test_every_language_name_fits_a_quick_reply_label() -> None:
    assert all(units(name) <= MAX_LABEL for name in NAMES.values())


@pytest.mark.parametrize("lang", LANGS)
def test_over_thirteen_options_keep_i_dont_know_in_each_language(lang: Lang) -> None:
    dont_know = message("common.dont_know", lang)
    reply = quick_reply([f"{message('widget.send', lang)} {i}" for i in range(20)] + [dont_know])
    assert reply is not None and reply.items is not None and len(reply.items) == 13
    assert reply.items[-1].action.data == dont_know  # type: ignore[union-attr]


def test_the_welcome_offers_every_other_language_by_name(line: Line) -> None:
    [reply] = line.send(event("follow", "Uwelcome", follow={"isUnblocked": False}))
    check_limits(reply["messages"])
    labels = [i["action"]["data"] for i in reply["messages"][-1]["quickReply"]["items"]]
    assert {NAMES[x] for x in LANGS if x != "ja"} <= set(labels), labels
    [switched] = line.send(postback(NAMES["zh"], "Uwelcome"))
    check_limits(switched["messages"])
    assert switched["messages"][0]["text"] == message("common.language_chosen", "zh")
    zh_labels = [i["action"]["data"] for i in switched["messages"][-1]["quickReply"]["items"]]
    assert NAMES["ja"] in zh_labels or message("common.dont_know", "zh") in zh_labels


def test_the_first_japanese_greeting_says_in_other_languages_where_to_choose(line: Line) -> None:
    """Follow, or a first message read as Japanese: the multilingual line sits just above the question
    that carries the language names; a later turn, or a first message that offers no names, has none."""
    choose = message("line.choose_language", "ja")
    assert "Choose your language" in choose and "选择语言" in choose and "언어를 선택" in choose
    [followed] = line.send(event("follow", "Uchoose", follow={"isUnblocked": False}))
    [greeted] = line.send(text_event("こんにちは", "Uchoose2"))
    for reply in (followed, greeted):
        messages = reply["messages"]
        check_limits(messages)
        assert messages[0]["text"].startswith("こんにちは") and messages[-2]["text"] == choose
        labels = [i["action"]["data"] for i in messages[-1]["quickReply"]["items"]]
        assert {NAMES[x] for x in LANGS if x != "ja"} <= set(labels), labels
    [again] = line.send(text_event("こんにちは", "Uchoose2"))
    [household] = line.send(text_event(FIRST, "Uchoose3"))
    [english] = line.send(text_event("hello", "Uchoose4"))  # greeted in English, names offered
    assert "English" not in [i["action"]["data"] for i in english["messages"][-1]["quickReply"]["items"]]
    for reply in (again, household, english):
        assert choose not in [m.get("text") for m in reply["messages"]]

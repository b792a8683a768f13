"""Whole conversations in やさしい日本語, 中文 and 한국어 through the Dialogue, by quick replies (typed
answers in Chinese and Korean come with the understanding of issue 13b; a bare number is read in any
language), and switching language mid-way without losing the household."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.dialogue.conversation import Dialogue, Turn
from bot.dialogue.questions import bank
from bot.dialogue.state import DialogueState
from knowledge.catalog import default_catalog
from knowledge.dated import fixed
from knowledge.languages import NAMES, Lang
from knowledge.messages import message

KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
QUOTED = re.compile(r"「[^「」]*」")
DIAPERS = "diaper_provision"  # eligible for a 2-year-old at a daycare in the ward (P80)


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    return Dialogue(default_catalog(), clock=fixed(date(2024, 10, 1)))  # inside the fiscal year: no notice


def _tap(state: DialogueState, turn: Turn) -> str:
    """What a resident taps: a 2-year-old at a daycare in the ward, nothing else applies."""
    assert state.pending is not None
    pending = state.pending
    if pending.key == "children":
        return "2"  # a bare age: read the same in every language
    if pending.key in bank().checklists:
        return bank().checklists[pending.key].none.in_(state.lang)
    if pending.key == "child.daycare":
        question = bank().questions["child.daycare"]
        assert isinstance(question.replies, list)
        return question.replies[0].in_(state.lang)  # a daycare in the ward
    labels = turn.messages[-1].quick_replies
    return next(label for label in labels if label in pending.answers and label != message("common.dont_know",
                                                                                          state.lang))


def _converse(dialogue: Dialogue, lang: Lang) -> tuple[DialogueState, list[Turn]]:
    state, turn = dialogue.start(lang)
    turns = [turn]
    for _ in range(20):
        if turn.done:
            break
        state, turn = dialogue.respond(state, _tap(state, turn))
        turns.append(turn)
    assert turn.done, "the conversation ends with the results"
    return state, turns


def _without_japanese_names(text: str, dialogue: Dialogue) -> str:
    """The text less what stays Japanese on purpose: the document's titles beside a translation, and
    names in 「」 a resident shows at the counter."""
    for measure in dialogue.catalog:
        text = text.replace(measure.title, "")
    return QUOTED.sub("", text)


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_a_whole_conversation_in_chinese_and_korean(dialogue: Dialogue, lang: Lang) -> None:
    state, turns = _converse(dialogue, lang)
    texts = [m.text for t in turns for m in t.messages]
    assert texts[0] == message("replies.welcome", lang)
    assert message("summary.so_far", lang, items="").rstrip() in "\n".join(texts)  # the household said back
    results = turns[-1].messages[-1].text
    for text in texts:
        assert not KANA.search(_without_japanese_names(text, dialogue)), text
        if lang == "ko":
            assert HANGUL.search(text), text
    diapers = dialogue.catalog.get(DIAPERS)
    assert diapers is not None
    title = diapers.title_zh if lang == "zh" else diapers.title_ko
    assert title and title in results and diapers.title in results and diapers.page in results  # P80 beside
    assert message("replies.head_eligible", lang, count=len(turns[-1].results.eligible)) in results
    assert state.household.children and state.household.children[0].daycare == "ward"


def test_a_whole_conversation_in_easy_japanese(dialogue: Dialogue) -> None:
    state, turns = _converse(dialogue, "ja-easy")
    texts = "\n".join(m.text for t in turns for m in t.messages)
    assert state.household.children and state.household.children[0].daycare == "ward"
    assert "いままでに きいた こと：こども 1人（2さい）" in texts
    assert bank().questions["child.daycare"].easy.replace("{member}", "2さいの こども") in texts
    results = turns[-1].messages[-1].text
    asked = texts.replace(results, "")  # the catalog's points the document leaves open have no やさしい日本語 yet
    assert "ご家庭" not in asked and "お子さん" not in asked  # the plain-Japanese words, never the polite ones
    diapers = dialogue.catalog.get(DIAPERS)
    assert diapers is not None
    assert f"{diapers.title_easy}（{diapers.title}）（{diapers.page}）" in results
    assert "【あてはまる しえん（" in results and "くやくしょの まどぐちで きいて ください" in results


def test_switching_language_keeps_the_household(dialogue: Dialogue) -> None:
    state, turn = dialogue.start("ja")
    assert NAMES["zh"] in turn.messages[-1].quick_replies  # the other languages, each named in itself
    assert NAMES["ja"] not in turn.messages[-1].quick_replies
    state, turn = dialogue.respond(state, "2歳の息子が区内の保育園に通っています")
    household, pending = state.household, state.pending
    assert household.children and pending is not None
    state, turn = dialogue.respond(state, NAMES["zh"])
    assert state.lang == "zh" and state.household == household
    assert turn.messages[0].text == message("common.language_chosen", "zh")
    assert state.pending is not None and state.pending.key == pending.key  # the same question, now in Chinese
    assert not KANA.search(turn.messages[-1].text) and "您2岁的儿子" in turn.messages[-1].text
    assert message("common.dont_know", "zh") in turn.messages[-1].quick_replies
    state, turn = dialogue.respond(state, NAMES["ko"])
    assert state.lang == "ko" and state.household == household and "2살 아드님" in turn.messages[-1].text
    state, turn = dialogue.respond(state, message("replies.finish", "ko"))
    assert turn.done and "【대상이 되는 지원(" in turn.messages[-1].text


def test_a_typed_japanese_message_keeps_easy_japanese(dialogue: Dialogue) -> None:
    state, _ = dialogue.start("ja-easy")
    state, turn = dialogue.respond(state, "2さいの むすこが います")
    assert state.lang == "ja-easy" and state.household.children
    assert turn.messages[0].text.startswith("いままでに きいた こと：")


def test_help_offers_the_languages(dialogue: Dialogue) -> None:
    state, _ = dialogue.start("en")
    state, turn = dialogue.respond(state, "help")
    labels = turn.messages[-1].quick_replies
    names = [NAMES[lang] for lang in ("ja", "ja-easy", "zh", "ko")]
    assert all(name in labels for name in names) and labels[-1] == message("common.dont_know", "en")


def test_the_finish_reply_in_each_language_ends_the_questions(dialogue: Dialogue) -> None:
    for lang in ("ja-easy", "zh", "ko"):
        state, _ = dialogue.start(lang)  # type: ignore[arg-type]
        state, turn = dialogue.respond(state, "2")
        assert turn.messages[-1].quick_replies[-1] == message("replies.finish", lang)  # type: ignore[arg-type]
        state, turn = dialogue.respond(state, message("replies.finish", lang))  # type: ignore[arg-type]
        assert turn.done and state.finished

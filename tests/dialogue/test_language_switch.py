"""A resident changes language mid-conversation by typing it, and keeps their household (issue 13).

Tapping a language's name is issue 13a's (Dialogue.switch); these are the switch words and the
languages the understanding detects (bot/understanding/language.py)."""

from __future__ import annotations

import pytest

from bot.dialogue.conversation import Dialogue
from knowledge.catalog import default_catalog
from knowledge.languages import Lang
from knowledge.messages import message


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    return Dialogue(default_catalog())


@pytest.mark.parametrize(("typed", "lang"), [("English please", "en"), ("请用中文", "zh"), ("한국어로 해 주세요", "ko"),
                                             ("やさしい にほんご で おねがいします", "ja-easy"), ("中文", "zh")])
def test_a_typed_switch_word_changes_language_and_the_household_stays(dialogue: Dialogue, typed: str,
                                                                      lang: Lang) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "3歳の息子がいます")
    asked = state.pending.key if state.pending else None
    state, turn = dialogue.respond(state, typed)
    assert state.lang == lang
    assert state.household.model_dump(exclude_none=True)["children"] == [{"age": 3, "sex": "male"}]
    assert turn.messages[0].text == message("common.language_chosen", lang)
    assert state.pending is not None and state.pending.key == asked  # the same question, asked again


@pytest.mark.parametrize(("text", "lang", "children"), [
    ("我有两个孩子，儿子5岁，女儿3岁", "zh", [{"age": 5, "sex": "male"}, {"age": 3, "sex": "female"}]),
    ("아들은 세 살이에요", "ko", [{"age": 3, "sex": "male"}]),
])
def test_a_household_written_in_chinese_or_korean_is_understood_and_answered_in_it(
        dialogue: Dialogue, text: str, lang: Lang, children: list[dict[str, object]]) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, text)
    assert state.lang == lang
    assert [c.model_dump(exclude_none=True) for c in state.household.children or []] == children
    state, _ = dialogue.respond(state, "2")  # a number says nothing about the language
    assert state.lang == lang


def test_easy_japanese_stays_while_the_resident_types_japanese(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "やさしい にほんご")
    state, _ = dialogue.respond(state, "こども が 2にん います。 3さい と 5さい です")
    assert state.lang == "ja-easy"
    assert [c.age for c in state.household.children or []] == [3, 5]


def test_a_chinese_answer_to_a_yes_no_question(dialogue: Dialogue) -> None:
    state, _ = dialogue.start("zh")
    state, _ = dialogue.respond(state, "我怀孕了，还有一个2岁的儿子")
    assert state.household.pregnant is True
    assert [c.model_dump(exclude_none=True) for c in state.household.children or []] == [{"age": 2, "sex": "male"}]
    assert state.lang == "zh"


@pytest.mark.parametrize(("lang", "opening", "no"), [("zh", "我有一个2岁的儿子", "没有"),
                                                     ("ko", "2살 아들이 있어요", "없어요"),
                                                     ("ja-easy", "2さい の むすこ が います", "いいえ")])
def test_a_typed_no_to_a_checklist_is_none_of_these_in_every_language(dialogue: Dialogue, lang: Lang, opening: str,
                                                                      no: str) -> None:
    state, _ = dialogue.start(lang)
    state, _ = dialogue.respond(state, opening)
    assert state.pending is not None and state.pending.key == "child.needs"
    state, turn = dialogue.respond(state, no)
    assert state.pending is not None and state.pending.key != "child.needs"  # answered, not asked again
    assert turn.messages[0].text != message("replies.not_understood", lang)
    child = (state.household.children or [])[0]
    assert (child.disability_certificate, child.chronic_disease, child.developmental_concern) == (False, False, False)

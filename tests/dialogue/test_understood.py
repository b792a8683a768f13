"""The resident sees what was understood, can correct it, and is asked, not guessed at, when a
message describes a household that cannot exist (issue 16)."""

from __future__ import annotations

import pytest

from bot.dialogue.conversation import Dialogue, Turn
from bot.dialogue.state import DialogueState
from bot.understanding.consistency import problems
from knowledge.catalog import default_catalog

TWO = "上の子が小4で下の子が2歳。下の子は区立保育園です"


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    return Dialogue(default_catalog())


def say(dialogue: Dialogue, *texts: str, lang: str = "ja") -> tuple[DialogueState, Turn]:
    state, turn = dialogue.start(lang)  # type: ignore[arg-type]
    for text in texts:
        state, turn = dialogue.respond(state, text)
    return state, turn


def test_a_message_that_changes_the_household_is_said_back_with_a_way_to_correct_it(dialogue: Dialogue) -> None:
    _, turn = say(dialogue, TWO)
    assert turn.household_changed
    assert turn.messages[0].text == "ここまでの内容：お子さん2人（小学4年生・2歳 区内の保育施設）"
    assert turn.messages[0].quick_replies == ["訂正する"]
    assert turn.messages[-1].quick_replies[-3:] == ["訂正する", "わからない", "ここまでで結果を見る"]


def test_english_summary(dialogue: Dialogue) -> None:
    _, turn = say(dialogue, "I have two sons, 11 and 14, and a daughter who is 3", lang="en")
    assert turn.messages[0].text == "So far I have: 3 children (11, boy; 14, boy; 3, girl)."
    assert "Correct this" in turn.messages[-1].quick_replies


def test_a_turn_that_changes_nothing_shows_no_summary(dialogue: Dialogue) -> None:
    _, turn = say(dialogue, TWO, "ありがとう")
    assert not turn.household_changed
    assert not any(m.text.startswith("ここまでの内容") for m in turn.messages)


def test_correct_explains_how_and_asks_the_same_question_again(dialogue: Dialogue) -> None:
    state, before = say(dialogue, TWO)
    state, turn = dialogue.respond(state, "訂正する")
    assert "書いて送ってください" in turn.messages[0].text
    assert turn.messages[-1].text == before.messages[-1].text
    state, turn = dialogue.respond(state, "下の子は3歳です")  # a typed correction still works
    assert turn.messages[0].text == "ここまでの内容：お子さん2人（小学4年生・3歳 区内の保育施設）"
    assert [c.age for c in state.household.children or []] == [9, 3]


@pytest.mark.parametrize(
    ("text", "choice", "children"),
    [
        ("3歳の子が小学2年生です", "3歳です", [{"age": 3}]),
        ("3歳の子が小学2年生です", "小学2年生です", [{"age": 7, "school_year": 2}]),
        ("子どもは2人で、7歳と4歳と1歳です", "3人です", [{"age": 7}, {"age": 4}, {"age": 1}]),
        ("小2の娘が区内の保育園に通っています", "保育園には通っていません",
         [{"age": 7, "school_year": 2, "sex": "female"}]),
    ],
)
def test_an_impossible_household_is_asked_about_not_guessed(dialogue: Dialogue, text: str, choice: str,
                                                            children: list[dict[str, object]]) -> None:
    state, turn = say(dialogue, text)
    question = turn.messages[-1]
    assert "合わない" in question.text or "何人" in question.text
    assert choice in question.quick_replies and "書き直す" in question.quick_replies
    assert not problems(state.household.model_dump())  # nothing impossible reaches the engine
    assert not state.household.children  # and nothing was guessed
    state, turn = dialogue.respond(state, choice)
    assert state.household.model_dump(exclude_none=True)["children"] == children
    assert turn.messages[0].text.startswith("ここまでの内容：")


def test_rewriting_after_a_clarifying_question_reads_the_new_text(dialogue: Dialogue) -> None:
    state, _ = say(dialogue, "3歳の子が小学2年生です")
    state, _ = dialogue.respond(state, "書き直す")
    state, turn = dialogue.respond(state, "7歳で小学2年生です")
    assert state.household.model_dump(exclude_none=True)["children"] == [{"age": 7, "school_year": 2}]
    assert turn.household_changed


def test_a_clarifying_turn_shows_the_facts_it_could_keep(dialogue: Dialogue) -> None:
    state, turn = say(dialogue, "3歳の子が小学2年生です。妊娠中です")
    assert turn.household_changed and state.household.pregnant is True
    assert turn.messages[0].text == "ここまでの内容：妊娠中"
    _, turn = say(dialogue, "3歳の子が小学2年生です")
    assert not turn.household_changed

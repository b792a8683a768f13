"""A resident changes language mid-conversation and keeps their household (issue 13).

Until the dialogue's wording exists in 中文/한국어/やさしい日本語 (issue 13a), residents writing them are
answered in Japanese; their facts are understood all the same.
"""

from __future__ import annotations

import pytest

from bot.dialogue.conversation import Dialogue
from knowledge.catalog import default_catalog


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    return Dialogue(default_catalog())


def test_english_typed_mid_conversation_switches_and_the_household_stays(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "3歳の息子がいます")
    asked = state.pending.key if state.pending else None
    state, turn = dialogue.respond(state, "English please")
    assert state.lang == "en"
    assert state.household.model_dump(exclude_none=True)["children"] == [{"age": 3, "sex": "male"}]
    assert state.pending is not None and state.pending.key == asked  # the same question, asked again …
    assert turn.messages[-1].text.isascii()  # … in English
    state, _ = dialogue.respond(state, "日本語")
    assert state.lang == "ja" and state.household.children and state.household.children[0].age == 3


def test_a_number_after_a_switch_keeps_the_chosen_language(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "English")
    state, _ = dialogue.respond(state, "2")
    assert state.lang == "en"


@pytest.mark.parametrize(("text", "children"), [
    ("我有两个孩子，儿子5岁，女儿3岁", [{"age": 5, "sex": "male"}, {"age": 3, "sex": "female"}]),
    ("아들은 세 살이에요", [{"age": 3, "sex": "male"}]),
])
def test_a_household_written_in_chinese_or_korean_is_understood(dialogue: Dialogue, text: str,
                                                                 children: list[dict[str, object]]) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, text)
    assert [c.model_dump(exclude_none=True) for c in state.household.children or []] == children

"""The household said back is composed once per turn and handed to the API with the turn (it was
composed again by the chat route)."""

from __future__ import annotations

import pytest

import bot.dialogue.conversation
from bot.dialogue.conversation import Dialogue
from bot.dialogue.state import DialogueState
from knowledge.catalog import default_catalog


@pytest.mark.parametrize("text", ["2歳の息子が区内の保育園に通っています", "中3の息子です。HPVワクチンの対象ですか",
                                  "妊娠中です。5歳の息子が中学2年生です"])
def test_the_summary_is_composed_once_and_is_what_was_said(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    real = bot.dialogue.conversation.summary_text
    calls: list[str] = []

    def counting(*args: object) -> str:
        calls.append(said := real(*args))  # type: ignore[arg-type]
        return said

    monkeypatch.setattr(bot.dialogue.conversation, "summary_text", counting)
    _, turn = Dialogue(default_catalog()).respond(DialogueState(), text)
    assert turn.household_changed and len(calls) == 1
    assert turn.summary == calls[0] == turn.messages[0].text


def test_the_chat_route_composes_no_summary_of_its_own() -> None:
    import api.routes.chat

    assert not hasattr(api.routes.chat, "summary_text")

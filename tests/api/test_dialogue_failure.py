"""If reading one message fails (a bug), the resident gets a kind reply and keeps the conversation:
the stored household is untouched and the log names the error type, never the message."""

from __future__ import annotations

import logging

import pytest

from api.chat import ChatService
from api.sessions.memory import MemoryStore
from bot.dialogue.conversation import Dialogue, Turn
from bot.dialogue.replies import say
from bot.dialogue.state import DialogueState
from knowledge.catalog import default_catalog

SECRET = "妊娠7か月で、夫は身体障害者手帳2級です"


class BrokenOnSecret(Dialogue):
    def respond(self, state: DialogueState, text: str) -> tuple[DialogueState, Turn]:
        if text == SECRET:
            raise ValueError(f"could not read {text!r}")  # as pydantic does: the message quotes the input
        return super().respond(state, text)


def test_a_failing_turn_keeps_the_conversation(caplog: pytest.LogCaptureFixture) -> None:
    store = MemoryStore()
    service = ChatService(BrokenOnSecret(default_catalog()), store, ttl_seconds=600)
    service.converse("web:x", "2歳の息子がいます")
    before = store.get("web:x")
    with caplog.at_level(logging.DEBUG):
        exchange = service.converse("web:x", SECRET)
    assert [m.text for m in exchange.messages] == [say("trouble", "ja")]
    assert not exchange.erased and store.get("web:x") == before  # nothing lost, nothing half-written
    assert "diaper_provision" not in {m.id for m in exchange.turn.results.eligible}  # results of the kept state
    assert {m.id for m in exchange.turn.results.maybe} >= {"diaper_provision"}
    assert "ValueError" in caplog.text and SECRET not in caplog.text and "妊娠" not in caplog.text
    again = service.converse("web:x", "区内の保育園に通っています")  # and the conversation goes on
    state = service.resume("web:x")
    assert again.messages and state is not None and state.household.children is not None
    assert state.household.children[0].daycare == "ward"

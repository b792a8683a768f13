"""The one chat path. The web widget and LINE both call `ChatService.converse`, so a resident
gets the same questions and the same answers on either channel.

A session is the DialogueState JSON under a store key ("web:<id>" or "line:<hmac>"); the
namespaces keep a web client from ever reaching a LINE user's conversation.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from api.sessions import SessionStore
from bot.dialogue.conversation import Dialogue, Message, Turn
from bot.dialogue.state import DialogueState

log = logging.getLogger("api")
Lang = Literal["ja", "en"]


def new_session_id() -> str:
    return secrets.token_urlsafe(24)


def short(key: str) -> str:
    """A log-safe stand-in for a session key or id: 8 hex digits of its hash."""
    return hashlib.sha256(key.encode()).hexdigest()[:8]


def guess_lang(text: str) -> Lang:
    """The language to greet a new session in; understanding decides from then on."""
    return "en" if text.isascii() else "ja"


@dataclass(frozen=True)
class Exchange:
    """What one message produced: the bot's messages (a new session's greeting first) and the turn."""

    messages: list[Message]
    turn: Turn
    state: DialogueState
    previous: DialogueState | None  # None when the session was new
    erased: bool


class ChatService:
    def __init__(self, dialogue: Dialogue, store: SessionStore, ttl_seconds: int) -> None:
        self.dialogue = dialogue
        self.store = store
        self.ttl_seconds = ttl_seconds

    def resume(self, key: str) -> DialogueState | None:
        """The saved state, or None when unknown, expired or unreadable (then a new session starts)."""
        raw = self.store.get(key)
        if raw is None:
            return None
        try:
            return DialogueState.model_validate_json(raw)
        except ValidationError:
            log.warning("session %s unreadable; starting a new one", short(key))
            return None

    def start(self, key: str, lang: Lang) -> Exchange:
        """Greeting and first question (LINE follow event)."""
        state, turn = self.dialogue.start(lang)
        self._save(key, state)
        return Exchange(turn.messages, turn, state, None, erased=False)

    def converse(self, key: str, state: DialogueState | None, text: str, lang: Lang | None = None) -> Exchange:
        """Answer one message; a missing state starts a session first (greeting kept, its question dropped:
        the message is already an answer)."""
        started = time.perf_counter()
        opening: list[Message] = []
        previous = state
        if state is None:
            state, first = self.dialogue.start(lang or guess_lang(text))
            asked = state.pending.text if state.pending else None
            opening = [m for m in first.messages if m.text != asked]
        new_state, turn = self.dialogue.respond(state, text)
        if turn.erase:
            self.store.delete(key)
            log.info("session %s erased at the user's request", short(key))
        else:
            self._save(key, new_state)
        # Counts and timings only: which facts changed would itself say "pregnant" or "certificate".
        log.debug("session %s turn: new=%s replies=%d done=%s %.1fms", short(key), previous is None,
                  len(turn.messages), turn.done, (time.perf_counter() - started) * 1000)
        return Exchange([*opening, *turn.messages], turn, new_state, previous, erased=turn.erase)

    def erase(self, key: str) -> bool:
        return self.store.delete(key)

    def _save(self, key: str, state: DialogueState) -> None:
        self.store.put(key, state.model_dump_json(), self.ttl_seconds)

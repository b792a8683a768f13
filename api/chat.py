"""The one chat path. The web widget and LINE both call `ChatService.converse`, so a resident
gets the same questions and the same answers on either channel.

A session is the DialogueState JSON under a store key ("web:<id>" or "line:<hmac>"); the
namespaces keep a web client from ever reaching a LINE user's conversation.

Two messages of one conversation can be answered at the same time (a double tap, two tabs, two
API processes behind a load balancer). Each turn is saved with a compare-and-swap on the state it
started from; the turn that finds the state changed is answered again on the new state, so
neither message is lost (both facts end up in the household).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from api.encoder_worker import BUSY_REPLY, EncoderBusy
from api.sessions import SessionStore
from bot.dialogue import replies
from bot.dialogue.conversation import Dialogue, Message, Turn
from bot.dialogue.language_choice import language_of
from bot.dialogue.state import DialogueState
from knowledge.languages import Lang, language_named
from knowledge.results import match_household

log = logging.getLogger("api")
# A turn is retried while other turns of the same conversation land first. n messages sent at once can make
# one of them lose at most n-1 times (each other turn lands once), so 8 attempts answer every message of a burst
# of up to 8 (a double tap, a LINE burst) and still bound a message's cost (≤ 8 readings).
MAX_ATTEMPTS = 8


class SessionBusy(RuntimeError):
    """Other turns of the same conversation kept landing first, MAX_ATTEMPTS times in a row."""


def new_session_id() -> str:
    return secrets.token_urlsafe(24)


def short(key: str) -> str:
    """A log-safe stand-in for a session key or id: 8 hex digits of its hash."""
    return hashlib.sha256(key.encode()).hexdigest()[:8]


def guess_lang(text: str) -> Lang:
    """The language to greet a new session in; understanding decides from then on."""
    return language_named(text) or ("en" if text.isascii() else "ja")


def _greeting(state: DialogueState, first: Turn) -> list[Message]:
    """A new session's opening without its question: the first message is already an answer to it."""
    asked = state.pending.text if state.pending else None
    return [m for m in first.messages if m.text != asked]


@dataclass(frozen=True)
class Exchange:
    """What one message produced: the bot's messages (a new session's greeting first) and the turn."""

    messages: list[Message]
    turn: Turn
    state: DialogueState
    previous: DialogueState | None  # None when the session was new
    erased: bool
    key: str = ""  # the store key the turn was saved under (a fresh one when the old had expired)


class ChatService:
    def __init__(self, dialogue: Dialogue, store: SessionStore, ttl_seconds: int) -> None:
        self.dialogue = dialogue
        self.store = store
        self.ttl_seconds = ttl_seconds

    def resume(self, key: str) -> DialogueState | None:
        """The saved state, or None when unknown, expired or unreadable (then a new session starts)."""
        return self._load(key)[1]

    def start(self, key: str, lang: Lang) -> Exchange:
        """Greeting and first question (LINE follow event: a restart, so it overwrites)."""
        state, turn = self.dialogue.start(lang)
        self.store.put(key, state.model_dump_json(), self.ttl_seconds)
        return Exchange(turn.messages, turn, state, None, erased=False, key=key)

    def converse(self, key: str, text: str, lang: Lang | None = None,
                 fresh_key: Callable[[], str] | None = None) -> Exchange:
        """Answer one message; a missing state starts a session first (greeting kept, its question
        dropped: the message is already an answer). With `fresh_key`, a conversation that is unknown
        or expired starts under a new key instead (web ids are minted here, never the client's).
        `lang` (the widget's language switch; a language's name typed or tapped) switches an ongoing
        conversation before the message is read: the household stays, the reply comes in `lang`."""
        lang = language_named(text) or lang
        for _ in range(MAX_ATTEMPTS):
            raw, state = self._load(key)
            if state is None and fresh_key is not None:
                key, raw = fresh_key(), None
            exchange = self._turn(key, raw, state, text, lang)
            if exchange is not None:
                return exchange
            log.info("session %s: another turn landed first; answering again on its state", short(key))
        raise SessionBusy(short(key))

    def _load(self, key: str) -> tuple[str | None, DialogueState | None]:
        raw = self.store.get(key)
        if raw is None:
            return None, None
        try:
            return raw, DialogueState.model_validate_json(raw)
        except ValidationError:
            log.warning("session %s unreadable; starting a new one", short(key))
            return raw, None

    def _turn(self, key: str, raw: str | None, state: DialogueState | None, text: str,
              lang: Lang | None) -> Exchange | None:
        started = time.perf_counter()
        opening: list[Message] = []
        previous = state
        if state is None:
            # greeted in the language the dialogue will read the message in (「你好」 → 中文), not a guess
            state, first = self.dialogue.start(lang or language_of(text, guess_lang(text)))
            opening = _greeting(state, first)
        elif lang is not None and lang != state.lang:
            state = state.model_copy(update={"lang": lang})  # the household and the pending question stay
        try:
            new_state, turn = self.dialogue.respond(state, text)
        except Exception as exc:  # the conversation is kept as it was, with a kind word either way
            if isinstance(exc, EncoderBusy):  # a free question met a full encoder queue
                log.info("session %s: the question encoder is busy", short(key))
                said = Message(text=BUSY_REPLY[state.lang])
            else:  # a bug in reading one message must not end a resident's conversation
                # The type only: an exception's message can quote the input (pydantic's does).
                log.error("session %s: the dialogue failed on a message (%s); the conversation is kept as it was",
                          short(key), type(exc).__name__)
                said = Message(text=replies.say("trouble", state.lang))
            results = match_household(self.dialogue.catalog, state.household, state.lang)
            return Exchange([*opening, said], Turn(messages=[said], results=results), state, previous, erased=False,
                            key=key)
        if turn.erase:
            self.store.delete(key)
            log.info("session %s erased at the user's request", short(key))
        elif not self.store.swap(key, raw, new_state.model_dump_json(), self.ttl_seconds):
            return None
        # Counts and timings only: which facts changed would itself say "pregnant" or "certificate".
        log.debug("session %s turn: new=%s replies=%d done=%s %.1fms", short(key), previous is None,
                  len(turn.messages), turn.done, (time.perf_counter() - started) * 1000)
        if previous is None:  # greeted once: a greeting's own reply is the welcome already
            said = {m.text for m in turn.messages}
            opening = [m for m in opening if m.text not in said]
        return Exchange([*opening, *turn.messages], turn, new_state, previous, erased=turn.erase, key=key)

    def erase(self, key: str) -> bool:
        return self.store.delete(key)

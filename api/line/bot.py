"""LINE events → the chat service → a reply through the Messaging API.

One LINE user is one session, keyed by an HMAC of the user id with a server secret, so the
store (and any log) never holds a LINE user id. Each webhookEventId is claimed once in the
store, so a replayed or redelivered event that was already handled changes nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass

from linebot.v3 import WebhookParser
from linebot.v3.messaging import ApiClient, ApiException, Configuration, MessagingApi, ReplyMessageRequest
from linebot.v3.messaging import Message as LineMessage
from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
    UnfollowEvent,
    UserSource,
)

from api.chat import ChatService, Exchange, SessionBusy, short
from api.line.render import MAX_BUBBLES, reply_messages
from api.sessions import SessionStore
from bot.dialogue.conversation import Message
from knowledge.catalog import Catalog
from knowledge.languages import NAMES, Lang
from knowledge.messages import message
from knowledge.results import Match, match_household, shown_maybe
from knowledge.settings import Settings

log = logging.getLogger("api.line")
REPLY_TIMEOUT_SECONDS = 10.0


class InvalidPayload(ValueError):
    """The body was signed correctly but is not a LINE webhook payload."""


@dataclass
class Tally:
    received: int = 0
    handled: int = 0
    duplicates: int = 0


def choose_language(messages: list[Message], lang: Lang) -> list[Message]:
    """A new conversation's greeting in Japanese that offers the language names gets, just before its
    question, one line in the other languages saying the buttons switch (`line.choose_language`): a
    resident who reads no Japanese would otherwise see only Japanese above them."""
    names = set(NAMES.values()) - {NAMES[lang]}
    if lang != "ja" or not messages or not names & set(messages[-1].quick_replies):
        return messages
    return [*messages[:-1], Message(text=message("line.choose_language", lang)), messages[-1]]


class LineBot:
    def __init__(self, settings: Settings, chat: ChatService, catalog: Catalog, replays: SessionStore) -> None:
        assert settings.line_channel_secret and settings.line_channel_access_token
        secret = settings.line_channel_secret.get_secret_value()
        self.parser = WebhookParser(secret)
        self.chat = chat
        self.catalog = catalog
        self.replays = replays
        self.replay_ttl = settings.line_replay_ttl_seconds
        self.max_chars = settings.max_message_chars
        # Same value on every process (shared secret), so Redis-shared sessions find each other.
        self._key_secret = settings.session_secret.get_secret_value().encode() if settings.session_secret else \
            hmac.new(secret.encode(), b"benefit-finder session key", hashlib.sha256).digest()
        self.api_client = ApiClient(Configuration(
            host=settings.line_api_host, access_token=settings.line_channel_access_token.get_secret_value()))
        self.messaging = MessagingApi(self.api_client)

    @classmethod
    def from_settings(cls, settings: Settings, chat: ChatService, catalog: Catalog,
                      replays: SessionStore) -> LineBot | None:
        """None when the channel secret or access token is not set (the webhook then answers 503)."""
        if not (settings.line_channel_secret and settings.line_channel_access_token):
            return None
        return cls(settings, chat, catalog, replays)

    def parse(self, body: str, signature: str) -> list[Event]:
        """Verify, then parse: InvalidSignatureError comes before anything in the body is read."""
        try:
            payload = self.parser.parse(body, signature, as_payload=True)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:  # InvalidSignatureError is none of these
            raise InvalidPayload(type(exc).__name__) from exc
        return list(payload.events or [])

    def user_key(self, user_id: str) -> str:
        return "line:" + hmac.new(self._key_secret, user_id.encode(), hashlib.sha256).hexdigest()

    def handle(self, events: list[Event]) -> Tally:
        tally = Tally(received=len(events))
        for event in events:
            event_id = getattr(event, "webhook_event_id", None)
            if event_id and not self.replays.add(f"event:{event_id}", "1", self.replay_ttl):
                tally.duplicates += 1
                log.info("line event %s… already handled; skipped", event_id[:6])
                continue
            tally.handled += self._handle_one(event)
        return tally

    def _handle_one(self, event: Event) -> bool:
        source = getattr(event, "source", None)
        if not isinstance(source, UserSource) or not source.user_id:
            return False  # groups and rooms: the bot is for one-to-one chats
        key = self.user_key(source.user_id)
        log.info("line %s event from user %s", event.type, short(key))
        if isinstance(event, UnfollowEvent):
            self.chat.erase(key)
            return True
        if isinstance(event, FollowEvent):
            exchange = self.chat.start(key, "ja")
            self._reply(event.reply_token, reply_messages(choose_language(exchange.messages, "ja"), [], "ja"))
            return True
        text = self._text_of(event)
        token = getattr(event, "reply_token", None)
        if text is None:
            if isinstance(event, MessageEvent) and token:
                lang = self._lang(key)
                self._reply(token, reply_messages([Message(text=message("line.text_only", lang))], [], lang))
                return True
            return False
        if len(text) > self.max_chars:
            lang = self._lang(key)
            self._reply(token, reply_messages([Message(text=message("errors.message_too_long", lang))], [], lang))
            return True
        try:
            exchange = self.chat.converse(key, text)  # a new session guesses; a language name switches
        except SessionBusy:
            lang = self._lang(key)
            self._reply(token, reply_messages([Message(text=message("errors.session_busy", lang))], [], lang))
            return True
        lang = exchange.state.lang
        notice = self.chat.dialogue.notice_short(lang)
        contact = self.chat.dialogue.contact.line(lang) or None
        said = choose_language(exchange.messages, lang) if exchange.previous is None else exchange.messages
        self._reply(token, reply_messages(said, self._cards(exchange, lang), lang, notice, contact))
        return True

    @staticmethod
    def _text_of(event: Event) -> str | None:
        if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
            return event.message.text
        if isinstance(event, PostbackEvent):
            return event.postback.data  # the quick-reply label (see render.quick_reply)
        return None

    def _lang(self, key: str) -> Lang:
        state = self.chat.resume(key)
        return state.lang if state else "ja"

    def _cards(self, exchange: Exchange, lang: Lang) -> list[Match]:
        """Cards when the results are final, or when this message made new measures eligible."""
        results = exchange.turn.results
        if exchange.erased:
            return []
        before = {m.id for m in match_household(self.catalog, exchange.previous.household, lang).eligible} \
            if exchange.previous else set()
        if exchange.turn.done or {m.id for m in results.eligible} - before:
            # a carousel holds 12 cards: related programmes keep their place, maybes fill the rest
            room = max(MAX_BUBBLES - len(results.related), 0)
            # maybes about areas the resident never mentioned stay folded (the text's last line says how many)
            return [*[*results.eligible, *shown_maybe(results)][:room], *results.related][:MAX_BUBBLES]
        return []

    def _reply(self, token: str | None, messages: list[LineMessage]) -> None:
        if not token:
            return
        try:
            self.messaging.reply_message(ReplyMessageRequest(reply_token=token, messages=messages),
                                         _request_timeout=REPLY_TIMEOUT_SECONDS)
        except ApiException as exc:
            log.error("LINE reply refused: HTTP %s", exc.status)
        except Exception as exc:  # network trouble must not turn into a redelivery storm
            log.error("LINE reply failed: %s", type(exc).__name__)

    def close(self) -> None:
        self.api_client.close()

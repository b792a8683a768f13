"""Two messages of one conversation answered at the same time: neither is lost.

First deterministically (a store that lets another turn land between a turn's read and its
save), then for real: many messages of one conversation sent at once to two API processes that
share a real Redis, each adding a different child; every child must be in the household after.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from api.chat import MAX_ATTEMPTS, ChatService, SessionBusy
from api.main import create_app
from api.sessions.memory import MemoryStore
from bot.dialogue.conversation import Dialogue
from knowledge.catalog import default_catalog
from knowledge.settings import Settings
from tests.api.conftest import live_server, wait_for_index


class InterleavingStore(MemoryStore):
    """Before each of the first `times` saves, another turn (`meanwhile`) lands first."""

    def __init__(self, times: int) -> None:
        super().__init__()
        self.times = times
        self.meanwhile: Callable[[], None] = lambda: None

    def swap(self, key: str, expected: str | None, value: str, ttl_seconds: int) -> bool:
        if self.times > 0:
            self.times -= 1
            self.meanwhile()
        return super().swap(key, expected, value, ttl_seconds)


def ages(service: ChatService, key: str) -> list[int | None]:
    state = service.resume(key)
    assert state is not None and state.household.children is not None
    return sorted(c.age for c in state.household.children)


def test_a_turn_that_loses_the_race_is_answered_again_on_the_winner_state() -> None:
    store = InterleavingStore(times=1)
    service = ChatService(Dialogue(default_catalog()), store, ttl_seconds=600)
    service.converse("web:a", "2歳の息子がいます")  # first save: the interleaving is spent on nothing
    store.times = 1
    store.meanwhile = lambda: store.put("web:a", _with_extra_child(service, "web:a"), 600)
    exchange = service.converse("web:a", "5歳の娘もいます")
    assert not exchange.erased
    assert ages(service, "web:a") == [2, 5, 8]  # the 8-year-old from the other turn, and this turn's 5-year-old


def _with_extra_child(service: ChatService, key: str) -> str:
    """What another process would have saved: this conversation plus an 8-year-old."""
    state = service.resume(key)
    assert state is not None
    new_state, _ = service.dialogue.respond(state, "8歳の子もいます")
    return new_state.model_dump_json()


def test_a_conversation_that_never_wins_is_told_to_resend() -> None:
    store = InterleavingStore(times=MAX_ATTEMPTS + 1)
    service = ChatService(Dialogue(default_catalog()), store, ttl_seconds=600)
    store.meanwhile = lambda: None
    service.converse("web:b", "2歳の息子がいます")
    store.times = MAX_ATTEMPTS
    store.meanwhile = lambda: store.put("web:b", _with_extra_child(service, "web:b"), 600)
    with pytest.raises(SessionBusy):
        service.converse("web:b", "5歳の娘もいます")


def test_simultaneous_messages_to_two_servers_all_count(make_settings: Callable[..., Settings],
                                                        redis_url: str) -> None:
    settings = make_settings(session_store="redis", redis_url=redis_url)
    with live_server(create_app(settings)) as url_a, live_server(create_app(settings)) as url_b, \
            httpx.Client(base_url=url_a, timeout=30) as a, httpx.Client(base_url=url_b, timeout=30) as b:
        wait_for_index(a)
        wait_for_index(b)
        session = a.post("/api/chat", json={"text": "1歳の息子がいます"}).json()["session_id"]
        extra = [3, 5, 7, 9, 11, 13]

        def send(i: int) -> int:
            client = a if i % 2 else b
            body = {"session_id": session, "text": f"{extra[i]}歳の子もいます"}
            return client.post("/api/chat", json=body).status_code

        with ThreadPoolExecutor(len(extra)) as pool:
            statuses = list(pool.map(send, range(len(extra))))
        assert statuses == [200] * len(extra)
        final = a.post("/api/chat", json={"session_id": session, "text": "結果を見せて"}).json()
        assert final["session_id"] == session
    import redis

    client = redis.Redis.from_url(redis_url, decode_responses=True)
    raw = client.get(f"bf:session:web:{session}")
    client.close()
    import json

    children = json.loads(str(raw))["household"]["children"]
    assert sorted(c["age"] for c in children) == [1, *extra]

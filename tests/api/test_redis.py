"""Redis: the store against a real redis-server, and two API processes sharing one conversation
(web and LINE) through it. Skipped only when redis-server is not installed."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from api.main import create_app
from api.sessions import StoreUnavailable, store_from_settings
from api.sessions.redis import RedisStore
from knowledge.settings import Settings
from tests.api.conftest import (
    ACCESS_TOKEN,
    CHANNEL_SECRET,
    FakeLine,
    RedisServer,
    assert_error,
    free_port,
    live_server,
    sign,
    wait_for_index,
)

FIRST = "2歳の息子が区内の保育園に通っています"


@pytest.fixture(scope="module")
def redis_settings(make_settings: Callable[..., Settings], redis_url: str, fake_line: FakeLine) -> Settings:
    return make_settings(session_store="redis", redis_url=redis_url, line_channel_secret=CHANNEL_SECRET,
                         line_channel_access_token=ACCESS_TOKEN, line_api_host=fake_line.url)


@pytest.fixture(scope="module")
def two_servers(redis_settings: Settings) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """Two apps (two uvicorn servers, separate stores and caches) on one Redis."""
    with live_server(create_app(redis_settings)) as url_a, live_server(create_app(redis_settings)) as url_b, \
            httpx.Client(base_url=url_a, timeout=30) as a, httpx.Client(base_url=url_b, timeout=30) as b:
        wait_for_index(a)
        wait_for_index(b)
        yield a, b


# --- the store --------------------------------------------------------------------------------

def test_redis_store_get_put_delete_add(redis_url: str) -> None:
    store = RedisStore.from_url(redis_url, prefix="test:")
    store.put("k", '{"a": 1}', 60)
    assert store.get("k") == '{"a": 1}'
    assert store.client.ttl("test:k") > 50  # Redis itself expires it
    assert store.delete("k") is True and store.delete("k") is False and store.get("k") is None
    assert store.add("e", "1", 60) is True and store.add("e", "1", 60) is False
    assert store.ping() and store.kind == "redis"
    store.close()


def test_redis_store_swap_is_compare_and_set(redis_url: str) -> None:
    store = RedisStore.from_url(redis_url, prefix="test-swap:")
    try:
        assert store.swap("k", None, "1", 60)
        assert not store.swap("k", None, "2", 60)
        assert not store.swap("k", "stale", "2", 60) and store.get("k") == "1"
        assert store.swap("k", "1", "2", 60) and store.get("k") == "2"
        assert 0 < store.client.ttl("test-swap:k") <= 60
    finally:
        store.client.delete("test-swap:k")
        store.close()


def test_redis_store_expires(redis_url: str) -> None:
    store = RedisStore.from_url(redis_url, prefix="test:")
    store.put("short", "x", 1)
    time.sleep(1.2)
    assert store.get("short") is None
    store.close()


def test_namespaces_do_not_collide(redis_settings: Settings) -> None:
    sessions = store_from_settings(redis_settings, "session")
    events = store_from_settings(redis_settings, "line-event")
    sessions.put("x", "session", 60)
    assert events.get("x") is None
    sessions.close()
    events.close()


def test_unreachable_redis_is_a_clear_error() -> None:
    store = RedisStore.from_url(f"redis://127.0.0.1:{free_port()}/0", prefix="test:")
    assert store.ping() is False
    with pytest.raises(StoreUnavailable):
        store.get("k")


# --- two API processes ------------------------------------------------------------------------

def chat(client: httpx.Client, text: str, session_id: str | None = None) -> dict[str, Any]:
    response = client.post("/api/chat", json={"text": text, "session_id": session_id})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_one_conversation_across_two_servers(two_servers: tuple[httpx.Client, httpx.Client]) -> None:
    a, b = two_servers
    assert a.get("/healthz").json()["sessions"] == {"store": "redis", "reachable": True}
    first = chat(a, FIRST)
    session_id = first["session_id"]
    answer = first["replies"][-1]["quick_replies"][-1]
    second = chat(b, answer, session_id)  # server B continues what server A started
    assert second["session_id"] == session_id
    assert "diaper_provision" in {m["id"] for m in second["measures"] if m["status"] == "eligible"}
    assert second["replies"][-1]["text"] != first["replies"][-1]["text"]  # B asked the next question
    assert b.delete(f"/api/sessions/{session_id}").status_code == 204
    assert_error(a.delete(f"/api/sessions/{session_id}"), 404, "session_not_found")
    assert chat(a, "わからない", session_id)["session_id"] != session_id


def test_line_user_and_replay_guard_shared_across_servers(two_servers: tuple[httpx.Client, httpx.Client],
                                                          fake_line: FakeLine) -> None:
    a, b = two_servers

    def post(client: httpx.Client, event_id: str, text: str) -> dict[str, Any]:
        event = {"type": "message", "mode": "active", "timestamp": 1, "webhookEventId": event_id,
                 "deliveryContext": {"isRedelivery": False}, "replyToken": f"r{event_id}",
                 "source": {"type": "user", "userId": "Ushared"},
                 "message": {"type": "text", "id": "1", "text": text, "quoteToken": "q"}}
        body = json.dumps({"destination": "Ubot", "events": [event]}, ensure_ascii=False).encode()
        response = client.post("/line/webhook", content=body, headers={"x-line-signature": sign(body)})
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    assert post(a, "01EVENTA", FIRST)["handled"] == 1
    assert post(b, "01EVENTA", FIRST)["duplicates"] == 1  # B knows A handled it
    [reply] = fake_line.take()
    question = reply["body"]["messages"][-1]
    label = question["quickReply"]["items"][-1]["action"]["data"]
    assert post(b, "01EVENTB", label)["handled"] == 1
    [reply] = fake_line.take()
    texts = [m.get("text", "") for m in reply["body"]["messages"]]
    assert not texts[0].startswith("こんにちは")  # no new greeting: B continued A's conversation
    assert texts[-1] != question["text"]  # and asked the next question


def test_redis_down_is_503_and_healthz_degraded(make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(session_store="redis", redis_url=f"redis://127.0.0.1:{free_port()}/0")
    with live_server(create_app(settings)) as url, httpx.Client(base_url=url, timeout=30) as client:
        health = client.get("/healthz").json()
        assert health["status"] == "degraded" and health["sessions"] == {"store": "redis", "reachable": False}
        assert_error(client.post("/api/chat", json={"text": FIRST}), 503, "store_unavailable")
        assert client.get("/api/measures").status_code == 200  # the rest still works


# --- faults: Redis goes away and comes back --------------------------------------------------

def test_redis_stopped_mid_conversation_then_restarted(make_settings: Callable[..., Settings],
                                                       redis_server: RedisServer) -> None:
    """While Redis is down: a clear 503 (not a hang, not a 500), health says so, the catalog still
    answers. When it is back: the same processes serve conversations again, no restart needed."""
    settings = make_settings(session_store="redis", redis_url=redis_server.url)
    with live_server(create_app(settings)) as url, httpx.Client(base_url=url, timeout=15) as client:
        wait_for_index(client)
        first = client.post("/api/chat", json={"text": FIRST})
        assert first.status_code == 200
        session = first.json()["session_id"]

        redis_server.stop()
        assert_error(client.post("/api/chat", json={"session_id": session, "text": "わからない"}),
                     503, "store_unavailable")
        assert_error(client.post("/api/chat", json={"text": FIRST}), 503, "store_unavailable")
        assert client.get("/healthz").json()["status"] == "degraded"
        assert client.get("/api/measures").status_code == 200  # rate limits fail open, the catalog answers
        assert client.delete(f"/api/sessions/{session}").status_code == 503  # erase is not faked either

        redis_server.start()  # same port, empty (no persistence): the old conversation is gone
        assert client.get("/healthz").json()["status"] == "ok"
        again = client.post("/api/chat", json={"session_id": session, "text": FIRST})
        assert again.status_code == 200
        assert again.json()["session_id"] != session  # a fresh conversation, said plainly, not an error
        follow = client.post("/api/chat", json={"session_id": again.json()["session_id"], "text": "わからない"})
        assert follow.status_code == 200 and follow.json()["session_id"] == again.json()["session_id"]


# --- rate limits shared through Redis --------------------------------------------------------

def _clear_rate_keys(url: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter("bf:rate:*"):
        client.delete(key)
    client.close()


def test_per_ip_limit_is_shared_by_two_servers(make_settings: Callable[..., Settings], redis_url: str) -> None:
    """Five a minute across both: a client cannot double its allowance by alternating instances."""
    _clear_rate_keys(redis_url)
    settings = make_settings(session_store="redis", redis_url=redis_url, rate_limit_per_ip_per_minute=5,
                             index_preload=False)
    with live_server(create_app(settings)) as url_a, live_server(create_app(settings)) as url_b, \
            httpx.Client(base_url=url_a) as a, httpx.Client(base_url=url_b) as b:
        statuses = [(a if i % 2 else b).get("/api/measures").status_code for i in range(5)]
        assert statuses == [200] * 5
        limited = a.get("/api/measures")
        error = assert_error(limited, 429, "rate_limited")
        assert int(limited.headers["retry-after"]) >= 1 and error["details"]["retry_after_seconds"] >= 1
        assert_error(b.get("/api/measures"), 429, "rate_limited")
    import redis

    client = redis.Redis.from_url(redis_url, decode_responses=True)
    keys = list(client.scan_iter("bf:rate:ip:*"))
    client.close()
    assert keys and not any("127.0.0.1" in key for key in keys)  # the IP is hashed, not stored


def test_per_conversation_limit_is_shared_by_two_servers(make_settings: Callable[..., Settings],
                                                         redis_url: str) -> None:
    _clear_rate_keys(redis_url)
    settings = make_settings(session_store="redis", redis_url=redis_url, rate_limit_per_session_per_minute=3,
                             index_preload=False)
    with live_server(create_app(settings)) as url_a, live_server(create_app(settings)) as url_b, \
            httpx.Client(base_url=url_a, timeout=30) as a, httpx.Client(base_url=url_b, timeout=30) as b:
        session = a.post("/api/chat", json={"text": "こんにちは"}).json()["session_id"]
        for client in (a, b, a):
            assert client.post("/api/chat", json={"session_id": session, "text": "わからない"}).status_code == 200
        assert_error(b.post("/api/chat", json={"session_id": session, "text": "わからない"}), 429, "rate_limited")
        assert a.post("/api/chat", json={"text": "2歳の子がいます"}).status_code == 200  # others unaffected



# --- erasure reaches Redis --------------------------------------------------------------------

def _raw(redis_url: str, key: str) -> str | None:
    import redis

    client = redis.Redis.from_url(redis_url, decode_responses=True)
    try:
        value = client.get(key)
        return None if value is None else str(value)
    finally:
        client.close()


def test_delete_on_one_server_erases_the_household_from_redis(two_servers: tuple[httpx.Client, httpx.Client],
                                                                redis_url: str) -> None:
    a, b = two_servers
    session = a.post("/api/chat", json={"text": FIRST}).json()["session_id"]
    stored = _raw(redis_url, f"bf:session:web:{session}")
    assert stored is not None and json.loads(stored)["household"]["children"][0]["age"] == 2
    assert b.delete(f"/api/sessions/{session}").status_code == 204
    assert _raw(redis_url, f"bf:session:web:{session}") is None  # gone from Redis, not just hidden
    assert a.post("/api/chat", json={"session_id": session, "text": "わからない"}).json()["session_id"] != session
    assert b.delete(f"/api/sessions/{session}").status_code == 404


def test_asking_in_the_chat_erases_the_household_from_redis(two_servers: tuple[httpx.Client, httpx.Client],
                                                              redis_url: str) -> None:
    a, b = two_servers
    session = a.post("/api/chat", json={"text": FIRST}).json()["session_id"]
    assert _raw(redis_url, f"bf:session:web:{session}") is not None
    body = b.post("/api/chat", json={"session_id": session, "text": "データを削除"}).json()
    assert body["erased"] is True and body["session_id"] is None
    assert _raw(redis_url, f"bf:session:web:{session}") is None


def test_sessions_carry_the_configured_ttl_in_redis(two_servers: tuple[httpx.Client, httpx.Client],
                                                    redis_settings: Settings, redis_url: str) -> None:
    import redis

    a, _ = two_servers
    session = a.post("/api/chat", json={"text": FIRST}).json()["session_id"]
    client = redis.Redis.from_url(redis_url)
    ttl = client.ttl(f"bf:session:web:{session}")
    client.close()
    assert 0 < ttl <= redis_settings.session_ttl_seconds  # Redis itself forgets it, even if every API process is gone

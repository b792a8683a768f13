"""Free questions: one encoder thread with a bounded queue (a kind 'busy' reply, never a hang), a
cache of question vectors that holds no one's identity, and a limit by encoder cost per client."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import numpy as np
import pytest

from api.encoder_worker import BUSY_REPLY, EncoderBusy, EncoderWorker, cache_key, normalise_query, tally
from api.main import create_app
from api.rate_limit import CostWindow
from knowledge.settings import Settings
from tests.api.conftest import assert_error, live_server, wait_for_index
from tests.conftest import FakeEncoder


class GatedEncoder(FakeEncoder):
    """Encodes only when the gate is open, and counts what it was asked."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.calls: list[list[str]] = []

    def encode_queries(self, texts: list[str]) -> Any:
        self.gate.wait(10)
        self.calls.append(list(texts))
        return super().encode_queries(texts)


def test_a_repeated_question_is_encoded_once_and_the_cache_holds_only_text() -> None:
    encoder = GatedEncoder()
    encoder.gate.set()
    worker = EncoderWorker(encoder)
    first = worker.encode_queries(["給食費は 無料ですか"])
    again = worker.encode_queries(["給食費は　無料ですか"])  # full-width space: the same normalised text
    assert np.array_equal(first, again) and encoder.calls == [["給食費は 無料ですか"]]
    assert worker.cache.hits == 1
    assert list(worker.cache._items) == [cache_key(normalise_query("給食費は 無料ですか"))]  # a digest, not the words


def test_a_full_queue_says_busy_at_once_and_identical_questions_share_one_encoding() -> None:
    encoder = GatedEncoder()
    worker = EncoderWorker(encoder, max_queue=1, timeout=5)
    results: dict[str, list[Any]] = {"first": [], "second": []}

    def ask(text: str) -> None:
        results[text].append(worker.encode_query(text))

    def settle(queued: int) -> None:
        deadline = time.monotonic() + 5
        while worker._queue.qsize() != queued and time.monotonic() < deadline:
            time.sleep(0.005)

    askers = [threading.Thread(target=ask, args=("first",))]
    askers[0].start()
    settle(0)  # the worker took "first" and is encoding it (held at the gate)
    time.sleep(0.05)
    askers += [threading.Thread(target=ask, args=(t,)) for t in ("first", "second")]
    for t in askers[1:]:
        t.start()
    settle(1)  # "first" again joined the one in progress; "second" fills the queue
    started = time.monotonic()
    with pytest.raises(EncoderBusy):
        worker.encode_query("third")
    assert time.monotonic() - started < 1  # at once, not after the timeout
    encoder.gate.set()
    for t in askers:
        t.join(5)
    assert len(results["first"]) == 2 and len(results["second"]) == 1
    assert [text for call in encoder.calls for text in call].count("first") == 1  # two askers, one encoding


def test_a_question_waiting_past_the_timeout_is_busy_not_a_hang() -> None:
    encoder = GatedEncoder()
    worker = EncoderWorker(encoder, timeout=0.1)
    with pytest.raises(EncoderBusy):
        worker.encode_query("slow")
    encoder.gate.set()


def test_tokens_are_tallied_for_encodings_not_for_cache_hits() -> None:
    encoder = GatedEncoder()
    encoder.gate.set()
    worker = EncoderWorker(encoder)
    with tally() as spent:
        worker.encode_query("abcd")
    assert spent == [4]  # the fake encoder is charged a token a character
    with tally() as spent:
        worker.encode_query("abcd")
    assert spent == [0]


def test_the_cost_window_refuses_while_over_budget_and_frees_up() -> None:
    window = CostWindow(limit=100, window=0.1)
    assert window.retry_after("ip") is None
    window.charge("ip", 60)
    assert window.retry_after("ip") is None
    window.charge("ip", 60)
    assert window.retry_after("ip") == 1 and window.retry_after("other") is None
    time.sleep(0.12)
    assert window.retry_after("ip") is None


def test_chat_and_search_over_the_encoder_budget_get_429(make_settings: Callable[..., Settings]) -> None:
    app = create_app(make_settings(rate_limit_encoder_tokens_per_ip_per_minute=64))
    with live_server(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        wait_for_index(client)
        long = "区のホームページのお知らせを読みました。" * 45  # no household fact: the message stays a question
        # questions naming no measure: each needs the encoder (a named measure is answered without it)
        questions = ["子育ての支援について教えてください", "高齢者向けの取り組みはありますか？",
                     "環境のための施策を知りたいです", "障害のある子の家族への支援は？",
                     "学校関係の新しい施策は？", "まちづくりの取り組みは？"]
        statuses = []
        for question in questions:  # distinct questions: the cache would make repeats free
            statuses.append(client.post("/api/chat", json={"text": long + question}).status_code)
        assert statuses[0] == 200 and statuses[-1] == 429
        limited = client.get("/api/search", params={"q": "給食費は無料？"})
        error = assert_error(limited, 429, "rate_limited")
        assert int(limited.headers["retry-after"]) >= 1 and error["details"]["retry_after_seconds"] >= 1


def test_a_busy_encoder_gets_a_kind_reply_in_chat_and_503_in_search(make_settings: Callable[..., Settings]) -> None:
    app = create_app(make_settings())
    with live_server(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        wait_for_index(client)
        worker = app.state.search.worker

        def busy(text: str) -> Any:
            raise EncoderBusy("queue full")

        worker.encode_query = busy
        first = client.post("/api/chat", json={"text": "2歳の息子がいます"}).json()
        # a question naming no measure needs the encoder (「給食費は無料ですか？」 names its measure: no encoding)
        answer = client.post("/api/chat", json={"session_id": first["session_id"],
                                                "text": "子育ての負担を減らす取り組みはありますか？"})
        assert answer.status_code == 200
        body = answer.json()
        assert body["replies"][-1]["text"] == BUSY_REPLY["ja"] and body["session_id"] == first["session_id"]
        plain = client.post("/api/chat", json={"session_id": first["session_id"], "text": "結果を見せて"})
        assert plain.status_code == 200  # plain turns go on; the household was kept
        search = client.get("/api/search", params={"q": "給食費は無料？"})
        assert_error(search, 503, "search_busy")
        assert search.headers["retry-after"] == "1"


def test_the_queue_is_bounded_by_expected_wait_too() -> None:
    """On a busy machine each encoding takes longer, so fewer questions may wait."""
    encoder = GatedEncoder()
    worker = EncoderWorker(encoder, max_queue=16, max_queue_seconds=0.5, timeout=5)
    worker.seconds_per_question = 0.6  # as if the machine were slow
    waiting = [threading.Thread(target=worker.encode_query, args=(t,)) for t in ("held", "queued")]
    waiting[0].start()
    deadline = time.monotonic() + 5
    while worker._queue.qsize() and time.monotonic() < deadline:
        time.sleep(0.005)  # the worker took "held"
    waiting[1].start()
    while worker._queue.qsize() < 1 and time.monotonic() < deadline:
        time.sleep(0.005)
    assert worker._queue.qsize() == 1  # "queued" got in: nothing was ahead of it
    started = time.monotonic()
    with pytest.raises(EncoderBusy, match="slow"):
        worker.encode_query("third")  # behind one question at 0.6 s: over 0.5 s
    assert time.monotonic() - started < 1
    encoder.gate.set()
    for t in waiting:
        t.join(5)


def test_the_cost_window_is_shared_through_redis(redis_url: str) -> None:
    """Two processes on one Redis meet one budget: a second window sees what the first charged."""
    from api.rate_limit import RedisCostWindow

    first, second = RedisCostWindow(redis_url, limit=100), RedisCostWindow(redis_url, limit=100)
    assert first.retry_after("203.0.113.9") is None
    first.charge("203.0.113.9", 120)
    retry = second.retry_after("203.0.113.9")
    assert retry is not None and retry >= 1
    assert second.retry_after("203.0.113.10") is None

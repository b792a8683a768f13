"""Rate limits on a real server: 429 with Retry-After and the usual JSON error, per IP and per
conversation; other clients and pages are unaffected."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from api.main import create_app
from api.rate_limit import SlidingWindow
from knowledge.settings import Settings
from tests.api.conftest import assert_error, live_server


def test_a_client_over_its_per_ip_limit_gets_429_with_retry_after(make_settings: Callable[..., Settings]) -> None:
    app = create_app(make_settings(rate_limit_per_ip_per_minute=5, index_preload=False))
    with live_server(app) as url, httpx.Client(base_url=url) as client:
        statuses = [client.get("/api/measures/diaper_provision").status_code for _ in range(5)]
        assert statuses == [200] * 5
        limited = client.get("/api/measures/diaper_provision")
        error = assert_error(limited, 429, "rate_limited")
        assert int(limited.headers["retry-after"]) >= 1 and error["details"]["retry_after_seconds"] >= 1
        assert client.get("/healthz").status_code == 200  # health checks are not limited


def test_one_conversation_over_its_limit_gets_429(make_settings: Callable[..., Settings]) -> None:
    app = create_app(make_settings(rate_limit_per_session_per_minute=3, index_preload=False))
    with live_server(app) as url, httpx.Client(base_url=url) as client:
        session = client.post("/api/chat", json={"text": "こんにちは"}).json()["session_id"]
        for _ in range(3):
            assert client.post("/api/chat", json={"session_id": session, "text": "わからない"}).status_code == 200
        limited = client.post("/api/chat", json={"session_id": session, "text": "わからない"})
        assert_error(limited, 429, "rate_limited")
        assert "retry-after" in limited.headers
        other = client.post("/api/chat", json={"text": "2歳の子がいます"})
        assert other.status_code == 200  # another conversation is unaffected


def test_the_window_slides() -> None:
    window = SlidingWindow(limit=2, window=0.05)
    assert window.retry_after("a") is None and window.retry_after("a") is None
    assert window.retry_after("a") == 1
    assert window.retry_after("b") is None
    import time

    time.sleep(0.06)
    assert window.retry_after("a") is None


def test_idle_clients_are_forgotten() -> None:
    """Memory holds the clients of the last window, not every session id ever seen."""
    import time

    window = SlidingWindow(limit=5, window=0.05)
    for i in range(100):
        assert window.retry_after(f"session-{i}") is None
    time.sleep(0.06)
    assert window.retry_after("new") is None
    assert len(window) == 1

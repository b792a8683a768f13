"""Rate limits: per client IP for every /api and /line request, and per conversation for chat.

A sliding window of request times in this process's memory. Several processes each count their
own requests (so the effective limit is a multiple): enough to stop one client flooding one
process; a shared Redis window is a follow-up (see README).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict, deque
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from api.errors import error_payload

WINDOW_SECONDS = 60.0
MAX_KEYS = 50_000  # oldest keys are forgotten first, so memory stays bounded under many clients


class SlidingWindow:
    def __init__(self, limit: int, window: float = WINDOW_SECONDS) -> None:
        self.limit, self.window = limit, window
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, key: str) -> int | None:
        """Seconds to wait when `key` is over its limit, else None (and the hit is counted)."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits.pop(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            self._hits[key] = hits
            if len(self._hits) > MAX_KEYS:
                self._hits.popitem(last=False)
            if len(hits) >= self.limit:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            return None


def too_many_requests_body(retry: int) -> dict[str, Any]:
    return error_payload("rate_limited", {"retry_after_seconds": retry})


class RateLimitMiddleware:
    """429 with Retry-After (and the usual JSON error) once a client IP exceeds its window."""

    def __init__(self, app: ASGIApp, per_minute: int, prefixes: tuple[str, ...] = ("/api/", "/line/")) -> None:
        self.app = app
        self.window = SlidingWindow(per_minute)
        self.prefixes = prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        client = scope.get("client") or ("unknown", 0)
        retry = self.window.retry_after(client[0])
        if retry is None:
            await self.app(scope, receive, send)
            return
        body = json.dumps(too_many_requests_body(retry), ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": 429, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(retry).encode())]})
        await send({"type": "http.response.body", "body": body})

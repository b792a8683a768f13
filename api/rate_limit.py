"""Rate limits: per client IP for every /api and /line request, per conversation for chat, and
per client IP by cost (encoder tokens of free questions, `CostWindow`) for chat and search.

With in-memory sessions, a sliding window of request times in this process. With Redis
sessions (several processes or instances), the windows live in Redis too, so a client flooding
two instances meets one limit, not two: per key, a counter per minute, and the previous minute's
count weighted by how much of it still lies in the last 60 s (the usual approximation of a
sliding window, two small keys per client). Keys hold a hash of the IP, never the IP itself.

If Redis does not answer, limits fail open (the request goes on, a warning is logged once a
minute): the session store's own 503 is the clear error then, and a limit must never be the
reason a resident who is within it gets no answer.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import redis
import redis.asyncio
from starlette.types import ASGIApp, Receive, Scope, Send

from api.encoder_worker import tally
from api.errors import ApiError, error_payload, scope_lang
from knowledge.languages import Lang

log = logging.getLogger("api")
WINDOW_SECONDS = 60.0
POOL_SIZE = 32  # Redis connections per window and process
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
            self._forget_idle(now)  # before `key` goes back in: it is never its own victim
            self._hits[key] = hits
            if len(hits) >= self.limit:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            return None

    async def check(self, key: str) -> int | None:
        return self.retry_after(key)

    def __len__(self) -> int:
        with self._lock:
            return len(self._hits)

    def _forget_idle(self, now: float) -> None:
        """Keys are kept in order of last use, so the idle ones (no hit in the window) are at the
        front: dropping them as they appear keeps memory to the clients of the last minute, not
        every session id ever seen."""
        while self._hits:
            oldest = next(iter(self._hits.values()))
            if oldest and oldest[-1] > now - self.window and len(self._hits) < MAX_KEYS:
                break
            self._hits.popitem(last=False)


class Window(Protocol):
    def retry_after(self, key: str) -> int | None:
        """Seconds to wait when `key` is over its limit, else None (and the hit is counted)."""

    async def check(self, key: str) -> int | None:
        """`retry_after` for async callers (the middleware) without blocking the event loop."""


# One round trip, atomic: count this request in the current minute, read the previous minute,
# and take the request back if the weighted estimate is over the limit (a refused request does
# not count). ARGV: limit, weight of the previous minute, TTL. Returns 1 when allowed.
_HIT = """
local current = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
if previous * tonumber(ARGV[2]) + current <= tonumber(ARGV[1]) then return 1 end
redis.call('DECR', KEYS[1])
return 0
"""


@dataclass(frozen=True)
class Minute:
    """One hit's Redis keys (this minute's counter, the previous minute's), the previous minute's weight in
    the sliding estimate, the counters' TTL, and the seconds until this minute ends (Retry-After)."""

    keys: list[str]
    weight: float
    ttl: int
    retry: int


class RedisMinutes:
    """Per-minute counters of one scope on Redis, shared by every process: the connections, the keys of a
    minute, and failing open (a limit not enforced beats a product that refuses everyone) with a warning
    at most once a minute. `RedisWindow` counts requests in them, `RedisCostWindow` encoder tokens."""

    def __init__(self, url: str, scope: str, window: float = WINDOW_SECONDS, clock: Any = time.time) -> None:
        self.window, self.scope, self.clock = window, scope, clock
        # Blocking pools: a burst of requests waits (up to `timeout`) for one of a bounded set of
        # connections instead of failing with MaxConnectionsError, which would lift the limit.
        options: dict[str, Any] = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5,
                                   "max_connections": POOL_SIZE, "timeout": 1.0}
        self.sync = redis.Redis.from_pool(redis.BlockingConnectionPool.from_url(url, **options))
        self.aio = redis.asyncio.Redis.from_pool(redis.asyncio.BlockingConnectionPool.from_url(url, **options))
        self._warned_at = -math.inf

    def minute(self, key: str) -> Minute:
        now = self.clock()
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        slot, elapsed = int(now // self.window), now % self.window
        keys = [f"bf:rate:{self.scope}:{digest}:{slot}", f"bf:rate:{self.scope}:{digest}:{slot - 1}"]
        return Minute(keys, 1 - elapsed / self.window, int(2 * self.window),
                      max(1, math.ceil(self.window - elapsed)))  # by the next minute the estimate has dropped

    def unreachable(self, exc: Exception) -> None:
        if time.monotonic() - self._warned_at > 60:
            self._warned_at = time.monotonic()
            log.warning("rate limit store unreachable (%s); limits are not enforced meanwhile", type(exc).__name__)

    async def aclose(self) -> None:
        self.sync.close()
        await self.aio.aclose()


class RedisWindow:
    """A window shared by every process on one Redis (see the module docstring)."""

    def __init__(self, url: str, limit: int, scope: str, window: float = WINDOW_SECONDS,
                 clock: Any = time.time) -> None:
        self.limit = limit
        self.minutes = RedisMinutes(url, scope, window, clock)
        self._hit_sync = self.minutes.sync.register_script(_HIT)
        self._hit_async = self.minutes.aio.register_script(_HIT)

    def _args(self, minute: Minute) -> list[Any]:
        return [self.limit, minute.weight, minute.ttl]

    def retry_after(self, key: str) -> int | None:
        minute = self.minutes.minute(key)
        try:
            return None if self._hit_sync(keys=minute.keys, args=self._args(minute)) else minute.retry
        except redis.RedisError as exc:
            self.minutes.unreachable(exc)
            return None

    async def check(self, key: str) -> int | None:
        minute = self.minutes.minute(key)
        try:
            return None if await self._hit_async(keys=minute.keys, args=self._args(minute)) else minute.retry
        except redis.RedisError as exc:
            self.minutes.unreachable(exc)
            return None

    async def aclose(self) -> None:
        await self.minutes.aclose()


class CostWindow:
    """A limit by cost, not count: encoder tokens a client caused in the last minute. A request is
    refused while the client is over its budget; what it costs is charged once it is answered (the
    cost is known only then: a cached question costs nothing), so a client overshoots by at most
    one message, which the token cap bounds."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS) -> None:
        self.limit, self.window = limit, window
        self._spent: OrderedDict[str, deque[tuple[float, int]]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[tuple[float, int]]:
        spent = self._spent.pop(key, deque())
        while spent and spent[0][0] <= now - self.window:
            spent.popleft()
        while self._spent and (len(self._spent) >= MAX_KEYS or not self._live(next(iter(self._spent.values())), now)):
            self._spent.popitem(last=False)  # idle keys first, as in SlidingWindow
        return spent

    def _live(self, spent: deque[tuple[float, int]], now: float) -> bool:
        return bool(spent) and spent[-1][0] > now - self.window

    def retry_after(self, key: str) -> int | None:
        """Seconds until `key` is back under its budget, else None (nothing is charged)."""
        now = time.monotonic()
        with self._lock:
            spent = self._recent(key, now)
            self._spent[key] = spent
            total = sum(c for _, c in spent)
            if total < self.limit:
                return None
            for at, cost in spent:  # the budget frees up as the oldest costs leave the window
                total -= cost
                if total < self.limit:
                    return max(1, math.ceil(at + self.window - now))
            return max(1, math.ceil(self.window))

    def charge(self, key: str, cost: int) -> None:
        if cost <= 0:
            return
        now = time.monotonic()
        with self._lock:
            spent = self._recent(key, now)
            spent.append((now, cost))
            self._spent[key] = spent


class RedisCostWindow:
    """`CostWindow` shared through Redis: a counter of cost per minute (INCRBY), the previous
    minute weighted as in `RedisWindow`; fails open like it."""

    def __init__(self, url: str, limit: int, scope: str = "cost", window: float = WINDOW_SECONDS,
                 clock: Any = time.time) -> None:
        self.limit = limit
        self.minutes = RedisMinutes(url, scope, window, clock)

    def retry_after(self, key: str) -> int | None:
        minute = self.minutes.minute(key)
        try:
            current, previous = self.minutes.sync.mget(minute.keys)
        except redis.RedisError as exc:
            self.minutes.unreachable(exc)
            return None
        return minute.retry if int(previous or 0) * minute.weight + int(current or 0) >= self.limit else None

    def charge(self, key: str, cost: int) -> None:
        if cost <= 0:
            return
        minute = self.minutes.minute(key)
        try:
            with self.minutes.sync.pipeline() as pipe:
                pipe.incrby(minute.keys[0], cost).expire(minute.keys[0], minute.ttl).execute()
        except redis.RedisError as exc:
            self.minutes.unreachable(exc)

    async def aclose(self) -> None:
        await self.minutes.aclose()


class RateLimited(ApiError):
    def __init__(self, retry: int) -> None:
        super().__init__(429, "rate_limited", {"retry_after_seconds": retry})
        self.headers = {"Retry-After": str(retry)}


@contextmanager
def encoder_budget(window: CostWindow | RedisCostWindow, client: str) -> Iterator[None]:
    """A request that may encode a question: refused (429) while the client's budget of encoder
    tokens is spent, and charged afterwards with what it really cost (cache hits are free)."""
    if (retry := window.retry_after(client)) is not None:
        raise RateLimited(retry)
    with tally() as spent:
        try:
            yield
        finally:
            window.charge(client, spent[0])


def too_many_requests_body(retry: int, lang: Lang = "ja") -> dict[str, Any]:
    return error_payload("rate_limited", {"retry_after_seconds": retry}, lang)


class RateLimitMiddleware:
    """429 with Retry-After (and the usual JSON error) once a client IP exceeds its window."""

    def __init__(self, app: ASGIApp, window: Window, prefixes: tuple[str, ...] = ("/api/", "/line/")) -> None:
        self.app = app
        self.window = window
        self.prefixes = prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        client = scope.get("client") or ("unknown", 0)
        retry = await self.window.check(client[0])
        if retry is None:
            await self.app(scope, receive, send)
            return
        body = json.dumps(too_many_requests_body(retry, scope_lang(scope)), ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": 429, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(retry).encode())]})
        await send({"type": "http.response.body", "body": body})


def cost_window_from_settings(session_store: str, redis_url: str, limit: int) -> CostWindow | RedisCostWindow:
    """Encoder tokens per IP a minute: shared through Redis when sessions are."""
    return RedisCostWindow(redis_url, limit) if session_store == "redis" else CostWindow(limit)


def windows_from_settings(session_store: str, redis_url: str, per_ip: int, per_session: int) -> tuple[Window, Window]:
    """(per-IP window, per-conversation window): shared through Redis when sessions are."""
    if session_store == "redis":
        return RedisWindow(redis_url, per_ip, "ip"), RedisWindow(redis_url, per_session, "session")
    return SlidingWindow(per_ip), SlidingWindow(per_session)


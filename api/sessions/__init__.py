"""Where conversations wait between turns: a key → text store with a time to live.

The store sees only opaque strings (the DialogueState JSON, or a replay marker), never message
text. Memory is the default; Redis lets several API processes serve one conversation.
"""

from __future__ import annotations

from typing import Protocol

from knowledge.settings import Settings


class StoreUnavailable(RuntimeError):
    """The backing store cannot be reached; the API answers 503 instead of losing a turn silently."""


class SessionStore(Protocol):
    kind: str

    def get(self, key: str) -> str | None:
        """The value, or None when absent or expired."""

    def put(self, key: str, value: str, ttl_seconds: int) -> None:
        """Store (or replace) the value; the TTL restarts."""

    def delete(self, key: str) -> bool:
        """Remove the key; True when it was there."""

    def add(self, key: str, value: str, ttl_seconds: int) -> bool:
        """Store only if absent, atomically; False when the key already exists (replay guard)."""

    def swap(self, key: str, expected: str | None, value: str, ttl_seconds: int) -> bool:
        """Store `value` only if the key still holds `expected` (None: still absent), atomically;
        False when another turn wrote in between (then the caller redoes its turn on the new value)."""

    def ping(self) -> bool:
        """Whether the store answers (for /healthz)."""

    def close(self) -> None: ...


def store_from_settings(settings: Settings, namespace: str) -> SessionStore:
    """A store for one namespace ("session", "line-event"), as the settings choose.

    Namespaces get separate memory stores (so replay markers never evict conversations) and
    separate key prefixes in Redis.
    """
    if settings.session_store == "redis":
        from api.sessions.redis import RedisStore

        return RedisStore.from_url(settings.redis_url, prefix=f"bf:{namespace}:")
    from api.sessions.memory import MemoryStore

    return MemoryStore(max_entries=settings.session_max_entries)

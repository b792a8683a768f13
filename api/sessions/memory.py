"""The default store: a dict in this process, with expiry and a size cap.

Good for one API process; conversations do not survive a restart, which is also the privacy
default (nothing is written to disk). Expired entries are not only unreachable but dropped: a
sweep runs at most every `sweep_seconds` on writes (and the app's lifespan calls `sweep()` when
idle), so an expired household does not linger in memory until the size cap pushes it out.

A lock makes it safe from the thread pool FastAPI runs sync routes in; every operation is short,
so async callers are not held up.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class MemoryStore:
    kind = "memory"

    def __init__(self, max_entries: int = 10_000, clock: Callable[[], float] = time.monotonic,
                 sweep_seconds: float = 30.0) -> None:
        self.max_entries = max_entries
        self.clock = clock
        self.sweep_seconds = sweep_seconds
        self._next_sweep = clock() + sweep_seconds
        self._data: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()

    def _live(self, key: str, now: float) -> str | None:
        entry = self._data.get(key)
        if entry is None:
            return None
        if entry[0] <= now:
            del self._data[key]
            return None
        return entry[1]

    def get(self, key: str) -> str | None:
        with self._lock:
            value = self._live(key, self.clock())
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: str, value: str, ttl_seconds: int) -> None:
        with self._lock:
            self._set(key, value, ttl_seconds)

    def add(self, key: str, value: str, ttl_seconds: int) -> bool:
        with self._lock:
            if self._live(key, self.clock()) is not None:
                return False
            self._set(key, value, ttl_seconds)
            return True

    def swap(self, key: str, expected: str | None, value: str, ttl_seconds: int) -> bool:
        with self._lock:
            if self._live(key, self.clock()) != expected:
                return False
            self._set(key, value, ttl_seconds)
            return True

    def delete(self, key: str) -> bool:
        with self._lock:
            found = self._live(key, self.clock()) is not None
            self._data.pop(key, None)
            return found

    def sweep(self) -> int:
        """Drop every expired entry now; returns how many went."""
        with self._lock:
            return self._sweep(self.clock())

    def ping(self) -> bool:
        return True

    def close(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        with self._lock:
            now = self.clock()
            return sum(1 for expires, _ in self._data.values() if expires > now)

    def held(self) -> int:
        """Entries in memory, expired or not: what a sweep reduces (`len` counts only live ones)."""
        with self._lock:
            return len(self._data)

    def _set(self, key: str, value: str, ttl_seconds: int) -> None:
        now = self.clock()
        self._data[key] = (now + ttl_seconds, value)
        self._data.move_to_end(key)
        if len(self._data) > self.max_entries or now >= self._next_sweep:
            self._sweep(now)
        while len(self._data) > self.max_entries:
            self._data.popitem(last=False)  # least recently used

    def _sweep(self, now: float) -> int:
        stale = [k for k, (expires, _) in self._data.items() if expires <= now]
        for key in stale:
            del self._data[key]
        self._next_sweep = now + self.sweep_seconds
        return len(stale)

"""The default in-memory session store: expiry, the size cap, set-if-absent, thread safety."""

from __future__ import annotations

import threading

from api.sessions import store_from_settings
from api.sessions.memory import MemoryStore
from knowledge.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_values_expire_after_their_ttl() -> None:
    clock = Clock()
    store = MemoryStore(clock=clock)
    store.put("a", "1", ttl_seconds=10)
    clock.now = 9.9
    assert store.get("a") == "1"
    clock.now = 10.0
    assert store.get("a") is None and len(store) == 0
    assert store.delete("a") is False


def test_put_renews_the_ttl() -> None:
    clock = Clock()
    store = MemoryStore(clock=clock)
    store.put("a", "1", 10)
    clock.now = 8
    store.put("a", "2", 10)
    clock.now = 15
    assert store.get("a") == "2"


def test_the_least_recently_used_go_first_when_full() -> None:
    clock = Clock()
    store = MemoryStore(max_entries=3, clock=clock)
    for key in "abc":
        store.put(key, key, 100)
    store.get("a")  # a is now the most recently used
    store.put("d", "d", 100)
    assert store.get("b") is None and [store.get(k) for k in "acd"] == ["a", "c", "d"]


def test_expired_entries_leave_memory_at_the_next_sweep() -> None:
    clock = Clock()
    store = MemoryStore(clock=clock, sweep_seconds=30)
    for i in range(100):
        store.put(f"s{i}", "household", 10)
    clock.now = 11
    assert len(store) == 0 and store.held() == 100  # unreachable, but not yet dropped
    clock.now = 31
    store.put("new", "x", 10)  # a write after the sweep interval sweeps
    assert store.held() == 1 and store.get("new") == "x"


def test_sweep_drops_only_what_expired() -> None:
    clock = Clock()
    store = MemoryStore(clock=clock)
    store.put("short", "1", 5)
    store.put("long", "2", 50)
    clock.now = 6
    assert store.sweep() == 1
    assert store.held() == 1 and store.get("long") == "2"


def test_expired_entries_are_dropped_before_live_ones() -> None:
    clock = Clock()
    store = MemoryStore(max_entries=2, clock=clock)
    store.put("live", "1", 100)
    store.put("short", "2", 1)
    clock.now = 5
    store.put("new", "3", 100)
    assert store.get("live") == "1" and store.get("new") == "3"


def test_add_is_set_if_absent() -> None:
    clock = Clock()
    store = MemoryStore(clock=clock)
    assert store.add("event:1", "1", 10) is True
    assert store.add("event:1", "1", 10) is False
    clock.now = 11
    assert store.add("event:1", "1", 10) is True  # after the TTL the id may be seen again


def test_concurrent_use_from_threads() -> None:
    store = MemoryStore(max_entries=2000)  # room for all: an evicted claim could be won again
    claims: list[bool] = []
    lock = threading.Lock()

    def work(n: int) -> None:
        for i in range(200):
            store.put(f"{n}:{i}", "x" * 10, 60)
            store.get(f"{n}:{i - 1}")
            won = store.add("shared", str(n), 60)
            with lock:
                claims.append(won)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert claims.count(True) == 1  # exactly one thread won the claim
    assert len(store) == 8 * 200 + 1


def test_settings_choose_memory_by_default() -> None:
    store = store_from_settings(Settings(_env_file=None), "session")  # type: ignore[call-arg]
    assert store.kind == "memory" and store.ping()


def test_the_app_sweeps_even_when_nobody_writes() -> None:
    """The lifespan task, not only writes, drops expired households."""
    import asyncio

    from api.main import sweep_forever

    clock = Clock()
    store = MemoryStore(clock=clock, sweep_seconds=10_000)
    store.put("a", "household", 5)
    clock.now = 6

    async def run() -> None:
        task = asyncio.create_task(sweep_forever((store,), every=0.01))
        for _ in range(200):
            if store.held() == 0:
                break
            await asyncio.sleep(0.01)
        task.cancel()

    asyncio.run(run())
    assert store.held() == 0


def test_swap_stores_only_over_the_expected_value() -> None:
    clock = Clock()
    store = MemoryStore(clock=clock)
    assert store.swap("a", None, "1", 10)  # absent, as expected
    assert not store.swap("a", None, "2", 10)  # no longer absent
    assert not store.swap("a", "stale", "2", 10) and store.get("a") == "1"
    assert store.swap("a", "1", "2", 10) and store.get("a") == "2"
    clock.now = 11
    assert store.swap("a", None, "3", 10)  # expired counts as absent

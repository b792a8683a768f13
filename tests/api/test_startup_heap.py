"""Once the index is loaded, the long-lived startup heap is frozen out of the garbage collector's
view (see api.main.freeze_startup_heap); a server without preloading freezes at once."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import httpx

from api.main import create_app
from knowledge.settings import Settings
from tests.api.conftest import live_server, wait_for_index


def test_the_startup_heap_is_frozen_after_the_index_loads(make_settings: Callable[..., Settings]) -> None:
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    with live_server(create_app(make_settings())) as url, httpx.Client(base_url=url, timeout=30) as client:
        wait_for_index(client)
        deadline = time.monotonic() + 10
        while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert gc.get_freeze_count() > 0
        assert client.post("/api/chat", json={"text": "2歳の子がいます"}).status_code == 200
    gc.unfreeze()  # leave the test process as it was

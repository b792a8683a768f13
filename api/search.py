"""The search index, loaded once per process in the background.

Building or loading the index takes seconds (the encoder embeds every passage on a cold
start), so the server starts answering /healthz, /api/measures and /api/eligibility at once
and search waits for the index instead of delaying start-up.
"""

from __future__ import annotations

import logging
import threading
from typing import Literal

from api.encoder_worker import EncoderWorker
from knowledge.catalog import Catalog
from knowledge.search.searcher import Hit, Searcher
from knowledge.settings import Settings

log = logging.getLogger("api")
IndexStatus = Literal["not_loaded", "loading", "ready", "failed"]


class SearchUnavailable(RuntimeError):
    """The index could not be loaded (or is still loading past the wait)."""


class SearchProvider:
    def __init__(self, settings: Settings, catalog: Catalog) -> None:
        self.settings = settings
        self.catalog = catalog
        self.status: IndexStatus = "not_loaded"
        self.passages = 0
        self._searcher: Searcher | None = None
        self.worker: EncoderWorker | None = None  # questions are encoded there, off the request threads
        self._done = threading.Event()
        self._lock = threading.Lock()

    def start(self) -> None:
        """Begin loading in a daemon thread (idempotent)."""
        with self._lock:
            if self.status != "not_loaded":
                return
            self.status = "loading"
        threading.Thread(target=self._load, name="search-index", daemon=True).start()

    def _load(self) -> None:
        from knowledge.search.factory import searcher_from_settings

        try:
            searcher, how = searcher_from_settings(self.settings, self.catalog)
        except Exception as exc:  # any failure leaves search unavailable, never the whole server
            log.error("search index unavailable: %s", type(exc).__name__)
            self.status = "failed"
        else:
            searcher.encoder = self.worker = EncoderWorker(
                searcher.encoder, max_queue=self.settings.encoder_queue_size,
                max_batch=self.settings.encoder_batch_size, timeout=self.settings.encoder_wait_seconds,
                cache_size=self.settings.query_cache_size, threads=self.settings.encoder_threads,
                workers=self.settings.encoder_workers, max_queue_seconds=self.settings.encoder_queue_seconds,
                nice=self.settings.encoder_nice)
            self._searcher = searcher
            self.passages = len(searcher.index.passages)
            self.status = "ready"
            log.info("search index %s: %d passages", how.split(" ")[0], self.passages)
        finally:
            self._done.set()

    def wait(self, seconds: float) -> bool:
        """Block until loading ended (ready or failed); False on timeout."""
        return self._done.wait(seconds)

    def searcher(self, wait_seconds: float = 60.0) -> Searcher:
        self.start()
        self._done.wait(wait_seconds)
        if self._searcher is None:
            raise SearchUnavailable(self.status)
        return self._searcher

    def search(self, query: str, k: int) -> list[Hit]:
        hits = self.searcher().search(query, k)
        log.debug("search: %d characters, %d hits", len(query), len(hits))  # never the query itself
        return hits

    def search_or_nothing(self, query: str, k: int) -> list[Hit]:
        """For the dialogue: without an index it answers as if nothing matched, and the chat goes on.
        A busy encoder (`EncoderBusy`) is not "nothing matched": it reaches the chat, which says so."""
        try:
            return self.search(query, k)
        except SearchUnavailable:
            return []

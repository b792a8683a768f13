"""Real servers for the API tests: uvicorn on free loopback ports in background threads, a fake
LINE Messaging API that records what the SDK sends, and a real redis-server when installed.

Servers are module-scoped (one per test module) and the search index is built once per test
session in a temp dir (BF_INDEX_DIR: a copy of the committed one), so the repository is never
written to.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from knowledge.settings import Settings

CHANNEL_SECRET = "test-channel-secret-0123456789abcdef"
ACCESS_TOKEN = "test-access-token"


@pytest.fixture(scope="session")
def index_dir(search_index_dir: Path) -> Path:
    """The run's one real index (tests/conftest.py), reused by every API server and subprocess."""
    os.environ["BF_INDEX_DIR"] = str(search_index_dir)  # for the `serve` subprocess
    return search_index_dir


@pytest.fixture(scope="session")
def make_settings(index_dir: Path) -> Callable[..., Settings]:
    def make(**overrides: Any) -> Settings:
        return Settings(_env_file=None, index_dir=index_dir, **overrides)  # type: ignore[call-arg]

    return make


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def free_port() -> int:
    with free_socket() as sock:
        return int(sock.getsockname()[1])


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port in a thread; yields the base URL."""
    sock = free_socket()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def wait_for_index(client: httpx.Client, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while client.get("/healthz").json()["index"]["status"] != "ready":
        assert time.monotonic() < deadline, "the search index did not load"
        time.sleep(0.05)


def sign(body: bytes, secret: str = CHANNEL_SECRET) -> str:
    """X-Line-Signature as LINE computes it: base64 of HMAC-SHA256 of the raw body."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


class FakeLine:
    """A Messaging API stand-in on loopback: records each reply the SDK sends."""

    def __init__(self) -> None:
        self.replies: list[dict[str, Any]] = []
        self.status = 200
        app = FastAPI()

        @app.post("/v2/bot/message/reply")
        async def reply(request: Request) -> JSONResponse:
            self.replies.append({"authorization": request.headers.get("authorization"),
                                 "body": await request.json()})
            if self.status != 200:
                return JSONResponse({"message": "The request body has 1 error(s)"}, status_code=self.status)
            return JSONResponse({"sentMessages": [{"id": "1", "quoteToken": "q"}]})

        self.app = app
        self.url = ""

    def take(self) -> list[dict[str, Any]]:
        taken, self.replies = self.replies, []
        return taken


@pytest.fixture(scope="module")
def fake_line() -> Iterator[FakeLine]:
    fake = FakeLine()
    with live_server(fake.app) as url:
        fake.url = url
        yield fake


class RedisServer:
    """A real redis-server on a fixed loopback port, no persistence, that a test can stop and
    start again on the same port (the API's clients reconnect to the same URL)."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        import redis

        self.proc = subprocess.Popen([self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        deadline = time.monotonic() + 10
        try:
            while True:
                try:
                    client.ping()
                    return
                except redis.ConnectionError:
                    if self.proc.poll() is not None or time.monotonic() > deadline:
                        self.proc.kill()
                        raise RuntimeError("redis-server did not start") from None
                    time.sleep(0.05)
        finally:
            client.close()

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None


def redis_binary() -> str:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not on PATH (Debian package redis-server)")
    return binary


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A real redis-server on a free loopback port, no persistence; stopped after the module."""
    server = RedisServer(redis_binary())
    server.start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A redis-server of the test's own, for tests that stop and restart it."""
    server = RedisServer(redis_binary())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """Every error: the status, JSON, the code, and a message in English and in Japanese."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error: dict[str, Any] = response.json()["error"]
    assert error["code"] == code
    assert error["message"].isascii() and error["message"]
    assert not error["message_ja"].isascii()
    return error

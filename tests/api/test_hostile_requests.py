"""Requests people who probe a public service send, as raw bytes over HTTP: each gets the status
it should and a JSON error with both messages, never a 5xx. (schemathesis covers what the schema
can describe; these are the byte-level ones it cannot: bad UTF-8, deep nesting, NaN, duplicate
keys, lone surrogates, path tricks.)"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from api.main import create_app
from knowledge.settings import Settings
from tests.api.conftest import assert_error, live_server, wait_for_index

JSON = "application/json"


@pytest.fixture(scope="module")
def client(make_settings: Callable[..., Settings]) -> Iterator[httpx.Client]:
    with live_server(create_app(make_settings())) as url, httpx.Client(base_url=url, timeout=30) as http:
        wait_for_index(http)
        yield http


@pytest.mark.parametrize("method, path, body, content_type, status, code", [
    ("POST", "/api/chat", b"\xff\xfe\x00bad", JSON, 422, "validation_error"),
    ("POST", "/api/chat", b'{"text": "\\ud800\\udfff\\ud800"}', JSON, 422, "validation_error"),  # lone surrogates
    ("POST", "/api/chat", b"[" * 5000 + b"]" * 5000, JSON, 400, "bad_request"),  # nesting deeper than the parser's
    ("POST", "/api/chat", b'{"text": ' + b"[" * 3000 + b"]" * 3000 + b"}", JSON, 400, "bad_request"),
    ("POST", "/api/chat", b'{"text": "hi"}', "text/plain", 422, "validation_error"),
    ("POST", "/api/chat", b'{"text": NaN}', JSON, 422, "validation_error"),
    ("POST", "/api/chat", b'{"text": "hi", "session_id": "' + b"a" * 5000 + b'"}', JSON, 422, "validation_error"),
    ("POST", "/api/chat", b'{"text": "hi", "lang": "fr"}', JSON, 422, "validation_error"),
    ("POST", "/api/eligibility", b'{"children": [{"age": 1e400}]}', JSON, 422, "validation_error"),
    ("POST", "/api/eligibility", b'{"children": [{"age": ' + b"9" * 60 + b"}]}", JSON, 422, "validation_error"),
    ("POST", "/api/eligibility", b'{"adults": [{"age": -1}]}', JSON, 422, "validation_error"),
    ("GET", "/api/search?q=" + "あ" * 3000, b"", None, 422, "validation_error"),
    ("GET", "/api/search?q=hi&k=99999999999999999999", b"", None, 422, "validation_error"),
    ("GET", "/api/measures/" + "x" * 5000, b"", None, 404, "measure_not_found"),
    ("GET", "/api/measures/..%2F..%2Fetc%2Fpasswd", b"", None, 404, "not_found"),
    ("DELETE", "/api/sessions/%00", b"", None, 422, "validation_error"),
])
def test_probe_gets_a_clear_4xx(client: httpx.Client, method: str, path: str, body: bytes,
                                content_type: str | None, status: int, code: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    assert_error(client.request(method, path, content=body or None, headers=headers), status, code)


@pytest.mark.parametrize("body", [
    b'{"text": "\\u0000\\u001b[2J\\u202e\\ufeff"}',  # NUL, terminal escape, right-to-left override, BOM
    b'{"text": "hi", "text": "2\\u6b73\\u306e\\u606f\\u5b50"}',  # duplicate keys: the last one wins, as in JSON parsers
    '{"text": "👨‍👩‍👧‍👦🏳️‍🌈"}'.encode(),
])
def test_odd_but_valid_messages_are_answered(client: httpx.Client, body: bytes) -> None:
    response = client.post("/api/chat", content=body, headers={"content-type": JSON})
    assert response.status_code == 200, response.text
    assert response.json()["replies"] and response.json()["session_id"]


def test_two_thousand_query_parameters_do_not_matter(client: httpx.Client) -> None:
    junk = "&".join(f"p{i}=x" for i in range(2000))
    response = client.get(f"/api/search?{junk}&q=給食費")
    assert response.status_code == 200
    assert response.json()["results"][0]["id"] == "school_lunch_free"

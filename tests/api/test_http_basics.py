"""Health, OpenAPI, static pages, CORS, body limits and the error contract, on a real server."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from api.errors import MESSAGES
from api.main import create_app
from knowledge.settings import Settings
from tests.api.conftest import assert_error, live_server, wait_for_index

ORIGIN = "https://www.city.chiyoda.example"


@pytest.fixture(scope="module")
def static_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("static")
    (path / "index.html").write_text("<!doctype html><title>widget demo</title>", encoding="utf-8")
    (path / "staff.html").write_text("<!doctype html><title>窓口</title>", encoding="utf-8")
    (path / "app.css").write_text("body{}", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client(make_settings: Callable[..., Settings], static_dir: Path) -> Iterator[httpx.Client]:
    app = create_app(make_settings(cors_origins=[ORIGIN], max_body_bytes=4096), static_dir=static_dir)

    async def boom() -> None:
        raise ValueError("未知の失敗 with private words")

    app.add_api_route("/boom", boom)
    with live_server(app) as url, httpx.Client(base_url=url, timeout=30) as http:
        wait_for_index(http)
        yield http


def test_healthz_reports_catalog_index_and_store(client: httpx.Client) -> None:
    body = client.get("/healthz").json()
    assert body == {"status": "ok", "measures": 46,
                    "index": {"status": "ready", "passages": body["index"]["passages"],
                              "questions": body["index"]["questions"]},
                    "sessions": {"store": "memory", "reachable": True}, "chat": True, "line": False}
    assert body["index"]["passages"] > 46
    assert set(body["index"]["questions"]) == {"queued", "cached", "cache_hits", "cache_misses", "batches", "encoded"}


def test_openapi_documents_every_endpoint_and_the_error_body(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    assert {"/healthz", "/api/measures", "/api/measures/{measure_id}", "/api/search", "/api/eligibility", "/api/chat",
            "/api/sessions/{session_id}", "/line/webhook", "/api/source"} <= set(paths)
    assert "ErrorResponse" in schema["components"]["schemas"]
    assert "404" in paths["/api/measures/{measure_id}"]["get"]["responses"]
    assert "422" in paths["/api/chat"]["post"]["responses"]
    assert client.get("/docs").status_code == 200


def test_pages_and_static_files_are_served(client: httpx.Client) -> None:
    assert "widget demo" in client.get("/").text
    assert "窓口" in client.get("/staff").text
    assert client.get("/static/app.css").text == "body{}"
    assert_error(client.get("/widget.js"), 404, "not_found")  # absent file: JSON 404, not a crash
    assert_error(client.get("/static/nothing.css"), 404, "not_found")


def test_unknown_route_and_method_are_json_errors(client: httpx.Client) -> None:
    assert_error(client.get("/api/nothing"), 404, "not_found")
    assert_error(client.put("/api/chat", json={}), 405, "method_not_allowed")


def test_declared_oversized_body_is_413(client: httpx.Client) -> None:
    error = assert_error(client.post("/api/eligibility", content=b" " * 5000,
                                     headers={"content-type": "application/json"}), 413, "body_too_large")
    assert error["details"] == {"max_bytes": 4096}


def test_streamed_oversized_body_is_413(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b" " * 1000

    response = client.post("/api/eligibility", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers  # really chunked
    assert_error(response, 413, "body_too_large")


def test_malformed_json_is_422_with_a_path(client: httpx.Client) -> None:
    error = assert_error(client.post("/api/eligibility", content=b"{not json",
                                     headers={"content-type": "application/json"}), 422, "validation_error")
    assert error["details"][0]["field"].startswith("body")


def test_validation_errors_never_echo_the_input(client: httpx.Client) -> None:
    response = client.post("/api/eligibility", json={"children": [{"age": 999, "secret_note": "要配慮"}]})
    error = assert_error(response, 422, "validation_error")
    assert {d["field"] for d in error["details"]} == {"body.children.0.age", "body.children.0.secret_note"}
    assert "要配慮" not in response.text and "999" not in response.text


def test_cors_allows_only_configured_origins(client: httpx.Client) -> None:
    preflight = {"access-control-request-method": "POST", "access-control-request-headers": "content-type"}
    ok = client.options("/api/chat", headers={"origin": ORIGIN, **preflight})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == ORIGIN
    refused = client.options("/api/chat", headers={"origin": "https://evil.example", **preflight})
    assert_error(refused, 400, "cors_rejected")
    simple = client.get("/api/measures", headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers


def test_last_resort_answers_json_500_and_logs_the_type_only(client: httpx.Client,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="api"):
        response = client.get("/boom")
    assert_error(response, 500, "internal_error")
    assert "Traceback" not in response.text
    assert "ValueError" in caplog.text and "private words" not in caplog.text


def test_line_webhook_without_configuration_is_503(client: httpx.Client) -> None:
    assert_error(client.post("/line/webhook", content=b"{}", headers={"x-line-signature": "x"}), 503,
                 "line_not_configured")


def test_every_error_code_has_english_and_japanese() -> None:
    for code, (en, ja) in MESSAGES.items():
        assert en.isascii() and en.endswith("."), code
        assert not ja.isascii() and ja.endswith("。"), code

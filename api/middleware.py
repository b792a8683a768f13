"""Pure ASGI middleware: the body cap and the safety net.

Pure ASGI (not BaseHTTPMiddleware) so a body is counted as it streams in, and so nothing is
buffered twice. The safety net is the last resort: it logs the exception *type* and the route
template only (a traceback or a raw path could carry a session id or a message) and answers
with the JSON error body instead of a bare 500 page.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiError, error_payload, error_response, scope_lang

log = logging.getLogger("api")


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, "body_too_large", {"max_bytes": limit})


async def _send_json(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """413 for bodies over the cap: at once from Content-Length, or while a chunked body streams."""

    def __init__(self, app: ASGIApp, default_limit: int, limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.default_limit = default_limit
        self.limits = limits or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], self.default_limit)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _send_json(send, 400, error_payload("bad_request", lang=scope_lang(scope)))
                return
            if int(declared) > limit:
                await _send_json(send, 413, error_payload("body_too_large", {"max_bytes": limit}, scope_lang(scope)))
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)


class SafetyNetMiddleware:
    """Access log without paths' values or query strings, and the last-resort JSON 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def tracked(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:  # the last resort: every other handler has had its chance
            log.error("unhandled %s in %s %s", type(exc).__name__, scope["method"], _route(scope))
            if status == 0:
                status = 500
                await _send_json(send, 500, error_payload("internal_error", lang=scope_lang(scope)))
        finally:
            log.info("%s %s %s %.0fms", scope["method"], _route(scope), status,
                     (time.perf_counter() - started) * 1000)


def _route(scope: Scope) -> str:
    """The route template (`/api/sessions/{session_id}`), never the raw path."""
    route = scope.get("route")
    return str(getattr(route, "path", None) or "<unmatched>")


class JsonCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, but a refused preflight answers with the JSON error body, not plain text."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        return error_response(400, "cors_rejected")

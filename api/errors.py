"""Every error the API returns has one shape, in English and Japanese:

    {"error": {"code": "...", "message": "...", "message_ja": "...", "details": ...}}

so the widget, the staff console and curl users can all show it as is. Messages never echo
what a user typed (no message text, no household values), only field paths and limits.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.sessions import StoreUnavailable

log = logging.getLogger("api")

# code → (English, Japanese). One table so the two languages are reviewed side by side.
MESSAGES: dict[str, tuple[str, str]] = {
    "bad_request": ("The request could not be read.", "リクエストを読み取れませんでした。"),
    "not_found": ("Nothing is here.", "お探しのページやデータは見つかりませんでした。"),
    "method_not_allowed": ("This method is not allowed here.", "この操作はここでは使えません。"),
    "validation_error": ("Some fields are missing or invalid.", "入力内容に不足または誤りがあります。"),
    "body_too_large": ("The request body is too large.", "送信されたデータが大きすぎます。"),
    "message_too_long": ("The message is too long.", "メッセージが長すぎます。短くして送ってください。"),
    "measure_not_found": ("No measure has this id.", "この ID の施策はありません。"),
    "session_not_found": ("No conversation has this id (it may have expired).",
                          "この会話は見つかりませんでした（時間がたって消えた可能性があります）。"),
    "missing_signature": ("The X-Line-Signature header is missing.", "X-Line-Signature ヘッダーがありません。"),
    "invalid_signature": ("The X-Line-Signature does not match the body.", "X-Line-Signature が本文と一致しません。"),
    "invalid_payload": ("The webhook body is not a LINE webhook payload.",
                        "Webhook の本文が LINE の形式ではありません。"),
    "line_not_configured": ("LINE is not configured on this server.", "このサーバーでは LINE が設定されていません。"),
    "search_unavailable": ("Search is not available right now.", "現在、検索を利用できません。"),
    "store_unavailable": ("Conversations cannot be stored right now; please try again.",
                          "現在、会話を保存できません。しばらくしてからお試しください。"),
    "cors_rejected": ("This origin, method or header is not allowed.",
                      "このサイト・操作・ヘッダーからの利用は許可されていません。"),
    "internal_error": ("Something went wrong on our side.", "サーバー側で問題が起きました。"),
    "session_busy": ("Several messages of this conversation arrived at once; please send yours again.",
                     "同じ会話のメッセージが同時にたくさん届きました。もう一度送ってください。"),
    "rate_limited": ("Too many requests; please wait a moment.",
                     "短い時間にたくさん送信されました。少し待ってからお試しください。"),
    "search_busy": ("Many questions are arriving right now; please try again in a moment.",
                    "ただいま質問が混み合っています。少し待ってからお試しください。"),
}

_STATUS_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "body_too_large",
                 422: "validation_error"}


class ErrorDetail(BaseModel):
    code: str
    message: str
    message_ja: str
    details: Any | None = None


class ErrorResponse(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(StarletteHTTPException):
    """An error with a code from `MESSAGES`; raise it from routes and dependencies."""

    def __init__(self, status_code: int, code: str, details: Any | None = None) -> None:
        super().__init__(status_code=status_code, detail=code)
        self.code = code
        self.details = details


def error_payload(code: str, details: Any | None = None) -> dict[str, Any]:
    message, message_ja = MESSAGES.get(code, MESSAGES["internal_error"])
    body: dict[str, Any] = {"code": code, "message": message, "message_ja": message_ja}
    if details is not None:
        body["details"] = details
    return {"error": body}


def error_response(status_code: int, code: str, details: Any | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_payload(code, details), status_code=status_code, headers=headers)


def field_errors(errors: Any) -> list[dict[str, Any]]:
    """Pydantic errors without their `input` (which may hold household data or message text)."""
    out = []
    for err in errors:
        item = {"field": ".".join(str(p) for p in err.get("loc", ())), "message": err.get("msg", ""),
                "type": err.get("type", "")}
        ctx = {k: v for k, v in (err.get("ctx") or {}).items() if isinstance(v, int | float | str)}
        if ctx and err.get("type") != "value_error":
            item["limits"] = ctx
        out.append(item)
    return out


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    fallback = "bad_request" if exc.status_code < 500 else "internal_error"
    code = exc.code if isinstance(exc, ApiError) else _STATUS_CODES.get(exc.status_code, fallback)
    details = exc.details if isinstance(exc, ApiError) else None
    status = exc.status_code if exc.status_code >= 400 else 400
    return error_response(status, code, details, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "validation_error", field_errors(exc.errors()))


async def _store_unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.error("session store unavailable: %s", exc)
    return error_response(503, "store_unavailable")


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreUnavailable, _store_unavailable)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries documenting the error body for these statuses."""
    return {s: {"model": ErrorResponse, "description": "Error (English and Japanese messages)"} for s in statuses}

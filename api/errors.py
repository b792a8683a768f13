"""Every error the API returns has one shape, in English, Japanese and the resident's language:

    {"error": {"code": "...", "message": "...", "message_ja": "...", "lang": "zh",
               "message_local": "...", "details": ...}}

so the widget, the staff console, LINE and curl users can all show it as is. The resident's
language is the one the route settled (`request.state.lang`: the chat's), else `?lang=`, else the
first of ours in Accept-Language (the widget sends its chosen language there), else Japanese. Messages never echo
what a user typed (no message text, no household values), only field paths and limits.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.sessions import StoreUnavailable
from knowledge.languages import LANGS, Lang, ours
from knowledge.messages import catalog, message

log = logging.getLogger("api")

# code → (English, Japanese), from knowledge/messages/errors.yaml (where every language is).
MESSAGES: dict[str, tuple[str, str]] = {key.removeprefix("errors."): (texts["en"], texts["ja"])
                                        for key, texts in catalog().items() if key.startswith("errors.")}

_STATUS_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "body_too_large",
                 422: "validation_error"}


class ErrorDetail(BaseModel):
    code: str
    message: str = Field(description="In English.")
    message_ja: str = Field(description="In Japanese.")
    lang: Lang = Field(default="ja", description="The resident's language, as the request said it.")
    message_local: str = Field(default="", description="The message in `lang` (show this one to the resident).")
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


def accepted_lang(header: str | None) -> Lang | None:
    """The first of our languages in an Accept-Language header (by q, then order), or None."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((header or "").split(",")):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        ranked.append((-weight, i, tag.strip()))
    for _, _, tag in sorted(ranked):
        if lang := ours(tag):
            return lang
    return None


def scope_lang(scope: Any) -> Lang:
    """For the ASGI middlewares, which answer before any route: Accept-Language only."""
    raw = dict(scope.get("headers") or []).get(b"accept-language", b"")
    return accepted_lang(raw.decode("latin-1")) or "ja"


def request_lang(request: Request | None) -> Lang:
    """The resident's language for an error about this request (see the module's docstring)."""
    if request is None:
        return "ja"
    settled = getattr(request.state, "lang", None)
    if settled in LANGS:
        return settled  # type: ignore[no-any-return]
    asked = request.query_params.get("lang")
    if lang := ours(asked):
        return lang
    return accepted_lang(request.headers.get("accept-language")) or "ja"


def error_payload(code: str, details: Any | None = None, lang: Lang = "ja") -> dict[str, Any]:
    code_text = code if code in MESSAGES else "internal_error"
    en, ja = MESSAGES[code_text]
    body: dict[str, Any] = {"code": code, "message": en, "message_ja": ja, "lang": lang,
                            "message_local": message(f"errors.{code_text}", lang)}
    if details is not None:
        body["details"] = details
    return {"error": body}


def error_response(status_code: int, code: str, details: Any | None = None,
                   headers: dict[str, str] | None = None, request: Request | None = None) -> JSONResponse:
    return JSONResponse(error_payload(code, details, request_lang(request)), status_code=status_code,
                        headers=headers)


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
    return error_response(status, code, details, headers=getattr(exc, "headers", None), request=request)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "validation_error", field_errors(exc.errors()), request=request)


async def _store_unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.error("session store unavailable: %s", exc)
    return error_response(503, "store_unavailable", request=request)


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreUnavailable, _store_unavailable)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries documenting the error body for these statuses."""
    described = {"model": ErrorResponse, "description": "Error (English, Japanese and the resident's language)"}
    return {s: dict(described) for s in statuses}

"""POST /line/webhook, shaped like LINE's own FastAPI example: verify the signature first
(400 on failure, nothing processed), then hand the events off to the LINE bot."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from linebot.v3.exceptions import InvalidSignatureError
from starlette.concurrency import run_in_threadpool

from api.deps import LineDep
from api.errors import ApiError, responses
from api.line.bot import InvalidPayload
from api.models import WebhookAck

router = APIRouter(tags=["LINE"])


@router.post("/line/webhook", response_model=WebhookAck, responses=responses(400, 413, 503),
             summary="LINE Messaging API webhook")
async def line_webhook(request: Request, line: LineDep,
                       x_line_signature: Annotated[str | None, Header()] = None) -> WebhookAck:
    """Events already handled (same webhookEventId) are counted as duplicates and skipped."""
    if not x_line_signature:
        raise ApiError(400, "missing_signature")
    raw = await request.body()
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_signature") from exc
    try:
        events = line.parse(body, x_line_signature)
    except InvalidSignatureError as exc:
        raise ApiError(400, "invalid_signature") from exc
    except InvalidPayload as exc:
        raise ApiError(400, "invalid_payload") from exc
    tally = await run_in_threadpool(line.handle, events)  # the dialogue and the reply call are blocking
    return WebhookAck(received=tally.received, handled=tally.handled, duplicates=tally.duplicates)

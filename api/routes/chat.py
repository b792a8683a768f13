"""POST /api/chat and DELETE /api/sessions/{id}: the web widget's conversation.

Session ids are minted here (never chosen by the client), so an unknown or expired id simply
starts a new conversation under a fresh id.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from fastapi.exceptions import RequestValidationError

from api.chat import SessionBusy, new_session_id, short
from api.deps import ChatDep, SettingsDep
from api.errors import ApiError, responses
from api.models import SESSION_ID, ChatMeasure, ChatRequest, ChatResponse, Reply
from api.rate_limit import RateLimited, encoder_budget
from knowledge.household import Household
from knowledge.relevance import fold_line
from knowledge.results import folded, shown_maybe

log = logging.getLogger("api")
router = APIRouter(prefix="/api", tags=["chat"])


def web_key(session_id: str) -> str:
    return f"web:{session_id}"


@router.post("/chat", response_model=ChatResponse, responses=responses(409, 413, 422, 429, 503),
             summary="Send a message")
def chat(body: ChatRequest, service: ChatDep, settings: SettingsDep, request: Request) -> ChatResponse:
    """One message in, the bot's replies out, with the measures found so far (eligible first)."""
    if len(body.text) > settings.max_message_chars:
        raise RequestValidationError([{
            "loc": ("body", "text"), "type": "string_too_long",
            "msg": f"String should have at most {settings.max_message_chars} characters",
            "ctx": {"max_length": settings.max_message_chars},
        }])
    if body.session_id and (retry := request.app.state.session_limit.retry_after(body.session_id)) is not None:
        raise RateLimited(retry)
    if body.lang:
        request.state.lang = body.lang  # an error about this message speaks the resident's language
    client = request.client.host if request.client else "unknown"

    def fresh() -> str:
        return web_key(new_session_id())

    with encoder_budget(request.app.state.encoder_limit, client):  # by cost: encoder tokens
        try:
            if body.session_id:
                exchange = service.converse(web_key(body.session_id), body.text, body.lang, fresh_key=fresh)
            else:
                exchange = service.converse(fresh(), body.text, body.lang)
        except SessionBusy:
            raise ApiError(409, "session_busy") from None
    session_id = exchange.key.removeprefix("web:")
    results = exchange.turn.results
    # after erasing, nothing is known
    shown = [] if exchange.erased else [*results.eligible, *shown_maybe(results), *folded(results), *results.related]
    hidden = [m for m in shown if m.group == "other"]
    return ChatResponse(
        session_id=None if exchange.erased else session_id,
        replies=[Reply(text=m.text, quick_replies=m.quick_replies) for m in exchange.messages],
        measures=[ChatMeasure(status=m.status, id=m.id, title=m.title, page=m.page, reasons=m.reasons,
                              check_yourself=m.check_yourself, unsettled=m.unsettled, how_chosen=m.how_chosen,
                              missing=m.missing, group=m.group, area=m.area)
                  for m in shown],
        done=exchange.turn.done,
        erased=exchange.erased,
        lang=exchange.state.lang,
        notice=service.dialogue.notice(exchange.state.lang),
        household=None if exchange.erased or exchange.state.household == Household() else exchange.state.household,
        household_changed=exchange.turn.household_changed,
        household_summary=exchange.turn.summary if exchange.turn.household_changed else None,
        folded=len(hidden),
        folded_label=fold_line([m.area for m in hidden], len(hidden), exchange.state.lang) if hidden else None,
        answer=exchange.turn.answer,
    )


@router.delete("/sessions/{session_id}", status_code=204, response_class=Response,
               responses=responses(404, 422), summary="Erase a conversation")
def erase_session(session_id: Annotated[str, Path(pattern=SESSION_ID)], service: ChatDep) -> Response:
    """Deletes everything the conversation stored (the household it learned); 404 when unknown or expired."""
    if not service.erase(web_key(session_id)):
        raise ApiError(404, "session_not_found")
    log.info("session %s erased by DELETE", short(web_key(session_id)))
    return Response(status_code=204)

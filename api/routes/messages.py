"""GET /api/messages: a channel's own words in the resident's language.

The widget's buttons and headings, and the console's printed handout, are data
(knowledge/messages/widget.yaml, handout.yaml) like every other text a resident reads; the
browser asks for them here when it starts and whenever the resident switches language.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.errors import responses
from api.models import Lang, UiMessages
from bot.dialogue.replies import FINISH
from knowledge.messages import catalog

router = APIRouter(prefix="/api", tags=["messages"])
Part = Literal["widget", "handout"]


@router.get("/messages", response_model=UiMessages, responses=responses(422), summary="A channel's words")
def ui_messages(response: Response, part: Annotated[Part, Query()] = "widget",
                lang: Annotated[Lang, Query(description="ja, en, ja-easy, zh, ko (or a tag such as zh-CN)")] = "ja",
                ) -> UiMessages:
    """Every message of `part` in `lang`, with the languages a resident may switch to. The same for
    every visitor (no session): cacheable."""
    response.headers["Cache-Control"] = "public, max-age=300"
    prefix = f"{part}."
    texts = {key.removeprefix(prefix): by_lang[lang] for key, by_lang in catalog().items() if key.startswith(prefix)}
    return UiMessages(lang=lang, part=part, messages=texts, languages=UiMessages.languages_all(),
                      show_all=list(dict.fromkeys(FINISH.values())))

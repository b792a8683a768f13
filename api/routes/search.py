"""GET /api/search: a question in residents' words → the measures that answer it, with pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.deps import CatalogDep, SearchDep
from api.encoder_worker import EncoderBusy
from api.errors import ApiError, responses
from api.models import Lang, SearchResponse, SearchResult
from api.rate_limit import encoder_budget
from api.search import SearchUnavailable
from knowledge.reasons import text_in
from knowledge.results import title_in

router = APIRouter(prefix="/api", tags=["search"])


class Busy(ApiError):
    """The question encoder's queue is full: try again in a moment (never a hang)."""

    def __init__(self) -> None:
        super().__init__(503, "search_busy", {"retry_after_seconds": 1})
        self.headers = {"Retry-After": "1"}


@router.get("/search", response_model=SearchResponse, responses=responses(422, 429, 503), summary="Search measures")
def search(
    catalog: CatalogDep,
    provider: SearchDep,
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The question.")],
    k: Annotated[int, Query(ge=1, le=20)] = 5,
    lang: Annotated[Lang, Query()] = "ja",
) -> SearchResponse:
    """Up to k measures; `results` is empty when nothing in the document is relevant
    (the calibrated out-of-scope threshold, see README "Search quality")."""
    if not q.strip():
        return SearchResponse(results=[])
    client = request.client.host if request.client else "unknown"
    with encoder_budget(request.app.state.encoder_limit, client):  # by cost: encoder tokens
        try:
            hits = provider.search(q, k)
        except SearchUnavailable as exc:
            raise ApiError(503, "search_unavailable", {"index": str(exc)}) from exc
        except EncoderBusy:
            raise Busy() from None
    results = []
    for hit in hits:
        measure = catalog.measures[hit.id]  # worded in `lang`; a translated title keeps the Japanese beside it
        results.append(SearchResult(id=hit.id, title=title_in(measure, lang), page=hit.page,
                                    score=hit.score, summary=text_in(measure.summary, lang)))
    return SearchResponse(results=results)

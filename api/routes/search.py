"""GET /api/search: a question in residents' words → the measures that answer it, with pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CatalogDep, SearchDep
from api.errors import ApiError, responses
from api.models import Lang, SearchResponse, SearchResult
from api.search import SearchUnavailable

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=SearchResponse, responses=responses(422, 503), summary="Search measures")
def search(
    catalog: CatalogDep,
    provider: SearchDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The question.")],
    k: Annotated[int, Query(ge=1, le=20)] = 5,
    lang: Annotated[Lang, Query()] = "ja",
) -> SearchResponse:
    """Up to k measures; `results` is empty when nothing in the document is relevant
    (the calibrated out-of-scope threshold, see README "Search quality")."""
    if not q.strip():
        return SearchResponse(results=[])
    try:
        hits = provider.search(q, k)
    except SearchUnavailable as exc:
        raise ApiError(503, "search_unavailable", {"index": str(exc)}) from exc
    en = lang == "en"
    results = []
    for hit in hits:
        measure = catalog.measures[hit.id]
        results.append(SearchResult(id=hit.id, title=measure.title_en if en else measure.title, page=hit.page,
                                    score=hit.score, summary=measure.summary.en if en else measure.summary.ja))
    return SearchResponse(results=results)

"""GET /api/source: the document every answer comes from, and whether its fiscal year is over.

The widget greets before any chat request, so it asks here whether to say 「令和6年度の情報です」.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ClockDep
from api.errors import responses
from api.models import Lang, SourceInfo
from knowledge.dated import dating
from knowledge.source import document

router = APIRouter(prefix="/api", tags=["source"])


@router.get("/source", response_model=SourceInfo, responses=responses(422),
            summary="The source document and its fiscal year")
def source(clock: ClockDep, lang: Annotated[Lang, Query()] = "ja") -> SourceInfo:
    """By the server's clock (`BF_TODAY` fixes it): `outdated` once the fiscal year is over, with
    the notice every answer then carries, in Japanese and English, and in `lang` as `notice`."""
    dated = dating(clock())
    return SourceInfo(title=document().title, fiscal_year=dated.fiscal_year, fiscal_year_ja=dated.fiscal_year_ja,
                      period_start=dated.period_start, period_end=dated.period_end, today=dated.today,
                      outdated=dated.outdated, notice_ja=dated.notice("ja"), notice_en=dated.notice("en"),
                      lang=lang, notice=dated.notice(lang))

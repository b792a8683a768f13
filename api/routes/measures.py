"""The catalog: every measure with its page, and one measure's full entry."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CatalogDep
from api.errors import ApiError, responses
from api.models import Budget, Lang, MeasureDetail, MeasureItem, Summary
from knowledge.catalog import Catalog
from knowledge.measure import Measure
from knowledge.reasons import text_in
from knowledge.results import translated_title

router = APIRouter(prefix="/api/measures", tags=["measures"])


def _budget(catalog: Catalog, measure: Measure) -> Budget:
    line = catalog.budget_of(measure)
    return Budget(line=line.id, heading=line.heading, amount=line.amount, yen=line.yen)


@router.get("", response_model=list[MeasureItem], responses=responses(422), summary="All measures")
def list_measures(catalog: CatalogDep,
                  lang: Annotated[Lang, Query(description="ja, en, ja-easy, zh, ko (or a tag such as zh-CN)")] = "ja",
                  ) -> list[MeasureItem]:
    """Every FY2024 measure in document order of the catalog, with page, kind and budget line; the title
    and summary also in `lang` (`title_local`, `summary_local`), beside the document's Japanese title."""
    return [
        MeasureItem(id=m.id, title=m.title, title_en=m.title_en, page=m.page, kind=m.kind, area=m.area,
                    summary=Summary(ja=m.summary.ja, en=m.summary.en), budget=_budget(catalog, m),
                    lang=lang, title_local=translated_title(m, lang), summary_local=text_in(m.summary, lang))
        for m in catalog
    ]


@router.get("/{measure_id}", response_model=MeasureDetail, responses=responses(404), summary="One measure")
def get_measure(measure_id: str, catalog: CatalogDep) -> MeasureDetail:
    """The measure file as it is (eligibility rules, figures, conditions to check) plus its budget line."""
    measure = catalog.get(measure_id)
    if measure is None:
        raise ApiError(404, "measure_not_found", {"id": measure_id[:100]})
    entry = measure.model_dump(by_alias=True)  # by alias: condition fields such as `in`
    return MeasureDetail.model_validate({**entry, "budget": _budget(catalog, measure).model_dump()})

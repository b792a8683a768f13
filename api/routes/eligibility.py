"""POST /api/eligibility: a household → what it qualifies for, why, and the best next question.

The staff console (窓口) fills a household form and reads this; it is the same `Results` the
chat shows, so the counter and the resident see the same reasons.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CatalogDep, ClockDep, SettingsDep
from api.errors import responses
from api.models import EligibilityItem, EligibilityResponse, Lang, NextQuestion
from bot.dialogue.planner import next_prompt
from knowledge.dated import notice
from knowledge.household import Household
from knowledge.results import match_household

router = APIRouter(prefix="/api", tags=["eligibility"])


@router.post("/eligibility", response_model=EligibilityResponse, responses=responses(413, 422),
             summary="Check a household")
def eligibility(household: Household, catalog: CatalogDep, clock: ClockDep, settings: SettingsDep,
                lang: Annotated[Lang, Query()] = "ja") -> EligibilityResponse:
    """`null` fields are unknown (never "no"): measures depending on them come back as `maybe`,
    and `next_question` names the fact that would settle the most of them. `notice` is set once the
    document's fiscal year is over (by the server's clock, `BF_TODAY` to fix it); `contact` once the
    deployment names its ward office (`BF_OFFICE_*`), with `contact_lines`: the same, worded for
    the printed handout."""
    evaluated = catalog.evaluate(household)  # once: the results and the next question share it
    results = match_household(catalog, household, lang, evaluated)
    prompt = next_prompt(evaluated, set(), household, lang)
    question = None if prompt is None else NextQuestion(key=prompt.key, member=prompt.member, text=prompt.text,
                                                        quick_replies=prompt.quick_replies)
    return EligibilityResponse(
        eligible=[EligibilityItem.of(m) for m in results.eligible],
        maybe=[EligibilityItem.of(m) for m in results.maybe],
        later=[EligibilityItem.of(m) for m in results.later],
        related=[EligibilityItem.of(m) for m in results.related],
        next_question=question,
        notice=notice(clock, lang),
        contact=contact if (contact := settings.contact()).configured else None,
        contact_lines=contact.lines(lang),
    )

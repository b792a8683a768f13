"""What a household qualifies for, ready to show: eligible first, then "may be eligible".

Every channel (CLI, API, chat, staff console, Rasa) shows this same structure, so a clerk and
a resident on LINE read the same reasons and the same pages.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from knowledge.catalog import Catalog
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.measure import Measure
from knowledge.messages import message
from knowledge.outcome import CheckStatus, Fact, Outcome
from knowledge.reasons import later_in, reasons_in, text_in, will_qualify
from knowledge.relevance import Group, group_of, relevance_key


class ConditionLine(BaseModel):
    text: str
    status: CheckStatus


class Match(BaseModel):
    """One measure as shown to a person."""

    id: str
    title: str
    page: str
    kind: str
    status: Literal["eligible", "maybe", "later", "related"]
    summary: str
    reasons: list[str]
    conditions: list[ConditionLine]
    missing: list[Fact]
    later: str | None = None
    check_yourself: list[str]
    unsettled: list[str] = []
    how_chosen: str | None = None
    # Relevance to what the resident said (knowledge/relevance.py): resident channels fold `other`.
    group: Group = "near"
    area: str = ""


class Results(BaseModel):
    eligible: list[Match]
    maybe: list[Match]
    later: list[Match]
    related: list[Match] = []


_KIND_ORDER = {"benefit": 0, "service": 1, "initiative": 2}
_STATUS = {"eligible": "eligible", "maybe": "maybe", "related": "related"}


def translated_title(measure: Measure, lang: Lang) -> str:
    """The measure's title in `lang` alone (a quick-reply label), or the document's where none is given."""
    return measure.title_of(lang) or measure.title


def title_in(measure: Measure, lang: Lang) -> str:
    """The measure's title in `lang`; a translation carries the document's Japanese title beside it
    (the resident shows it at the counter): 区内保育设施提供尿布等（区内保育施設利用において、おむつ等を提供）.
    English keeps its title alone, as before issue 13."""
    translated = translated_title(measure, lang)
    if lang == "en" or translated == measure.title:
        return translated
    return message("results.title_beside", lang, title=translated, japanese=measure.title)


def to_match(measure: Measure, outcome: Outcome, lang: Lang) -> Match:
    return Match(
        id=measure.id,
        title=title_in(measure, lang),
        page=measure.page,
        kind=measure.kind,
        status=_STATUS.get(outcome.verdict, "later"),  # type: ignore[arg-type]
        summary=text_in(measure.summary, lang),
        reasons=reasons_in(outcome, lang),
        conditions=[
            ConditionLine(text=message("results.condition", lang,
                                       subject=c.subject[lang], requirement=c.requirement[lang]),
                          status=c.status)
            for c in outcome.conditions
        ],
        missing=outcome.missing,
        later=later_in(outcome, lang),
        check_yourself=[text_in(t, lang) for t in measure.conditions_text],
        unsettled=outcome.unsettled.get(lang, []),
        how_chosen=outcome.how_chosen.get(lang),
        group=group_of(outcome),
        area=measure.area,
    )


def match_household(catalog: Catalog, household: Household, lang: Lang = "ja",
                    evaluated: list[tuple[Measure, Outcome]] | None = None) -> Results:
    """Eligible and maybe measures, benefits before services (maybes: the most relevant first);
    plus benefits a child will reach later (only benefits: telling a toddler's parent about
    junior-high trips is noise). `evaluated` is
    `catalog.evaluate(household)` when the caller already has it: evaluation is most of a turn's
    CPU, and the dialogue needs it for both the results and the next question."""
    if evaluated is None:
        evaluated = catalog.evaluate(household)
    pairs = sorted(evaluated, key=lambda p: _KIND_ORDER[p[0].kind])
    eligible = [to_match(m, o, lang) for m, o in pairs if o.verdict == "eligible"]
    # maybes: the ones about members the resident described first (stable: benefits before services)
    maybe = [to_match(m, o, lang) for m, o in sorted(pairs, key=lambda p: relevance_key(*p)) if o.verdict == "maybe"]
    later = [to_match(m, o, lang) for m, o in pairs if m.kind == "benefit" and will_qualify(o)]
    related = [to_match(m, o, lang) for m, o in pairs if o.verdict == "related"]
    return Results(eligible=eligible, maybe=maybe, later=later, related=related)


def folded(results: Results) -> list[Match]:
    """The maybes a resident channel shows only on request (areas they never mentioned)."""
    return [m for m in results.maybe if m.group == "other"]


def shown_maybe(results: Results) -> list[Match]:
    """The maybes a resident channel shows at once."""
    return [m for m in results.maybe if m.group == "near"]

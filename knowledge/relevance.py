"""Relevance before completeness: what a resident sees first, and what waits behind one line.

A parent who described a toddler should not scroll past a business subsidy to find the childcare
measures. The grouping is read from the data, not from a hand list: a `maybe` measure is "near"
when at least one of its rule's machine-checked conditions is already met by what the resident
said (a described member fits it) and it waits only on facts about members; a `maybe` none of
whose conditions is met yet, or that waits on a household-wide fact they never gave, is about an
area the resident never mentioned (a business, moving home, an adult's care …) and is "other", folded
behind one line until they ask or answer a question about it (answering settles a condition, so
the measure becomes eligible, near, or not eligible). Only resident channels fold; the staff
console and /api/eligibility keep the full list.
"""

from __future__ import annotations

from typing import Literal

from knowledge.languages import Lang
from knowledge.measure import Measure
from knowledge.messages import catalog, message
from knowledge.outcome import Outcome

Group = Literal["near", "other"]

# How many "maybe" measures a results message lists before 「ほか n件」.
MAYBE_IN_TEXT = 5

def group_of(outcome: Outcome) -> Group:
    """`near` for an eligible or related measure, or a maybe with a condition already met by a
    described member that waits only on facts about members (or on the counter); a maybe that
    waits on a household-wide fact the resident never gave (a business, moving home, an education
    loan, a pregnancy, adults) or that nothing they said fits yet is `other`."""
    if outcome.verdict != "maybe":
        return "near"
    about_members = all(fact.member is not None for fact in outcome.missing)
    return "near" if outcome.met_count > 0 and about_members else "other"


def relevance_key(measure: Measure, outcome: Outcome) -> tuple[int, int]:
    """Sort key: near before other, then the more conditions already met the earlier."""
    return (0 if group_of(outcome) == "near" else 1, -outcome.met_count)


def area_name(area: str, lang: Lang) -> str:
    """The area's name (knowledge/messages/results.yaml `area_*`), or its folder name when it has none."""
    key = f"results.area_{area}"
    return message(key, lang) if key in catalog() else area


def fold_line(areas: list[str], count: int, lang: Lang) -> str:
    """「ほかの分野（事業・住まい）の支援も見る（n件）」: the line (and button) behind which the
    measures of unmentioned areas wait; areas in first-seen order, at most three named."""
    seen = list(dict.fromkeys(areas))
    names = message("results.area_sep", lang).join(area_name(a, lang) for a in seen[:3])
    more = message("results.area_more", lang) if len(seen) > 3 else ""
    return message("results.fold_line", lang, areas=names + more, count=count)

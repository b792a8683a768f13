"""Reading and writing one fact of a household by its path ("children.0.daycare", "pregnant").

Households are immutable values here: every write returns a new, validated household.
"""

from __future__ import annotations

from typing import Any

from knowledge.household import Household
from knowledge.outcome import Fact

LIST_KEYS = {"child": "children", "adult": "adults"}


def path_of(fact: Fact) -> str:
    """Fact(key="child.daycare", member=0) → "children.0.daycare"; Fact("pregnant") → "pregnant"."""
    scope, _, field = fact.key.partition(".")
    if field and scope in LIST_KEYS and fact.member is not None:
        return f"{LIST_KEYS[scope]}.{fact.member}.{field}"
    return fact.key


def set_fact(household: Household, fact: Fact, value: Any) -> Household:
    data = household.model_dump()
    scope, _, field = fact.key.partition(".")
    if field and scope in LIST_KEYS:
        members = data.get(LIST_KEYS[scope]) or []
        if fact.member is None or fact.member >= len(members):
            return household
        members[fact.member][field] = value
    else:
        data[fact.key] = value
    return Household.model_validate(data)


def set_many(household: Household, facts: list[Fact], value: Any) -> Household:
    for fact in facts:
        household = set_fact(household, fact, value)
    return household

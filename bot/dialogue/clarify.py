"""The question asked when a message described a household that cannot exist (「3歳で小学2年生」,
「子どもは2人で、7歳と4歳と1歳」): understanding left those children out; here the resident
chooses what is right, or writes it again. Nothing impossible is ever passed to the engine.

Each quick reply carries the whole children list it leads to (a fact "children"), so tapping it
goes through the ordinary quick-reply path.
"""

from __future__ import annotations

from typing import Any

from bot.understanding import Conflict
from bot.understanding.consistency import child_problems, school_year_ages
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.messages import message, messages
from knowledge.outcome import Fact
from knowledge.wording import school_year

CHILDREN = Fact(key="children")
AGAIN: dict[Lang, str] = messages("clarify.again")


def _m(key: str, lang: Lang, **values: object) -> str:
    return message(f"clarify.{key}", lang, **values)


def _without(child: dict[str, Any], *fields: str) -> dict[str, Any]:
    return {k: v for k, v in child.items() if k not in fields}


def _age_or_year(child: dict[str, Any], lang: Lang) -> tuple[str, dict[str, str | list[dict[str, Any]]]]:
    age, year = child["age"], child["school_year"]
    grade = school_year(year, lang)
    low, high = school_year_ages(year)
    by_age = _without(child, "school_year")
    by_year = {**_without(child, "daycare"), "age": low}  # the labelling convention: 小n → 5+n
    text = _m("age_or_year", lang, age=age, grade=grade, low=low, high=high)
    options = {_m("is_age", lang, age=age): [by_age],
               _m("is_grade", lang, grade=grade[:1].upper() + grade[1:]): [by_year]}
    return text, options  # type: ignore[return-value]


def _daycare(child: dict[str, Any], lang: Lang) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    who = school_year(child["school_year"], lang) if child.get("school_year") else \
        _m("age_child", lang, age=child["age"])
    return _m("daycare", lang, who=who), {_m("not_at_daycare", lang): [_without(child, "daycare")]}


def _count(conflict: Conflict, lang: Lang) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    kids = list(conflict.children)
    ages = _m("count_sep", lang).join(_m("count_age", lang, age=c["age"]) for c in kids)
    text = _m("count", lang, stated=conflict.stated, given=len(kids), ages=ages)
    return text, {_m("is_count", lang, count=len(kids)): kids}


def clarifying_question(conflict: Conflict, household: Household, lang: Lang
                        ) -> tuple[str, dict[str, list[tuple[Fact, Any]]]]:
    """The question's text and its quick replies (label → facts), for the first conflict of a message."""
    if conflict.kind == "too_many_children":
        text, options = _count(conflict, lang)
    elif conflict.kind == "school_child_in_daycare":
        text, options = _daycare(conflict.children[0], lang)
    else:
        text, options = _age_or_year(conflict.children[0], lang)  # type: ignore[assignment]
    known = [c.model_dump() for c in household.children or []]
    answers: dict[str, list[tuple[Fact, Any]]] = {
        label: [(CHILDREN, known + added)] for label, added in options.items()
        if all(not child_problems(c) for c in added)
    }
    answers[AGAIN[lang]] = []
    return text + _m("retype", lang), answers

"""The question asked when a message described a household that cannot exist (「3歳で小学2年生」,
「子どもは2人で、7歳と4歳と1歳」): understanding left those children out; here the resident
chooses what is right, or writes it again. Nothing impossible is ever passed to the engine.

Each quick reply carries the whole children list it leads to (a fact "children"), so tapping it
goes through the ordinary quick-reply path.
"""

from __future__ import annotations

from typing import Any

from bot.dialogue.questions import Lang
from bot.dialogue.summary import school_year_label
from bot.understanding import Conflict
from bot.understanding.consistency import child_problems, school_year_ages
from knowledge.household import Household
from knowledge.outcome import Fact

CHILDREN = Fact(key="children")
AGAIN = {"ja": "書き直す", "en": "Write it again"}
_RETYPE = {"ja": "違うときは、もう一度書いて送ってください。", "en": "If neither is right, please write it again."}


def _without(child: dict[str, Any], *fields: str) -> dict[str, Any]:
    return {k: v for k, v in child.items() if k not in fields}


def _age_or_year(child: dict[str, Any], lang: Lang) -> tuple[str, dict[str, str | list[dict[str, Any]]]]:
    age, year = child["age"], child["school_year"]
    grade = school_year_label(year, lang)
    low, high = school_year_ages(year)
    by_age = _without(child, "school_year")
    by_year = {**_without(child, "daycare"), "age": low}  # the labelling convention: 小n → 5+n
    text = (f"{age}歳で{grade}、というのは合わないようです（{grade}は{low}〜{high}歳）。どちらが正しいですか？"
            if lang == "ja" else
            f"A child of {age} in {grade} does not fit ({grade} is {low}–{high} years old). Which is right?")
    options = {f"{age}歳です" if lang == "ja" else f"Age {age}": [by_age],
               f"{grade}です" if lang == "ja" else f"{grade[0].upper()}{grade[1:]}": [by_year]}
    return text, options  # type: ignore[return-value]


def _daycare(child: dict[str, Any], lang: Lang) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    who = school_year_label(child["school_year"], lang) if child.get("school_year") else \
        (f"{child['age']}歳" if lang == "ja" else f"{child['age']}-year-old")
    text = (f"{who}のお子さんが保育園に通っている、というのは合わないようです"
            "（保育園は小学校に上がる前のお子さんが通います）。"
            if lang == "ja" else
            f"A {who} child at daycare does not fit (daycare is for children before primary school).")
    return text, {"保育園には通っていません" if lang == "ja" else "Not at daycare": [_without(child, "daycare")]}


def _count(conflict: Conflict, lang: Lang) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    kids = list(conflict.children)
    ages = "・".join(f"{c['age']}歳" for c in kids) if lang == "ja" else ", ".join(str(c["age"]) for c in kids)
    text = (f"お子さんは{conflict.stated}人とのことですが、{len(kids)}人分（{ages}）が書かれていました。何人ですか？"
            if lang == "ja" else
            f"You said {conflict.stated} children but gave {len(kids)} ages ({ages}). How many are there?")
    return text, {f"{len(kids)}人です" if lang == "ja" else f"{len(kids)} children": kids}


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
    return f"{text}{' ' if lang == 'en' else ''}{_RETYPE[lang]}", answers

"""What the bot understood, said back in the resident's words after a message that changed the
household (「ここまでの内容：お子さん2人（小学4年生・2歳 区内の保育施設）」), so a wrong reading is
seen and corrected at once instead of silently deciding the results.

Only what is known is said; unknown facts are left out, and nothing is guessed. The words are in
knowledge/messages/summary.yaml, one template per language where the grammar differs.
"""

from __future__ import annotations

from typing import Any

from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.messages import message, messages
from knowledge.wording import school_year

CORRECT: dict[Lang, str] = messages("summary.correct")
HOW_TO_CORRECT: dict[Lang, str] = messages("summary.how_to_correct")
_CHILD_FLAGS = ("disability_certificate", "chronic_disease", "developmental_concern", "uses_disability_services",
                "special_needs_class", "school_refusal")
_ADULT_FLAGS = ("disability_certificate", "severe_disability", "memory_concern", "nutrition_concern")


def _m(key: str, lang: Lang, **values: object) -> str:
    return message(f"summary.{key}", lang, **values)


def _parts(parts: list[str], lang: Lang) -> str:
    """A member's facts joined by the language's separator (the part_join template filled with nothing)."""
    return _m("part_join", lang, left="", right="").join(parts)


def _child(child: dict[str, Any], lang: Lang) -> str:
    head = school_year(child["school_year"], lang) if child.get("school_year") else \
        _m("age", lang, age=child["age"])
    parts = [head]
    if child.get("sex"):
        parts.append(_m("boy" if child["sex"] == "male" else "girl", lang))
    if child.get("daycare") in ("ward", "other", "none"):
        parts.append(_m(f"daycare_{child['daycare']}", lang))
    if child.get("school") in ("ward", "kudan", "other"):
        parts.append(_m(f"school_{child['school']}", lang))
    parts += [_m(f"child_{flag}", lang) for flag in _CHILD_FLAGS if child.get(flag)]
    return _parts(parts, lang)


def _adult(adult: dict[str, Any], lang: Lang) -> str:
    age = adult.get("age")
    parts = [_m("age", lang, age=age)] if age is not None else \
        [_m(f"band_{adult['age_band']}", lang)] if adult.get("age_band") else []
    parts += [_m(f"adult_{flag}", lang) for flag in _ADULT_FLAGS if adult.get(flag)]
    return _parts(parts, lang) or _m("age_unknown", lang)


def _business(value: Any) -> list[str]:
    return [v for v in (value if isinstance(value, list) else [value]) if v in ("sme", "startup")]


def _count(key: str, count: int, lang: Lang, **values: object) -> str:
    return _m(f"{key}_{'one' if count == 1 else 'many'}", lang, count=count, **values)


def summary_text(household: Household, lang: Lang, unaged: int = 0) -> str:
    """One line: the children, the adults, then household facts; 「まだ何も伺っていません」 when empty.
    `unaged`: children named without an age (kept in the session, not in the household)."""
    data = household.model_dump()
    items: list[str] = []
    kids, adults = data.get("children"), data.get("adults")
    sep = _m("member_sep", lang)
    if kids:
        items.append(_count("children", len(kids), lang, members=sep.join(_child(c, lang) for c in kids)))
    elif kids == []:
        items.append(_m("no_children", lang))
    if unaged:
        items.append(_count("unaged", unaged, lang))
    if adults:
        items.append(_count("adults", len(adults), lang, members=sep.join(_adult(a, lang) for a in adults)))
    if data.get("pregnant"):
        items.append(_m("pregnant", lang))
    if data.get("education_loan"):
        items.append(_m("education_loan", lang))
    if data.get("moving") in ("near_parents", "larger_home"):
        items.append(_m(f"moving_{data['moving']}", lang))
    items += [_m(f"business_{b}", lang) for b in _business(data.get("business"))]
    if not items:
        return _m("nothing_yet", lang)
    return _m("so_far", lang, items=_m("item_sep", lang).join(items))

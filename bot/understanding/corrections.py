"""「いや、3歳です」「上の子じゃなくて下の子です」「やっぱり区外でした」: corrections replace the
facts the previous turn set instead of adding new people or facts."""

from __future__ import annotations

import re
from typing import Any

from bot.understanding.answers import short_answer
from bot.understanding.consistency import school_year_ages
from bot.understanding.model import Context, Expecting
from bot.understanding.people import _age, _grade
from knowledge.household import Household

MEMBER_PATH = re.compile(r"^(children|adults)\.(\d+)\.(\w+)$")
SWAP = re.compile(r"(上|下)の子(じゃなくて|ではなくて|でなく)(上|下)の子")


def _member_paths(last_changed: tuple[str, ...]) -> list[tuple[str, int, str]]:
    return [(m.group(1), int(m.group(2)), m.group(3)) for p in last_changed if (m := MEMBER_PATH.match(p))]


def correct(text: str, context: Context) -> Household | None:
    """The household with the last turn's facts corrected, or None if the text corrects nothing."""
    paths = _member_paths(context.last_changed)
    if not paths:
        return None
    data: dict[str, Any] = context.household.model_dump()
    if (swap := SWAP.search(text)) and data["children"] and len(data["children"]) > 1:
        kids = data["children"]
        order = sorted(range(len(kids)), key=lambda i: -kids[i]["age"])
        source = order[0] if swap.group(1) == "上" else order[-1]
        target = order[0] if swap.group(3) == "上" else order[-1]
        for key, index, field in paths:
            if key == "children" and index == source and field != "age":
                kids[target][field], kids[source][field] = kids[source][field], None
        return Household.model_validate(data)
    key, index, _ = paths[-1]
    people = data[key]
    if people is None or index >= len(people):
        return None
    text = re.split(r"じゃなくて|ではなく(て)?|でなく", text)[-1] or text  # the corrected value comes last
    if (english := re.match(r"^(.*?\w.*?),?\s+not\b", text)) and not re.search(r"\bnot\b\s*$", english.group(1)):
        text = english.group(1)  # "it's a ward daycare, not outside": the corrected value comes first
    age = _age(text, last=True)
    grade, _ = _grade(text)
    if age is None and grade is None and (numbers := re.findall(r"(?<![\d.])\d{1,2}(?![\d.]?\d)", text)):
        age = int(numbers[-1])  # "sorry, I meant 5"
    if grade is not None and key == "children":
        people[index]["school_year"] = grade
        low, high = school_year_ages(grade)
        if not low <= people[index]["age"] <= high:  # the old age came with the old school year
            people[index]["age"] = age if age is not None and low <= age <= high else low
        return Household.model_validate(data)
    if age is not None:
        people[index]["age"] = age
        return Household.model_validate(data)
    for _, i, field in reversed(paths):
        value = short_answer(text, Expecting(f"{'child' if key == 'children' else 'adult'}.{field}", i))
        if value is not None and field != "age":
            people[i][field] = value
            return Household.model_validate(data)
    return None

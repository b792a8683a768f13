"""Households that cannot exist: a child whose age contradicts its school year, a preschool age
with a school year, a school child in daycare, more children than the message counted.

Why here: the extractor must never hand such a child to the engine (it would be told 「対象です」
for a measure it cannot have), and the benchmark counts them with the same rules. The school
year runs April to March, so a child in 小n is 5+n or 6+n years old (小1: 6 or 7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_SMALL = {"ひとり": 1, "ふたり": 2, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
COUNT_WORDS = {**_SMALL, "a single": 1, "an only": 1, "a couple of": 2}
# A number of people, in digits or words: one group, for every count pattern (here and unaged.KIND_COUNT).
COUNT = rf"(\d{{1,2}}|{'|'.join(_SMALL)})"
# 「子どもが2人」「2人の子ども」「子ども2人」「two kids」「3 children」: a count of all the children.
# 「息子が2人」「女の子2人」 count one kind of child only (see unaged.KIND_COUNT), not all of them.
CHILD_COUNT = re.compile(rf"(?:子ども|子供|こども|お子さん|(?<!息)(?<!の)子)(?:は|が|も)?\s*{COUNT}\s*人|"
                         rf"{COUNT}\s*人の(?:子ども|子供|こども|子)|\b{COUNT}\s+(?:kids|children)\b|"
                         r"\b(one|1|a single|an only) (?:child|kid)\b(?!ren)")


_TAKEN_BACK = re.compile(r"^[^a-z\u3040-\u30ff\u4e00-\u9fff]{0,3}(?:sorry|oops|i mean|actually|no wait)\b|"
                         r"^\W{0,3}(?:いや|じゃなくて|ではなく|訂正|間違え|すみません|ごめん)")


@dataclass(frozen=True)
class Problem:
    """One impossible thing: `kind` names the rule, `member` the child (None: the household)."""

    kind: str  # "age_vs_school_year" | "preschool_with_school_year" | "school_child_in_daycare" | "too_many_children"
    member: int | None = None


def school_year_ages(school_year: int) -> tuple[int, int]:
    """The ages a child of this school year can be (小1 → 6–7, 中1 → 12–13, 高3 → 17–18)."""
    return school_year + 5, school_year + 6


def stated_child_count(text: str) -> int | None:
    """How many children the text says there are, if it says so (「子どもが2人」 → 2)."""
    m = CHILD_COUNT.search(text)
    if not m:
        return None
    if back := _TAKEN_BACK.search(text[m.end():]):
        # "3 kids. Sorry, 4!", 「2人じゃなくて3人」: the count said instead, else none
        again = re.match(r"\W{0,3}(\d{1,2})\s*(?:人|kids|children)?(?![\d歳才])", text[m.end() + back.end():])
        return int(again.group(1)) if again else None
    word = next(g for g in m.groups() if g)
    return int(word) if word.isdigit() else COUNT_WORDS.get(word)


def child_problems(child: dict[str, Any]) -> list[str]:
    age, year = child.get("age"), child.get("school_year")
    out = []
    if year is not None and age is not None:
        low, high = school_year_ages(year)
        if age < 6:
            out.append("preschool_with_school_year")
        elif not low <= age <= high:
            out.append("age_vs_school_year")
    at_school = year is not None or (age is not None and age >= 7)
    if at_school and child.get("daycare") in ("ward", "other"):
        out.append("school_child_in_daycare")
    return out


def problems(household: dict[str, Any], new_children: int = 0, stated: int | None = None) -> list[Problem]:
    """Every impossible thing in a household (a `model_dump()`); `new_children` of them came from a
    message that counted `stated` children."""
    found = [Problem(kind, i) for i, child in enumerate(household.get("children") or [])
             for kind in child_problems(child)]
    if stated is not None and new_children > stated:
        found.append(Problem("too_many_children"))
    return found


def without_impossible(before: dict[str, Any], after: dict[str, Any], text: str
                       ) -> tuple[dict[str, Any], list[tuple[str, list[dict[str, Any]], int | None]]]:
    """`after` (a household dump) with the children this message made impossible left out: a new
    child is dropped, a changed one goes back to what it was. Returns the household and, per
    problem, its kind, the children as the message gave them and the count it stated."""
    old = before.get("children") or []
    kids = after.get("children")
    if not kids:
        return after, []
    found: list[tuple[str, list[dict[str, Any]], int | None]] = []
    keep: list[dict[str, Any]] = []
    for i, child in enumerate(kids):
        kinds = child_problems(child) if i >= len(old) or child != old[i] else []
        if kinds:
            found.append((kinds[0], [child], None))
            if i < len(old):
                keep.append(old[i])
        else:
            keep.append(child)
    stated = stated_child_count(text)
    if stated is not None and len(keep) > stated and len(keep) > len(old):
        found.append(("too_many_children", keep[len(old):], stated))
        keep = keep[:len(old)]
    if not found:
        return after, []
    return {**after, "children": keep if keep or before.get("children") is not None else None}, found

"""A fact moved from one member to another: 「手帳を持っているのは息子ではなく夫です」, "the certificate is
my husband's, not my son's", "my son doesn't have one, but my husband does".

Why apart from the segment reader: the sentence names two members and one fact, and the fact
belongs to the second. Read clause by clause, the fact would go to the first (or be negated by
「ではなく」). Here the fact goes to the member it is said of; the other keeps nothing of it.
"""

from __future__ import annotations

import re
from typing import Any

from bot.understanding import words
from bot.understanding.facts import segment_facts
from knowledge.household import Household

_CHILD = r"子ども|子供|こども|息子|娘|上の子|下の子|長男|長女|次男|次女|son|daughter|child|kid|boy|girl"
_ADULT = r"私|わたし|夫|主人|旦那|妻|母|父|祖母|祖父|義母|義父|me|myself|husband|wife|mother|father|mom|dad|" \
         r"grandmother|grandfather|grandma|grandpa|mother-in-law|father-in-law"
_NOUN = rf"(?:{_ADULT}|{_CHILD})"
# (pattern, whether the first-named member is said NOT to have the fact)
_MOVES: list[tuple[re.Pattern[str], bool]] = [
    (re.compile(rf"(?P<a>{_NOUN})(?:さん|ちゃん|くん)?(?:では|じゃ)な(?:く|くて)、?\s*(?P<b>{_NOUN})"), False),
    (re.compile(rf"\b(?:it's|it is) (?:my |our |the )?(?P<b>{_NOUN}) (?:who|that)\b[^.;]*?,? not (?:my |our |the )?"
                rf"(?P<a>{_NOUN})\b"), False),
    (re.compile(rf"(?:my |our )?(?P<b>{_NOUN})(?:'s)?,? not (?:my |our |the )?(?P<a>{_NOUN})(?:'s)?\b"), False),
    (re.compile(rf"\bnot (?:my |our |the )?(?P<a>{_NOUN})(?:'s)?,? (?:but |it's |it is )?(?:my |our |the )?"
                rf"(?P<b>{_NOUN})\b"), False),
    (re.compile(rf"(?:my |our |the )?(?P<a>{_NOUN}) (?:doesn't|does not|isn't|is not|has no|hasn't)[^.;]*?,? but "
                rf"(?:my |our |the )?(?P<b>{_NOUN}) (?:does|is|has)\b"), True),
]
_FIELDS = {"disability_certificate", "chronic_disease", "developmental_concern", "uses_disability_services",
           "special_needs_class", "school_refusal", "severe_disability", "memory_concern", "nutrition_concern"}
_ADULT_ONLY = {"severe_disability", "memory_concern", "nutrition_concern"}
_CHILD_ONLY = {"chronic_disease", "developmental_concern", "uses_disability_services", "special_needs_class",
               "school_refusal"}


def _who(noun: str) -> str | None:
    return next((who for pattern, who in words.ADULT_WHO if pattern.fullmatch(noun) or pattern.search(noun)), None)


def _member(data: dict[str, Any], noun: str, create: bool) -> tuple[str, int] | None:
    """The member a noun names: the one child (of the noun's sex, if it says), or the adult of that relation."""
    if re.fullmatch(_CHILD, noun):
        kids = data["children"] or []
        sex = "male" if re.search(r"息子|長男|次男|son|boy", noun) else \
            "female" if re.search(r"娘|長女|次女|daughter|girl", noun) else None
        same = [i for i, k in enumerate(kids) if sex is None or k.get("sex") in (None, sex)]
        return ("children", same[0]) if len(same) == 1 else None
    who = _who(noun)
    adults = data["adults"] or []
    known = [i for i, a in enumerate(adults) if a.get("relation") == who]
    if len(known) == 1:
        return "adults", known[0]
    if not create or who is None:
        return None
    data["adults"] = [*adults, {"relation": who}]
    return "adults", len(data["adults"]) - 1


def moved_fact(text: str, household: Household) -> Household | None:
    """The household with the fact given to the member it is said of, or None if the text moves none."""
    for pattern, denied in _MOVES:
        if not (m := pattern.search(text)):
            continue
        fields = [field for scope, field, _ in segment_facts(text.replace(m.group(0), " ")) if field in _FIELDS]
        fields += [field for scope, field, _ in segment_facts(text) if field in _FIELDS and field not in fields]
        if not fields:
            continue
        data = household.model_dump()
        target = _member(data, m.group("b"), create=True)
        if target is None:
            return None
        field = fields[0]
        if (target[0] == "children" and field in _ADULT_ONLY) or (target[0] == "adults" and field in _CHILD_ONLY):
            return None
        data[target[0]][target[1]][field] = True
        if (source := _member(data, m.group("a"), create=False)) is not None and source != target:
            people = data[source[0]][source[1]]
            if denied:
                people[field] = False
            elif people.get(field) is True:
                people[field] = None  # it was given to the wrong member: not known for this one any more
        return Household.model_validate(data)
    return None

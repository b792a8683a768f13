"""Common sense about households, kept in one place for the engine and the question planner.

Some facts follow from others by what the words mean, not from any measure: a child with a
school year, at a school or aged 7 or over is not at a daycare (保育施設 are for children before
school). The engine evaluates every measure on `implied(household)`, so a question whose answer
follows from what is known is never missing and never asked; the household the resident gave is
not changed (the summary shows only what they said). Only facts that stay true as the child
grows are implied: a school child never goes back to daycare.

A preschooler has no school *yet*: implying `school: none` or "not in a 特別支援学級" would
change verdicts (a 2-year-old's 「小学1年生になると対象」 note rests on the school being unknown).
So those, and other questions pointless to put to this household, are only kept from the
planner: `unaskable` lists them. These leave the engine's verdict as it is.

An older household (no children, and everyone described is 65 or over and none of them is the
speaker's parent, grandparent or in-law: 「75歳の夫と72歳の私」, not 「80歳の母と同居」, whose speaker
is younger) is not asked about a pregnancy, a child's education loan or a 子育て世帯's move: nobody
at a counter would. None is implied, though: the adults described are those worth telling about,
not surely everyone at home; the document's 保護者 does not say the child must be under 23 (the
loan may be for a grown child still studying), nor does it define 子育て世帯. So those measures
stay `maybe` (folded away from the results), never `not eligible`.

Each rule below says why it holds; a rule that would need the document's words belongs in a
measure file, not here.
"""

from __future__ import annotations

from typing import Any

from knowledge.household import Child, Household

# Questions about a school, pointless for a child who does not go to one yet.
_SCHOOL_QUESTIONS = ("child.school", "child.special_needs_class", "child.school_refusal")
# Questions about a young family, pointless for a household of older people with no children.
_YOUNG_FAMILY_QUESTIONS = ("pregnant", "education_loan", "moving")
_OLDER_BANDS = ("65_74", "75_plus")
# Relations that say the speaker is someone else, of a younger generation.
_ELDERS = ("mother", "father", "grandmother", "grandfather", "mother_in_law", "father_in_law")


def is_preschool(child: Child) -> bool:
    """At most 5, at a daycare, or said to be 未就学 while at most 6: not at school by definition.

    A 6-year-old may be 年長 or 小1, so age 6 alone does not say.
    """
    if child.school_year is not None:
        return False
    return child.age <= 5 or child.daycare in ("ward", "other") or (child.school == "none" and child.age <= 6)


def is_school_age(child: Child) -> bool:
    """Has a school year, goes to a school, or is 7 or over: past the age of 保育施設."""
    return child.school_year is not None or child.school in ("ward", "kudan", "other") or child.age >= 7


def is_older_household(household: Household) -> bool:
    """Said it has no children, and every adult described is 65 or over (by age or tapped band) and
    none is the speaker's elder (then the speaker, not described, may be young)."""
    adults = household.adults or []
    return household.children == [] and bool(adults) and all(
        ((a.age is not None and a.age >= 65) or (a.age is None and a.age_band in _OLDER_BANDS))
        and a.relation not in _ELDERS for a in adults)


def _implied_child(child: Child) -> dict[str, Any]:
    update: dict[str, Any] = {}
    if is_school_age(child) and child.daycare is None:
        update["daycare"] = "none"  # a school child is not at a daycare
    return update


def implied(household: Household) -> Household:
    """The household with every fact that follows from what is known filled in (never overriding
    what was said). Returns the same object when nothing follows, so it is cheap to call often."""
    if not household.children:
        return household
    updates = [_implied_child(c) for c in household.children]
    if not any(updates):
        return household
    children = [c.model_copy(update=u) if u else c for c, u in zip(household.children, updates, strict=True)]
    return household.model_copy(update={"children": children})


def unaskable(household: Household) -> set[tuple[str, int | None]]:
    """(question key, member) the planner must not put to this household although the engine may
    still be missing them: asking would sound absurd to the resident."""
    keys: set[tuple[str, int | None]] = set()
    for i, child in enumerate(household.children or []):
        if is_preschool(child):
            keys.update((key, i) for key in _SCHOOL_QUESTIONS)  # a preschooler has no school yet
    if is_older_household(household):
        keys.update((key, None) for key in _YOUNG_FAMILY_QUESTIONS)  # not asked, not implied either
    return keys

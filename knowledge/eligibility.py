"""The eligibility engine: every condition type evaluated once, three-valued.

A condition is `met`, `not_met` or `unknown` (a fact is still `None`). A measure is `eligible`
when every condition is met, `not_eligible` when one is not, otherwise `maybe`; child and adult
conditions must all hold for the same member, and the best-placed member is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from knowledge import reasons, wording
from knowledge.conditions import (
    AdultAge,
    AdultFlagIs,
    BusinessIn,
    CertificateInFamily,
    ChildAge,
    ChildFlagIs,
    ChildSex,
    DaycareIn,
    EducationLoan,
    MovingIn,
    Pregnant,
    SchoolIn,
    SchoolYear,
    TurnsAge,
)
from knowledge.household import AGE_BANDS, Adult, Child, Household
from knowledge.measure import Measure, Rule
from knowledge.outcome import CheckStatus, ConditionResult, Fact, Outcome, Verdict


@dataclass(frozen=True)
class Check:
    status: CheckStatus
    fact: str
    later: tuple[str, str] | None = None
    member: int | None = None  # when the deciding fact belongs to another member (a sibling)


def _tri(value: object, ok: Callable[[object], bool], fact: str) -> Check:
    if value is None:
        return Check("unknown", fact)
    return Check("met" if ok(value) else "not_met", fact)


def possible_school_years(child: Child) -> set[int]:
    """School years the child may be in (0 = preschool); a given `school_year` wins.

    Japanese children start 小1 in the April after turning 6, so an age allows two years.
    """
    if child.school_year is not None:
        return {child.school_year}
    if child.daycare in ("ward", "other") or (child.school == "none" and child.age <= 7):
        return {0}
    return {max(child.age - 6, 0), max(child.age - 5, 0)}


def _in_range(value: int, lo: int | None, hi: int | None) -> bool:
    return (lo is None or value >= lo) and (hi is None or value <= hi)


def _check_school_year(cond: SchoolYear, child: Child) -> Check:
    years = possible_school_years(child)
    fits = {y for y in years if (y == 0 and cond.include_preschool) or (y > 0 and _in_range(y, cond.min, cond.max))}
    if fits == years:
        return Check("met", "child.school_year")
    if fits:
        return Check("unknown", "child.school_year")
    later = None
    if cond.min is not None and max(years) < cond.min:
        later = (f"{wording.school_year_ja(cond.min)}になると対象になります",
                 f"becomes eligible in {wording.school_year_en(cond.min)}")
    return Check("not_met", "child.school_year", later)


def _check_child_age(cond: ChildAge, child: Child) -> Check:
    if _in_range(child.age, cond.min, cond.max):
        return Check("met", "child.age")
    later = None
    if cond.min is not None and child.age < cond.min:
        later = (f"{cond.min}歳になると対象になります", f"becomes eligible at age {cond.min}")
    return Check("not_met", "child.age", later)


def _check_turns_age(cond: TurnsAge, child: Child) -> Check:
    if child.age in (cond.age - 1, cond.age):
        return Check("met", "child.age")
    later = None
    if child.age < cond.age - 1:
        later = (f"{cond.age}歳を迎えるころに対象になります", f"becomes eligible when turning {cond.age}")
    return Check("not_met", "child.age", later)


def _check_certificate(cond: CertificateInFamily, child: Child, index: int, household: Household) -> Check:
    if child.disability_certificate:
        return Check("met", "child.disability_certificate")
    siblings = [(i, c) for i, c in enumerate(household.children or []) if i != index and c.age <= cond.max_sibling_age]
    if any(s.disability_certificate for _, s in siblings):
        return Check("met", "child.disability_certificate")
    if child.disability_certificate is None:
        return Check("unknown", "child.disability_certificate")
    unknown = [i for i, s in siblings if s.disability_certificate is None]
    if unknown:
        return Check("unknown", "child.disability_certificate", member=unknown[0])
    return Check("not_met", "child.disability_certificate")


def check_child(cond: object, child: Child, index: int, household: Household) -> Check:
    match cond:
        case ChildAge():
            return _check_child_age(cond, child)
        case SchoolYear():
            return _check_school_year(cond, child)
        case TurnsAge():
            return _check_turns_age(cond, child)
        case CertificateInFamily():
            return _check_certificate(cond, child, index, household)
        case ChildSex(is_=sex):
            return _tri(child.sex, lambda v: v == sex, "child.sex")
        case ChildFlagIs(flag=flag):
            return _tri(getattr(child, flag), bool, f"child.{flag}")
        case DaycareIn(in_=values):
            return _tri(child.daycare, lambda v: v in values, "child.daycare")
        case SchoolIn(in_=values):
            return _tri(child.school, lambda v: v in values, "child.school")
    raise TypeError(f"not a child condition: {type(cond).__name__}")


def _check_band(band: tuple[int, int], lo: int | None, hi: int | None) -> Check:
    inside = _in_range(band[0], lo, hi) and _in_range(band[1], lo, hi)
    outside = (hi is not None and band[0] > hi) or (lo is not None and band[1] < lo)
    return Check("met" if inside else "not_met" if outside else "unknown", "adult.age")


def check_adult(cond: object, adult: Adult) -> Check:
    match cond:
        case AdultAge(min=lo, max=hi):
            if adult.age is None and adult.age_band is not None:
                return _check_band(AGE_BANDS[adult.age_band], lo, hi)
            return _tri(adult.age, lambda v: _in_range(v, lo, hi), "adult.age")  # type: ignore[arg-type]
        case AdultFlagIs(flag=flag):
            return _tri(getattr(adult, flag), bool, f"adult.{flag}")
    raise TypeError(f"not an adult condition: {type(cond).__name__}")


def check_household(cond: object, household: Household) -> Check:
    match cond:
        case Pregnant():
            return _tri(household.pregnant, bool, "pregnant")
        case EducationLoan():
            return _tri(household.education_loan, bool, "education_loan")
        case MovingIn(in_=values):
            return _tri(household.moving, lambda v: v in values, "moving")
        case BusinessIn(in_=values):
            return _tri(household.business, lambda v: v in values, "business")
    raise TypeError(f"not a household condition: {type(cond).__name__}")


def _result(cond: object, check: Check, subject: tuple[str, str], member: int | None) -> ConditionResult:
    req_ja, req_en = wording.requirement(cond)
    return ConditionResult(
        requirement_ja=req_ja, requirement_en=req_en, subject_ja=subject[0], subject_en=subject[1],
        status=check.status, fact=Fact(key=check.fact, member=member if check.member is None else check.member),
        later_ja=check.later[0] if check.later else None, later_en=check.later[1] if check.later else None,
    )


_RANK: dict[Verdict, int] = {"eligible": 0, "maybe": 1, "not_eligible": 2, "open_to_all": 3}


def verdict_of(results: list[ConditionResult]) -> Verdict:
    if any(r.status == "not_met" for r in results):
        return "not_eligible"
    return "maybe" if any(r.status == "unknown" for r in results) else "eligible"


def _member_key(results: list[ConditionResult]) -> tuple[int, int, int]:
    unknown = sum(r.status == "unknown" for r in results)
    met = sum(r.status == "met" for r in results)
    return _RANK[verdict_of(results)], unknown, -met


def _members(rule: Rule, household: Household) -> tuple[list[list[ConditionResult]], list[list[ConditionResult]]]:
    """Per-child and per-adult results; a single placeholder member when the list is unknown."""
    kids: list[list[ConditionResult]] = []
    if rule.some_child:
        if household.children is None:
            unknown = Check("unknown", "children")
            kids = [[_result(c, unknown, (wording.ANY_CHILD_JA, wording.ANY_CHILD_EN), None) for c in rule.some_child]]
        for i, child in enumerate(household.children or []):
            subject = (wording.child_ja(child), wording.child_en(child))
            kids.append([_result(c, check_child(c, child, i, household), subject, i) for c in rule.some_child])
        if household.children == []:
            none = Check("not_met", "children")
            kids = [[_result(c, none, (wording.ANY_CHILD_JA, wording.ANY_CHILD_EN), None) for c in rule.some_child]]
    adults: list[list[ConditionResult]] = []
    if rule.some_adult:
        if not household.adults:
            placeholder = Check("unknown" if household.adults is None else "not_met", "adults")
            subject = (wording.ANY_ADULT_JA, wording.ANY_ADULT_EN)
            adults = [[_result(c, placeholder, subject, None) for c in rule.some_adult]]
        for i, adult in enumerate(household.adults or []):
            subject = (wording.adult_ja(adult), wording.adult_en(adult))
            adults.append([_result(c, check_adult(c, adult), subject, i) for c in rule.some_adult])
    return kids, adults


def _best(members: list[list[ConditionResult]]) -> tuple[list[ConditionResult], list[Fact]]:
    """The best-placed member's results, and the facts that would settle any `maybe` member."""
    if not members:
        return [], []
    best = min(members, key=_member_key)
    missing = [r.fact for m in members if verdict_of(m) == "maybe" for r in m if r.status == "unknown"]
    return best, missing


def evaluate(measure: Measure, household: Household, fiscal_year: int) -> Outcome:
    """The verdict for one measure, with per-condition reasons naming the household member."""
    rule = measure.rule_for(fiscal_year)
    if measure.kind == "initiative":
        return reasons.initiative(measure.id)
    if rule is None:
        return reasons.open_to_all(measure.id)
    results = [_result(c, check_household(c, household), (wording.HOUSEHOLD_JA, wording.HOUSEHOLD_EN), None)
               for c in rule.household]
    missing = [r.fact for r in results if r.status == "unknown"]
    for members in _members(rule, household):
        best, member_missing = _best(members)
        results += best
        missing += member_missing
    verdict = verdict_of(results)
    unique = list({(f.key, f.member): f for f in missing}.values()) if verdict == "maybe" else []
    return reasons.explain(measure.id, verdict, results, unique)

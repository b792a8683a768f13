"""The eligibility engine: every condition type evaluated once, three-valued.

A condition is `met`, `not_met` or `unknown` (a fact is still `None`). A verdict is never stronger
than the basis of its conditions (see `conditions.py`):

- `not_eligible` only when a condition resting on the document's words or a fixed meaning is
  not met; a condition resting on our reading never turns anyone away (not met → `maybe`, with
  an `unsettled` sentence saying what the document leaves open);
- `eligible` only when every condition is met and rests on the document or a definition, and the
  rule leaves nothing `unsettled`;
- a measure whose participants someone else chooses (`selection`) is `related`, never eligible:
  a failing document condition still makes it `not_eligible` (a 小学生 is not related to a
  junior-high exchange), and while facts are missing it stays `maybe` so the dialogue can ask.

Child and adult conditions must all hold for the same member; the best-placed member is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from knowledge import reasons, wording
from knowledge.basis import Reading, basis_kind
from knowledge.common_sense import implied, is_preschool
from knowledge.conditions import (
    AdultAge,
    AdultFlagIs,
    BusinessIn,
    CertificateInFamily,
    ChildAge,
    ChildAnyFlag,
    ChildFlagIs,
    ChildSex,
    Condition,
    DaycareIn,
    EducationLoan,
    MovingIn,
    Pregnant,
    RaisingChildren,
    SchoolIn,
    SchoolYear,
    TurnsAge,
)
from knowledge.household import AGE_BANDS, Adult, Child, Household
from knowledge.languages import Lang
from knowledge.measure import Measure, Rule
from knowledge.outcome import Basis, CheckStatus, ConditionResult, Fact, Outcome
from knowledge.verdict import RANK, asks, firm, verdict_of


@dataclass(frozen=True)
class Check:
    status: CheckStatus
    fact: str
    later: dict[Lang, str] | None = None
    member: int | None = None  # when the deciding fact belongs to another member (a sibling)
    edge: bool = True  # a "not met" that the condition's `outside` sentence covers (see RaisingChildren)


def _tri(value: object, ok: Callable[[object], bool], fact: str) -> Check:
    if value is None:
        return Check("unknown", fact)
    return Check("met" if ok(value) else "not_met", fact)


def possible_school_years(child: Child) -> set[int]:
    """School years the child may be in (0 = preschool); a given `school_year` wins.

    Japanese children start 小1 in the April after turning 6, so an age allows two years. A child
    at daycare, or not at school while at most 6, is preschool. A 7-year-old is of school age
    (小1 or 小2) whether or not they attend: `school: none` at 7 or over says where they are not
    enrolled, not that they are preschool.
    """
    if child.school_year is not None:
        return {child.school_year}
    if is_preschool(child):
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
        later = wording.later_texts("school_year", cond.min)
    return Check("not_met", "child.school_year", later)


def _check_child_age(cond: ChildAge, child: Child) -> Check:
    if _in_range(child.age, cond.min, cond.max):
        return Check("met", "child.age")
    later = None
    if cond.min is not None and child.age < cond.min:
        later = wording.later_texts("age", cond.min)
    return Check("not_met", "child.age", later)


def _check_turns_age(cond: TurnsAge, child: Child) -> Check:
    if child.age in (cond.age - 1, cond.age):
        return Check("met", "child.age")
    later = None
    if child.age < cond.age - 1:
        later = wording.later_texts("turning", cond.age)
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


def _check_any_flag(cond: ChildAnyFlag, child: Child) -> Check:
    values = [(flag, getattr(child, flag)) for flag in cond.flags]
    if any(v for _, v in values):
        return Check("met", f"child.{next(f for f, v in values if v)}")
    unknown = [f for f, v in values if v is None]
    return Check("unknown", f"child.{unknown[0]}") if unknown else Check("not_met", f"child.{cond.flags[0]}")


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
        case ChildAnyFlag():
            return _check_any_flag(cond, child)
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


def _check_raising(cond: RaisingChildren, household: Household) -> Check:
    if household.children is None:
        return Check("unknown", "children")
    if any(c.age <= cond.max_age for c in household.children):
        return Check("met", "children")
    if household.children or household.pregnant:  # older children, or a baby on the way
        return Check("not_met", "children")
    if household.pregnant is None:
        return Check("unknown", "pregnant")
    return Check("not_met", "children", edge=False)


def check_household(cond: object, household: Household) -> Check:
    match cond:
        case Pregnant():
            return _tri(household.pregnant, bool, "pregnant")
        case EducationLoan():
            return _tri(household.education_loan, bool, "education_loan")
        case RaisingChildren():
            return _check_raising(cond, household)
        case MovingIn(in_=values):
            return _tri(household.moving, lambda v: v in values, "moving")
        case BusinessIn(in_=values):  # a household may run an SME and a startup: any shared value counts
            if household.business is None:
                return Check("unknown", "business")
            if set(household.business) & set(values):
                return Check("met", "business")
            # `outside` speaks for another kind of business (a startup may be an SME), never for none at all
            return Check("not_met", "business", edge=bool(set(household.business) - {"none"}))
    raise TypeError(f"not a household condition: {type(cond).__name__}")


def _result(cond: Condition, check: Check, subject: dict[Lang, str], member: int | None) -> ConditionResult:
    """One condition's answer, with the basis that answer rests on: a firm condition's "not met"
    is only our reading when the measure file says the words do not settle those `outside` it.
    `subject`: who it was checked on, in every language."""
    req = wording.requirements(cond)
    basis: Basis = basis_kind(cond.basis)  # type: ignore[assignment]
    why = cond.basis.reading if isinstance(cond.basis, Reading) else None
    if check.fact in ("children", "adults") and not isinstance(cond, RaisingChildren):
        basis, why = ("document" if basis == "reading" else basis), None  # nobody to check this on at all
    elif check.status == "not_met" and cond.outside is not None and check.edge:
        basis, why = "reading", cond.outside
    return ConditionResult(
        status=check.status, fact=Fact(key=check.fact, member=member if check.member is None else check.member),
        basis=basis, requirement=req, subject=subject, unsettled=reasons.texts_of(why) if why else {},
        later=check.later or {},
    )


def _member_key(results: list[ConditionResult]) -> tuple[int, int, int, int]:
    unknown = sum(r.status == "unknown" for r in results)
    soft = sum(not firm(r) for r in results)
    met = sum(r.status == "met" for r in results)
    return RANK[verdict_of(results)], soft, unknown, -met


def _members(rule: Rule, household: Household) -> tuple[list[list[ConditionResult]], list[list[ConditionResult]]]:
    """Per-child and per-adult results; a single placeholder member when the list is unknown."""
    kids: list[list[ConditionResult]] = []
    if rule.some_child:
        if household.children is None:
            unknown = Check("unknown", "children")
            kids = [[_result(c, unknown, wording.fixed_texts("any_child"), None) for c in rule.some_child]]
        for i, child in enumerate(household.children or []):
            subject = wording.child_texts(child)
            kids.append([_result(c, check_child(c, child, i, household), subject, i) for c in rule.some_child])
        if household.children == []:
            none = Check("not_met", "children")
            kids = [[_result(c, none, wording.fixed_texts("any_child"), None) for c in rule.some_child]]
    adults: list[list[ConditionResult]] = []
    if rule.some_adult:
        if not household.adults:
            placeholder = Check("unknown" if household.adults is None else "not_met", "adults")
            subject = wording.fixed_texts("any_adult")
            adults = [[_result(c, placeholder, subject, None) for c in rule.some_adult]]
        for i, adult in enumerate(household.adults or []):
            subject = wording.adult_texts(adult)
            adults.append([_result(c, check_adult(c, adult), subject, i) for c in rule.some_adult])
    return kids, adults


def _best(members: list[list[ConditionResult]]) -> tuple[list[ConditionResult], list[Fact]]:
    """The best-placed member's results, and the facts that would settle any `maybe` member."""
    if not members:
        return [], []
    best = min(members, key=_member_key)
    missing = [r.fact for m in members if verdict_of(m) == "maybe" for r in m if asks(r)]
    return best, missing


def evaluate(measure: Measure, household: Household, fiscal_year: int) -> Outcome:
    """The verdict for one measure, with per-condition reasons naming the household member."""
    rule = measure.rule_for(fiscal_year)
    if measure.kind == "initiative":
        return reasons.initiative(measure.id)
    if rule is None:
        return reasons.open_to_all(measure.id)
    household = implied(household)  # what follows from what is known is never missing
    results = [_result(c, check_household(c, household), wording.fixed_texts("household"), None)
               for c in rule.household]
    missing = [r.fact for r in results if asks(r)]
    for members in _members(rule, household):
        best, member_missing = _best(members)
        results += best
        missing += member_missing
    verdict = verdict_of(results, capped=bool(rule.unsettled))
    unique = list({(f.key, f.member): f for f in missing}.values()) if verdict == "maybe" else []
    if measure.selection is not None and verdict != "not_eligible" and not unique:
        verdict = "related"
    unsettled: list[dict[Lang, str]] = []
    if verdict != "not_eligible":
        soft = [r.unsettled for r in results if not firm(r) and r.unsettled]
        every = [*soft, *(reasons.texts_of(w) for w in rule.unsettled)]
        unsettled = list({tuple(u.items()): u for u in every}.values())  # each point once, in order
    chosen = measure.selection.how if measure.selection is not None and verdict != "not_eligible" else None
    return reasons.explain(measure.id, verdict, results, unique, unsettled, chosen)

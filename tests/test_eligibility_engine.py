"""The engine's own behaviour, on small measures built here (the catalog's rules have YAML cases)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from knowledge.eligibility import evaluate, possible_school_years
from knowledge.household import Child, Household
from knowledge.measure import Measure, Rule
from knowledge.reasons import later_in, reasons_in

QUOTE = {"quote": "見本"}


def _sourced(rule: dict[str, Any]) -> dict[str, Any]:
    """Conditions without a basis get a document quote: most tests are about the condition types."""
    scopes = ("household", "some_child", "some_adult")
    return {k: [{"basis": QUOTE, **c} for c in v] if k in scopes else v for k, v in rule.items()}


def measure(kind: str = "benefit", selection: dict[str, Any] | None = None, **rule: Any) -> Measure:
    return Measure.model_validate({
        **({"selection": selection} if selection else {}),
        "id": "sample", "title": "見本", "title_en": "Sample", "page": "P1", "area": "test", "section": "s",
        "kind": kind, "fiscal_year": 2024, "audience": {"ja": "a", "en": "a"}, "budget_line": "b",
        "summary": {"ja": "s", "en": "s"},
        "eligibility": [{"fiscal_year": 2024, **_sourced(rule)}] if rule else [],
    })


BOY_6_TO_10 = {"some_child": [{"type": "sex", "is": "male"}, {"type": "school_year", "min": 6, "max": 10}]}


@pytest.mark.parametrize(("age", "years"), [(3, {0}), (6, {0, 1}), (7, {1, 2}), (12, {6, 7}), (15, {9, 10})])
def test_an_age_allows_two_school_years(age: int, years: set[int]) -> None:
    assert possible_school_years(Child(age=age)) == years


def test_a_given_school_year_wins_over_age() -> None:
    assert possible_school_years(Child(age=12, school_year=6)) == {6}


def test_child_conditions_must_hold_for_the_same_child() -> None:
    boy = Child(age=8, sex="male", school_year=3)
    household = Household(children=[boy, Child(age=13, sex="female", school_year=7)])
    outcome = evaluate(measure(**BOY_6_TO_10), household, 2024)
    assert outcome.verdict == "not_eligible"


def test_the_best_placed_child_is_reported_by_name() -> None:
    household = Household(children=[Child(age=4), Child(age=13, sex="male", school_year=7)])
    outcome = evaluate(measure(**BOY_6_TO_10), household, 2024)
    assert outcome.verdict == "eligible"
    assert "13歳の息子さん（中学1年生）" in reasons_in(outcome, "ja")[0]


def test_unknown_children_mean_maybe_and_no_children_mean_no() -> None:
    assert evaluate(measure(**BOY_6_TO_10), Household(), 2024).verdict == "maybe"
    assert evaluate(measure(**BOY_6_TO_10), Household(children=[]), 2024).verdict == "not_eligible"


def test_maybe_names_the_facts_that_would_decide() -> None:
    outcome = evaluate(measure(**BOY_6_TO_10), Household(children=[Child(age=13)]), 2024)
    assert outcome.verdict == "maybe"
    assert [(f.key, f.member) for f in outcome.missing] == [("child.sex", 0)]
    assert reasons_in(outcome, "ja")[0].startswith("2つの条件のうち1つを満たしています")


def test_a_child_too_young_is_told_when_it_will_qualify() -> None:
    outcome = evaluate(measure(**BOY_6_TO_10), Household(children=[Child(age=9, sex="male", school_year=4)]), 2024)
    assert outcome.verdict == "not_eligible"
    assert "小学6年生になると対象" in (later_in(outcome, "ja") or "")


def test_unknown_adults_mean_maybe() -> None:
    rule = {"some_adult": [{"type": "adult_age", "min": 75}]}
    assert evaluate(measure(**rule), Household(), 2024).verdict == "maybe"
    assert evaluate(measure(**rule), Household(adults=[{"age": 74}]), 2024).verdict == "not_eligible"  # type: ignore[list-item]
    assert evaluate(measure(**rule), Household(adults=[{"age": 75}]), 2024).verdict == "eligible"  # type: ignore[list-item]


@pytest.mark.parametrize(("band", "verdict"), [("75_plus", "eligible"), ("65_74", "not_eligible"),
                                               ("under_65", "not_eligible")])
def test_an_age_band_decides_like_an_age(band: str, verdict: str) -> None:
    rule = {"some_adult": [{"type": "adult_age", "min": 75}]}
    household = Household.model_validate({"adults": [{"age_band": band}]})
    assert evaluate(measure(**rule), household, 2024).verdict == verdict


def test_a_band_straddling_the_limit_stays_unknown() -> None:
    household = Household.model_validate({"adults": [{"age_band": "65_74"}]})
    assert evaluate(measure(some_adult=[{"type": "adult_age", "min": 70}]), household, 2024).verdict == "maybe"


def test_rules_are_dated() -> None:
    outcome = evaluate(measure(household=[{"type": "pregnant"}]), Household(pregnant=True), 2025)
    assert outcome.verdict == "open_to_all"  # no rule for 2025: nothing machine-checked that year


def test_initiatives_never_qualify_and_open_services_are_open() -> None:
    assert evaluate(measure(kind="initiative"), Household(pregnant=True), 2024).verdict == "not_eligible"
    assert evaluate(measure(kind="service"), Household(), 2024).verdict == "open_to_all"


def test_a_condition_in_the_wrong_scope_is_refused() -> None:
    with pytest.raises(ValidationError, match="some_child cannot hold"):
        Rule.model_validate({"fiscal_year": 2024, "some_child": [{"type": "pregnant", "basis": QUOTE}]})


@pytest.mark.parametrize("bad", [{"children": [{"age": -1}]}, {"children": [{"age": 150}]}, {"adults": [{"age": 300}]},
                                 {"children": [{"age": 5, "daycare": "city"}]}, {"pregnant": "maybe"}, {"pets": 2}])
def test_absurd_households_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Household.model_validate(bad)


@pytest.mark.parametrize(("given", "kept"), [
    ("sme", ["sme"]), (["startup", "sme", "sme"], ["startup", "sme"]), (["none", "sme"], ["sme"]), (["none"], ["none"]),
])
def test_business_is_a_set_and_accepts_one_string(given: object, kept: list[str]) -> None:
    assert Household.model_validate({"business": given}).business == kept


def test_a_seven_year_old_not_at_school_is_of_school_age_not_preschool() -> None:
    """`school: none` at 7 means not enrolled, not 未就学: a 7-year-old is 小1 or 小2 by age."""
    assert possible_school_years(Child(age=7, school="none")) == {1, 2}
    assert possible_school_years(Child(age=6, school="none")) == {0}


READING = {"reading": {"ja": "資料に書かれていません。", "en": "The document does not say."}}
OUTSIDE = {"ja": "外側は資料に書かれていません。", "en": "The document does not settle the rest."}


def test_a_reading_never_excludes_and_never_promises() -> None:
    m = measure(some_child=[{"type": "child_age", "max": 5, "basis": READING}])
    too_old = evaluate(m, Household(children=[Child(age=9)]), 2024)
    assert too_old.verdict == "maybe" and too_old.unsettled["ja"] == ["資料に書かれていません。"]
    fits = evaluate(m, Household(children=[Child(age=3)]), 2024)
    assert fits.verdict == "maybe" and fits.conditions[0].basis == "reading"
    assert evaluate(m, Household(children=[]), 2024).verdict == "not_eligible"  # no child at all is still no


def test_outside_a_firm_condition_is_maybe_inside_is_eligible() -> None:
    m = measure(some_child=[{"type": "child_age", "max": 5, "outside": OUTSIDE}])
    inside = evaluate(m, Household(children=[Child(age=5)]), 2024)
    assert inside.verdict == "eligible" and inside.unsettled["ja"] == [] and inside.conditions[0].basis == "document"
    outside = evaluate(m, Household(children=[Child(age=6)]), 2024)
    assert outside.verdict == "maybe" and outside.conditions[0].basis == "reading"
    assert outside.unsettled["en"] == ["The document does not settle the rest."] and outside.missing == []


def test_an_unsettled_rule_keeps_everyone_at_maybe() -> None:
    m = measure(some_child=[{"type": "child_age", "max": 5}], unsettled=[OUTSIDE])
    outcome = evaluate(m, Household(children=[Child(age=2)]), 2024)
    assert outcome.verdict == "maybe" and outcome.unsettled["ja"] == [OUTSIDE["ja"]]
    assert evaluate(m, Household(children=[Child(age=7)]), 2024).unsettled["ja"] == []  # not for those ruled out


def test_a_selected_programme_is_related_but_a_failed_document_condition_still_says_no() -> None:
    chosen = {"quote": "派遣", "how": {"ja": "学校が選びます。", "en": "The school chooses."}}
    m = measure(selection=chosen, some_child=[{"type": "school_year", "min": 7, "max": 9}])
    assert evaluate(m, Household(children=[Child(age=13, school_year=8)]), 2024).verdict == "related"
    primary = evaluate(m, Household(children=[Child(age=10, school_year=5)]), 2024)
    assert primary.verdict == "not_eligible" and not primary.how_chosen
    open_question = evaluate(m, Household(children=[Child(age=12)]), 2024)  # 小6 or 中1: ask first
    assert open_question.verdict == "maybe" and open_question.missing and open_question.how_chosen.get("en")


def test_outside_on_a_range_with_two_bounds_is_refused() -> None:
    """Which side is open must be said: 後期課程 (above 中3) is unsettled, preschool (below 小1) is not."""
    with pytest.raises(ValidationError, match="covers one side"):
        measure(some_child=[{"type": "school_year", "min": 1, "max": 9, "outside": OUTSIDE}])

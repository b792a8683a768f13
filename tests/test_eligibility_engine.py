"""The engine's own behaviour, on small measures built here (the catalog's rules have YAML cases)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from knowledge.eligibility import evaluate, possible_school_years
from knowledge.household import Child, Household
from knowledge.measure import Measure, Rule

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
    assert "13歳の息子さん（中学1年生）" in outcome.reasons_ja[0]


def test_unknown_children_mean_maybe_and_no_children_mean_no() -> None:
    assert evaluate(measure(**BOY_6_TO_10), Household(), 2024).verdict == "maybe"
    assert evaluate(measure(**BOY_6_TO_10), Household(children=[]), 2024).verdict == "not_eligible"


def test_maybe_names_the_facts_that_would_decide() -> None:
    outcome = evaluate(measure(**BOY_6_TO_10), Household(children=[Child(age=13)]), 2024)
    assert outcome.verdict == "maybe"
    assert [(f.key, f.member) for f in outcome.missing] == [("child.sex", 0)]
    assert outcome.reasons_ja[0].startswith("2つの条件のうち1つを満たしています")


def test_a_child_too_young_is_told_when_it_will_qualify() -> None:
    outcome = evaluate(measure(**BOY_6_TO_10), Household(children=[Child(age=9, sex="male", school_year=4)]), 2024)
    assert outcome.verdict == "not_eligible"
    assert outcome.later_ja and "小学6年生になると対象" in outcome.later_ja


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

"""Verdicts are never stronger than their basis, for any household over the real catalog (hypothesis).

- a condition resting on our reading never turns anyone away by itself: every `not_eligible`
  names a condition from the document's words or a term's fixed meaning that is not met;
- 「対象です」 (eligible) never rests on a reading, on a point the rule leaves unsettled, or on a
  programme whose participants someone else chooses (those are `related`, never eligible).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.catalog import default_catalog
from knowledge.household import Adult, Child, Household
from knowledge.reasons import reasons_in

maybe_bool = st.sampled_from([None, True, False])


@st.composite
def children(draw: st.DrawFn) -> Child:
    age = draw(st.integers(0, 22))
    year = draw(st.sampled_from([None, *range(max(1, age - 7), min(12, max(1, age - 4)) + 1)])) if age >= 6 else None
    return Child(
        age=age, school_year=year, sex=draw(st.sampled_from([None, "male", "female"])),
        daycare=draw(st.sampled_from([None, "ward", "other", "none"])) if age <= 6 else None,
        school=draw(st.sampled_from([None, "ward", "kudan", "other", "none"])),
        disability_certificate=draw(maybe_bool), chronic_disease=draw(maybe_bool),
        developmental_concern=draw(maybe_bool), uses_disability_services=draw(maybe_bool),
        special_needs_class=draw(maybe_bool), school_refusal=draw(maybe_bool),
    )


adults = st.builds(
    Adult, age=st.one_of(st.none(), st.integers(15, 105)),
    age_band=st.sampled_from([None, "under_65", "65_74", "75_plus"]),
    disability_certificate=maybe_bool, severe_disability=maybe_bool, memory_concern=maybe_bool,
    nutrition_concern=maybe_bool,
)

households = st.builds(
    Household,
    pregnant=maybe_bool,
    children=st.one_of(st.none(), st.lists(children(), max_size=3)),
    adults=st.one_of(st.none(), st.lists(adults, max_size=3)),
    education_loan=maybe_bool,
    moving=st.sampled_from([None, "near_parents", "larger_home", "none"]),
    business=st.one_of(st.none(), st.lists(st.sampled_from(["sme", "startup", "none"]), min_size=1, max_size=2)),
)


@settings(max_examples=300, deadline=None)
@given(households)
def test_a_reading_alone_never_turns_anyone_away(household: Household) -> None:
    for measure, outcome in default_catalog().evaluate(household):
        if outcome.verdict != "not_eligible" or measure.kind == "initiative":
            continue
        firm_failures = [c for c in outcome.conditions if c.status == "not_met" and c.basis != "reading"]
        assert firm_failures, (measure.id, reasons_in(outcome, "ja"))


@settings(max_examples=300, deadline=None)
@given(households)
def test_no_promise_rests_on_a_reading_a_selection_or_an_open_point(household: Household) -> None:
    catalog = default_catalog()
    for measure, outcome in catalog.evaluate(household):
        rule = measure.rule_for(catalog.fiscal_year)
        soft = any(c.basis == "reading" for c in outcome.conditions)
        if soft or measure.selection is not None or (rule is not None and rule.unsettled):
            assert outcome.verdict != "eligible", (measure.id, reasons_in(outcome, "ja"))
        if outcome.verdict == "eligible":
            assert all(c.status == "met" and c.basis in ("document", "definition") for c in outcome.conditions)
            assert not outcome.unsettled.get("ja") and not outcome.how_chosen, measure.id


@settings(max_examples=200, deadline=None)
@given(households)
def test_related_and_maybe_say_why_and_selected_programmes_say_how(household: Household) -> None:
    for measure, outcome in default_catalog().evaluate(household):
        if outcome.verdict == "related":
            assert measure.selection is not None and outcome.how_chosen.get("ja") and outcome.how_chosen.get("en")
        if outcome.verdict == "maybe":  # something to ask the resident, or something to ask at the counter
            assert outcome.missing or outcome.unsettled.get("ja"), measure.id
        assert len(outcome.unsettled.get("ja", [])) == len(outcome.unsettled.get("en", []))

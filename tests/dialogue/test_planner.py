"""Question choice: the heaviest open fact first, never a settled or irrelevant one."""

from __future__ import annotations

from bot.dialogue.planner import candidates, next_prompt
from knowledge.catalog import default_catalog
from knowledge.household import Household


def plan(household: Household, settled: set[tuple[str, int | None]] | None = None) -> list[str]:
    catalog = default_catalog()
    return [c.key for c in candidates(catalog.evaluate(household), settled or set())]


def test_an_empty_household_is_first_asked_about_children() -> None:
    assert plan(Household())[0] == "children"


def test_known_facts_are_never_candidates() -> None:
    household = Household.model_validate({"children": [{"age": 2, "daycare": "ward", "sex": "male"}]})
    keys = plan(household)
    assert "children" not in keys and "child.daycare" not in keys and "child.sex" not in keys


def test_facts_no_open_measure_depends_on_are_not_asked() -> None:
    household = Household.model_validate({"children": [{"age": 2, "daycare": "ward"}]})
    assert "child.school_year" not in plan(household)  # a 2-year-old's school year settles nothing
    assert "child.sex" not in plan(household)  # HPV is years away: no open measure needs it


def test_a_childs_yes_no_needs_are_pooled_into_one_checklist() -> None:
    household = Household.model_validate({"children": [{"age": 8, "school_year": 3, "school": "ward"}]})
    keys = plan(household)
    assert "child.needs" in keys
    assert not any(k in keys for k in ("child.disability_certificate", "child.school_refusal"))


def test_settled_facts_are_skipped() -> None:
    empty = Household()
    assert plan(empty, {("children", None)})[0] != "children"


def test_nothing_left_to_ask_when_every_measure_is_decided() -> None:
    household = Household.model_validate({
        "pregnant": False, "children": [], "adults": [], "education_loan": False, "moving": "none", "business": "none",
    })
    catalog = default_catalog()
    assert next_prompt(catalog.evaluate(household), set(), household, "ja") is None


def test_the_checklist_offers_only_the_open_options_and_a_none_reply() -> None:
    household = Household.model_validate(
        {"children": [{"age": 8, "school_year": 3, "school": "ward", "disability_certificate": True}]})
    catalog = default_catalog()
    settled: set[tuple[str, int | None]] = {(k, None) for k in ("pregnant", "adults", "education_loan", "moving",
                                                                "business")}
    prompt = next_prompt(catalog.evaluate(household), settled, household, "ja")
    assert prompt is not None and prompt.key == "child.needs"
    assert "ほかにも" in prompt.text  # one need is already known, so the question says "anything else"
    assert "障害者手帳がある" not in prompt.quick_replies
    assert "あてはまるものはない" in prompt.quick_replies and prompt.quick_replies[-1] == "わからない"

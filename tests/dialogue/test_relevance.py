"""Relevance before completeness: what a resident sees first is about the people they described;
measures about areas they never mentioned (a business, moving home, an education loan …) wait
behind one line. The grouping is read from the engine's outcome, so these tests run the real
catalog on the committed example households."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.dialogue import replies
from bot.dialogue.conversation import Dialogue, Message
from bot.dialogue.state import DialogueState
from knowledge.catalog import default_catalog
from knowledge.household import Household
from knowledge.outcome import ConditionResult, Fact, Outcome
from knowledge.relevance import MAYBE_IN_TEXT, fold_line, group_of
from knowledge.results import folded, match_household, shown_maybe

EXAMPLES = Path(__file__).resolve().parents[2] / "knowledge" / "examples"
TODDLER = Household.model_validate_json((EXAMPLES / "toddler_in_ward_daycare.json").read_text(encoding="utf-8"))
CATALOG = default_catalog()


def outcome(verdict: str, met: int, missing: list[Fact]) -> Outcome:
    conditions = [ConditionResult(requirement={"ja": "r", "en": "r"}, subject={"ja": "s", "en": "s"},
                                  status="met", fact=Fact(key="child.age", member=0)) for _ in range(met)]
    return Outcome.model_validate(dict(measure_id="m", verdict=verdict, conditions=conditions, missing=missing))


def test_group_is_read_from_the_outcome() -> None:
    assert group_of(outcome("eligible", 1, [])) == "near"
    assert group_of(outcome("related", 0, [])) == "near"
    assert group_of(outcome("maybe", 1, [Fact(key="child.disability_certificate", member=0)])) == "near"
    assert group_of(outcome("maybe", 1, [])) == "near"  # waits only on the counter
    assert group_of(outcome("maybe", 0, [Fact(key="business")])) == "other"  # nothing said fits yet
    assert group_of(outcome("maybe", 1, [Fact(key="moving")])) == "other"  # waits on an unmentioned area


def test_a_toddler_family_sees_childcare_first_and_business_folded() -> None:
    results = match_household(CATALOG, TODDLER, "ja")
    near = {m.id for m in shown_maybe(results)}
    other = {m.id for m in folded(results)}
    assert {"babysitter_support", "childcare_package_age2"} <= near
    assert {"low_carbon_building_subsidy", "startup_community", "education_loan_interest",
            "family_housing_relocation"} <= other
    assert near.isdisjoint(other) and near | other == {m.id for m in results.maybe}  # nothing lost
    groups = [m.group for m in results.maybe]
    assert groups == sorted(groups, key=["near", "other"].index)  # near first in the full list too


def test_answering_about_an_area_unfolds_it() -> None:
    sme = TODDLER.model_copy(update={"business": ["sme"]})
    results = match_household(CATALOG, sme, "ja")
    assert "low_carbon_building_subsidy" in {m.id for m in results.eligible}
    assert "low_carbon_building_subsidy" not in {m.id for m in folded(results)}


def test_the_results_text_leads_with_a_handful_and_says_how_to_see_the_rest() -> None:
    results = match_household(CATALOG, TODDLER, "ja")
    text = replies.results_text(results, "ja")
    maybe_part = text.split("【対象かもしれない支援")[1].split("【")[0]
    assert 0 < sum(line.startswith("・") for line in maybe_part.splitlines()) <= MAYBE_IN_TEXT
    assert "低炭素建築物" not in text and "スタートアップ" not in text
    assert fold_line([m.area for m in folded(results)], len(folded(results)), "ja") in text
    assert f"（{len(folded(results))}件）" in text
    assert "対象かもしれない 12件" not in replies.progress_text(results, "ja")
    assert f"対象かもしれない {len(shown_maybe(results))}件" in replies.progress_text(results, "ja")


def test_fold_line_names_the_areas_from_the_data() -> None:
    assert fold_line(["business", "town", "business"], 3, "ja") == "ほかの分野（事業・住まい）の支援も見る（3件）"
    assert fold_line(["business", "town"], 2, "en") == "Also show other areas (business, housing) (2)"
    assert fold_line(["business", "town", "health", "elderly"], 4, "ja").endswith("…）の支援も見る（4件）")


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_example_fits_one_line_message(path: Path, lang: str) -> None:
    household = Household.model_validate_json(path.read_text(encoding="utf-8"))
    results = match_household(CATALOG, household, lang)  # type: ignore[arg-type]
    text = replies.results_text(results, lang)  # type: ignore[arg-type]
    assert len(text) <= 5000  # LINE's limit for one text message (before: 7,038 for one en household)
    shown = [m for m in results.maybe if m.title in text]
    assert len(shown) <= MAYBE_IN_TEXT
    if folded(results):
        assert "▶" in text


def _finish(dialogue: Dialogue, first: str, lang: str = "ja") -> tuple[DialogueState, list[Message]]:
    """Answer every question with its last button until the results are final."""
    state, turn = dialogue.respond(DialogueState(lang=lang), first)  # type: ignore[arg-type]
    for _ in range(25):
        if turn.done:
            return state, turn.messages
        state, turn = dialogue.respond(state, turn.messages[-1].quick_replies[-1])
    raise AssertionError("the dialogue did not finish")


def test_the_final_results_offer_the_fold_as_a_quick_reply_and_it_reveals_them() -> None:
    dialogue = Dialogue(CATALOG)
    state, messages = _finish(dialogue, "2歳の息子が区内の保育園に通っています")
    final = messages[-1]
    [fold] = [q for q in final.quick_replies if q.startswith("ほかの分野")]
    assert fold.split("（")[-1] in final.text  # the text's last line says the same count
    state, turn = dialogue.respond(state, fold)
    assert turn.done and len(turn.messages) == 1  # not the whole results again
    shown = turn.messages[0].text
    assert "低炭素建築物" in shown
    assert all(m.title in shown for m in folded(turn.results))


def test_with_nothing_near_the_text_says_so_first_and_the_folded_areas_come_last() -> None:
    """An older couple: nothing they qualify for yet, two related programmes, the rest folded. The
    text must not open on 「ほかの分野…」 as if that were the answer."""
    couple = Household(children=[], adults=[{"age": 78, "nutrition_concern": True},  # type: ignore[list-item]
                                           {"age": 76, "memory_concern": True}])
    results = match_household(default_catalog(), couple, "ja")
    assert not results.eligible and not shown_maybe(results) and results.related and folded(results)
    lines = replies.results_text(results, "ja").splitlines()
    assert lines[0] == replies.say("nothing", "ja")
    fold = next(i for i, line in enumerate(lines) if line.startswith("▶ ほかの分野"))
    assert fold > lines.index("【関係する取り組み（2件）】") and lines[-1] == replies.say("counter", "ja")

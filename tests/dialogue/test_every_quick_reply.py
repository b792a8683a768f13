"""Every quick reply of every question and checklist, in both languages, applies to a household
without error. A tap must never fail: 「65〜74歳」 once carried the YAML integer 6574 (65_74 read
as a number), and tapping it crashed the turn."""

from __future__ import annotations

import pytest

from bot.dialogue.conversation import Dialogue
from bot.dialogue.questions import bank, checklist_prompt, question_prompt
from bot.dialogue.state import DialogueState, Pending
from knowledge.catalog import default_catalog
from knowledge.household import Household

HOUSEHOLD = Household.model_validate({"children": [{"age": 8}], "adults": [{}]})


def _member(key: str) -> int | None:
    return 0 if key.split(".")[0] in ("child", "adult") else None


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("key", sorted(bank().questions))
def test_every_reply_of_a_question_applies(key: str, lang: str) -> None:
    prompt = question_prompt(key, _member(key), HOUSEHOLD, lang)  # type: ignore[arg-type]
    assert prompt.answers, f"{key} offers no reply"
    _tap_each(prompt, lang)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("key", sorted(bank().checklists))
def test_every_reply_of_a_checklist_applies(key: str, lang: str) -> None:
    checklist = bank().checklists[key]
    member = _member(next(iter(checklist.options)))
    prompt = checklist_prompt(checklist, member, list(checklist.options), HOUSEHOLD, lang, again=False)  # type: ignore[arg-type]
    _tap_each(prompt, lang)


def _tap_each(prompt: object, lang: str) -> None:
    dialogue = Dialogue(default_catalog())
    for label in prompt.quick_replies:  # type: ignore[attr-defined]
        state = DialogueState(household=HOUSEHOLD, lang=lang, pending=Pending.of(prompt))  # type: ignore[arg-type]
        after, turn = dialogue.respond(state, label)
        assert turn.messages, f"no reply to the tap {label!r}"
        for fact, value in prompt.answers.get(label, []):  # type: ignore[attr-defined]
            if fact.key not in ("children", "adults"):
                scope, _, field = fact.key.partition(".")
                people = after.household.children if scope == "child" else after.household.adults
                got = getattr(people[fact.member or 0], field) if field and people else getattr(after.household, scope)
                assert got == value, f"tapping {label!r} set {fact.key}={got!r}, not {value!r}"


def test_the_household_checklist_fits_a_line_quick_reply() -> None:
    """Up to 9 options, 「あてはまるものはない」, 訂正する, わからない and 「ここまでで結果を見る」: 13, LINE's
    limit; each label within LINE's 20 characters (longer ones are clipped on the button)."""
    checklist = bank().checklists["household.needs"]
    assert len(checklist.options) + 4 <= 13
    for option in checklist.options.values():
        assert 0 < len(option.ja) <= 20 and 0 < len(option.en) <= 20, option

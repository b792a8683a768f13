"""People a message names without an age (#12 item 4): asked about once, then forgotten.

bot/understanding fills `Understanding.unaged_children` (issue 16); these tests give the dialogue
Understanding objects built by hand for the opening message, so they test the dialogue's side
only. Later messages go through the real understanding.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue import conversation
from bot.dialogue.conversation import UNAGED, Dialogue
from bot.dialogue.state import DialogueState
from bot.understanding import Understanding, understand
from knowledge.catalog import default_catalog
from knowledge.household import Household


def _opening(monkeypatch: pytest.MonkeyPatch, household: dict[str, Any], unaged: int = 0,
             lang: str = "ja") -> tuple[Dialogue, DialogueState, Any]:
    """The dialogue after an opening message understood as `household` (+ `unaged` children)."""
    built = Household.model_validate(household)
    first = Understanding(intent="inform", household=built, changed=tuple(household), lang=lang,  # type: ignore[arg-type]
                          unaged_children=unaged)
    calls = iter([first])
    monkeypatch.setattr(conversation, "understand",
                        lambda text, context: next(calls, None) or understand(text, context))
    dialogue = Dialogue(default_catalog())
    state, _ = dialogue.start()
    state, turn = dialogue.respond(state, "(opening)")
    return dialogue, state, turn


# 「子ども3人の子育て中です。上は小学生で、下はまだ1歳です」: one child with an age, two without
THREE_CHILDREN = {"children": [{"age": 1}]}


def test_children_named_without_an_age_are_kept_and_asked_about_once(monkeypatch: pytest.MonkeyPatch) -> None:
    dialogue, state, turn = _opening(monkeypatch, THREE_CHILDREN, unaged=2)
    said = "\n".join(m.text for m in turn.messages)
    assert "年齢をまだ伺っていないお子さん2人" in said  # said back, so a wrong reading can be corrected
    assert state.pending is not None and state.pending.key == UNAGED
    assert state.pending.text.startswith("ほかのお子さん（2人）の年齢も教えてください")
    assert "わからない" in state.pending.quick_replies
    assert state.unaged_children == 2  # kept while the question is pending (the API's summary says it)
    state, _ = dialogue.respond(state, "9歳と5歳です")
    assert state.unaged_children == 0  # forgotten with the answer
    assert [c.age for c in state.household.children or []] == [1, 9, 5]
    assert state.pending is None or state.pending.key != UNAGED


def test_dont_know_ends_it_and_it_is_never_asked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    dialogue, state, _ = _opening(monkeypatch, THREE_CHILDREN, unaged=2)
    state, _ = dialogue.respond(state, "わからない")
    assert state.pending is not None and state.pending.key != UNAGED
    assert [c.age for c in state.household.children or []] == [1]
    again = Understanding(intent="inform", household=state.household, changed=(), lang="ja", unaged_children=1)
    monkeypatch.setattr(conversation, "understand", lambda text, context: again)
    state, turn = dialogue.respond(state, "上の子もいます")
    assert state.pending is None or state.pending.key != UNAGED
    assert all("年齢も教えてください" not in m.text for m in turn.messages)


def test_one_child_without_an_age_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """"My daughter is 7 and has a disability certificate. She has a little brother too"."""
    dialogue, state, turn = _opening(monkeypatch, {"children": [{"age": 7, "disability_certificate": True}]},
                                     unaged=1, lang="en")
    assert any("1 more child (age not given)" in m.text for m in turn.messages)
    assert state.pending is not None and state.pending.text.startswith("How old is your other child?")
    assert "I don't know" in state.pending.quick_replies
    state, _ = dialogue.respond(state, "he is 4")
    assert sorted(c.age for c in state.household.children or []) == [4, 7]


def test_without_unaged_children_nothing_is_asked_about_them(monkeypatch: pytest.MonkeyPatch) -> None:
    _, state, turn = _opening(monkeypatch, {"children": [{"age": 2, "daycare": "ward"}]})
    assert state.pending is not None and state.pending.key != UNAGED
    assert all("年齢をまだ伺っていない" not in m.text for m in turn.messages)


# 「夫と二人暮らしです。私は75歳です」: the husband named, his age not
COUPLE = {"children": [], "adults": [{"age": 75, "relation": "me"}, {"relation": "husband"}]}


def test_the_second_adult_of_a_couple_is_asked_their_age_band_first(monkeypatch: pytest.MonkeyPatch) -> None:
    dialogue, state, _ = _opening(monkeypatch, COUPLE)
    assert state.pending is not None and (state.pending.key, state.pending.member) == ("adult.age", 1)
    assert state.pending.text == "ご主人は何歳ですか？"
    assert state.pending.quick_replies == ["75歳以上", "65〜74歳", "65歳未満", "わからない"]
    state, _ = dialogue.respond(state, "75歳以上")
    assert (state.household.adults or [])[1].age_band == "75_plus"
    asked = []
    while state.pending is not None and len(asked) < 10:
        asked.append((state.pending.key, state.pending.text, state.pending.quick_replies))
        state, _ = dialogue.respond(state, state.pending.quick_replies[-1])
    assert not [a for a in asked if a[0] == "adult.age"]  # once
    assert not [a for a in asked if "妊娠" in " ".join(a[2])]  # an older couple: no pregnancy question


def test_the_second_adults_age_is_asked_once_even_when_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    dialogue, state, _ = _opening(monkeypatch, COUPLE)
    state, _ = dialogue.respond(state, "わからない")
    keys = []
    while state.pending is not None and len(keys) < 10:
        keys.append((state.pending.key, state.pending.member))
        state, _ = dialogue.respond(state, "わからない")
    assert ("adult.age", 1) not in keys

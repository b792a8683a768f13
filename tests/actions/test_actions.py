"""Actions driven from tracker JSON saved from a real Rasa 3.6 server, with CollectingDispatcher."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import (
    ActionAnswerQuestion,
    ActionAskHouseholdFact,
    ActionEraseData,
    ActionShowResults,
    ActionWelcome,
    ValidateHouseholdForm,
)
from bot.dialogue.state import DialogueState

TRACKERS = Path(__file__).parent / "trackers"


@pytest.fixture(autouse=True)
def searcher_in_a_temp_dir(monkeypatch: pytest.MonkeyPatch, real_searcher: Any) -> None:
    """The actions' searcher, on the session's temp index: tests never write into the repository."""
    import actions.runtime

    monkeypatch.setattr(actions.runtime, "searcher", lambda: real_searcher)


def tracker(name: str, then_user: tuple[str, str] | None = None) -> Tracker:
    data = json.loads((TRACKERS / f"{name}.json").read_text(encoding="utf-8"))
    if then_user:
        text, intent = then_user
        message = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": []}
        data["events"].append({"event": "user", "timestamp": time.time(), "text": text, "parse_data": message})
        data["latest_message"] = message
    return Tracker.from_dict(data)


def domain() -> dict[str, Any]:
    return json.loads((TRACKERS / "domain.json").read_text(encoding="utf-8"))


def run(action: Any, t: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, domain()))
    return dispatcher.messages, events


def state_of(events: list[dict[str, Any]]) -> DialogueState:
    raw = next(e["value"] for e in events if e.get("name") == "dialogue_state")
    return DialogueState.model_validate_json(raw)


def test_results_name_the_measure_and_its_page() -> None:
    messages, _ = run(ActionShowResults(), tracker("toddler_after_first_answer"))
    assert "区内保育施設利用において、おむつ等を提供（P80）" in messages[0]["text"]
    assert "diaper_provision" in [m["id"] for m in messages[0]["custom"]["measures"]]


def test_the_fold_line_is_a_button_and_sending_it_shows_the_folded_measures() -> None:
    """A toddler's parent: the business measures wait behind 「ほかの分野…」; on Rasa, sending that
    line (a button, or typed) shows them instead of doing nothing."""
    messages, _ = run(ActionShowResults(), tracker("toddler_after_first_answer"))
    [fold] = [b["payload"] for b in messages[0]["buttons"]]
    assert fold.startswith("ほかの分野（") and fold in messages[0]["text"]
    assert "低炭素建築物" not in messages[0]["text"]
    messages, _ = run(ActionShowResults(), tracker("toddler_after_first_answer", then_user=(fold, "ask_results")))
    assert messages[0]["text"].startswith("【ほかの分野の対象かもしれない支援（")
    assert "低炭素建築物" in messages[0]["text"]
    shown = {m["id"] for m in messages[0]["custom"]["measures"]}
    assert "low_carbon_building_subsidy" in shown and "diaper_provision" not in shown


def test_the_next_question_has_buttons_with_dont_know() -> None:
    messages, events = run(ActionAskHouseholdFact(), tracker("toddler_after_first_answer"))
    question = messages[-1]
    assert question["buttons"] and question["buttons"][-1]["title"] == "わからない"
    assert state_of(events).pending is not None


def test_the_form_reads_an_answer_with_bot_understanding() -> None:
    t = tracker("toddler_after_first_answer", then_user=("あてはまるものはない", "deny"))
    _, events = run(ValidateHouseholdForm(), t)
    child = state_of(events).household.children[0]  # type: ignore[index]
    assert child.disability_certificate is False and child.chronic_disease is False
    assert {"event": "slot", "timestamp": None, "name": "household_fact", "value": None} in events


def test_the_form_asks_nothing_more_once_every_measure_is_decided() -> None:
    t = tracker("toddler_after_first_answer")
    decided = {"pregnant": False, "children": [], "adults": [], "education_loan": False, "moving": "none",
               "business": "none"}
    finished = DialogueState.model_validate({"household": decided})
    t.slots["dialogue_state"] = finished.model_dump_json()
    t.slots["absorbed_at"] = next(e["timestamp"] for e in reversed(t.events) if e["event"] == "user")
    _, events = run(ValidateHouseholdForm(), t)
    assert {"event": "slot", "timestamp": None, "name": "requested_slot", "value": None} in events


def test_interruptions_are_left_to_their_rules() -> None:
    t = tracker("toddler_after_first_answer", then_user=("結果を見せて", "ask_results"))
    _, events = run(ValidateHouseholdForm(), t)
    assert not any(e.get("name") == "dialogue_state" for e in events)


def test_a_free_question_is_answered_with_the_page() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker("free_question"))
    assert "区立学校の学校給食費を全額補助（P86）" in messages[0]["text"]


def test_a_question_of_a_kind_is_answered_by_the_dialogues_answerer() -> None:
    """The same answer as the web chat (bot/dialogue/answering.py), with its structure for channels."""
    messages, events = run(ActionAnswerQuestion(), tracker("free_question",
                                                           then_user=("おむつの申請方法を教えて", "ask_question")))
    assert messages[0]["text"].startswith("【区内保育施設利用において、おむつ等を提供（P80）】")
    assert "資料には申請方法の記載がありません。" in messages[0]["text"]
    assert messages[0]["custom"]["answer"]["kind"] == "procedure"
    assert messages[0]["custom"]["answer"]["in_document"] is False
    assert state_of(events).shown == ["diaper_provision"]  # 「いつから？」 next refers to it


def test_an_unclear_measure_is_asked_back_and_the_tapped_one_answered() -> None:
    messages, events = run(ActionAnswerQuestion(), tracker("free_question",
                                                           then_user=("Where will the new playgrounds be?",
                                                                       "ask_question")))
    labels = [b["title"] for b in messages[0]["buttons"]]
    assert messages[0]["text"] == "Which measure is your question about?" and len(labels) >= 2
    asked = tracker("free_question", then_user=(labels[0], "ask_question"))
    asked.slots["dialogue_state"] = state_of(events).model_dump_json()
    messages, events = run(ActionAnswerQuestion(), asked)
    assert messages[0]["custom"]["answer"]["kind"] == "where"
    assert messages[0]["custom"]["answer"]["measure_id"] == state_of(events).shown[0]
    assert state_of(events).asking is None


@pytest.mark.parametrize(("today", "dated"), [(date(2025, 3, 31), False), (date(2025, 4, 1), True)])
def test_the_greeting_says_the_information_is_from_fy2024_once_that_year_is_over(
        monkeypatch: pytest.MonkeyPatch, today: date, dated: bool) -> None:
    import actions.action_welcome
    from bot.dialogue.conversation import Dialogue
    from knowledge.catalog import default_catalog
    from knowledge.dated import fixed

    monkeypatch.setattr(actions.action_welcome, "dialogue", lambda: Dialogue(default_catalog(), clock=fixed(today)))
    for text, lang_word in (("こんにちは", "支援さがし"), ("Hello", "Chiyoda")):
        messages, events = run(ActionWelcome(), tracker("free_question", then_user=(text, "greet")))
        assert len(messages) == 1 and state_of(events).household == DialogueState().household
        assert lang_word in messages[0]["text"]
        said = messages[0]["text"]
        assert ("変わっているかもしれません" in said or "may have changed" in said.lower()) is dated


def test_erasing_resets_every_slot_and_says_so() -> None:
    messages, events = run(ActionEraseData(), tracker("sensitive_facts"))
    assert "削除しました" in messages[0]["text"]
    assert {"event": "reset_slots", "timestamp": None} in events


def test_the_saved_tracker_holds_no_message_text_in_the_state() -> None:
    t = tracker("sensitive_facts")
    raw = t.get_slot("dialogue_state")
    assert raw and "障害者手帳を持っています" not in raw and "妊娠中です" not in raw
    assert DialogueState.model_validate_json(raw).household.pregnant is True

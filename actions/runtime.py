"""What the actions share: the dialogue (built once, on first use) and the state slot."""

from __future__ import annotations

from functools import cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue import replies
from bot.dialogue.conversation import Dialogue, Turn
from bot.dialogue.language_choice import language_of
from bot.dialogue.state import DialogueState
from knowledge.catalog import default_catalog

STATE_SLOT = "dialogue_state"
STATE_SLOTS = ("absorbed_at", STATE_SLOT, "pregnant", "children_count", "moving", "business")


@cache
def searcher() -> Any:
    from knowledge.search.factory import searcher_from_settings

    return searcher_from_settings()[0]


@cache
def dialogue() -> Dialogue:
    return Dialogue(default_catalog(), search=lambda text, k: searcher().search(text, k))


def load_state(tracker: Tracker) -> DialogueState:
    raw = tracker.get_slot(STATE_SLOT)
    if not raw:
        return DialogueState()
    try:
        return DialogueState.model_validate_json(raw)
    except ValueError:
        return DialogueState()  # a state from an older version: start afresh rather than fail


def spoken(tracker: Tracker, state: DialogueState) -> DialogueState:
    """The state in the language of the latest message, chosen as the web and LINE dialogue choose it."""
    state.lang = language_of(tracker.latest_message.get("text") or "", state.lang)
    return state


def fresh_state(tracker: Tracker) -> DialogueState:
    """An empty conversation that keeps only the language (after 「最初から」 and 「データを削除」)."""
    return DialogueState(lang=spoken(tracker, load_state(tracker)).lang)


# Intents that interrupt the form: the form lets them through to their rules.
INTERRUPTIONS = {"ask_results", "ask_question", "erase_data", "start_over", "help", "thanks", "greet", "out_of_scope"}
ABSORBED_SLOT = "absorbed_at"


def latest_user_timestamp(tracker: Tracker) -> float | None:
    return next((e.get("timestamp") for e in reversed(tracker.events) if e.get("event") == "user"), None)


def needs_absorbing(tracker: Tracker) -> bool:
    """True when the latest user message carries household facts not yet read: Rasa activates the
    form on that message without running the form's extraction, so the asking action reads it."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    stamp = latest_user_timestamp(tracker)
    return intent not in INTERRUPTIONS and stamp is not None and tracker.get_slot(ABSORBED_SLOT) != stamp


def absorb_latest(tracker: Tracker, state: DialogueState) -> DialogueState:
    return dialogue().absorb(state, tracker.latest_message.get("text") or "")


def state_events(state: DialogueState, tracker: Tracker | None = None) -> list[dict[str, Any]]:
    """The state slot plus the household-level facts as their own slots (visible in the tracker)."""
    household = state.household
    absorbed = [SlotSet(ABSORBED_SLOT, latest_user_timestamp(tracker))] if tracker is not None else []
    return [
        *absorbed,
        SlotSet(STATE_SLOT, state.model_dump_json()),
        SlotSet("pregnant", household.pregnant),
        SlotSet("children_count", None if household.children is None else len(household.children)),
        SlotSet("moving", household.moving),
        SlotSet("business", household.business),
    ]


def say(dispatcher: CollectingDispatcher, turn: Turn) -> None:
    """The turn's messages with their quick replies as buttons, except 「ここまでで結果を見る」: on Rasa
    「結果を見せて」 shows the results and the form carries on (see bot/data/rules)."""
    for message in turn.messages:
        buttons = [{"title": label, "payload": label} for label in message.quick_replies
                   if label not in replies.FINISH.values()]
        dispatcher.utter_message(text=message.text, buttons=buttons)

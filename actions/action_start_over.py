"""「最初から」: a fresh household; the form then starts again."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.runtime import ABSORBED_SLOT, STATE_SLOT, fresh_state
from bot.dialogue import replies


class ActionStartOver(Action):
    def name(self) -> str:
        return "action_start_over"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        fresh = fresh_state(tracker)  # a fresh household, in the language the resident speaks
        dispatcher.utter_message(text=replies.say("restart", fresh.lang))
        slots = (ABSORBED_SLOT, "pregnant", "children_count", "moving", "business")
        return [SlotSet(slot, None) for slot in slots] + [SlotSet(STATE_SLOT, fresh.model_dump_json())]

"""「データを削除」: forgets every fact of the conversation (APPI) and says so."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.runtime import STATE_SLOT, fresh_state
from bot.dialogue import replies


class ActionEraseData(Action):
    def name(self) -> str:
        return "action_erase_data"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        fresh = fresh_state(tracker)  # nothing of the household, only the language it is said in
        dispatcher.utter_message(text=replies.say("erased", fresh.lang))
        return [ActiveLoop(None), AllSlotsReset(), SlotSet(STATE_SLOT, fresh.model_dump_json())]

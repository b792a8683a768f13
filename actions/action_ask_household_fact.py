"""Asks the next best question (with quick replies and わからない), the notice first when due."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.runtime import absorb_latest, dialogue, load_state, needs_absorbing, say, state_events


class ActionAskHouseholdFact(Action):
    def name(self) -> str:
        return "action_ask_household_fact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        state = load_state(tracker)
        if needs_absorbing(tracker):  # the message that activated the form
            state = absorb_latest(tracker, state)
        state, turn = dialogue().ask(state)
        say(dispatcher, turn)
        return state_events(state, tracker)

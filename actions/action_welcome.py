"""The greeting, in the resident's language, with the 令和6年度 notice once that year is over (a fixed
response could not date itself)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.runtime import dialogue, load_state, spoken, state_events
from bot.dialogue import replies


class ActionWelcome(Action):
    def name(self) -> str:
        return "action_welcome"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        state = spoken(tracker, load_state(tracker))  # kept: the form's first question is asked in it
        languages = [{"title": name, "payload": name} for name in replies.language_replies(state.lang)]
        welcome = replies.welcome_text(state.lang, dialogue().notice(state.lang))
        dispatcher.utter_message(text=welcome, buttons=languages)
        return state_events(state)

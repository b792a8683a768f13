"""The greeting, with the 令和6年度 notice once that year is over (a fixed response could not date itself)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.runtime import dialogue, load_state
from bot.dialogue import replies
from bot.understanding.normalise import is_english


class ActionWelcome(Action):
    def name(self) -> str:
        return "action_welcome"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        state = load_state(tracker)
        text = tracker.latest_message.get("text") or ""
        lang = "en" if state.turns == 0 and is_english(text) else state.lang
        dispatcher.utter_message(text=replies.welcome_text(lang, dialogue().notice(lang)))
        return []

"""Help, thanks, "not understood" and "language chosen", in the resident's language: the words come from
knowledge/messages (replies.help / thanks / not_understood), the one source every channel reads, so the
Rasa domain keeps no `utter_*` copy of them."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.runtime import load_state, spoken, state_events
from bot.dialogue import replies
from bot.dialogue.language_choice import chosen_language
from knowledge.messages import message

# The intent the rule answered → the message said. Anything else (Rasa's nlu_fallback) is "not understood".
SAID_FOR = {"help": "help", "thanks": "thanks"}


class ActionSay(Action):
    def name(self) -> str:
        return "action_say"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        state = spoken(tracker, load_state(tracker))
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        if chosen_language(tracker.latest_message.get("text") or "") is not None:  # 「中文」 read as nothing else
            dispatcher.utter_message(text=message("common.language_chosen", state.lang))
        else:
            dispatcher.utter_message(text=replies.say(SAID_FOR.get(intent, "not_understood"), state.lang))
        return state_events(state)

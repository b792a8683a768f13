"""Answers a free question: a question of a kind (how / when / how much / who / where / what to
bring / whom to call) with the dialogue's own answerer, anything else by search, with the page."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import runtime
from bot.dialogue.conversation import once_per_message
from bot.dialogue.language_choice import chosen_language
from knowledge.messages import message


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        state = runtime.spoken(tracker, runtime.load_state(tracker))  # as the dialogue chooses it
        lang = state.lang
        if chosen_language(text) is not None:  # 「やさしい にほんご」 read as a question: a language chosen
            dispatcher.utter_message(text=message("common.language_chosen", lang))
            return runtime.state_events(state)
        free, notice = runtime.dialogue().free, runtime.dialogue().notice_short(lang)
        search = once_per_message(runtime.dialogue().search)  # the picker and the hits share one search
        if state.asking and text in state.asking.options:  # a candidate measure tapped
            reply = free.chosen(state.asking, text, lang, state.household, notice)
        else:  # a question of a kind; else a measure named with no readable kind (no search: that comes below)
            reply = free.answer(text, lang, state.shown, state.household, notice, search=search) \
                or free.overview(text, lang, state.shown, notice, named_only=True)
        if reply is not None:
            state.asking = reply.asking
            state.shown = reply.shown or state.shown
            dispatcher.utter_message(text=reply.answer.text,
                                     buttons=[{"title": label, "payload": label} for label in reply.quick_replies],
                                     json_message={"answer": reply.answer.model_dump()})
            return runtime.state_events(state)
        hits = search(text, 3) if search is not None else []
        dispatcher.utter_message(text=runtime.dialogue().hits_text(hits, lang))
        return runtime.state_events(state)

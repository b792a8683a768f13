"""Answers a free question by search over the catalog and the source, with the page."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import runtime
from bot.dialogue import replies
from knowledge.catalog import default_catalog


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        lang = runtime.load_state(tracker).lang
        catalog = default_catalog()
        en = lang == "en"
        titles = {m.id: (m.title_en if en else m.title) for m in catalog}
        summaries = {m.id: (m.summary.en if en else m.summary.ja) for m in catalog}
        dispatcher.utter_message(text=replies.answer_text(runtime.searcher().search(text, 3), lang, titles, summaries))
        return []

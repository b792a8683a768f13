"""The matching measures: eligible first, then "may be eligible", then related programmes, each with
reason, page and what to check at the counter (and the 令和6年度 notice once that year is over).
The fold line (「▶ ほかの分野（事業・住まい）の支援も見る」) is a button; sending it shows the measures
of areas the resident never mentioned (the NLU reads it as ask_results)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.runtime import absorb_latest, dialogue, load_state, needs_absorbing, spoken, state_events
from bot.dialogue import replies
from knowledge.catalog import default_catalog
from knowledge.results import folded, match_household


class ActionShowResults(Action):
    def name(self) -> str:
        return "action_show_results"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        state = load_state(tracker)
        absorbing = needs_absorbing(tracker)
        if absorbing:  # the answer that closed the form (Rasa drops its slot events)
            state = absorb_latest(tracker, state)
        state = spoken(tracker, state)  # 「结果」: the results in the language asked in
        events = state_events(state, tracker if absorbing else None)
        results = match_household(default_catalog(), state.household, state.lang)
        if replies.is_fold_request(tracker.latest_message.get("text") or ""):
            dispatcher.utter_message(text=replies.folded_text(results, state.lang),
                                     json_message={"measures": [m.model_dump() for m in folded(results)]})
            return events
        shown = results.eligible + results.maybe + results.related
        buttons = [{"title": label, "payload": label} for label in replies.fold_reply(results, state.lang)]
        dispatcher.utter_message(text=replies.results_text(results, state.lang, dialogue().notice(state.lang),
                                                           dialogue().contact.line(state.lang) or None),
                                 buttons=buttons, json_message={"measures": [m.model_dump() for m in shown]})
        return events

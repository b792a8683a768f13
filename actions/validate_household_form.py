"""The household form: asks only while the engine still needs a fact."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.runtime import STATE_SLOTS, absorb_latest, dialogue, load_state, needs_absorbing, state_events

READ = "read"  # marks, within one run of the form, that the latest message was read


class ValidateHouseholdForm(FormValidationAction):
    def name(self) -> str:
        return "validate_household_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> list[str]:
        """`household_fact` while a `maybe` measure still needs a fact; nothing once all are decided."""
        if needs_absorbing(tracker) or tracker.get_slot("household_fact") == READ:
            return ["household_fact"]  # the new message is (being) read: keep the slot to validate it
        return ["household_fact"] if dialogue().has_question(load_state(tracker)) else []

    async def extract_household_fact(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                     domain: DomainDict) -> dict[str, Any]:
        if not needs_absorbing(tracker):
            return {}  # an interruption: the form lets its rule answer
        state = absorb_latest(tracker, load_state(tracker))
        # `household_fact` last: rasa-sdk validates slots in this order and drops the ones not
        # required, so the state slots survive only as output of `validate_household_fact`.
        return {**{e["name"]: e["value"] for e in state_events(state, tracker)}, "household_fact": READ}

    def validate_household_fact(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                domain: DomainDict) -> dict[str, Any]:
        """Passes the state read by `extract_household_fact` on (rasa-sdk returns only validated
        slots) and empties the requested slot: the form asks again while a fact is still needed."""
        return {"household_fact": None, **{slot: tracker.get_slot(slot) for slot in STATE_SLOTS}}

"""rasa-sdk action server: thin actions over `bot` (one per file). Start it with
`python -m rasa_sdk --actions actions`. Nothing is loaded at import: the catalog and the search
index are built on first use (actions/runtime.py)."""

from actions.action_answer_question import ActionAnswerQuestion
from actions.action_ask_household_fact import ActionAskHouseholdFact
from actions.action_erase_data import ActionEraseData
from actions.action_say import ActionSay
from actions.action_show_results import ActionShowResults
from actions.action_start_over import ActionStartOver
from actions.action_welcome import ActionWelcome
from actions.validate_household_form import ValidateHouseholdForm

__all__ = ["ActionAnswerQuestion", "ActionAskHouseholdFact", "ActionEraseData", "ActionSay", "ActionShowResults",
           "ActionStartOver", "ActionWelcome", "ValidateHouseholdForm"]

"""Household facts from free text (Japanese first, English too): rule-based, fast, never raising.

`understand(text, context)` returns the household updated with what the text says, which fact
paths changed, the intent and the language. Rules, not a model: every decision can be traced,
and a wrong fact can be fixed by editing a word list.
"""

from bot.understanding.model import Conflict, Context, Expecting, Intent, Understanding
from bot.understanding.understand import understand

__all__ = ["Conflict", "Context", "Expecting", "Intent", "Understanding", "understand"]

"""A verdict no stronger than its conditions' basis (shared by the engine and the reasons).

`not_eligible` needs a firm condition (document or definition) not met; `eligible` needs every
condition met and firm; anything else is `maybe`. Facts worth asking are the unknown firm ones:
the answer to a reading cannot change the verdict.
"""

from __future__ import annotations

from knowledge.outcome import ConditionResult, Verdict

RANK: dict[Verdict, int] = {"eligible": 0, "maybe": 1, "not_eligible": 2, "open_to_all": 3, "related": 1}


def firm(result: ConditionResult) -> bool:
    """Rests on the document's words or a fixed meaning, so it may decide a verdict either way."""
    return result.basis != "reading"


def asks(result: ConditionResult) -> bool:
    """An unknown fact worth asking the resident: one whose answer can change the verdict."""
    return result.status == "unknown" and (firm(result) or result.fact.key in ("children", "adults"))


def verdict_of(results: list[ConditionResult], capped: bool = False) -> Verdict:
    """eligible / maybe / not_eligible, no stronger than the conditions' basis (`capped`: the rule
    leaves something unsettled for everyone)."""
    if any(r.status == "not_met" and firm(r) for r in results):
        return "not_eligible"
    if capped or any(asks(r) or not firm(r) for r in results):
        return "maybe"
    return "eligible"

"""What the engine says about one measure for one household, with its reasons."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from knowledge.languages import Lang

Verdict = Literal["eligible", "maybe", "not_eligible", "open_to_all", "related"]
CheckStatus = Literal["met", "not_met", "unknown"]
# Where a machine-checked condition comes from: the document's own words, a term's fixed meaning
# (後期高齢者 = 75歳以上), or our reading where the document is silent or vague. Only the first two
# may make a resident 「対象です」; a reading never excludes anyone by itself.
Basis = Literal["document", "definition", "reading"]


class Fact(BaseModel):
    """A fact whose value would help decide; `member` is the child/adult index, if any."""

    key: str
    member: int | None = None


class ConditionResult(BaseModel):
    """One machine-checked condition: the requirement, who it was checked on, and the answer."""

    status: CheckStatus
    fact: Fact
    basis: Basis = "document"
    # Words in every language (knowledge/languages.py). `unsettled`, when `basis` is "reading": what the
    # document leaves open about this condition (from the measure file); `later`: when a member will qualify.
    requirement: dict[Lang, str] = {}
    subject: dict[Lang, str] = {}
    unsettled: dict[Lang, str] = {}
    later: dict[Lang, str] = {}


class Outcome(BaseModel):
    """The verdict for a measure, with every condition so an answer can say why and why not.

    `open_to_all` marks services anyone may use (no machine-checked condition); initiatives
    nobody applies for are always `not_eligible`, with a reason saying so. `related` marks
    programmes whose participants someone else chooses (a school, the ward's health data, a
    research programme): never an entitlement, shown with `how_chosen` where the document says.

    A `maybe` can wait on two different things, and residents must be able to tell them apart:
    `missing` facts the resident can still tell us, and `unsettled` points the document itself does
    not settle (only the counter can answer those).
    """

    measure_id: str
    verdict: Verdict
    conditions: list[ConditionResult]
    missing: list[Fact]
    # By language. `reasons` holds a fixed reason (an initiative, a service open to all) in every language;
    # other reasons and the "later" note are composed from `conditions` when shown (knowledge/reasons.py
    # `reasons_in`, `later_in`). `unsettled` and `how_chosen` hold every language.
    reasons: dict[Lang, list[str]] = {}
    unsettled: dict[Lang, list[str]] = {}
    how_chosen: dict[Lang, str] = {}

    @property
    def met_count(self) -> int:
        return sum(c.status == "met" for c in self.conditions)

"""What the engine says about one measure for one household, with its reasons."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Verdict = Literal["eligible", "maybe", "not_eligible", "open_to_all"]
CheckStatus = Literal["met", "not_met", "unknown"]


class Fact(BaseModel):
    """A fact whose value would help decide; `member` is the child/adult index, if any."""

    key: str
    member: int | None = None


class ConditionResult(BaseModel):
    """One machine-checked condition: the requirement, who it was checked on, and the answer."""

    requirement_ja: str
    requirement_en: str
    subject_ja: str
    subject_en: str
    status: CheckStatus
    fact: Fact
    later_ja: str | None = None
    later_en: str | None = None


class Outcome(BaseModel):
    """The verdict for a measure, with every condition so an answer can say why and why not.

    `open_to_all` marks services anyone may use (no machine-checked condition); initiatives
    nobody applies for are always `not_eligible`, with a reason saying so.
    """

    measure_id: str
    verdict: Verdict
    conditions: list[ConditionResult]
    reasons_ja: list[str]
    reasons_en: list[str]
    missing: list[Fact]
    later_ja: str | None = None
    later_en: str | None = None

    @property
    def met_count(self) -> int:
        return sum(c.status == "met" for c in self.conditions)

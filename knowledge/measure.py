"""The shape of a measure file (`knowledge/measures/<area>/<id>.yaml`).

Conditions come from a fixed vocabulary (see `conditions.py`), so adding next year's measure is
a data change, never a code change.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from knowledge.basis import Why
from knowledge.conditions import ADULT_TYPES, CHILD_TYPES, HOUSEHOLD_TYPES, Condition
from knowledge.languages import Lang

Kind = Literal["benefit", "service", "initiative"]
Status = Literal["新規", "拡充", "継続"]

_STRICT = ConfigDict(extra="forbid", str_strip_whitespace=True)
PAGE = re.compile(r"^P[0-9]{1,3}$")
MEASURE_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Text(BaseModel):
    """A sentence in Japanese and English, with the translations a resident may read it in.

    `easy` is the やさしい日本語 wording, `zh` 简体中文 and `ko` 한국어. They are optional here so
    a draft measure still loads; the translation health tests require them in the shipped catalog.
    """

    model_config = _STRICT

    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)
    easy: str | None = Field(default=None, min_length=1)
    zh: str | None = Field(default=None, min_length=1, description="简体中文 (mainland usage).")
    ko: str | None = Field(default=None, min_length=1, description="한국어, 합니다/해요 polite style.")


class Figure(BaseModel):
    """A number the document states, kept with the words it was printed as (`text`)."""

    model_config = _STRICT

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: Text
    value: int | float
    unit: str
    before: int | float | None = Field(default=None, description="Previous value, where the document gives one.")
    text: str = Field(min_length=1, description="The figure as printed in the source, e.g. 216時間.")
    fiscal_year: int


class Rule(BaseModel):
    """Machine-checked conditions for one fiscal year; all parts must hold.

    `some_child` / `some_adult` conditions must all be met by the *same* member, which is how
    the document reads ("小学3年生までの児童", "後期高齢者に対し").
    """

    model_config = _STRICT

    fiscal_year: int
    household: list[Condition] = Field(default_factory=list)
    some_child: list[Condition] = Field(default_factory=list)
    some_adult: list[Condition] = Field(default_factory=list)
    unsettled: list[Why] = Field(
        default_factory=list,
        description="What the document leaves open even for those who meet every condition (「2歳を迎える」: "
                    "when?): keeps the verdict at maybe and is told to the resident as a point for the counter.",
    )

    @model_validator(mode="after")
    def _conditions_fit_their_scope(self) -> Rule:
        scopes = (("household", HOUSEHOLD_TYPES), ("some_child", CHILD_TYPES), ("some_adult", ADULT_TYPES))
        for scope, allowed in scopes:
            wrong = [c.type for c in getattr(self, scope) if c.type not in allowed]
            if wrong:
                raise ValueError(f"{scope} cannot hold {wrong}; allowed: {sorted(allowed)}")
        return self

    @property
    def conditions(self) -> list[Condition]:
        return [*self.household, *self.some_child, *self.some_adult]


class Selection(BaseModel):
    """Participants are chosen by someone else (a school, the ward's data, a research programme).

    Such a measure is never an entitlement: it is shown as a related programme (関係する取り組み),
    with `how` in plain words. `quote` is the document's words showing it; without one, `how`
    says that the document does not say how people are chosen.
    """

    model_config = _STRICT

    quote: str | None = Field(default=None, description="The document's words showing who chooses (in the passage).")
    how: Text = Field(description="How participants are chosen, in plain words (or that the document does not say).")


class Measure(BaseModel):
    """One measure of the document, one file."""

    model_config = _STRICT

    id: str = Field(pattern=MEASURE_ID.pattern)
    title: str = Field(min_length=1, description="Exactly as the document names it.")
    title_en: str
    title_easy: str | None = Field(default=None, min_length=1, description="The title in やさしい日本語.")
    title_zh: str | None = Field(default=None, min_length=1, description="The title in 简体中文; shown beside `title`.")
    title_ko: str | None = Field(default=None, min_length=1, description="The title in 한국어; shown beside `title`.")
    page: str = Field(pattern=PAGE.pattern, description='As printed, e.g. "P80".')
    area: str
    section: str = Field(description="分野別の将来像 (or the chapter) the measure sits under.")
    goal: str | None = Field(default=None, description="めざすべき姿 the measure is listed under.")
    kind: Kind
    audience: Text
    status: Status | None = None
    status_evidence: str | None = Field(default=None, description="Words of the source that show the status.")
    budget_line: str
    figures: list[Figure] = Field(default_factory=list)
    summary: Text
    eligibility: list[Rule] = Field(default_factory=list)
    selection: Selection | None = None
    conditions_text: list[Text] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list, description="Residents' words for search.")
    fiscal_year: int

    def title_of(self, lang: Lang) -> str | None:
        """The title as written in `lang` (the document's for ja), None where the file has none: the one
        lookup the results, the search corpus and the translation check share."""
        return {"ja": self.title, "en": self.title_en, "ja-easy": self.title_easy, "zh": self.title_zh,
                "ko": self.title_ko}[lang]

    @field_validator("eligibility")
    @classmethod
    def _one_rule_per_year(cls, rules: list[Rule]) -> list[Rule]:
        years = [r.fiscal_year for r in rules]
        if len(years) != len(set(years)):
            raise ValueError("at most one eligibility rule per fiscal year")
        return rules

    def rule_for(self, fiscal_year: int) -> Rule | None:
        return next((r for r in self.eligibility if r.fiscal_year == fiscal_year), None)

    @property
    def page_number(self) -> int:
        return int(self.page[1:])


class BudgetLine(BaseModel):
    """An amount the document prints once for a group of measures."""

    model_config = _STRICT

    id: str = Field(pattern=MEASURE_ID.pattern)
    heading: str
    amount: str = Field(description="As printed, e.g. 3億421万円.")
    yen: int = Field(gt=0)
    fiscal_year: int
    measures: list[str] = Field(min_length=1)

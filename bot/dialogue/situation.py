"""The case a question describes, judged by the eligibility engine: 「区外の保育園でももらえる？」,
「障害者手帳はないけど使える？」, "my kid goes to an international school, free lunch also?".

Facts said inside a question are not stored in the household (「私立に通ってても…？」 may be asked for
someone else), but they say which case is asked about. They are read with the same fact and people
readers as any message, put in a household for this question only, and the measure is evaluated
on it (knowledge/eligibility.py). Only the conditions about what the message states are reported,
each with its basis: a condition resting on the document's words answers yes or no; one whose
`outside` sentence says the words do not settle it answers "the document does not decide".

A case set apart by 「けど」「でも」 "even if" … that no reader understands (「認可外の保育園に
通ってるけど」) is outside what the document's target words decide, so the answer says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from bot.understanding.facts import segment_facts
from bot.understanding.people import noun_sex, segments
from bot.understanding.question_kind import Spec
from knowledge.eligibility import evaluate
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.measure import Measure
from knowledge.messages import message
from knowledge.outcome import ConditionResult

PLACEHOLDER_AGE = 0  # a child whose age the message does not state: its age conditions are not reported
_AGE_KEYS = frozenset({"child.age", "child.school_year"})


@dataclass(frozen=True)
class Situation:
    """The case as the message states it: a household for this question only, the facts it states,
    and whether a clause sets the case apart (けど, でも, even if …)."""

    household: Household
    keys: frozenset[str]
    marked: bool

    @property
    def read(self) -> bool:
        return bool(self.keys)


def _situation_text(text: str, marker: re.Match[str] | None) -> str:
    """What describes the case: in Japanese the clause just before the marker (「私立に通ってても」;
    「教育ローンの利子補給、奨学金でも」 → 「奨学金」), so the measure's name is not read as a fact; in
    English the whole message (the case may come after the question). Without a marker, no fact is
    read: 「低栄養予防の対象？」 names the measure, it does not say that anyone is undernourished (the
    people in it still count)."""
    if marker is None:
        return ""
    return text if text.isascii() else re.split(r"[、。,]", text[:marker.start()])[-1]


def read_situation(text: str, spec: Spec) -> Situation:
    """The case a question describes. `text` is the normalised question; `spec` the eligibility kind,
    whose `situation` patterns mark a case set apart."""
    marker = next((m for p in spec.situation if (m := p.search(text))), None)
    added = next((m for p in spec.also if (m := p.search(text))), None)
    said = _situation_text(text, marker or added)
    child: dict[str, Any] = {}
    adult: dict[str, Any] = {}
    household: dict[str, Any] = {}
    keys: set[str] = set()
    for seg in segments(said or text):
        person = seg.person
        if person is None:
            continue
        if person.kind == "child" and not child:
            child = {k: v for k, v in (("age", person.age), ("school_year", person.school_year),
                                       ("sex", person.sex)) if v is not None}
            keys |= {f"child.{k}" for k in child} | (_AGE_KEYS if "age" in child else set())
        elif person.kind == "adult" and not adult:
            adult = {k: v for k, v in (("age", person.age), ("age_band", person.age_band)) if v is not None}
            keys |= {"adult.age"} if adult else set()
    if not child and (sex := noun_sex(said or text)):  # "for girls too?": a child of that sex, no age
        child = {"sex": sex}
        keys.add("child.sex")
    for scope, field, value in segment_facts(said):
        if scope == "household":
            household[field] = [value] if field == "business" else value
            keys.add(field)
        for who, facts in (("child", child), ("adult", adult)):
            if scope in (who, "member"):
                facts[field] = value
                keys.add(f"{who}.{field}")
    try:
        stated = Household.model_validate({
            **household,
            **({"children": [{"age": PLACEHOLDER_AGE, **child}]} if child else {}),
            **({"adults": [adult]} if adult else {}),
        })
    except ValidationError:
        stated, keys = Household(), set()
    return Situation(stated, frozenset(keys), marker is not None)


def stated_conditions(measure: Measure, situation: Situation) -> list[ConditionResult]:
    """The measure's conditions about what the message states, evaluated on the stated case."""
    if not situation.read:
        return []
    outcome = evaluate(measure, situation.household, measure.fiscal_year)
    return [c for c in outcome.conditions if c.fact.key in situation.keys]


def judged(measure: Measure, situation: Situation, lang: Lang) -> tuple[bool, list[str]] | None:
    """Whether the document decides the stated case, and the lines that say how; None when the
    message states nothing the measure's conditions look at (the usual answer then applies)."""
    conditions = stated_conditions(measure, situation)
    if not conditions:
        if situation.marked and not situation.read:
            return False, [message("answers.case_not_described", lang)]
        return None
    firm_no = [c for c in conditions if c.status == "not_met" and c.basis != "reading"]
    open_ = [c for c in conditions if c.status == "not_met" and c.basis == "reading"]
    if firm_no:
        return True, [message("answers.case_not_covered", lang, requirement=firm_no[0].requirement[lang])]
    if open_:
        why = open_[0].unsettled.get(lang)
        return False, [message("answers.case_undecided", lang), *([why] if why else [])]
    met = [c for c in conditions if c.status == "met"]
    if met:
        return True, [message("answers.case_covered", lang,
                              requirement="; ".join(c.requirement[lang] for c in met))]
    return None

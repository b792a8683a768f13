"""Which question to ask next: the one that settles the most still-open measures.

Only facts that some `maybe` measure is missing are candidates, so the bot never asks what
the user already said or what no remaining measure depends on. A fact's weight is the sum of
the weights of the measures waiting on it (benefits count double: they are what a household
came for); checklist facts about one member are pooled into one question.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from bot.dialogue.questions import Prompt, bank, checklist_prompt, question_prompt
from knowledge.common_sense import unaskable
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.measure import Measure
from knowledge.outcome import Fact, Outcome
from knowledge.relevance import group_of

KIND_WEIGHT = {"benefit": 1.0, "service": 0.5, "initiative": 0.0}
# How likely a question is to matter to a household at all: few households run a business, so
# the ward's business subsidies should not open a parent's conversation.
FACT_PRIOR = {"business": 0.3}
# How likely a measure applies, by what the resident said (knowledge/relevance.py): one that fits a
# member they described ("near") is worth more than one of an area they never mentioned ("other"),
# so the people they told about are asked about first.
LIKELY = {"near": 1.0, "other": 0.5}
# Who the people are before what they need: an age band or a school year decides which other
# questions make sense at all (a husband of 75 makes the pregnancy question absurd).
WHO_FIRST = ("adult.age", "child.school_year")


@dataclass(frozen=True)
class Candidate:
    key: str  # question or checklist key
    member: int | None
    weight: float
    open_keys: tuple[str, ...] = ()


def _order() -> dict[str, int]:
    keys = [*bank().questions, *bank().checklists]
    return {k: i for i, k in enumerate(keys)}


def candidates(pairs: list[tuple[Measure, Outcome]], settled: set[tuple[str, int | None]],
               expanded: frozenset[tuple[str, int | None]] | set[tuple[str, int | None]] = frozenset(),
               household: Household | None = None) -> list[Candidate]:
    """Open facts grouped into askable questions, heaviest first.

    What follows from the household is never open (the engine reads `common_sense.implied`);
    what would be absurd to ask this household (`common_sense.unaskable`) is left out here.
    """
    skip = unaskable(household) if household is not None else set()
    weights: dict[tuple[str, int | None], float] = defaultdict(float)
    for measure, outcome in pairs:
        if outcome.verdict != "maybe":
            continue
        for fact in {(f.key, f.member) for f in outcome.missing}:
            if fact not in settled and fact not in skip:
                weights[fact] += KIND_WEIGHT[measure.kind] * FACT_PRIOR.get(fact[0], 1.0) * LIKELY[group_of(outcome)]
    grouped: dict[tuple[str, int | None], Candidate] = {}
    for (key, member), weight in weights.items():
        checklist = bank().checklist_of(key)
        if checklist is not None and (checklist.key, member) not in expanded:
            prev = grouped.get((checklist.key, member))
            keys = (*(prev.open_keys if prev else ()), key)
            total = weight + (prev.weight if prev else 0.0)
            grouped[(checklist.key, member)] = Candidate(checklist.key, member, total, keys)
        elif key in bank().questions:
            grouped[(key, member)] = Candidate(key, member, weight)
    order = _order()
    return sorted(grouped.values(),
                  key=lambda c: (c.key not in WHO_FIRST, -c.weight, order.get(c.key, 99), c.member or 0))


def next_prompt(pairs: list[tuple[Measure, Outcome]], settled: set[tuple[str, int | None]], household: Household,
                lang: Lang, expanded: set[tuple[str, int | None]] | None = None) -> Prompt | None:
    found = candidates(pairs, settled, expanded or set(), household)
    if not found:
        return None
    best = found[0]
    checklist = bank().checklists.get(best.key)
    if checklist is None:
        return question_prompt(best.key, best.member, household, lang)
    if len(set(best.open_keys)) == 1 and best.open_keys[0] in bank().questions:
        # one fact left: its own question (「区内で会社やお店を経営していますか？」) reads better
        # than a checklist of its options
        return question_prompt(best.open_keys[0], best.member, household, lang)
    options = checklist.options_for(best.open_keys)
    again = any(_is_yes(household, Fact(key=o.fact_key(k), member=best.member), o.none_value)
                for k, o in checklist.options.items())
    return checklist_prompt(checklist, best.member, options, household, lang, again)


def _is_yes(household: Household, fact: Fact, no: object) -> bool:
    """The fact is known and is not the checklist's "no" (a tapped option, or said in a message)."""
    scope, _, field = fact.key.partition(".")
    if not field:  # a household fact (pregnant, moving, business, adults …)
        value = getattr(household, scope, None)
    else:
        people = household.children if scope == "child" else household.adults
        if not people or fact.member is None or fact.member >= len(people):
            return False
        value = getattr(people[fact.member], field, None)
    return value is not None and value != no

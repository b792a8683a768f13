"""The question bank (questions.yaml) and the prompts built from it for one member.

Quick replies map to exact values, so a tap is never misunderstood; typed answers go through
`bot.understanding` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from knowledge import wording
from knowledge.eligibility import possible_school_years
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.messages import message, messages
from knowledge.outcome import Fact

QUESTIONS_FILE = Path(__file__).parent / "questions.yaml"


def dont_know(lang: Lang) -> str:
    """The わからない quick reply in `lang`."""
    return message("common.dont_know", lang)


class Words(BaseModel):
    """A text in every language (`ja-easy` is やさしい日本語): a missing one fails the load."""

    model_config = ConfigDict(populate_by_name=True)

    ja: str
    en: str
    easy: str = Field(alias="ja-easy")
    zh: str
    ko: str

    def in_(self, lang: Lang) -> str:
        return {"ja": self.ja, "en": self.en, "ja-easy": self.easy, "zh": self.zh, "ko": self.ko}[lang]

    def all(self) -> tuple[str, ...]:
        return self.ja, self.en, self.easy, self.zh, self.ko


class Reply(Words):
    value: Any


class Question(Words):
    key: str
    sensitive: bool = False
    sets: str | None = None
    replies: list[Reply] | Literal["yes_no", "school_years"] = Field(default_factory=list)


Label = Words


class Option(Words):
    """One tap of a checklist. Most options say yes to the fact named by their key; an option with a
    `fact` gives that fact a value instead (「親の近くへ引っ越す予定」 → moving = near_parents), so
    several options can answer one fact and the checklist can hold facts that are not yes/no."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)  # a stray key is a YAML slip

    fact: str | None = None
    value: Any = True
    none_value: Any = False  # what 「あてはまるものはない」 sets the fact to

    def fact_key(self, key: str) -> str:
        return self.fact or key


class Checklist(Words):
    key: str
    again: Words
    none: Words
    options: dict[str, Option]
    sensitive: bool = False

    def facts(self) -> list[str]:
        """The facts the checklist answers, in the order of their first option."""
        return list(dict.fromkeys(o.fact_key(k) for k, o in self.options.items()))

    def options_for(self, facts: set[str] | list[str] | tuple[str, ...]) -> list[str]:
        """The option keys that answer any of `facts`, in the checklist's order."""
        return [k for k, o in self.options.items() if o.fact_key(k) in facts]


@dataclass(frozen=True)
class Bank:
    questions: dict[str, Question]
    checklists: dict[str, Checklist]

    def checklist_of(self, fact: str) -> Checklist | None:
        return next((c for c in self.checklists.values() if fact in c.facts()), None)

    def is_reply(self, text: str) -> bool:
        """A quick reply of some question (「あてはまるものはない」): tapped after its question has gone, it
        answers nothing and asks nothing, however much it looks like a question's words."""
        replies = [r.all() for q in self.questions.values() if isinstance(q.replies, list) for r in q.replies]
        ticks = [t.all() for c in self.checklists.values() for t in (c.none, *c.options.values())]
        return any(text in labels for labels in [*replies, *ticks])


@cache
def bank() -> Bank:
    raw = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))
    checklists = {k: Checklist(key=k, **v) for k, v in raw.pop("checklists", {}).items()}
    return Bank({k: Question(key=k, **v) for k, v in raw.items()}, checklists)


@dataclass(frozen=True)
class Prompt:
    """A question as put to the user, with what each quick reply sets."""

    key: str  # a question key or a checklist key
    member: int | None
    text: str
    sensitive: bool
    answers: dict[str, list[tuple[Fact, Any]]] = field(default_factory=dict)
    dont_know: tuple[Fact, ...] = ()
    lang: Lang = "ja"

    @property
    def quick_replies(self) -> list[str]:
        return [*self.answers, *([dont_know(self.lang)] if self.dont_know else [])]


def member_label(household: Household, key: str, member: int | None, lang: Lang) -> str:
    scope = key.split(".")[0]
    people = household.children if scope == "child" else household.adults if scope == "adult" else None
    if member is None or not people or member >= len(people):
        return message("common.your_child", lang)
    person = people[member]
    if scope == "child":
        label = wording.child(person, lang)  # type: ignore[arg-type]
        alike = [i for i, other in enumerate(people) if wording.child(other, lang) == label]  # type: ignore[arg-type]
        # twins of unknown sex read alike: say which one, or the second question reads as the first asked again
        return label if len(alike) < 2 else label + message("wording.child_nth", lang, n=alike.index(member) + 1)
    return wording.adult(person, lang)  # type: ignore[arg-type]


def _replies(question: Question, household: Household, member: int | None) -> list[Reply]:
    if question.replies == "yes_no":
        return [Reply(value=True, **_all("common.answer_yes")), Reply(value=False, **_all("common.answer_no"))]
    if question.replies == "school_years":
        child = (household.children or [])[member or 0]
        years = sorted(possible_school_years(child))
        return [Reply(value=y, **wording.all_langs(lambda lang: wording.school_year(y, lang)))  # noqa: B023
                for y in years]
    return list(question.replies)


def _all(key: str) -> dict[str, str]:
    return {lang: text for lang, text in messages(key).items()}


def question_prompt(key: str, member: int | None, household: Household, lang: Lang) -> Prompt:
    question = bank().questions[key]
    who = member_label(household, key, member, lang)
    text = question.in_(lang).replace("{member}", who)
    fact = Fact(key=key, member=member)
    answers: dict[str, list[tuple[Fact, Any]]] = {}
    for reply in _replies(question, household, member):
        label = reply.in_(lang)
        if key == "child.school_year" and reply.value == 0:  # 未就学: recorded as not at school
            answers[label] = [(Fact(key="child.school", member=member), "none")]
        elif question.sets:
            answers[label] = [(Fact(key=f"{key.split('.')[0]}.{question.sets}", member=member), reply.value)]
        else:
            answers[label] = [(fact, reply.value)]
    return Prompt(key, member, text, question.sensitive, answers, (fact,), lang)


def checklist_prompt(checklist: Checklist, member: int | None, open_keys: list[str], household: Household,
                     lang: Lang, again: bool) -> Prompt:
    """`open_keys`: the option keys to offer (those whose fact is still open)."""
    who = member_label(household, checklist.key, member, lang)
    template = (checklist.again if again else checklist).in_(lang)
    answers: dict[str, list[tuple[Fact, Any]]] = {}
    nos: dict[str, Any] = {}
    for key in open_keys:
        option = checklist.options[key]
        fact = option.fact_key(key)
        answers[option.in_(lang)] = [(Fact(key=fact, member=member), option.value)]
        nos.setdefault(fact, option.none_value)
    open_facts = [Fact(key=f, member=member) for f in nos]
    answers[checklist.none.in_(lang)] = [(Fact(key=f, member=member), no) for f, no in nos.items()]
    return Prompt(checklist.key, member, template.replace("{member}", who), checklist.sensitive, answers,
                  tuple(open_facts), lang)

"""The contract between understanding and the dialogue (see bot/dialogue/conversation.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from knowledge.household import Household
from knowledge.languages import Lang

Intent = Literal["inform", "results", "restart", "erase", "question", "dont_know", "greet", "thanks", "help", "other",
                 "switch_language"]


@dataclass(frozen=True)
class Expecting:
    """What the bot just asked: a fact key ("child.daycare", "children", "pregnant" …) and its member."""

    key: str
    member: int | None = None


@dataclass(frozen=True)
class Context:
    household: Household
    expecting: Expecting | None = None
    last_changed: tuple[str, ...] = ()
    # The conversation's language: what a message that says nothing about language (「3」) is in,
    # and whether Japanese is read as やさしい日本語. None: guessed from the text alone.
    lang: Lang | None = None


@dataclass(frozen=True)
class Conflict:
    """Children a message described impossibly, left out of the household so the dialogue can ask.

    `kind`: age_vs_school_year | preschool_with_school_year | school_child_in_daycare | too_many_children;
    `children`: the children as the message gave them (Child dicts); `stated`: the count it gave."""

    kind: str
    children: tuple[dict[str, Any], ...]
    stated: int | None = None


@dataclass(frozen=True)
class Understanding:
    intent: Intent
    household: Household
    changed: tuple[str, ...]
    lang: Lang  # with intent switch_language: the language the resident chose
    dont_know: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    # Children the message named without any age (「子ども3人… 上は小学生」, "a little brother too"): the
    # Household cannot hold a child without an age, so the dialogue asks for their ages once instead.
    unaged_children: int = 0

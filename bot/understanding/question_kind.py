"""What a resident asks about a measure: how to apply, when, how much, who, where, what to bring,
whom to call (issue 15). The word lists are data (`question_kinds.yaml`), one list per language,
so a language is added there without touching this module.

`read_question` only says what kind of answer is wanted; which measure it is about and what the
document says are decided elsewhere (bot/dialogue/which_measure.py, bot/dialogue/answering.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

KINDS_FILE = Path(__file__).with_name("question_kinds.yaml")
Kind = Literal["contact", "documents", "where", "when", "amount", "procedure", "eligibility"]
KIND_NAMES: tuple[Kind, ...] = ("contact", "documents", "where", "when", "amount", "procedure", "eligibility")
Tier = Literal["asks", "words", "weak"]
TIERS: tuple[Tier, ...] = ("asks", "words", "weak")


@dataclass(frozen=True)
class Spec:
    """One kind (or one topic of a kind) as the data file describes it."""

    name: str
    words: tuple[re.Pattern[str], ...]
    weak: tuple[re.Pattern[str], ...]
    missing: dict[str, str]
    asks: tuple[re.Pattern[str], ...] = ()  # the question words themselves (どこ, いつ, who can): read first
    situation: tuple[re.Pattern[str], ...] = ()  # a case set apart: 「…けど」「…でも」 "even if" (eligibility)
    also: tuple[re.Pattern[str], ...] = ()  # a case added: 「…も対象？」 "… too?" (eligibility)
    evidence: tuple[re.Pattern[str], ...] = ()
    absent: tuple[re.Pattern[str], ...] = ()
    provided: tuple[re.Pattern[str], ...] = ()
    units: tuple[str, ...] = ()
    topics: tuple[Spec, ...] = field(default=())

    def said_in(self, text: str, tier: Tier = "words") -> bool:
        return any(p.search(text) for p in getattr(self, tier))

    @property
    def all_words(self) -> tuple[re.Pattern[str], ...]:
        return (*self.asks, *self.words, *self.weak, *(w for topic in self.topics for w in topic.words))


@dataclass(frozen=True)
class Asked:
    """The kind of question, and its finer topic when one matched (payment, deadline, certainty …)."""

    kind: Kind
    spec: Spec
    topic: Spec | None = None
    # the normalised question ("" when known only by name, e.g. after a tapped candidate)
    said: str = field(default="", compare=False)

    @property
    def wanted(self) -> Spec:
        """The most specific description of what is asked (the topic's, else the kind's)."""
        return self.topic or self.spec

    @property
    def name(self) -> str:
        return f"{self.kind}.{self.topic.name}" if self.topic else self.kind


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().strip()


def _patterns(values: list[str] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(v) for v in values or [])


def _spec(name: str, data: dict[str, Any]) -> Spec:
    def per_language(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(w) for lang_words in (data.get(key) or {}).values() for w in lang_words)

    topics = tuple(_spec(n, d) for n, d in (data.get("topics") or {}).items())
    return Spec(name=name, words=per_language("words"), weak=per_language("weak"), asks=per_language("asks"),
                situation=per_language("situation"), also=per_language("also"),
                missing=dict(data.get("missing") or {}),
                evidence=_patterns(data.get("evidence")), absent=_patterns(data.get("absent")),
                provided=_patterns(data.get("provided")), units=tuple(data.get("units") or ()), topics=topics)


@cache
def _data(path: Path = KINDS_FILE) -> dict[str, Any]:
    """The data file, read once for the kinds and the questions about every measure."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


@cache
def specs(path: Path = KINDS_FILE) -> tuple[Spec, ...]:
    """Every kind in the data file's order (the order decides between kinds that both match)."""
    data = _data(path)
    found = tuple(_spec(name, body) for name, body in data["kinds"].items())
    unknown = {s.name for s in found} - set(KIND_NAMES)
    if unknown:
        raise ValueError(f"{path.name}: unknown question kinds {sorted(unknown)}")
    return found


def read_question(text: str) -> Asked | None:
    """The kind of question the text asks, or None when it asks none of them."""
    t = normalise(text)
    for tier in TIERS:  # a question word (どこ, who can) before a topic word (申請, apply), money words last
        for spec in specs():
            if spec.said_in(t, tier):
                topic = next((topic for topic in spec.topics if topic.said_in(t)), None)
                return Asked(kind=spec.name, spec=spec, topic=topic, said=t)  # type: ignore[arg-type]
    return None


@cache
def _general(path: Path = KINDS_FILE) -> tuple[re.Pattern[str], ...]:
    data = _data(path)
    return tuple(re.compile(w) for words in (data.get("general") or {}).values() for w in words)


def asks_in_general(text: str) -> bool:
    """「何がもらえますか」 "what can we get": a question about every measure at once (the results)."""
    t = normalise(text)
    return any(p.search(t) for p in _general())


def without_kind_words(text: str) -> str:
    """The text with every kind's words taken out: what is left names the topic (or nothing,
    as in 「申請方法は？」, which then refers to the measures just shown)."""
    t = normalise(text)
    for spec in specs():
        for pattern in spec.all_words:
            t = pattern.sub(" ", t)
    return t


def asked_named(name: str) -> Asked | None:
    """The `Asked` of `Asked.name` ("when.payment"), as kept in a session while asking which measure."""
    kind, _, topic = name.partition(".")
    spec = next((s for s in specs() if s.name == kind), None)
    if spec is None:
        return None
    return Asked(kind=spec.name, spec=spec, topic=next((t for t in spec.topics if t.name == topic), None))  # type: ignore[arg-type]

"""Which one measure a question is about: named, just shown, or found by search with a clear margin.

One measure, not three loosely related ones (issue 15). In order, cheapest first:
1. **Named**: a word that belongs to one measure only (its residents' `keywords` that no other
   measure lists) is in the question. No encoder is needed.
2. **Search**, when the question names something no keyword covers: the existing ranking
   (knowledge/search, through the one encoder worker), once per message, and only when its best
   measure leads the next by `margin`.
3. **The conversation**: a question with no topic of its own (「申請方法は？」) is about the measures
   last shown; if that is one measure, it is that one.
Otherwise the dialogue asks which one, with the candidates as quick replies.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from bot.understanding.question_kind import normalise, without_kind_words
from bot.understanding.words import ADULT_NOUNS, CHILD_NOUNS
from knowledge.catalog import Catalog
from knowledge.measure import Measure
from knowledge.search.searcher import Hit

SearchFn = Callable[[str, int], list[Hit]]
How = Literal["named", "search", "context", "none"]

# The search's best measure must lead the second by this much (cosine) to be taken as meant;
# below it the resident is asked which one (calibrated on benchmarks/data/question_kinds.yaml).
MARGIN = 0.015
# Fewer content characters than this left after the question words: the question has no topic.
MIN_TOPIC_CHARS = 2
_FILLER = re.compile(r"[\s\W\d_]+|について|のこと|って|ですか|ますか|ください|教えて|知りたい|方法|でき|する|した|"
                     r"ある|いる|なる|私|わたし|うち|僕|ぼく|"
                     r"\b(the|a|an|is|are|it|this|that|do|does|i|we|my|for|of|to|about|there|what|and|can|you)\b|"
                     r"[はがをにでとものへやかねよ]")

_CONTENT = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffa-z]")
# A word for a person (息子, boys, 親) says who asks, not which measure: "my son … the school car"
_PERSON = re.compile(rf"(?:{CHILD_NOUNS}|{ADULT_NOUNS})")


@dataclass(frozen=True)
class Pick:
    """The measure meant (or None), how it was found, and the candidates to offer when unsure."""

    measure_id: str | None
    how: How
    candidates: tuple[str, ...] = field(default=())


_TERMS: dict[int, tuple[tuple[re.Pattern[str], str, int], ...]] = {}


def _terms(catalog: Catalog) -> tuple[tuple[re.Pattern[str], str, int], ...]:
    """(pattern, measure id, length) for each keyword only one measure lists (kept per catalog)."""
    if id(catalog) not in _TERMS:
        _TERMS[id(catalog)] = _build_terms(catalog)
    return _TERMS[id(catalog)]


def _build_terms(catalog: Catalog) -> tuple[tuple[re.Pattern[str], str, int], ...]:
    """A keyword names its measure when no other measure's keywords, title or audience contain it,
    it is not itself a question word (online procedures list 「申請」: not a name) and not a word for
    a person (the HPV vaccine lists 「息子」 and "son": anyone's son may ask about anything)."""
    def words_of(m: Measure) -> list[str]:
        return [normalise(w) for w in (*m.keywords, m.title, m.title_en, m.audience.ja, m.audience.en)]

    terms = []
    for measure in catalog:
        others = [w for m in catalog if m.id != measure.id for w in words_of(m)]
        for keyword in {normalise(k) for k in measure.keywords}:
            if len(keyword) < 2 or any(keyword in w for w in others) or without_kind_words(keyword) != keyword \
                    or _PERSON.fullmatch(keyword):
                continue
            if keyword.isascii():  # a word, singular or plural ("diapers" names "diaper money" too)
                pattern = re.compile(rf"\b{re.escape(keyword.removesuffix('s'))}s?\b")
            else:
                pattern = re.compile(re.escape(keyword))
            terms.append((pattern, measure.id, len(keyword)))
    return tuple(sorted(terms, key=lambda t: -t[2]))


def named(text: str, catalog: Catalog) -> list[str]:
    """Measures the text names by a word of their own, the most (and longest) matched first."""
    t = normalise(text)
    score: Counter[str] = Counter()
    for pattern, measure_id, length in _terms(catalog):
        if pattern.search(t):
            score[measure_id] += length
    return [mid for mid, _ in score.most_common()]


def has_topic(text: str) -> bool:
    """Whether a noun is left once the question words and fillers are taken out: kanji, katakana or
    latin letters (what remains in kana is the tail of a verb, 「いつ振り込まれますか」 → 「まれ」)."""
    return len(_CONTENT.findall(_FILLER.sub("", without_kind_words(text)))) >= MIN_TOPIC_CHARS


def pick(text: str, catalog: Catalog, search: SearchFn | None, shown: list[str], margin: float = MARGIN,
         by_name: list[str] | None = None) -> Pick:
    """The one measure the question is about, or the candidates to ask about. `by_name`: `named(text)`
    when the caller has it already (it is read once per message, not kept: the text is the resident's)."""
    by_name = named(text, catalog) if by_name is None else by_name
    if len(by_name) == 1:
        return Pick(by_name[0], "named")
    topic = has_topic(text)
    if not topic and shown:
        return Pick(shown[0], "context") if len(shown) == 1 else Pick(None, "none", tuple(shown[:3]))
    if search is None or not topic:
        return Pick(None, "none", tuple(by_name[:3]))
    hits = search(text, 3)
    if by_name:  # two measures named: the search decides between them, else ask
        ranked = [h.id for h in hits if h.id in by_name]
        return Pick(ranked[0], "search") if ranked else Pick(None, "none", tuple(by_name[:3]))
    if not hits:
        return Pick(None, "none")
    if len(hits) == 1 or hits[0].score - hits[1].score >= margin:
        return Pick(hits[0].id, "search")
    return Pick(None, "none", tuple(h.id for h in hits))

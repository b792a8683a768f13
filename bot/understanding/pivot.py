"""中文, 한국어 and やさしい日本語 read as the Japanese the household rules understand.

Why a pivot rather than a reader per language: the household rules (people.py, facts.py, answers.py)
encode many decisions — which child a fact belongs to, what a school year implies, what a hedge
leaves unknown — that hold in every language. Saying 「3岁的儿子」 as 「3歳の息子」 and 「아이가 둘」 as
「子どもが2人」 keeps those decisions in one place; each language adds only words, as data
(zh.yaml, ko.yaml, ja_easy.yaml beside this file). What a word list does not cover stays unread,
as an unknown Japanese word does: the household is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.understanding.language import squeeze
from bot.understanding.normalise import numeral_digits as _digits
from knowledge.languages import Lang

HERE = Path(__file__).parent
FILES: dict[Lang, str] = {"zh": "zh.yaml", "ko": "ko.yaml", "ja-easy": "ja_easy.yaml"}


@dataclass(frozen=True)
class Words:
    """One language's words: whole-message answers, numerals, then ordered rewrites."""

    answers: dict[str, str]  # squeezed reply → the Japanese reply
    numbers: list[tuple[re.Pattern[str], dict[str, int] | None, dict[str, str]]]
    rewrites: list[tuple[re.Pattern[str], str]]


def _alternation(words: dict[str, int]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _numbers(spec: dict[str, Any]) -> list[tuple[re.Pattern[str], dict[str, int] | None, dict[str, str]]]:
    """Numeral patterns, each with its word values (None: kanji numerals, read by normalise.numeral_digits)."""
    out: list[tuple[re.Pattern[str], dict[str, int] | None, dict[str, str]]] = []
    if "kanji" in spec:
        out.append((re.compile(f"({spec['kanji']})(?={spec['before']})"), None, spec.get("replace") or {}))
    if "words" in spec:  # never right after a digit: 「5세 아이」 is a 5-year-old, not 5 and 3
        out.append((re.compile(rf"(?<![가-힣\d])({_alternation(spec['words'])})(?={spec['before']})"),
                    spec["words"], {}))
    if "sino" in spec:
        out.append((re.compile(rf"(?<![가-힣\d])({_alternation(spec['sino'])})(?={spec['sino_before']})"),
                    spec["sino"], {}))
    if "alone" in spec:  # 「아이가 둘」「둘이에요」: a count followed by nothing or its ending (「둘 다」 is "both")
        ending = r"(?=$|\s|[.,!?]|이에요|입니다|이요|이야)(?!\s*다\b)"
        out.append((re.compile(rf"(?<![가-힣\d])({_alternation(spec['alone'])}){ending}"), spec["alone"], {}))
    return out


@cache
def words(lang: Lang) -> Words:
    data: dict[str, Any] = yaml.safe_load((HERE / FILES[lang]).read_text(encoding="utf-8"))
    answers = {squeeze(reply): japanese for japanese, replies in (data.get("answers") or {}).items()
               for reply in replies}
    rewrites = [(re.compile(pattern), replacement) for pattern, replacement in data["rewrite"]]
    return Words(answers, _numbers(data.get("numbers") or {}), rewrites)



def to_japanese(text: str, lang: Lang) -> str:
    """The message as Japanese for the household rules; unchanged for ja and en."""
    if lang not in FILES:
        return text
    table = words(lang)
    if (reply := table.answers.get(squeeze(text))) is not None:
        return reply
    for pattern, values, replace in table.numbers:
        text = pattern.sub(lambda m, v=values, r=replace: _digits(m, v, r), text)  # type: ignore[misc]
    for pattern, replacement in table.rewrites:
        text = pattern.sub(replacement, text)
    return text

"""Every text a resident can read in a measure exists in 中文 and 한국어 (and やさしい日本語 where shown).

Issue 13 translates the catalog once, as data beside the Japanese. These checks are what keeps
that true: a missing language, a number that changed on the way (「1人216時間」 must stay 216),
Japanese left untranslated, or a Korean sentence in another politeness style. A translation is
never checked for meaning here (a person does that); only what a machine can check without doubt.

Japanese names a resident needs at the counter (「はくちょう教室」) may stay in a translation inside
「」, and only if they are printed verbatim in the measure's Japanese.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from knowledge.basis import Why
from knowledge.languages import TRANSLATED
from knowledge.measure import Measure, Text

# Texts shown to residents in the chat's やさしい日本語 mode (issue 13): these need `easy` too.
EASY_FIELDS = ("title", "audience", "summary", "conditions_text")

_QUOTED = re.compile(r"「[^「」]*」")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Japanese (shinjitai) or traditional forms that 简体中文 writes otherwise (费 补 资 业 儿 …): a
# sign of Japanese copied instead of translated.
_NOT_SIMPLIFIED = set("費補資業児関続窓検診査護齢設協議書載確認図発様歳帳円証験時間問題読説語営経済労働対応広転運録実")
# ASCII punctuation inside Chinese prose (，。：；？！ are the Chinese forms); digits' 1,000 / 1.5 are fine.
_ASCII_PUNCT_ZH = re.compile(r"(?<!\d)[,.](?!\d)|[;:?!]")
# A Korean sentence ends in the 합니다 style: …니다. (the catalog never mixes in 해요 or 한다).
_KO_SENTENCE_END = re.compile(r"(\S+)\.(?=\s|$)")


@dataclass(frozen=True)
class ResidentText:
    """One text a resident can read, with where it sits in the measure file."""

    where: str
    ja: str
    easy: str | None
    zh: str | None
    ko: str | None
    needs_easy: bool


def _walk(value: object, where: str) -> Iterator[tuple[str, Text | Why]]:
    if isinstance(value, Text | Why):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{where}.{name}" if where else name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{where}[{i}]")


def resident_texts(measure: Measure) -> list[ResidentText]:
    """The title and every `Text`/`Why` in the measure (found by type, so a new field is not missed)."""
    texts = [ResidentText("title", measure.title, measure.title_of("ja-easy"), measure.title_of("zh"),
                          measure.title_of("ko"), True)]
    for where, t in _walk(measure, ""):
        top = where.split(".")[0].split("[")[0]
        # A Why (what the document leaves open) is read in every chat language, やさしい日本語 too.
        texts.append(ResidentText(where, t.ja, t.easy, t.zh, t.ko, top in EASY_FIELDS or isinstance(t, Why)))
    return texts


def numbers(text: str) -> set[str]:
    """The numbers written in digits, full-width made half-width and 1,000 read as 1000."""
    plain = unicodedata.normalize("NFKC", text)
    plain = re.sub(r"(?<=\d),(?=\d{3})", "", plain)
    return set(_NUMBER.findall(plain))


def _unquoted(text: str) -> str:
    return _QUOTED.sub("", text)


def problems_in(text: ResidentText, japanese: str) -> list[str]:
    """What is wrong with one text's translations; `japanese` is all the measure's Japanese."""
    found = [f"{text.where}: no {lang}" for lang in TRANSLATED if not getattr(text, lang)]
    if text.needs_easy and not text.easy:
        found.append(f"{text.where}: no easy (やさしい日本語)")
    if text.easy and len(text.easy) > 8 and " " not in text.easy and "\u3000" not in text.easy:
        found.append(f"{text.where}: easy has no spaces between phrases")
    ja_numbers = numbers(text.ja)
    for lang in TRANSLATED:
        translated = getattr(text, lang)
        if not translated:
            continue
        if missing := ja_numbers - numbers(translated):
            found.append(f"{text.where}: {lang} lacks the number(s) {sorted(missing)} of the Japanese")
        if added := numbers(translated) - ja_numbers:
            found.append(f"{text.where}: {lang} has number(s) {sorted(added)} the Japanese does not state")
        for name in _QUOTED.findall(translated):
            if name[1:-1] not in japanese:
                found.append(f"{text.where}: {lang} keeps {name}, which is not in the measure's Japanese")
        if _KANA.search(_unquoted(translated)):
            found.append(f"{text.where}: {lang} has kana outside a 「」 Japanese name")
    if text.zh:
        prose = _unquoted(text.zh)
        if not _HAN.search(prose) or _HANGUL.search(prose):
            found.append(f"{text.where}: zh is not Chinese")
        if forms := sorted(set(prose) & _NOT_SIMPLIFIED):
            found.append(f"{text.where}: zh has Japanese/traditional forms {''.join(forms)} (not 简体)")
        if _ASCII_PUNCT_ZH.search(prose):
            found.append(f"{text.where}: zh has ASCII punctuation (use ，。：)")
    if text.ko:
        prose = _unquoted(text.ko)
        if not _HANGUL.search(prose):
            found.append(f"{text.where}: ko has no Hangul")
        if _HAN.search(prose):
            found.append(f"{text.where}: ko has kanji outside a 「」 Japanese name")
        if odd := [w for w in _KO_SENTENCE_END.findall(prose) if not w.endswith("니다")]:
            found.append(f"{text.where}: ko sentence(s) not in the 합니다 style: {odd}")
    return found


def translation_problems(measure: Measure) -> list[str]:
    texts = resident_texts(measure)
    japanese = "\n".join(t.ja for t in texts)
    return [p for t in texts for p in problems_in(t, japanese)]

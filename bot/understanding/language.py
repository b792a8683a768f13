"""Which language a message is in, and whether it chooses one (「中文」「한국어로」「やさしい にほんご」).

Why a module of its own: detection decides which words are read (bot/understanding/pivot.py) and
which language the dialogue answers in, so it must be right on the short answers residents type
most — 「3」 says nothing (the conversation's language stays), 「小3」「3歳」 are Japanese written in
kanji, 「3岁」「初二」 are Chinese, any Hangul is Korean. やさしい日本語 is never guessed from text (it
reads like Japanese); it is only chosen, and a conversation in it stays in it while the resident
writes Japanese. The word lists are data: bot/understanding/languages.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.understanding.normalise import is_english
from knowledge.languages import LANGS, Lang

DATA = Path(__file__).with_name("languages.yaml")
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
KANA = re.compile(r"[\u3040-\u30ff]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_NOISE = re.compile(r"[\s\W_]+")  # spaces and punctuation: 「やさしい にほんご」 = 「やさしいにほんご」
# Japanese kanji compounds that contain a Chinese marker word: 是非 (by all means), 是正 (correction).
_JAPANESE_WITH_MARKER = re.compile(r"是非|是正|自我|我慢|我々|我が")


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    unknown = set(data["switch"]) - set(LANGS)
    if unknown:
        raise ValueError(f"languages.yaml names unknown languages: {sorted(unknown)}")
    return data


@cache
def _names() -> list[tuple[str, Lang]]:
    """Every switch word with its language, longest first (やさしいにほんご before にほんご)."""
    pairs = [(squeeze(word), lang) for lang, words in _data()["switch"].items() for word in words]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


@cache
def _fillers() -> list[str]:
    return sorted((squeeze(f) for f in _data()["fillers"]), key=len, reverse=True)


def squeeze(text: str) -> str:
    """Spaces and punctuation gone, NFKC and lower case: how switch words and pivot words are compared."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text).lower())


def _only_fillers(rest: str) -> bool:
    """Whether what is left around a language name is only 「で」「请用」「로 해 주세요」 and the like."""
    changed = True
    while rest and changed:
        changed = False
        for filler in _fillers():
            if rest.startswith(filler):
                rest, changed = rest[len(filler):], True
            elif rest.endswith(filler):
                rest, changed = rest[:-len(filler)], True
    return not rest


def chosen(text: str) -> Lang | None:
    """The language a message asks for (「中文」「한국어로 해 주세요」「English please」), else None."""
    squeezed = squeeze(text)
    if not squeezed or len(squeezed) > 30:
        return None
    for name, lang in _names():
        at = squeezed.find(name)
        if at >= 0 and _only_fillers(squeezed[:at]) and _only_fillers(squeezed[at + len(name):]):
            return lang
    return None


def is_chinese(text: str, current: Lang | None = None) -> bool:
    """Han text with Chinese-only forms or Chinese words (no kana: the caller has checked). A one-word
    answer that Japanese writes too (「有」「不」) is Chinese unless the conversation is in Japanese."""
    data = _data()["chinese"]
    squeezed = squeeze(text)
    if squeezed in data["answers"]:
        return current not in ("ja", "ja-easy")
    if any(c in squeezed for c in data["chars"]):
        return True
    plain = _JAPANESE_WITH_MARKER.sub("", squeezed)
    return any(word in plain for word in data["words"])


def detect(text: str, current: Lang | None = None) -> Lang:
    """The language of a (normalised) message; `current` (the conversation's) when it says nothing.

    Without a current language the answer is what understanding always said: English for Latin text,
    otherwise Japanese — now with Korean and Chinese recognised."""
    if is_english(text):  # mostly Latin letters, as before (「nenchu」 normalised to 年中 included)
        if current in ("zh", "ko", "ja-easy") and len(text.split()) == 1:
            return current  # 「OK」「LINE」「ADHD」: a word every language borrows, not a change of language
        return "en"
    if HANGUL.search(text):
        return "ko"
    japanese: Lang = "ja-easy" if current == "ja-easy" else "ja"
    if KANA.search(text):
        return japanese
    if HAN.search(text):
        if is_chinese(text, current):
            return "zh"
        return "zh" if current == "zh" else japanese  # 「小3」「区立」: Japanese unless we were speaking Chinese
    return current or "ja"  # digits, emoji, punctuation: nothing about the language

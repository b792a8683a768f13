"""The languages a resident can talk in, named once.

`ja-easy` is やさしい日本語: Japanese in short sentences with spaces between phrases, for residents
who read Japanese only a little. It is a language of its own here (not a style flag) because every
text a resident reads needs its own wording in it, and the health tests check each one.
"""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["ja", "en", "ja-easy", "zh", "ko"]
LANGS: tuple[Lang, ...] = get_args(Lang)
# The name of each language in itself: what a resident taps to switch.
# The catalog languages translated from the Japanese (やさしい日本語 has its own `easy` fields).
TRANSLATED: tuple[Lang, ...] = ("zh", "ko")
NAMES: dict[Lang, str] = {"ja": "日本語", "en": "English", "ja-easy": "やさしい にほんご", "zh": "中文",
                          "ko": "한국어"}
# The HTML `lang` of a text in each language (screen readers and fonts): やさしい日本語 is Japanese, our
# Chinese is Simplified. The widget and the staff console read it from GET /api/messages.
HTML: dict[Lang, str] = {"ja": "ja", "en": "en", "ja-easy": "ja", "zh": "zh-Hans", "ko": "ko"}



def ours(value: str | None) -> Lang | None:
    """A client's language tag (`zh-CN`, `ko-KR`, `ja_easy`, `EN`) as one of ours, or None when it names
    none of them (the API refuses it, or looks further, rather than answer in a default)."""
    tag = (value or "").strip().lower().replace("_", "-")
    if tag in ("ja-easy", "easy", "ja-yasashii"):
        return "ja-easy"
    base = tag.split("-")[0]
    return next((lang for lang in LANGS if base == lang), None)


def as_lang(value: str | None, default: Lang = "ja") -> Lang:
    """A client's language tag as one of ours, or `default`."""
    return ours(value) or default


def language_named(text: str) -> Lang | None:
    """The language whose name in itself is the whole message (「中文」「한국어」「やさしい にほんご」: the switch's
    quick reply, tapped or typed), or None."""
    said = " ".join(text.split()).casefold()
    return next((lang for lang, name in NAMES.items() if said in (name.casefold(), name.replace(" ", ""))), None)

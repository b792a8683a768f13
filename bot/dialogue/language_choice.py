"""The language to answer a message in, chosen as the dialogue chooses it, for the drivers that do
not send every message through `Dialogue.respond` (the Rasa actions answer greetings, help, free
questions and results themselves): a language named (「中文」 tapped, 「한국어로 해 주세요」 typed), else
the language the message is written in, else — 「3」, 「5, 2」 — the conversation's language."""

from __future__ import annotations

from bot.understanding import language
from bot.understanding.normalise import normalise
from knowledge.languages import Lang, language_named


def chosen_language(text: str) -> Lang | None:
    """The language a message asks for by name (「中文」「한국어로 해 주세요」「English please」), else None."""
    return language_named(text) or language.chosen(normalise(text).strip())


def language_of(text: str, current: Lang) -> Lang:
    """やさしい日本語 is only ever chosen: Japanese typed in it stays in it (`language.detect`)."""
    named = chosen_language(text)
    if named is not None:
        return named
    normalised = normalise(text).strip()
    if not any(c.isalpha() for c in text):  # digits and punctuation say nothing about the language
        return current
    return language.detect(normalised, current)

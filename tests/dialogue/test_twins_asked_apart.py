"""Twins of unknown sex read alike ("your 4-year-old child"): the question about the second must not read as the
first asked again, in any language. Found trying the product as a resident."""

from __future__ import annotations

import pytest

from bot.dialogue.conversation import Dialogue
from bot.dialogue.questions import dont_know, member_label
from knowledge.catalog import default_catalog
from knowledge.household import Household
from knowledge.languages import LANGS, Lang

OPENING: dict[Lang, str] = {"ja": "4歳の双子がいます", "en": "My twins are 4.", "ja-easy": "4さいの ふたごが います",
                            "zh": "我有一对4岁的双胞胎", "ko": "4살 쌍둥이가 있어요"}


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    return Dialogue(default_catalog())


@pytest.mark.parametrize("lang", LANGS)
def test_children_who_read_alike_are_numbered_and_others_are_not(lang: Lang) -> None:
    twins = Household.model_validate({"children": [{"age": 4}, {"age": 4}, {"age": 9, "school_year": 4}]})
    first, second, third = (member_label(twins, "child.needs", i, lang) for i in range(3))
    assert first != second and first.startswith(member_label(Household.model_validate(
        {"children": [{"age": 4}]}), "child.needs", 0, lang))
    assert third == member_label(Household.model_validate({"children": [{"age": 9, "school_year": 4}]}),
                                 "child.needs", 0, lang)


@pytest.mark.parametrize("lang", list(OPENING))
def test_the_second_twin_is_asked_about_in_other_words(dialogue: Dialogue, lang: Lang) -> None:
    state, _ = dialogue.start(lang)
    state, _ = dialogue.respond(state, OPENING[lang])
    assert [c.age for c in state.household.children or []] == [4, 4]
    about: dict[tuple[str, int], str] = {}
    for _ in range(12):  # "I don't know" to each question until both twins have been asked the same one
        pending = state.pending
        if pending is None:
            break
        if pending.member is not None and pending.key.startswith("child."):
            about[(pending.key, pending.member)] = pending.text
        state, _ = dialogue.respond(state, dont_know(lang))
    pairs = [(text, about[(key, 1)]) for (key, member), text in about.items() if member == 0 and (key, 1) in about]
    assert pairs, about
    assert all(a != b for a, b in pairs), pairs

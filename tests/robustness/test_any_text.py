"""Any text a person (or a prober) can send: understanding and the dialogue never crash, always
answer, and keep the household valid. Property-based (hypothesis); no wall-clock assertions."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.dialogue.conversation import Dialogue
from bot.dialogue.state import DialogueState
from bot.understanding import Context, Expecting, understand
from bot.understanding.consistency import problems
from knowledge.catalog import default_catalog
from knowledge.household import Household
from knowledge.languages import LANGS

DIALOGUE = Dialogue(default_catalog())  # no search: free questions fall back to "not understood"

japanese = st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF), max_size=200)
mixed = st.one_of(
    st.text(max_size=300),  # any Unicode, control characters and surrogates included
    japanese,
    st.text(alphabet="0123456789０１２３４５６７８９歳才か月小中高年生の子息娘母父妊娠手帳区内外保育園と、。",
            max_size=120),
    st.from_regex(r"[0-9]{1,5}(歳|才|か月)(の(息子|娘|母|子))?", fullmatch=True),
    st.just("😀" * 500), st.just("あ" * 10_000), st.just("\x00\x1b[2J\u202e\ufeff"),
    # 中文 and 한국어, read through their word lists (bot/understanding/zh.yaml, ko.yaml)
    st.text(alphabet="0123456789一二两三十个岁周月年级小初高中儿子女孩的我有没是不知道怀孕区内外立保育园和，。",
            max_size=120),
    st.text(alphabet="0123456789 한두세네열살명개월학년초중고아들딸이가은는있없어요네아니몰라임신구립내어린집에다녀,.",
            max_size=120),
)
EXPECTING = st.sampled_from([None, Expecting("children"), Expecting("child.daycare", 0), Expecting("pregnant"),
                             Expecting("adult.age", 0), Expecting("child.needs", 0)])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=mixed, expecting=EXPECTING, lang=st.sampled_from([None, *LANGS]))
def test_understanding_always_returns_a_valid_household(text: str, expecting: Expecting | None,
                                                        lang: str | None) -> None:
    known = Household.model_validate({"children": [{"age": 4}], "adults": [{"age": 70}]})
    got = understand(text, Context(known, expecting, lang=lang))  # type: ignore[arg-type]
    Household.model_validate(got.household.model_dump())
    assert got.lang in LANGS


@SETTINGS
@given(messages=st.lists(mixed, min_size=1, max_size=4))
def test_the_dialogue_always_replies(messages: list[str]) -> None:
    state, _ = DIALOGUE.start()
    for text in messages:
        state, turn = DIALOGUE.respond(state, text)
        assert turn.messages and all(m.text for m in turn.messages)
        DialogueState.model_validate_json(state.model_dump_json())  # the session can always be stored


OPENINGS = st.sampled_from(["こんにちは", "2歳の息子がいます", "80歳の母と、手帳のある10歳の娘がいます", "妊娠中です",
                            "I have a 5 year old son", "区内で中小企業を経営しています", "子どもはいません"])


@SETTINGS
@given(lang=st.sampled_from(["ja", "en"]), opening=OPENINGS,
       taps=st.lists(st.integers(min_value=0, max_value=30), max_size=30))
def test_any_walk_through_the_quick_replies_ends_in_results(lang: str, opening: str, taps: list[int]) -> None:
    """A resident who only taps: whatever they tap, every turn answers, the state stays storable,
    and the conversation can always still show results."""
    state, _ = DIALOGUE.start(lang)  # type: ignore[arg-type]
    state, turn = DIALOGUE.respond(state, opening)
    for tap in taps:
        if state.pending is None or not state.pending.quick_replies:
            break
        replies = state.pending.quick_replies
        state, turn = DIALOGUE.respond(state, replies[tap % len(replies)])
        assert turn.messages and all(m.text for m in turn.messages)
        DialogueState.model_validate_json(state.model_dump_json())
    state, turn = DIALOGUE.respond(state, "results" if state.lang == "en" else "結果を見せて")
    assert turn.messages


@SETTINGS
@given(text=mixed, expecting=EXPECTING)
def test_understanding_never_builds_an_impossible_child(text: str, expecting: Expecting | None) -> None:
    """Whatever the text, no child whose age contradicts its school year (or who is at school and at
    daycare) reaches the household: such children are reported as conflicts instead."""
    got = understand(text, Context(Household(), expecting))
    assert not problems(got.household.model_dump())

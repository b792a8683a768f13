"""The conversation as a resident lives it: asked only what matters, told why and where."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.conversation import Dialogue, Turn
from bot.dialogue.state import DialogueState
from knowledge.catalog import default_catalog

SENSITIVE = ("障害", "疾病", "妊娠", "療育", "放課後等デイ", "特別支援", "学校に行きづらい", "物忘れ", "食が細い")


@pytest.fixture(scope="module")
def dialogue(real_searcher: Any) -> Dialogue:
    return Dialogue(default_catalog(), search=real_searcher.search)


def texts(turn: Turn) -> str:
    return "\n".join(m.text for m in turn.messages)


def test_the_first_turn_welcomes_and_asks_about_children(dialogue: Dialogue) -> None:
    state, turn = dialogue.start()
    assert "千代田区" in turn.messages[0].text
    assert state.pending is not None and state.pending.key == "children"
    assert turn.messages[-1].quick_replies[-1] == "わからない"


def test_a_parent_gets_the_diaper_measure_with_its_page_and_is_not_asked_what_they_said(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, turn = dialogue.respond(state, "2歳の息子が区内の保育園に通っています。何か使える支援はありますか？")
    eligible = {m.id: m for m in turn.results.eligible}
    assert "diaper_provision" in eligible and eligible["diaper_provision"].page == "P80"
    assert "2歳の息子さん" in eligible["diaper_provision"].reasons[0]
    assert state.pending is not None
    assert state.pending.key not in ("children", "child.daycare", "child.sex")


def test_every_question_has_a_dont_know_reply_and_none_repeats_a_known_fact(dialogue: Dialogue) -> None:
    state, turn = dialogue.start()
    state, turn = dialogue.respond(state, "10歳の娘と3歳の息子がいます")
    asked: list[tuple[str, int | None]] = []
    for _ in range(40):
        if state.pending is None:
            break
        assert "わからない" in turn.messages[-1].quick_replies
        key = (state.pending.key, state.pending.member)
        assert key not in asked, f"asked twice: {key}"
        asked.append(key)
        state, turn = dialogue.respond(state, "わからない")
    assert state.pending is None and turn.done
    assert "【対象" in texts(turn)


def test_the_purpose_notice_comes_once_before_the_first_sensitive_question(dialogue: Dialogue) -> None:
    state, turn = dialogue.start()
    state, turn = dialogue.respond(state, "8歳の娘がいます。区立小学校の3年生です")
    seen_notice = False
    for _ in range(30):
        if state.pending is None:
            break
        body = texts(turn)
        if "要配慮個人情報" in body:
            assert not seen_notice, "the notice is given once"
            seen_notice = True
        if state.pending.sensitive:
            assert seen_notice, f"sensitive question before the notice: {state.pending.text}"
        state, turn = dialogue.respond(state, state.pending.quick_replies[-1])
    assert seen_notice


def test_results_can_be_asked_for_and_the_conversation_carries_on(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "2歳の息子が区内の保育園に通っています")
    pending = state.pending
    state, turn = dialogue.respond(state, "結果を見せて")
    assert "（P80）" in texts(turn)
    assert state.pending is not None and pending is not None and state.pending.key == pending.key


def test_a_free_question_is_answered_by_search_with_the_page(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, turn = dialogue.respond(state, "給食費は無料？")
    assert "（P86）" in texts(turn)
    assert state.pending is not None  # and the questions carry on


def test_a_question_the_document_does_not_answer_says_so(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, turn = dialogue.respond(state, "住民票の写しを取りたいです")
    assert "見つかりませんでした" in texts(turn) or "読み取れませんでした" in texts(turn)
    assert "（P" not in texts(turn)


def test_start_over_forgets_the_household(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "2歳の息子が区内の保育園に通っています")
    state, turn = dialogue.respond(state, "最初から")
    assert state.household.children is None
    assert "最初から" in texts(turn)


def test_erasing_data_clears_everything_and_says_so(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "妊娠中です。5歳の子が障害者手帳を持っています")
    state, turn = dialogue.respond(state, "データを削除")
    assert turn.erase and turn.done
    assert state == DialogueState(lang=state.lang)
    assert "削除しました" in texts(turn)


def test_a_tapped_quick_reply_sets_the_exact_value(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "3歳の子がいます")
    for _ in range(10):
        assert state.pending is not None
        if state.pending.key == "child.daycare":
            break
        state, _ = dialogue.respond(state, "わからない")
    assert state.pending is not None and state.pending.key == "child.daycare"
    state, turn = dialogue.respond(state, "区内の保育施設")
    assert state.household.children and state.household.children[0].daycare == "ward"
    assert "diaper_provision" in {m.id for m in turn.results.eligible}


def test_english_is_answered_in_english(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, turn = dialogue.respond(state, "Hi, I have a 3 year old daughter at a daycare in Chiyoda")
    assert state.lang == "en"
    assert turn.messages[-1].text.isascii()
    assert "I don't know" in turn.messages[-1].quick_replies


def test_a_reply_of_digits_keeps_the_language(dialogue: Dialogue) -> None:
    state, _ = dialogue.start("en")
    state, _ = dialogue.respond(state, "I have two kids")
    state, turn = dialogue.respond(state, "5, 2")
    assert state.lang == "en" and turn.messages[-1].text.isascii()
    state, _ = dialogue.respond(state, "保育園には通っていません")
    assert state.lang == "ja"  # Japanese words do switch it


def test_a_correction_replaces_the_fact(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "2歳の子がいます")
    state, _ = dialogue.respond(state, "いや、3歳です")
    assert state.household.children is not None
    assert [c.age for c in state.household.children] == [3]


def test_a_boy_in_fifth_grade_is_told_when_hpv_support_starts(dialogue: Dialogue) -> None:
    state, _ = dialogue.start()
    state, turn = dialogue.respond(state, "小学5年生の息子がいます")
    later = {m.id: m for m in turn.results.later}
    assert "male_hpv_vaccine" in later and "小学6年生になると対象" in (later["male_hpv_vaccine"].later or "")

"""「ここまでで結果を見る」: the resident can end the questions at any point and get the results with
what is known (typed 「結果を見せて」 still shows the results and carries on)."""

from __future__ import annotations

from bot.dialogue import replies
from bot.dialogue.conversation import Dialogue
from bot.dialogue.replies import FINISH
from knowledge.catalog import default_catalog


def test_the_finish_reply_is_offered_once_something_is_known() -> None:
    dialogue = Dialogue(default_catalog())
    state, turn = dialogue.start()
    assert FINISH["ja"] not in turn.messages[-1].quick_replies  # nothing known yet: nothing to show
    state, turn = dialogue.respond(state, "2歳の息子が区内の保育園に通っています")
    assert state.pending is not None
    assert turn.messages[-1].quick_replies[-1] == FINISH["ja"]


def test_finishing_shows_the_results_and_asks_nothing_more() -> None:
    dialogue = Dialogue(default_catalog())
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "2歳の息子が区内の保育園に通っています")
    state, turn = dialogue.respond(state, FINISH["ja"])
    assert turn.done and state.pending is None
    assert "【対象になる支援（" in turn.messages[-1].text and "（P80）" in turn.messages[-1].text
    assert any(label.startswith("ほかの分野") for label in turn.messages[-1].quick_replies)  # the fold line
    assert not dialogue.has_question(state)
    # a fact typed afterwards still counts, and no question follows it
    state, turn = dialogue.respond(state, "妊娠もしています")
    assert state.household.pregnant is True and state.pending is None and turn.done
    assert "prenatal_ultrasound" in {m.id for m in turn.results.eligible}
    # starting over asks again
    state, _ = dialogue.respond(state, "最初から")
    assert not state.finished and state.pending is not None


def test_finishing_works_in_english() -> None:
    dialogue = Dialogue(default_catalog())
    state, _ = dialogue.start("en")
    state, turn = dialogue.respond(state, "My son is 2 and goes to a ward daycare")
    assert turn.messages[-1].quick_replies[-1] == FINISH["en"]
    state, turn = dialogue.respond(state, FINISH["en"])
    assert turn.done and state.pending is None and "You qualify for" in turn.messages[-1].text


def test_an_unreadable_message_after_the_results_does_not_repeat_them() -> None:
    dialogue = Dialogue(default_catalog())
    state, _ = dialogue.start()
    state, _ = dialogue.respond(state, "2歳の息子が区内の保育園に通っています")
    state, _ = dialogue.respond(state, FINISH["ja"])
    state, turn = dialogue.respond(state, "あてはまるものはない")
    assert [m.text for m in turn.messages] == [replies.say("not_understood", "ja")]
    assert turn.done and turn.results.eligible  # the results stay with the turn (cards, LINE)

"""Whole conversations through a real Rasa 3.6 server's REST channel and our action server.

Run by `make test-rasa`, which trains the model, starts both servers and sets RASA_URL; skipped
in the ordinary suite, where Rasa is not installed.
"""

from __future__ import annotations

import os
import uuid

import httpx
import pytest

RASA_URL = os.environ.get("RASA_URL")
pytestmark = pytest.mark.skipif(not RASA_URL, reason="needs a running Rasa server (make test-rasa sets RASA_URL)")


def say(sender: str, text: str) -> list[dict[str, object]]:
    response = httpx.post(f"{RASA_URL}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=120)
    response.raise_for_status()
    return response.json()  # type: ignore[no-any-return]


def texts(messages: list[dict[str, object]]) -> str:
    return "\n".join(str(m.get("text", "")) for m in messages)


def test_a_parent_of_a_toddler_at_a_ward_daycare_gets_the_diapers_with_page() -> None:
    sender = str(uuid.uuid4())
    first = say(sender, "2歳の息子が区内の保育園に通っています")
    assert "2歳の息子さん" in texts(first)  # the facts of the first message were read
    assert first[-1].get("buttons"), "the next question comes with quick replies"
    for answer in ("あてはまるものはない", "いない", "いいえ", "いいえ", "予定はない", "していない"):
        last = say(sender, answer)
    assert "区内保育施設利用において、おむつ等を提供（P80）" in texts(last)
    assert "1万円分の家事・育児パッケージを配付（P94）" in texts(last)


def test_results_can_be_asked_for_in_the_middle() -> None:
    sender = str(uuid.uuid4())
    say(sender, "小学6年生の息子がいます")
    reply = texts(say(sender, "結果を見せて"))
    assert "男性を対象としたHPVワクチンの任意予防接種費用を全額助成（P101）" in reply


def test_a_free_question_is_answered_with_its_page() -> None:
    assert "区立学校の学校給食費を全額補助（P86）" in texts(say(str(uuid.uuid4()), "給食費は無料？"))


def test_erasing_data_forgets_the_household() -> None:
    sender = str(uuid.uuid4())
    assert "対象 1件" in texts(say(sender, "妊娠中です"))  # the ultrasound support (P94) is eligible
    assert "削除しました" in texts(say(sender, "データを削除"))
    reply = texts(say(sender, "結果を見せて"))
    assert "【対象になる支援" not in reply  # pregnancy forgotten: nothing is eligible any more


def test_the_greeting_is_dated_once_fy2024_is_over() -> None:
    """The greeting is an action (a fixed response cannot date itself); every real date from now on is
    after 令和6年度, so the notice must be there."""
    said = texts(say(str(uuid.uuid4()), "こんにちは"))
    assert "千代田区の支援さがしです" in said
    assert "令和6年度（2024年4月〜2025年3月）の区の資料によるもの" in said


@pytest.mark.parametrize(("first", "lang"), [("你好", "zh"), ("안녕하세요", "ko"), ("Hello", "en")])
def test_the_conversation_goes_on_in_the_language_the_resident_writes(first: str, lang: str) -> None:
    """Whatever the NLU makes of the greeting, the next question is asked in the resident's language."""
    from bot.dialogue.conversation import DONT_KNOW

    last = say(str(uuid.uuid4()), first)[-1]
    assert [b["title"] for b in last["buttons"]][-1] == DONT_KNOW[lang]  # type: ignore[index]


def test_easy_japanese_chosen_by_name_is_kept() -> None:
    from bot.dialogue.conversation import DONT_KNOW

    sender = str(uuid.uuid4())
    say(sender, "やさしい にほんご")
    last = say(sender, "こどもが います")[-1]
    assert [b["title"] for b in last["buttons"]][-1] == DONT_KNOW["ja-easy"]  # type: ignore[index]

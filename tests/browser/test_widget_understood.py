"""The widget shows what the bot understood of the household, set apart, with 「訂正する」; a typed
correction updates it; an impossible household gets a question with choices instead."""

from __future__ import annotations

from typing import Any

from tests.browser import axe
from tests.browser.conftest import shoot
from tests.browser.test_widget import WAIT, open_widget, send


def test_the_understood_household_is_shown_and_can_be_corrected(page: Any, server: str) -> None:
    dialog = open_widget(page, f"{server}/")
    send(page, "上の子が小4で下の子が2歳。下の子は区立保育園です")
    box = dialog.locator(".bf-understood").last
    box.wait_for(timeout=WAIT)
    assert box.inner_text() == "ここまでの内容：お子さん2人（小学4年生・2歳 区内の保育施設）"
    assert box.get_attribute("role") == "status"
    correct = dialog.get_by_role("button", name="訂正する")
    correct.wait_for(timeout=WAIT)
    shoot(page, "widget-understood-1280")
    assert axe.run(page, "widget-understood") == []

    correct.click()
    dialog.locator(".bf-bot", has_text="書いて送ってください").wait_for(timeout=WAIT)
    dialog.locator(".bf-reply").first.wait_for(timeout=WAIT)  # the same question again, with its choices
    send(page, "下の子は3歳です")
    dialog.locator(".bf-understood", has_text="3歳").wait_for(timeout=WAIT)
    assert dialog.locator(".bf-understood").last.inner_text() == \
        "ここまでの内容：お子さん2人（小学4年生・3歳 区内の保育施設）"


def test_an_impossible_household_gets_a_question_with_choices(page: Any, server: str) -> None:
    dialog = open_widget(page, f"{server}/")
    send(page, "3歳の子が小学2年生です")
    dialog.locator(".bf-bot", has_text="合わないようです").wait_for(timeout=WAIT)
    assert dialog.locator(".bf-understood").count() == 0  # nothing was built to show
    choice = dialog.get_by_role("button", name="小学2年生です")
    choice.wait_for(timeout=WAIT)
    shoot(page, "widget-clarify-1280")
    choice.click()
    dialog.locator(".bf-understood", has_text="小学2年生").wait_for(timeout=WAIT)

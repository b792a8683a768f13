"""The embeddable chat widget in a real browser: talk, tap, see measures with pages; text stays text."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import axe_violations, shoot


def open_widget(page: Any, server: str) -> Any:
    page.goto(f"{server}/")
    page.get_by_role("button", name="支援をさがす（チャットを開く）").click()
    return page.get_by_role("dialog", name="千代田区 支援さがし")


def send(page: Any, text: str) -> None:
    box = page.get_by_role("textbox", name="メッセージ")
    box.fill(text)
    box.press("Enter")


def test_a_parent_chats_taps_a_reply_and_sees_the_measure_with_its_page(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    shoot(page, "widget-closed")
    dialog = open_widget(page, server)
    send(page, "2歳の息子が区内の保育園に通っています")
    dialog.locator(".bf-reply").first.wait_for(timeout=20_000)
    assert "2歳の息子さん" in dialog.locator(".bf-log").inner_text()  # the question names the child
    dialog.get_by_role("button", name="あてはまるものはない").click()
    dialog.locator(".bf-card", has_text="P80").first.wait_for(timeout=20_000)
    card = dialog.locator(".bf-card", has_text="おむつ").first.inner_text()
    assert "（P80）" in card and "対象" in card
    shoot(page, "widget-open-1280")


def test_html_in_a_message_is_shown_as_text_never_run(page: Any, server: str) -> None:
    dialog = open_widget(page, server)
    send(page, '<img src=x onerror="window.__xss=1">こんにちは')
    dialog.locator(".bf-user", has_text="<img").wait_for(timeout=10_000)
    dialog.locator(".bf-bot").nth(1).wait_for(timeout=20_000)
    assert page.evaluate("window.__xss") is None
    assert dialog.locator("img").count() == 0


def test_erasing_clears_the_conversation_and_the_session(page: Any, server: str) -> None:
    dialog = open_widget(page, server)
    send(page, "妊娠中です")
    dialog.locator(".bf-reply").first.wait_for(timeout=20_000)
    assert page.evaluate("sessionStorage.length") == 1
    dialog.get_by_role("button", name="データを削除").click()
    dialog.locator(".bf-bot", has_text="削除しました").wait_for(timeout=10_000)
    assert dialog.locator(".bf-user").count() == 0 and dialog.locator(".bf-card").count() == 0
    assert page.evaluate("sessionStorage.length") == 0


def test_keyboard_escape_closes_and_focus_returns(page: Any, server: str) -> None:
    dialog = open_widget(page, server)
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.id") == "chiyoda-benefit-finder"  # focus is back in the widget


def test_phone_width_is_readable(browser: Any, server: str) -> None:
    context = browser.new_context(locale="ja-JP", viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    dialog = open_widget(page, server)
    send(page, "小学6年生の息子がいます")
    dialog.locator(".bf-reply").first.wait_for(timeout=20_000)
    box = dialog.bounding_box()
    assert box is not None and box["width"] <= 360
    shoot(page, "widget-open-360")
    context.close()


def test_the_widget_has_no_serious_accessibility_violations(page: Any, server: str) -> None:
    open_widget(page, server)
    send(page, "2歳の息子がいます")
    page.locator(".bf-reply").first.wait_for(timeout=20_000)
    assert axe_violations(page) == []

"""The embeddable chat widget in a real browser, against the real server: a parent talks, taps a
reply and sees measures with their pages; whatever the text, it stays text; erasing forgets."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.browser import axe
from tests.browser.conftest import SCREENSHOTS, in_widget, shoot

LAUNCHER = "支援をさがす（チャットを開く）"
SESSION_KEY = "chiyoda-benefit-finder-session"
WAIT = 20_000


def open_widget(page: Any, url: str) -> Any:
    page.goto(url)
    page.get_by_role("button", name=LAUNCHER).click()
    dialog = page.get_by_role("dialog", name="千代田区 支援さがし")
    dialog.wait_for()
    return dialog


def send(page: Any, text: str) -> None:
    box = page.get_by_role("textbox", name="メッセージ")
    box.fill(text)
    box.press("Enter")


def bot_count(dialog: Any) -> int:
    return int(dialog.locator(".bf-bot").count())


def test_a_parent_chats_taps_a_reply_and_sees_the_measure_with_its_page(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    page.get_by_role("button", name=LAUNCHER).wait_for()
    shoot(page, "widget-closed-1280")
    dialog = open_widget(page, f"{server}/")
    assert in_widget(page, "root.activeElement.getAttribute('aria-label')") == "メッセージ"  # focus moved in

    greeted = bot_count(dialog)
    send(page, "2歳の息子が区内の保育園に通っています")
    dialog.locator(".bf-user", has_text="2歳の息子が区内の保育園に通っています").wait_for()
    dialog.locator(".bf-reply").first.wait_for(timeout=WAIT)
    assert bot_count(dialog) > greeted
    assert "2歳の息子さん" in dialog.locator(".bf-log").inner_text()  # the question names the child

    dialog.get_by_role("button", name="あてはまるものはない").click()
    dialog.locator(".bf-user", has_text="あてはまるものはない").wait_for()
    dialog.locator(".bf-reply").first.wait_for(timeout=WAIT)  # the next question's choices
    card = dialog.locator(".bf-card", has_text="P80").filter(has_text="おむつ").first
    card.wait_for()
    text = card.inner_text()
    assert "区内保育施設利用において、おむつ等を提供（P80）" in text
    assert "対象です" in text and "区内の保育施設を利用している" in text  # badge and first reason
    maybe = dialog.locator(".bf-card.bf-maybe").first
    assert "対象かもしれません" in maybe.inner_text()
    shoot(page, "widget-open-1280")

    # 「結果を見る」 asks the server for the results and shows every measure found as a card
    cards_before = dialog.locator(".bf-card").count()
    dialog.get_by_role("button", name="結果を見る", exact=True).click()
    dialog.locator(".bf-user", has_text="結果を見せて").wait_for()
    dialog.locator(".bf-found-title", has_text="あてはまる支援（").wait_for(timeout=WAIT)
    assert dialog.locator(".bf-card").count() > cards_before
    assert dialog.locator(".bf-found").last.locator(".bf-card", has_text="P80").count() >= 1


def test_html_typed_by_a_user_is_shown_as_text_and_never_runs(page: Any, server: str) -> None:
    dialog = open_widget(page, f"{server}/")
    payload = '<img src=x onerror="window.__xss=1">こんにちは'
    greeted = bot_count(dialog)
    send(page, payload)
    bubble = dialog.locator(".bf-user").first
    bubble.wait_for()
    assert bubble.inner_text() == payload
    page.wait_for_function(
        f"document.getElementById('chiyoda-benefit-finder').shadowRoot.querySelectorAll('.bf-bot').length > {greeted}",
        timeout=WAIT)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert in_widget(page, "root.querySelectorAll('img, script, iframe').length") == 0


def test_html_sent_by_the_server_is_shown_as_text_and_never_runs(page: Any, server: str) -> None:
    """Defence in depth: even a compromised or buggy server cannot inject markup (only textContent)."""
    evil = '<img src=x onerror="window.__xss=2"><b>太字</b>'
    body = {"session_id": "A" * 32,
            "replies": [{"text": evil, "quick_replies": [evil]}],
            "measures": [{"status": "eligible", "id": "x", "title": evil, "page": evil, "reasons": [evil],
                          "check_yourself": [evil]},
                         {"status": "maybe", "id": "y", "title": evil, "page": evil, "reasons": [evil],
                          "unsettled": [evil], "missing": [{"key": "pregnant"}], "check_yourself": [evil]},
                         {"status": "related", "id": "z", "title": evil, "page": evil, "reasons": [],
                          "how_chosen": evil}],
            "notice": evil}

    def hostile(route: Any) -> None:
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route("**/api/chat", hostile)
    dialog = open_widget(page, f"{server}/")
    send(page, "こんにちは")
    dialog.locator(".bf-card").first.wait_for(timeout=WAIT)
    assert evil in dialog.locator(".bf-card").first.inner_text()
    assert dialog.locator(".bf-reply").first.inner_text() == evil
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert in_widget(page, "root.querySelectorAll('img, b, script').length") == 0


def test_erasing_clears_the_panel_forgets_the_session_and_erases_it_on_the_server(page: Any, server: str) -> None:
    dialog = open_widget(page, f"{server}/")
    send(page, "妊娠中です")
    dialog.locator(".bf-reply").first.wait_for(timeout=WAIT)
    session = page.evaluate(f"sessionStorage.getItem('{SESSION_KEY}')")
    assert session, "the session id is kept in sessionStorage"
    assert page.evaluate("localStorage.length") == 0 and page.context.cookies() == []

    dialog.get_by_role("button", name="データを削除").click()
    dialog.locator(".bf-bot", has_text="削除しました").wait_for(timeout=WAIT)
    assert dialog.locator(".bf-user").count() == 0
    assert dialog.locator(".bf-card").count() == 0 and dialog.locator(".bf-reply").count() == 0
    assert page.evaluate("sessionStorage.length") == 0
    assert httpx.delete(f"{server}/api/sessions/{session}").status_code == 404  # already gone on the server

    send(page, "こんにちは")  # a new conversation gets a new id
    page.wait_for_function(f"sessionStorage.getItem('{SESSION_KEY}') !== null", timeout=WAIT)
    assert page.evaluate(f"sessionStorage.getItem('{SESSION_KEY}')") != session


def test_keyboard_only_open_talk_escape_and_focus_returns(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    launcher = page.get_by_role("button", name=LAUNCHER)
    launcher.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="千代田区 支援さがし")
    dialog.wait_for()
    assert in_widget(page, "root.querySelector('.bf-launcher').getAttribute('aria-expanded')") == "true"
    assert in_widget(page, "root.querySelector('[role=log]').getAttribute('aria-live')") == "polite"
    page.keyboard.type("5歳の娘がいます")
    page.keyboard.press("Enter")
    dialog.locator(".bf-reply").first.wait_for(timeout=WAIT)
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert in_widget(page, "root.activeElement && root.activeElement.className") == "bf-launcher"
    assert in_widget(page, "root.querySelector('.bf-launcher').getAttribute('aria-expanded')") == "false"
    outline = in_widget(page, "getComputedStyle(root.activeElement).outlineStyle")
    assert outline != "none", "the focused launcher shows a visible focus ring"
    page.keyboard.press("Enter")  # reopens with the conversation kept
    dialog.wait_for()
    assert dialog.locator(".bf-user", has_text="5歳の娘がいます").count() == 1


def test_the_host_pages_styles_do_not_reach_the_widget(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    page.get_by_role("button", name=LAUNCHER).wait_for()
    # the demo page styles every <button> grey with a 3px border; the launcher keeps its own look
    host_button = page.evaluate("(() => { const b = document.body.appendChild(document.createElement('button'));"
                                " const c = getComputedStyle(b).backgroundColor; b.remove(); return c; })()")
    assert host_button == "rgb(228, 228, 228)"
    style = in_widget(page, "(s => [s.backgroundColor, s.fontSize, s.borderRadius])"
                            "(getComputedStyle(root.querySelector('.bf-launcher')))")
    assert style == ["rgb(10, 77, 122)", "16px", "999px"]


def test_one_script_tag_embeds_it_on_another_sites_page(page: Any, embedding_site: str) -> None:
    """The ward's site is another origin: the widget's CSS and the API come from our server (CORS)."""
    dialog = open_widget(page, embedding_site)
    styled = in_widget(page, "(s => [s.fontSize, s.borderRadius])"
                             "(getComputedStyle(root.querySelector('.bf-launcher')))")
    assert styled == ["16px", "999px"], "widget.css came from the script's origin"
    send(page, "2歳の息子が区内の保育園に通っています")
    dialog.locator(".bf-card", has_text="P80").first.wait_for(timeout=WAIT)
    dialog.get_by_role("button", name="データを削除").click()
    dialog.locator(".bf-bot", has_text="削除しました").wait_for(timeout=WAIT)
    assert page.evaluate("sessionStorage.length") == 0


def test_a_phone_screen_shows_the_whole_panel_with_large_tap_targets(phone: Any, server: str) -> None:
    phone.goto(f"{server}/")
    phone.get_by_role("button", name=LAUNCHER).wait_for()
    shoot(phone, "widget-closed-360")
    dialog = open_widget(phone, f"{server}/")
    send(phone, "2歳の息子が区内の保育園に通っています")
    dialog.locator(".bf-reply").first.wait_for(timeout=WAIT)
    box = dialog.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360, "no sideways scrolling"
    for name in ("結果を見る", "データを削除", "送信"):
        button = dialog.get_by_role("button", name=name, exact=True).bounding_box()
        assert button is not None and button["height"] >= 44, name
    reply = dialog.locator(".bf-reply").first.bounding_box()
    assert reply is not None and reply["height"] >= 44
    shoot(phone, "widget-open-360")
    assert axe.run(phone, "widget-open-360") == []


def test_the_widget_has_no_serious_accessibility_violations(page: Any, server: str) -> None:
    dialog = open_widget(page, f"{server}/")
    send(page, "2歳の息子が区内の保育園に通っています")
    dialog.locator(".bf-card").first.wait_for(timeout=WAIT)
    dialog.locator(".bf-more").first.click()  # every kind of card and control on screen
    assert axe.run(page, "widget-open") == []


def test_a_card_shows_what_to_check_at_the_counter_in_an_expandable_part(page: Any, server: str) -> None:
    dialog = open_widget(page, f"{server}/")
    send(page, "13歳の息子が区立中学校の1年生です")
    card = dialog.locator(".bf-card.bf-eligible", has_text="P86")  # 学校給食費 (P86)
    card.wait_for(timeout=WAIT)
    expected = httpx.get(f"{server}/api/measures/school_lunch_free").json()["conditions_text"]
    details = card.locator("details.bf-check")
    summary = details.locator("summary")
    assert summary.inner_text() == f"窓口で確認すること（{len(expected)}件）"
    first = details.locator("li").first
    assert not first.is_visible()  # folded: the card stays short
    summary.focus()
    page.keyboard.press("Enter")  # a native <details>: the keyboard opens it too
    first.wait_for()
    assert details.locator("li").all_inner_texts() == [t["ja"] for t in expected]
    assert details.get_attribute("open") is not None
    card.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    card.screenshot(path=str(SCREENSHOTS / "widget-card-check-expanded.png"))
    assert axe.run(page, "widget-card-check-expanded") == []


def test_a_related_programme_has_its_own_heading_and_never_says_you_qualify(page: Any, server: str) -> None:
    """P83: the school sends students to 小笠原村; a ward junior-high student is not promised a place."""
    dialog = open_widget(page, f"{server}/")
    send(page, "13歳の息子が区立中学校の1年生です")
    card = dialog.locator(".bf-card.bf-related", has_text="小笠原")
    card.wait_for(timeout=WAIT)
    heading = dialog.locator(".bf-related-title").last.inner_text()
    assert heading.startswith("関係する取り組み") and "参加者は学校や区などが選びます" in heading
    text = card.inner_text()
    assert card.locator(".bf-badge").inner_text() == "関係する取り組み"
    assert "対象です" not in text and "参加する人の決め方：" in text
    assert dialog.locator(".bf-card.bf-eligible", has_text="小笠原").count() == 0
    card.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    card.screenshot(path=str(SCREENSHOTS / "widget-card-related.png"))


def test_a_maybe_tells_a_fact_to_give_from_a_point_to_ask_at_the_counter(page: Any, server: str) -> None:
    dialog = open_widget(page, f"{server}/")
    send(page, "2歳の息子が区内の保育園に通っています")
    dialog.locator(".bf-more").first.click(timeout=WAIT)  # every maybe card
    package = dialog.locator(".bf-card.bf-maybe", has_text="2歳を迎える")  # P94: 「2歳を迎える」 has no window
    package.wait_for(timeout=WAIT)
    assert package.locator(".bf-unsettled").inner_text().startswith("資料では決まっていません。窓口でおたずねください")
    assert package.locator(".bf-missing").count() == 0  # nothing more the parent could tell us settles it
    sitter = dialog.locator(".bf-card.bf-maybe", has_text="ベビーシッター")
    assert sitter.locator(".bf-missing").inner_text() == "ご家庭のことを教えていただければ判定できます"
    assert sitter.locator(".bf-unsettled").count() == 0
    package.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    package.screenshot(path=str(SCREENSHOTS / "widget-card-unsettled.png"))


def test_after_the_fiscal_year_the_greeting_and_results_say_the_information_may_have_changed(
        page: Any, server: str) -> None:
    """The server's clock is fixed at 2025-04-01 (conftest.TODAY); the day before is tested in the API tests."""
    dialog = open_widget(page, f"{server}/")
    notice = ("この情報は令和6年度（2024年4月〜2025年3月）の区の資料によるものです。"
              "その後、内容が変わっているかもしれません。")
    dialog.locator(".bf-log > .bf-notice", has_text=notice).wait_for(timeout=WAIT)  # the widget's own greeting
    send(page, "2歳の息子が区内の保育園に通っています")
    dialog.locator(".bf-found .bf-notice", has_text=notice).first.wait_for(timeout=WAIT)  # with the results


def test_an_english_conversation_gets_english_card_words(page: Any, server: str) -> None:
    dialog = open_widget(page, f"{server}/")
    send(page, "My 2 year old son goes to a daycare in the ward")
    # the conversation is in English now: the whole frame follows (its title, buttons, language switch)
    dialog = page.get_by_role("dialog", name="Chiyoda City support finder")
    card = dialog.locator(".bf-card.bf-eligible", has_text="P80").first
    card.wait_for(timeout=WAIT)
    assert card.get_attribute("lang") == "en"
    assert card.locator(".bf-badge").inner_text() == "You qualify"
    assert card.locator("summary").inner_text().startswith("To check at the counter (")
    assert "you may qualify for" in dialog.locator(".bf-found-title").last.inner_text()
    assert dialog.get_by_role("combobox", name="Language").input_value() == "en"
    assert dialog.get_by_role("button", name="Send", exact=True).is_visible()


def test_measures_of_areas_never_mentioned_are_folded_until_asked(page: Any, server: str) -> None:
    """A toddler's parent sees childcare first; the business measures wait behind one button
    (issue 12) that opens them on a click."""
    dialog = open_widget(page, f"{server}/")
    send(page, "2歳の息子が区内の保育園に通っています")
    fold = dialog.locator(".bf-fold").first
    fold.wait_for(timeout=WAIT)
    label = fold.inner_text()
    assert label.startswith("ほかの分野（") and "事業" in label and label.endswith("件）")
    business = dialog.locator(".bf-card", has_text="低炭素建築物")
    assert business.count() == 0  # folded
    assert dialog.locator(".bf-card", has_text="ベビーシッター").count() >= 1  # a near maybe is shown
    hidden = int(label.rsplit("（", 1)[1].rstrip("件）"))
    cards = dialog.locator(".bf-card").count()
    fold.click()
    business.first.wait_for(timeout=WAIT)
    assert dialog.locator(".bf-card").count() == cards + hidden
    assert dialog.locator(".bf-card.bf-other").count() == hidden
    assert dialog.locator(".bf-fold").count() == 0


def test_the_resident_can_end_the_questions_and_see_every_card(page: Any, server: str) -> None:
    """「ここまでで結果を見る」 (issue 12): no more questions, every measure found as a card, the
    unmentioned areas still behind their one button."""
    dialog = open_widget(page, f"{server}/")
    send(page, "2歳の息子が区内の保育園に通っています")
    finish = dialog.locator(".bf-reply", has_text="ここまでで結果を見る")
    finish.wait_for(timeout=WAIT)
    cards_before = dialog.locator(".bf-card").count()
    finish.click()
    dialog.locator(".bf-user", has_text="ここまでで結果を見る").wait_for(timeout=WAIT)
    dialog.locator(".bf-bot", has_text="【対象になる支援（").wait_for(timeout=WAIT)
    assert dialog.locator(".bf-card").count() >= 2 * cards_before > 0  # the whole list again, not only news
    assert dialog.locator(".bf-reply", has_text="あてはまるものはない").count() == 0  # no question pending
    assert dialog.locator(".bf-fold").count() >= 1

"""The widget's language switch in a real browser against the real server: every word of the frame
follows the chosen language, and switching mid-conversation keeps the household (the same measures
come back, worded in the new language). axe stays clean in each language."""

from __future__ import annotations

import re
from typing import Any

import pytest

from knowledge.languages import NAMES, Lang
from knowledge.messages import message
from tests.browser import axe
from tests.browser.conftest import in_widget, shoot
from tests.browser.test_widget import WAIT, open_widget, send

HANGUL = re.compile(r"[\uac00-\ud7a3]")
LANG_KEY = "chiyoda-benefit-finder-lang"


def switch(page: Any, dialog: Any, lang: Lang) -> None:
    dialog.get_by_role("combobox", name=re.compile("Language")).select_option(lang)


@pytest.mark.parametrize("lang", ["ja-easy", "zh", "ko", "en"])
def test_the_switch_rewords_the_whole_frame_before_anything_is_said(page: Any, server: str, lang: Lang) -> None:
    dialog = open_widget(page, f"{server}/")
    switch(page, dialog, lang)
    page.get_by_role("dialog", name=message("widget.title", lang)).wait_for(timeout=WAIT)
    dialog = page.get_by_role("dialog", name=message("widget.title", lang))
    assert dialog.get_by_role("button", name=message("widget.send", lang), exact=True).is_visible()
    assert dialog.get_by_role("button", name=message("widget.erase", lang), exact=True).is_visible()
    assert dialog.get_by_role("textbox", name=message("widget.input", lang)).get_attribute("placeholder") == \
        message("widget.placeholder", lang)
    greeting = message("widget.greeting", lang).split("\n")[0]
    dialog.locator(".bf-bot", has_text=greeting).wait_for(timeout=WAIT)  # the greeting, redone in the language
    assert dialog.locator(".bf-bot").count() == 1  # not twice
    assert in_widget(page, "root.host.getAttribute('lang')") == {"zh": "zh-Hans", "ja-easy": "ja"}.get(lang, lang)
    assert page.evaluate(f"sessionStorage.getItem('{LANG_KEY}')") == lang  # kept for this tab
    assert axe.run(page, f"widget-lang-{lang}") == []
    page.reload()  # the choice survives a reload of the page
    page.get_by_role("button", name=message("widget.launcher_open", lang)).wait_for(timeout=WAIT)


@pytest.mark.parametrize("lang", ["zh", "ko", "ja-easy"])
def test_switching_mid_conversation_keeps_the_household_and_rewords_the_cards(
        page: Any, server: str, lang: Lang) -> None:
    dialog = open_widget(page, f"{server}/")
    send(page, "2歳の息子が区内の保育園に通っています")
    ja_card = dialog.locator(".bf-card.bf-eligible", has_text="P80").first
    ja_card.wait_for(timeout=WAIT)
    assert ja_card.locator(".bf-badge").inner_text() == "対象です"
    bots = dialog.locator(".bf-bot").count()

    switch(page, dialog, lang)
    dialog = page.get_by_role("dialog", name=message("widget.title", lang))
    dialog.locator(".bf-user", has_text=NAMES[lang]).wait_for(timeout=WAIT)  # sent as a tapped reply would be
    dialog.locator(".bf-reply").first.wait_for(timeout=WAIT)
    assert dialog.locator(".bf-bot").count() > bots
    answer = dialog.locator(".bf-bot").last.inner_text()  # the pending question again, in the new language
    if lang == "ko":
        assert HANGUL.search(answer), answer
    assert page.evaluate("sessionStorage.getItem('chiyoda-benefit-finder-session')")  # the same session

    groups = dialog.locator(".bf-found").count()
    dialog.locator(".bf-reply", has_text=message("replies.finish", lang)).click()  # 「ここまでで結果を見る」
    card = dialog.locator(".bf-found").nth(groups).locator(".bf-card.bf-eligible", has_text="P80").first
    card.wait_for(timeout=WAIT)
    assert card.locator(".bf-badge").inner_text() == message("widget.eligible", lang)
    assert "区内保育施設利用において、おむつ等を提供" in card.inner_text()  # the document's title beside
    assert card.get_attribute("lang") == {"zh": "zh-Hans", "ja-easy": "ja"}.get(lang, lang)
    assert dialog.get_by_role("button", name=message("widget.results", lang), exact=True).is_visible()
    card.scroll_into_view_if_needed()
    shoot(page, f"widget-cards-{lang}")
    assert axe.run(page, f"widget-cards-{lang}") == []


def test_the_host_page_chooses_the_first_language_with_data_lang(page: Any, server: str) -> None:
    def korean_page(route: Any) -> None:
        response = route.fetch()
        html = response.text().replace('<script src="/widget.js">', '<script src="/widget.js" data-lang="ko">')
        route.fulfill(response=response, body=html)

    page.route(f"{server}/", korean_page)
    page.goto(f"{server}/")
    page.get_by_role("button", name=message("widget.launcher_open", "ko")).click()
    dialog = page.get_by_role("dialog", name=message("widget.title", "ko"))
    dialog.locator(".bf-bot", has_text=message("widget.greeting", "ko").split("\n")[0]).wait_for(timeout=WAIT)
    assert dialog.get_by_role("combobox", name=re.compile("Language")).input_value() == "ko"
    page.unroute_all(behavior="ignoreErrors")

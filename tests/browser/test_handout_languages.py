"""The counter console stays Japanese; its printed handout comes in the visitor's language (ja, en,
やさしい日本語, 中文, 한국어), with the document's Japanese title beside each translated title and the
page unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.languages import HTML, Lang
from knowledge.messages import message
from tests.browser import axe
from tests.browser.conftest import shoot
from tests.browser.test_staff_console import WAIT, add_child, eligible_card, open_console

DIAPERS = "区内保育施設利用において、おむつ等を提供"


@pytest.mark.parametrize("lang", ["zh", "ko", "ja-easy", "en"])
def test_the_handout_prints_in_the_visitors_language(page: Any, server: str, lang: Lang) -> None:
    open_console(page, server)
    add_child(page, "2", "ward")
    eligible_card(page, "おむつ").wait_for(timeout=WAIT)
    page.get_by_label("紹介メモの言語").select_option(lang)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="印刷用の紹介メモ").click()
    page.wait_for_function("window.__printed === 1", timeout=WAIT)
    handout = page.locator("#handout")
    text = handout.inner_text()
    assert message("handout.title", lang) in text and message("handout.check", lang) in text
    # the page never changes; English titles are the catalog's title_en, the others carry the Japanese
    item = handout.locator(".h-item", has_text=message("handout.page", lang, page="P80")).first
    title = item.locator(".h-title").inner_text()
    if lang in ("zh", "ko", "ja-easy"):
        assert DIAPERS in title and title != DIAPERS  # the translation, the document's Japanese beside it
    assert item.locator(".h-status").inner_text() == message("handout.eligible", lang)
    assert handout.get_attribute("lang") == HTML[lang]  # the API's HTML lang (zh → zh-Hans), not a JS copy
    # the console itself stays Japanese
    assert page.get_by_role("heading", name="あてはまる支援").is_visible()
    assert page.locator(".group.eligible h3").inner_text().startswith("対象になる支援")
    assert axe.run(page, f"staff-handout-{lang}") == []
    page.set_viewport_size({"width": 720, "height": 1040})
    page.emulate_media(media="print")
    shoot(page, f"staff-print-{lang}", full_page=True)


def test_a_changed_household_redraws_the_handout_in_its_language(page: Any, server: str) -> None:
    open_console(page, server)
    page.get_by_label("紹介メモの言語").select_option("ko")
    add_child(page, "2", "ward")
    eligible_card(page, "おむつ").wait_for(timeout=WAIT)
    page.locator("#handout .h-item", has_text=DIAPERS).first.wait_for(state="attached", timeout=WAIT)
    assert message("handout.eligible", "ko") in page.locator("#handout").inner_text()

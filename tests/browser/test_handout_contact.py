"""The printed handout names the ward office when the deployment sets it (BF_OFFICE_*, worded by the
server and sent as `contact_lines` by /api/eligibility: tests/api/test_question_answers.py), printing
those lines as they come, and says 区の窓口 otherwise."""

from __future__ import annotations

import json
from typing import Any

from knowledge.contact import Contact
from tests.browser.test_staff_console import WAIT, add_child, eligible_card, open_console

CONTACT = {"name": "千代田区役所", "counter": "子ども総合窓口（2階）", "phone": "03-1234-5678",
           "url": "https://example.jp/kosodate", "hours": "平日 8:30〜17:15"}


def with_contact(route: Any) -> None:
    """The real server's answer with the lines a server with BF_OFFICE_* set words (its `contact` stays
    null here: the page prints the server's lines and composes none of its own)."""
    response = route.fetch()
    body = response.json()
    body["contact_lines"] = Contact.model_validate(CONTACT).lines("ja")
    route.fulfill(response=response, body=json.dumps(body, ensure_ascii=False),
                  headers={**response.headers, "content-type": "application/json"})


def handout_text(page: Any) -> str:
    add_child(page, "2", "ward")
    eligible_card(page, "おむつ").wait_for(timeout=WAIT)
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name="印刷用の紹介メモ").click()
    page.emulate_media(media="print")
    text: str = page.locator("#handout").inner_text()
    return text


def test_without_a_contact_the_handout_says_the_ward_office_counter(page: Any, server: str) -> None:
    open_console(page, server)
    text = handout_text(page)
    assert "詳しい条件や申し込み方法は、区の窓口でご確認ください。" in text
    assert "お問い合わせ" not in text and page.locator(".h-contact").count() == 0


def test_with_a_contact_the_handout_prints_it(page: Any, server: str) -> None:
    page.route("**/api/eligibility*", with_contact)
    open_console(page, server)
    text = handout_text(page)
    assert "詳しい条件や申し込み方法は、下記の窓口でご確認ください。" in text
    contact = page.locator(".h-contact").inner_text()
    for line in ("お問い合わせ：千代田区役所 子ども総合窓口（2階）", "電話 03-1234-5678", "受付時間 平日 8:30〜17:15",
                 "ホームページ https://example.jp/kosodate"):
        assert line in contact, line
    # The console may still be re-asking /api/eligibility when the test ends: let a request in flight go
    # instead of failing the next test's setup with "Response has been disposed".
    page.unroute_all(behavior="ignoreErrors")

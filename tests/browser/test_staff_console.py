"""The counter console in a real browser: a clerk enters a household and results follow at once."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import axe_violations, shoot


def test_a_clerk_enters_a_toddler_and_sees_the_diaper_measure_with_reasons(page: Any, server: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/staff")
    page.get_by_role("button", name="＋ お子さんを追加").click()
    child = page.locator("#children .member").first
    child.get_by_label("年齢").fill("2")
    child.get_by_label("保育施設").select_option("ward")
    eligible = page.locator(".group.eligible")
    eligible.locator(".measure", has_text="おむつ").wait_for(timeout=15_000)
    text = eligible.inner_text()
    assert "区内保育施設利用において、おむつ等を提供（P80）" in text
    assert "✓" in text
    assert not any("age=" in url or "daycare" in url for url in requests), "no household data in URLs"
    shoot(page, "staff-console")


def test_search_box_answers_with_pages(page: Any, server: str) -> None:
    page.goto(f"{server}/staff")
    page.get_by_role("searchbox", name="施策を検索").fill("給食費は無料？")
    page.get_by_role("button", name="検索").click()
    page.locator("#search-results li", has_text="P86").wait_for(timeout=15_000)


def test_the_print_view_is_a_handout(page: Any, server: str) -> None:
    page.goto(f"{server}/staff")
    page.get_by_role("button", name="＋ お子さんを追加").click()
    page.locator("#children .member").first.get_by_label("年齢").fill("1")
    page.locator(".group.eligible .measure").first.wait_for(timeout=15_000)
    page.emulate_media(media="print")
    assert page.locator(".handout-title").is_visible()
    assert not page.locator("#household").is_visible()
    assert not page.locator(".group.maybe").is_visible()  # one page: what the visitor qualifies for
    shoot(page, "staff-print")


def test_the_console_has_no_serious_accessibility_violations(page: Any, server: str) -> None:
    page.goto(f"{server}/staff")
    page.get_by_role("button", name="＋ お子さんを追加").click()
    page.wait_for_timeout(800)
    assert axe_violations(page) == []

"""The counter console (窓口) in a real browser, against the real server: a clerk enters a
household, results follow within seconds with reasons and pages, and a one-page handout prints.
Nothing typed reaches a URL or the browser's storage."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.browser import axe
from tests.browser.conftest import shoot

WAIT = 5_000  # "within a few seconds": debounce 250 ms + one request


def open_console(page: Any, server: str, requests: list[Any] | None = None) -> None:
    if requests is not None:
        page.on("request", lambda r: requests.append(r))
    page.goto(f"{server}/staff")
    page.locator("#status", has_text="対象").wait_for(timeout=WAIT)  # the empty household's first answer


def add_child(page: Any, age: str, daycare: str | None = None) -> Any:
    page.get_by_role("button", name="＋ お子さんを追加").click()
    child = page.locator("#children .member").last
    child.get_by_label("年齢（歳）").fill(age)
    if daycare:
        child.get_by_label("保育施設").select_option(daycare)
    return child


def tri(member: Any, legend: str, answer: str) -> None:
    member.get_by_role("group", name=legend).get_by_role("radio", name=answer).check()


def eligible_card(page: Any, text: str) -> Any:
    return page.locator(".group.eligible .m", has_text=text)


def test_a_clerk_enters_a_toddler_in_ward_daycare_and_sees_the_diaper_measure(page: Any, server: str) -> None:
    requests: list[Any] = []
    open_console(page, server, requests)
    child = add_child(page, "2", "ward")
    card = eligible_card(page, "おむつ")
    card.wait_for(timeout=WAIT)
    text = card.inner_text()
    assert "区内保育施設利用において、おむつ等を提供" in text and "P80" in text
    assert "✓" in text and "2歳のお子さん：区内の保育施設を利用している" in text
    # per-condition reasons with unknowns marked, on a "maybe" card
    babysitter = page.locator(".group.maybe .m", has_text="ベビーシッター")
    assert "✓" in babysitter.inner_text() and "？" in babysitter.inner_text()
    assert babysitter.locator(".unsettled").count() == 0
    # P94 「2歳を迎える」 has no window: a point the document does not settle, for the counter
    package = page.locator(".group.maybe .m", has_text="家事・育児パッケージ")
    assert package.locator(".unsettled").inner_text().startswith("資料では決まっていないこと（窓口でおたずねください）")

    # every yes/no starts at 不明 and is sent as null (unknown), never as "no"
    for group in child.locator("fieldset.tri").all():
        assert group.get_by_role("radio", name="不明").is_checked()
    posts = [r for r in requests if r.url.endswith("/api/eligibility?lang=ja") and r.method == "POST"]
    sent = json.loads(posts[-1].post_data)
    assert sent["children"][0]["age"] == 2 and sent["children"][0]["daycare"] == "ward"
    assert sent["children"][0]["disability_certificate"] is None and sent["pregnant"] is None

    # Enter in a field does not submit the form anywhere; nothing in URLs, cookies or storage
    child.get_by_label("年齢（歳）").press("Enter")
    page.wait_for_timeout(400)
    assert page.url == f"{server}/staff"
    assert all("/api/eligibility" not in r.url or r.method == "POST" for r in requests)
    assert not any(re.search(r"[?&](age|daycare|children|pregnant)=", r.url) for r in requests)
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0 and page.context.cookies() == []
    page.locator(".group.eligible .m").first.scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, "staff-console")


def test_answers_change_the_results_at_once(page: Any, server: str) -> None:
    open_console(page, server)
    child = add_child(page, "2", "ward")
    eligible_card(page, "おむつ").wait_for(timeout=WAIT)
    assert eligible_card(page, "ベビーシッター").count() == 0

    tri(child, "障害者手帳", "はい")
    eligible_card(page, "ベビーシッター利用支援事業を拡充").wait_for(timeout=WAIT)
    assert "P81" in eligible_card(page, "ベビーシッター").inner_text()

    child.get_by_label("学年").select_option(label="小1")
    child.get_by_label("学校").select_option("ward")
    eligible_card(page, "学校給食費").wait_for(timeout=WAIT)  # a ward school first-grader: P86

    tri(page.locator(".household-wide"), "妊娠中の方がいる", "はい")
    eligible_card(page, "超音波").wait_for(timeout=WAIT)

    page.get_by_role("button", name="＋ 大人のご家族を追加").click()
    adult = page.locator("#adults .member").last
    adult.get_by_label("年齢（歳）").fill("80")
    tri(adult, "低栄養（食が細い・やせてきた）", "はい")
    # P98: the ward picks participants from its health data, so a related programme, never 「対象」
    related = page.locator(".group.related .m", has_text="低栄養")
    related.wait_for(timeout=WAIT)
    assert eligible_card(page, "低栄養").count() == 0
    assert "関係する取り組み（参加者は学校や区などが選びます）" in page.locator(".group.related > h3").inner_text()
    assert "関係する取り組み" in page.locator("#status").inner_text()
    assert "令和6年度" in page.locator("#results .notice").inner_text()  # the server's clock is after 令和6年度

    child.get_by_role("button", name="このお子さんを削除").click()
    page.locator(".group.eligible .m", has_text="おむつ").wait_for(state="detached", timeout=WAIT)
    assert page.evaluate("document.activeElement.id") == "add-child"  # focus lands somewhere sensible


def test_a_business_that_is_both_an_sme_and_a_startup(page: Any, server: str) -> None:
    open_console(page, server)
    page.get_by_label("区内での事業の経営").select_option(label="スタートアップ")
    page.locator(".group.maybe .m", has_text="低炭素建築物").wait_for(timeout=WAIT)  # P115: SME status unknown
    assert eligible_card(page, "低炭素建築物").count() == 0
    page.get_by_label("区内での事業の経営").select_option(label="中小企業でスタートアップ（両方）")
    eligible_card(page, "低炭素建築物").wait_for(timeout=WAIT)


def test_an_impossible_age_is_flagged_and_never_sent(page: Any, server: str) -> None:
    requests: list[Any] = []
    open_console(page, server, requests)
    child = add_child(page, "30")
    page.locator("#status.error", has_text="0〜22").wait_for(timeout=WAIT)
    assert child.get_by_label("年齢（歳）").get_attribute("aria-invalid") == "true"
    assert not any(r.post_data and '"age":30' in r.post_data for r in requests)


def test_the_search_box_answers_with_pages(page: Any, server: str) -> None:
    open_console(page, server)
    page.get_by_role("searchbox", name="施策を検索").fill("給食費は無料？")
    page.get_by_role("button", name="検索", exact=True).click()
    hit = page.locator("#search-results .hit", has_text="P86")
    hit.wait_for(timeout=WAIT)
    assert "学校給食費" in hit.inner_text()
    assert page.locator("#search-results .hit").count() <= 5
    assert all(page.locator("#search-results .hit .page").all_inner_texts()), "every hit names its page"


def test_the_print_view_is_a_one_page_handout_without_the_form(page: Any, server: str, tmp_path: Path) -> None:
    open_console(page, server)
    add_child(page, "2", "ward")
    eligible_card(page, "おむつ").wait_for(timeout=WAIT)
    page.locator(".group.maybe .m", has_text="ベビーシッター").get_by_label("紹介メモに載せる").check()
    page.locator(".group.maybe .m", has_text="家事・育児パッケージ").get_by_label("紹介メモに載せる").check()
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name="印刷用の紹介メモ").click()
    assert page.evaluate("window.__printed") == 1

    page.set_viewport_size({"width": 720, "height": 1040})  # about an A4 page's printable width
    page.emulate_media(media="print")
    handout = page.locator("#handout")
    assert handout.is_visible()
    assert not page.locator("#household").is_visible() and not page.locator(".results").is_visible()
    text = handout.inner_text()
    for expected in ("ご案内メモ", "区内保育施設利用において、おむつ等を提供", "資料 P80", "どんな支援？",
                     "あてはまる理由", "2歳のお子さん：区内の保育施設を利用している", "窓口で確認すること",
                     "ベビーシッター利用支援事業を拡充", "確認が必要なこと",
                     "資料では決まっていないこと（窓口でおたずねください）"):
        assert expected in text, expected
    # every listed measure says what to check at the counter; the date notice (clock after 令和6年度)
    items = handout.locator(".h-item")
    assert items.count() == handout.locator("dt", has_text="窓口で確認すること").count() >= 2
    assert "令和6年度（2024年4月〜2025年3月）の区の資料によるものです。その後、内容が変わっているかもしれません。" in \
        handout.locator("header").inner_text()
    assert "脱炭素" not in text  # maybe-measures the clerk did not tick stay off the handout
    assert "不明" not in text and "年齢（歳）" not in text  # no form, no household details beyond the reasons
    shoot(page, "staff-print", full_page=True)
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes())) == 1, "the handout fits on one A4 page"


def test_the_console_has_no_serious_accessibility_violations(page: Any, server: str) -> None:
    open_console(page, server)
    add_child(page, "2", "ward")
    page.get_by_role("button", name="＋ 大人のご家族を追加").click()
    eligible_card(page, "おむつ").wait_for(timeout=WAIT)
    page.get_by_role("searchbox", name="施策を検索").fill("給食費は無料？")
    page.get_by_role("button", name="検索", exact=True).click()
    page.locator("#search-results .hit").first.wait_for(timeout=WAIT)
    assert axe.run(page, "staff") == []

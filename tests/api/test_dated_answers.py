"""Dated answers through the real API, with the server's clock fixed on each side of the end of
令和6年度 (2025-03-31): the source endpoint, the staff console's eligibility answer, the web chat and
LINE say the information may have changed only after it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from api.main import create_app
from knowledge.settings import Settings
from tests.api.conftest import ACCESS_TOKEN, CHANNEL_SECRET, FakeLine, live_server, sign, wait_for_index
from tests.api.test_line import body_of, text_event

EXAMPLES = Path(__file__).resolve().parents[2] / "knowledge" / "examples"
NOTICE_JA = "令和6年度（2024年4月〜2025年3月）の区の資料によるもの"
NOTICE_EN = "It may have changed since."
SHORT_JA = "令和6年度の資料の情報です。その後変わっているかもしれません。"
DAYS = {"inside": date(2025, 3, 31), "after": date(2025, 4, 1)}


@pytest.fixture(scope="module")
def clients(make_settings: Callable[..., Settings], fake_line: FakeLine) -> Iterator[dict[str, httpx.Client]]:
    """One server whose clock says the last day of the fiscal year, one the day after."""
    with live_server(create_app(make_settings(today=DAYS["inside"], line_channel_secret=CHANNEL_SECRET,
                                              line_channel_access_token=ACCESS_TOKEN,
                                              line_api_host=fake_line.url))) as inside, \
            live_server(create_app(make_settings(today=DAYS["after"], line_channel_secret=CHANNEL_SECRET,
                                                 line_channel_access_token=ACCESS_TOKEN,
                                                 line_api_host=fake_line.url))) as after, \
            httpx.Client(base_url=inside, timeout=30) as a, httpx.Client(base_url=after, timeout=30) as b:
        wait_for_index(a)
        wait_for_index(b)
        yield {"inside": a, "after": b}


@pytest.mark.parametrize("side", ["inside", "after"])
def test_the_source_endpoint_says_whether_the_fiscal_year_is_over(clients: dict[str, httpx.Client],
                                                                  side: str) -> None:
    body = clients[side].get("/api/source").json()
    assert body["fiscal_year"] == 2024 and body["fiscal_year_ja"] == "令和6年度"
    assert body["period_start"] == "2024-04-01" and body["period_end"] == "2025-03-31"
    assert body["today"] == DAYS[side].isoformat()
    assert body["outdated"] is (side == "after")
    assert (body["notice_ja"] is not None and NOTICE_JA in body["notice_ja"]) is (side == "after")
    assert (body["notice_en"] is not None and NOTICE_EN in body["notice_en"]) is (side == "after")


@pytest.mark.parametrize("side", ["inside", "after"])
def test_the_staff_consoles_answer_carries_the_notice_for_the_handout(clients: dict[str, httpx.Client],
                                                                      side: str) -> None:
    household = json.loads((EXAMPLES / "toddler_in_ward_daycare.json").read_text(encoding="utf-8"))
    ja = clients[side].post("/api/eligibility", json=household).json()
    en = clients[side].post("/api/eligibility?lang=en", json=household).json()
    assert ja["eligible"] and all("check_yourself" in i for i in ja["eligible"])
    if side == "inside":
        assert ja["notice"] is None and en["notice"] is None
    else:
        assert NOTICE_JA in ja["notice"] and NOTICE_EN in en["notice"]


@pytest.mark.parametrize("side", ["inside", "after"])
def test_the_web_chat_greets_and_answers_with_the_notice_only_after(clients: dict[str, httpx.Client],
                                                                    side: str) -> None:
    first = clients[side].post("/api/chat", json={"text": "2歳の息子が区内の保育園に通っています"}).json()
    assert first["replies"][0]["text"].startswith("こんにちは")
    assert (NOTICE_JA in first["replies"][0]["text"]) is (side == "after")
    assert (first["notice"] is not None) is (side == "after") and first["lang"] == "ja"
    diapers = next(m for m in first["measures"] if m["id"] == "diaper_provision")
    assert diapers["status"] == "eligible" and diapers["check_yourself"]
    shown = clients[side].post("/api/chat", json={"session_id": first["session_id"], "text": "結果を見せて"}).json()
    results = shown["replies"][0]["text"]
    assert "窓口で確認：" in results and (NOTICE_JA in results) is (side == "after")


@pytest.mark.parametrize("side", ["inside", "after"])
def test_line_cards_carry_the_notice_in_their_footer_only_after(clients: dict[str, httpx.Client],
                                                                fake_line: FakeLine, side: str) -> None:
    fake_line.take()
    body = body_of(text_event("2歳の息子が区内の保育園に通っています", user=f"Udated{side}"))
    response = clients[side].post("/line/webhook", content=body,
                                  headers={"content-type": "application/json", "x-line-signature": sign(body)})
    assert response.status_code == 200
    [reply] = fake_line.take()
    messages = reply["body"]["messages"]
    assert (NOTICE_JA in messages[0]["text"]) is (side == "after")  # the greeting
    [cards] = [m for m in messages if m["type"] == "flex"]
    footers = [b.get("footer") for b in cards["contents"]["contents"]]
    if side == "inside":
        assert footers == [None] * len(footers)
    else:
        assert all(f["contents"][0]["text"] == SHORT_JA for f in footers)

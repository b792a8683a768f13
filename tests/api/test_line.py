"""POST /line/webhook with the real line-bot-sdk: real signed requests in, and the replies the
SDK sends recorded by a fake Messaging API on loopback."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from api.line.bot import LineBot
from api.main import create_app
from api.sessions.memory import MemoryStore
from knowledge.catalog import default_catalog
from knowledge.results import match_household, shown_maybe
from knowledge.settings import Settings
from tests.api.conftest import ACCESS_TOKEN, CHANNEL_SECRET, FakeLine, assert_error, live_server, sign, wait_for_index

USER = "U4af4980629a0b1c2d3e4f5a6b7c8d9e0"
FIRST = "2歳の息子が区内の保育園に通っています"


def event(kind: str, user: str = USER, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "type": kind, "mode": "active", "timestamp": 1_700_000_000_000,
        "source": {"type": "user", "userId": user},
        "webhookEventId": uuid.uuid4().hex.upper()[:26], "deliveryContext": {"isRedelivery": False},
    }
    if kind != "unfollow":
        base["replyToken"] = uuid.uuid4().hex
    return {**base, **fields}


def text_event(text: str, user: str = USER) -> dict[str, Any]:
    return event("message", user, message={"type": "text", "id": "1", "text": text, "quoteToken": "q"})


def body_of(*events: dict[str, Any]) -> bytes:
    return json.dumps({"destination": "Ubot", "events": list(events)}, ensure_ascii=False).encode()


@dataclass
class Line:
    http: httpx.Client
    fake: FakeLine
    sessions: MemoryStore
    bot: LineBot

    def post(self, body: bytes, signature: str | None = "sign") -> httpx.Response:
        headers = {"content-type": "application/json"}
        if signature == "sign":
            signature = sign(body)
        if signature is not None:
            headers["x-line-signature"] = signature
        return self.http.post("/line/webhook", content=body, headers=headers)

    def send(self, *events: dict[str, Any]) -> list[dict[str, Any]]:
        """Post signed events; the messages of each reply the fake Messaging API received."""
        response = self.post(body_of(*events))
        assert response.status_code == 200, response.text
        return [r["body"] for r in self.fake.take()]


@pytest.fixture(scope="module")
def line(make_settings: Callable[..., Settings], fake_line: FakeLine) -> Iterator[Line]:
    sessions = MemoryStore()
    settings = make_settings(line_channel_secret=CHANNEL_SECRET, line_channel_access_token=ACCESS_TOKEN,
                             line_api_host=fake_line.url)
    app = create_app(settings, sessions=sessions)
    with live_server(app) as url, httpx.Client(base_url=url, timeout=30) as http:
        wait_for_index(http)
        yield Line(http, fake_line, sessions, app.state.line)


def check_limits(messages: list[dict[str, Any]]) -> None:
    """What the Messaging API would refuse."""
    assert 1 <= len(messages) <= 5
    for message in messages:
        items = (message.get("quickReply") or {}).get("items", [])
        assert len(items) <= 13
        for item in items:
            assert len(item["action"]["label"].encode("utf-16-le")) // 2 <= 20
            assert len(item["action"]["data"]) <= 300
        if message["type"] == "flex":
            assert message["contents"]["type"] == "carousel" and 1 <= len(message["contents"]["contents"]) <= 12
            assert len(message["altText"]) <= 400
        else:
            assert message["type"] == "text" and 0 < len(message["text"]) <= 5000
    assert all("quickReply" not in m for m in messages[:-1])  # LINE shows quick replies on the last one only


def test_follow_gets_the_welcome_and_the_first_question(line: Line) -> None:
    response = line.post(body_of(event("follow", follow={"isUnblocked": False})))
    assert response.json() == {"received": 1, "handled": 1, "duplicates": 0}
    [reply] = line.fake.take()
    assert reply["authorization"] == f"Bearer {ACCESS_TOKEN}"
    messages = reply["body"]["messages"]
    check_limits(messages)
    assert messages[0]["text"].startswith("こんにちは")
    assert messages[-1]["quickReply"]["items"][0]["action"]["type"] == "postback"


def test_a_text_message_gets_cards_and_quick_replies(line: Line) -> None:
    [reply] = line.send(text_event(FIRST, user="Ucards"))
    messages = reply["messages"]
    check_limits(messages)
    [cards] = [m for m in messages if m["type"] == "flex"]
    bubbles = cards["contents"]["contents"]
    texts = [[c["text"] for c in b["body"]["contents"] if c["type"] == "text"] for b in bubbles]
    diapers = next(t for t in texts if t[1] == "区内保育施設利用において、おむつ等を提供")
    assert diapers[0] == "対象です" and diapers[2] == "資料 P80" and "2歳の息子さん" in diapers[3]
    assert "窓口で確認すること" in diapers  # then the catalog's points to check
    labels = [i["action"]["label"] for i in messages[-1]["quickReply"]["items"]]
    assert "わからない" in labels
    titles = {t[1] for t in texts}
    assert "中小企業を対象に低炭素建築物の新築又は増改築に係る助成額を倍増" not in titles  # folded: a business


def test_a_related_programme_keeps_its_card_when_maybes_overflow_the_carousel(line: Line) -> None:
    """A junior-high student with a certificate and a toddler at a ward daycare: 10 eligible, 3 near
    maybes and the Ogasawara exchange (related) are 14 cards for a carousel of 12, so a maybe gives
    way and the related card keeps its place, last."""
    [reply] = line.send(text_event("13歳の息子が区立中学校の1年生で障害者手帳があります。2歳の娘は区内の保育園です",
                                   user="Urelated"))
    state = line.bot.chat.resume(line.bot.user_key("Urelated"))
    assert state is not None
    results = match_household(default_catalog(), state.household)
    assert len(results.eligible) + len(shown_maybe(results)) + len(results.related) > 12  # it does overflow
    [cards] = [m for m in reply["messages"] if m["type"] == "flex"]
    bubbles = cards["contents"]["contents"]
    assert len(bubbles) == 12
    last = [c["text"] for c in bubbles[-1]["body"]["contents"] if c["type"] == "text"]
    assert last[0] == "関係する取り組み（参加者は学校や区などが選びます）" and last[1] == "小笠原村での体験を提供"
    assert not any(t.startswith("対象です") for t in last)
    titles = [[c["text"] for c in b["body"]["contents"] if c["type"] == "text"][1] for b in bubbles]
    assert {m.title for m in results.eligible} <= set(titles)  # every eligible card kept; a maybe gave way


def test_a_postback_answers_the_pending_question(line: Line) -> None:
    [reply] = line.send(text_event(FIRST, user="Upostback"))
    item = reply["messages"][-1]["quickReply"]["items"][-1]["action"]
    assert item["data"] == item["displayText"]
    [reply] = line.send(event("postback", user="Upostback", postback={"data": item["data"]}))
    check_limits(reply["messages"])
    state = line.bot.chat.resume(line.bot.user_key("Upostback"))
    assert state is not None and state.household.children and state.turns == 2


def test_missing_signature_is_400_and_nothing_happens(line: Line) -> None:
    assert_error(line.post(body_of(text_event("こんにちは")), signature=None), 400, "missing_signature")
    assert line.fake.take() == []


def test_wrong_signature_is_400_and_nothing_happens(line: Line) -> None:
    body = body_of(text_event(FIRST, user="Uforged"))
    assert_error(line.post(body, signature=sign(body, "another-secret")), 400, "invalid_signature")
    assert_error(line.post(body, signature=sign(body + b" ")), 400, "invalid_signature")
    assert_error(line.post(body, signature="not base64 at all"), 400, "invalid_signature")
    assert line.fake.take() == []
    assert line.bot.chat.resume(line.bot.user_key("Uforged")) is None


def test_a_replayed_webhook_is_not_processed_twice(line: Line) -> None:
    body = body_of(text_event(FIRST, user="Ureplay"))
    assert line.post(body).json() == {"received": 1, "handled": 1, "duplicates": 0}
    assert len(line.fake.take()) == 1
    turns = line.bot.chat.resume(line.bot.user_key("Ureplay")).turns  # type: ignore[union-attr]
    assert line.post(body).json() == {"received": 1, "handled": 0, "duplicates": 1}
    assert line.fake.take() == []
    assert line.bot.chat.resume(line.bot.user_key("Ureplay")).turns == turns  # type: ignore[union-attr]


def test_a_signed_body_that_is_not_a_webhook_is_400(line: Line) -> None:
    assert_error(line.post(b"[1, 2"), 400, "invalid_payload")
    assert_error(line.post(b'{"destination": "Ubot"}'), 400, "invalid_payload")


def test_unfollow_erases_the_session(line: Line) -> None:
    line.send(text_event(FIRST, user="Ubye"))
    key = line.bot.user_key("Ubye")
    assert line.sessions.get(key) is not None
    assert line.send(event("unfollow", user="Ubye")) == []
    assert line.sessions.get(key) is None


def test_erase_request_deletes_the_session(line: Line) -> None:
    line.send(text_event(FIRST, user="Uerase"))
    [reply] = line.send(text_event("データを削除してください", user="Uerase"))
    assert "削除" in reply["messages"][0]["text"]
    assert all(m["type"] == "text" for m in reply["messages"])  # no cards once erased
    assert line.sessions.get(line.bot.user_key("Uerase")) is None


def test_stickers_get_a_polite_text_only_answer(line: Line) -> None:
    sticker = event("message", user="Usticker", message={"type": "sticker", "id": "2", "packageId": "1",
                                                         "stickerId": "1", "stickerResourceType": "STATIC",
                                                         "quoteToken": "q"})
    [reply] = line.send(sticker)
    assert reply["messages"][0]["text"].startswith("文字で")


def test_too_long_messages_are_not_processed(line: Line) -> None:
    [reply] = line.send(text_event("あ" * 1001, user="Ulong"))
    assert "長すぎ" in reply["messages"][0]["text"]
    assert line.sessions.get(line.bot.user_key("Ulong")) is None


def test_group_chats_are_ignored(line: Line) -> None:
    group = text_event(FIRST)
    group["source"] = {"type": "group", "groupId": "Cgroup", "userId": USER}
    assert line.post(body_of(group)).json() == {"received": 1, "handled": 0, "duplicates": 0}
    assert line.fake.take() == []


def test_a_refused_reply_still_acknowledges_the_webhook(line: Line) -> None:
    line.fake.status = 400
    try:
        response = line.post(body_of(text_event(FIRST, user="Urefused")))
    finally:
        line.fake.status = 200
    assert response.status_code == 200 and len(line.fake.take()) == 1


def test_line_user_ids_are_never_stored_or_logged(line: Line, caplog: pytest.LogCaptureFixture) -> None:
    user = "U0123456789abcdef0123456789abcdef"
    with caplog.at_level(logging.DEBUG):
        line.send(text_event(FIRST, user=user))
    key = line.bot.user_key(user)
    assert key.startswith("line:") and user not in key
    assert user not in caplog.text and FIRST not in caplog.text
    assert user not in (line.sessions.get(key) or "")


def test_with_the_ward_office_configured_line_answers_and_cards_name_it(
        make_settings: Callable[..., Settings], fake_line: FakeLine) -> None:
    """BF_OFFICE_*: a question about whom to call is answered with it, and every card's footer shows it."""
    settings = make_settings(line_channel_secret=CHANNEL_SECRET, line_channel_access_token=ACCESS_TOKEN,
                             line_api_host=fake_line.url, office_name="千代田区役所", office_phone="03-1234-5678")
    contact = "お問い合わせ：千代田区役所（電話 03-1234-5678）"
    with live_server(create_app(settings, sessions=MemoryStore())) as url, \
            httpx.Client(base_url=url, timeout=30) as http:
        wait_for_index(http)
        office = Line(http, fake_line, MemoryStore(), None)  # type: ignore[arg-type]
        [asked] = office.send(text_event("窓口の電話番号は？", user="Uoffice"))
        check_limits(asked["messages"])
        assert any(contact in m.get("text", "") for m in asked["messages"])
        [reply] = office.send(text_event(FIRST, user="Uoffice"))
        [cards] = [m for m in reply["messages"] if m["type"] == "flex"]
        footers = [[c["text"] for c in b["footer"]["contents"]] for b in cards["contents"]["contents"]]
        assert footers and all(contact in f for f in footers)


def test_without_a_contact_line_says_the_ward_office_counter(line: Line) -> None:
    [asked] = line.send(text_event("窓口の電話番号は？", user="Unooffice"))
    text = "\n".join(m.get("text", "") for m in asked["messages"])
    assert "区の窓口でおたずねください。" in text and "お問い合わせ：" not in text

"""POST /api/chat tells the client what was understood: `household` (the Household contract, null
when nothing is known), `household_changed` and `household_summary`, on a real server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from api.main import create_app
from api.sessions.memory import MemoryStore
from knowledge.household import Household
from knowledge.settings import Settings
from tests.api.conftest import live_server, wait_for_index


@pytest.fixture(scope="module")
def http(make_settings: Callable[..., Settings]) -> Iterator[httpx.Client]:
    app = create_app(make_settings(), sessions=MemoryStore())
    with live_server(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        wait_for_index(client)
        yield client


def say(http: httpx.Client, text: str, session_id: str | None = None) -> dict[str, Any]:
    response = http.post("/api/chat", json={"text": text, "session_id": session_id})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_the_understood_household_comes_with_every_reply(http: httpx.Client) -> None:
    body = say(http, "こんにちは")
    assert body["household"] is None and body["household_changed"] is False and body["household_summary"] is None

    body = say(http, "上の子が小4で下の子が2歳。下の子は区立保育園です", body["session_id"])
    assert body["household_changed"] is True
    household = Household.model_validate(body["household"])  # the contract itself
    assert household.model_dump(exclude_none=True)["children"] == [{"age": 9, "school_year": 4},
                                                                   {"age": 2, "daycare": "ward"}]
    summary = "ここまでの内容：お子さん2人（小学4年生・2歳 区内の保育施設）"
    assert body["household_summary"] == summary
    assert summary in [r["text"] for r in body["replies"]]  # clients that only show replies see it too
    assert "訂正する" in body["replies"][-1]["quick_replies"]

    body = say(http, "訂正する", body["session_id"])
    assert body["household_changed"] is False and body["household"]["children"][1]["age"] == 2
    body = say(http, "下の子は3歳です", body["session_id"])
    assert body["household"]["children"][1]["age"] == 3 and "3歳" in body["household_summary"]


def test_an_impossible_household_is_asked_about_and_not_returned(http: httpx.Client) -> None:
    body = say(http, "I have two kids, 9, 6 and 2")
    assert body["household"] is None  # nothing guessed
    question = body["replies"][-1]
    assert "How many" in question["text"] and question["quick_replies"] == ["3 children", "Write it again"]
    body = say(http, "3 children", body["session_id"])
    assert [c["age"] for c in body["household"]["children"]] == [9, 6, 2]
    assert body["household_summary"] == "So far I have: 3 children (9; 6; 2)."


def test_erasing_returns_no_household(http: httpx.Client) -> None:
    body = say(http, "2歳の息子がいます")
    assert body["household"]["children"] == [{**body["household"]["children"][0], "age": 2}]
    body = say(http, "データを削除してください", body["session_id"])
    assert body["erased"] is True and body["household"] is None

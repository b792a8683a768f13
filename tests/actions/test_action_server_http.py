"""The real action server (`python -m rasa_sdk --actions actions`), called as Rasa calls it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

TRACKERS = Path(__file__).parent / "trackers"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def action_server(search_index_dir: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "BF_INDEX_DIR": str(search_index_dir)}  # the run's one index, reused
    proc = subprocess.Popen([sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("the action server did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def call(url: str, action: str, tracker_name: str, said: tuple[str, str] | None = None) -> httpx.Response:
    tracker = json.loads((TRACKERS / f"{tracker_name}.json").read_text(encoding="utf-8"))
    if said:  # another latest message (text, intent) than the saved one
        tracker["latest_message"] = {"text": said[0], "intent": {"name": said[1], "confidence": 0.99}, "entities": []}
    body: dict[str, Any] = {
        "next_action": action,
        "sender_id": "test-sender",
        "tracker": tracker,
        "domain": json.loads((TRACKERS / "domain.json").read_text(encoding="utf-8")),
        "version": "3.6.21",
    }
    return httpx.post(f"{url}/webhook", json=body, timeout=120)


def test_registered_actions_are_listed(action_server: str) -> None:
    names = {a["name"] for a in httpx.get(f"{action_server}/actions").json()}
    assert {"validate_household_form", "action_ask_household_fact", "action_show_results", "action_answer_question",
            "action_erase_data", "action_start_over"} <= names


def test_results_over_the_webhook(action_server: str) -> None:
    response = call(action_server, "action_show_results", "toddler_after_first_answer")
    assert response.status_code == 200
    assert "（P80）" in response.json()["responses"][0]["text"]


def test_a_free_question_over_the_webhook(action_server: str) -> None:
    response = call(action_server, "action_answer_question", "free_question")
    assert "（P86）" in response.json()["responses"][0]["text"]


def test_the_next_question_over_the_webhook(action_server: str) -> None:
    data = call(action_server, "action_ask_household_fact", "toddler_after_first_answer").json()
    assert data["responses"][-1]["buttons"][-1]["title"] == "わからない"
    assert any(e.get("name") == "dialogue_state" for e in data["events"])


def test_an_unknown_action_is_a_clear_error(action_server: str) -> None:
    response = call(action_server, "action_does_not_exist", "free_question")
    assert response.status_code == 404
    assert "action_does_not_exist" in response.text


def test_the_resident_is_answered_in_their_language_over_the_webhook(action_server: str) -> None:
    from bot.dialogue import replies

    welcome = call(action_server, "action_welcome", "free_question", ("你好", "greet")).json()
    assert welcome["responses"][0]["text"].startswith(replies.say("welcome", "zh"))
    said = call(action_server, "action_say", "free_question", ("감사합니다", "thanks")).json()
    assert said["responses"][0]["text"] == replies.say("thanks", "ko")
    state = next(e["value"] for e in said["events"] if e.get("name") == "dialogue_state")
    assert json.loads(state)["lang"] == "ko"

"""Everything the server prints, at debug level, holds no message text, household fact, session id
or LINE user id — even for a conversation about a disability certificate and a pregnancy
(要配慮個人情報 under APPI), on the web chat, on LINE, in search and when erasing.

`benefit-finder serve --log-level debug` runs as a real subprocess, its whole stdout and stderr
(uvicorn's, the app's and every library's logs) captured to a file and read after it stops.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

from tests.api.conftest import ACCESS_TOKEN, CHANNEL_SECRET, FakeLine, free_port, sign

WEB_TEXTS = [
    "妊娠7か月です。夫は身体障害者手帳2級を持っています",
    "長男は5歳で療育手帳があります",
]
LINE_TEXT = "娘は3歳で、身体障害者手帳を持っています。私は妊娠中です"
SEARCH = "妊娠中で手帳があるのですが使える支援は"
LINE_USER = "U" + uuid.uuid4().hex  # the shape of a real LINE user id


def _line_body(user: str, message: dict[str, object]) -> bytes:
    event = {"type": "message", "mode": "active", "timestamp": 1_700_000_000_000, "replyToken": uuid.uuid4().hex,
             "source": {"type": "user", "userId": user}, "webhookEventId": uuid.uuid4().hex.upper()[:26],
             "deliveryContext": {"isRedelivery": False}, "message": message}
    return json.dumps({"destination": "Ubot", "events": [event]}, ensure_ascii=False).encode()


def _wait_ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).json()["index"]["status"] == "ready":
                return
        except (httpx.TransportError, KeyError, ValueError):
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "serve did not become ready"
        time.sleep(0.2)


def test_debug_logs_hold_no_personal_data(index_dir: Path, fake_line: FakeLine, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = shutil.which("benefit-finder", path=str(Path(sys.executable).parent))
    assert command is not None
    env = {**os.environ, "BF_INDEX_DIR": str(index_dir), "BF_SESSION_STORE": "memory",
           "BF_LINE_CHANNEL_SECRET": CHANNEL_SECRET, "BF_LINE_CHANNEL_ACCESS_TOKEN": ACCESS_TOKEN,
           "BF_LINE_API_HOST": fake_line.url, "PYTHONASYNCIODEBUG": "1"}
    log_file = tmp_path / "server.log"
    with log_file.open("wb") as out:
        proc = subprocess.Popen([command, "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", "debug"],
                                env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_ready(base, proc)
            with httpx.Client(base_url=base, timeout=30) as client:
                session = None
                for text in WEB_TEXTS:
                    body = client.post("/api/chat", json={"text": text, **({"session_id": session} if session else {})})
                    assert body.status_code == 200, body.text
                    session = body.json()["session_id"]
                measures = {m["id"] for m in body.json()["measures"]}
                assert measures  # the conversation really happened: the household was understood
                assert client.get("/api/search", params={"q": SEARCH}).status_code == 200
                assert client.delete(f"/api/sessions/{session}").status_code == 204
                erased = client.post("/api/chat", json={"text": "データを削除"})
                assert erased.status_code == 200 and erased.json()["erased"] is True

                line_body = _line_body(LINE_USER, {"type": "text", "id": "1", "text": LINE_TEXT, "quoteToken": "q"})
                signed = {"content-type": "application/json", "x-line-signature": sign(line_body)}
                response = client.post("/line/webhook", content=line_body, headers=signed)
                assert response.status_code == 200, response.text
                assert fake_line.take(), "the LINE reply was sent (so the LINE path really ran)"
                bad = client.post("/line/webhook", content=line_body,
                                  headers={"content-type": "application/json", "x-line-signature": "forged"})
                assert bad.status_code in (400, 401, 403)  # a rejected request is logged too: still no content
        finally:
            proc.terminate()
            proc.wait(15)
    logs = log_file.read_text(encoding="utf-8", errors="replace")
    assert "DEBUG" in logs and "/api/chat" in logs  # debug logging was on, and requests were logged
    secrets = [*WEB_TEXTS, LINE_TEXT, SEARCH, LINE_USER, str(session),
               "身体障害者手帳", "療育手帳", "妊娠", '"pregnant"', "disability_certificate"]
    leaked = [s for s in secrets if s in logs]
    assert not leaked, f"personal data in the server's output: {leaked}"

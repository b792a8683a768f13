"""The web channel in five languages, on a real server: the widget's words (GET /api/messages),
errors in the resident's language, whole conversations in やさしい日本語, 中文 and 한국어 (the same taps
as in Japanese give the same household and the same measures), and a switch mid-conversation that
keeps the household."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.main import create_app
from knowledge.catalog import default_catalog
from knowledge.languages import LANGS, NAMES, Lang
from knowledge.messages import catalog, message
from knowledge.settings import Settings
from tests.api.conftest import assert_error, live_server, wait_for_index

HANGUL = re.compile(r"[\uac00-\ud7a3]")
KANA = re.compile(r"[\u3040-\u30ff]")
NEW_LANGS: tuple[Lang, ...] = ("ja-easy", "zh", "ko")
FIRST = "2歳の息子が区内の保育園に通っています"


@pytest.fixture(scope="module")
def http(make_settings: Callable[..., Settings]) -> Iterator[httpx.Client]:
    app = create_app(make_settings())
    with live_server(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        wait_for_index(client)
        yield client


def say(http: httpx.Client, text: str, session_id: str | None = None, **extra: object) -> dict[str, Any]:
    response = http.post("/api/chat", json={"text": text, "session_id": session_id, **extra})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# ---- the widget's words ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("part", ["widget", "handout"])
def test_every_ui_word_comes_in_each_language(http: httpx.Client, part: str, lang: Lang) -> None:
    response = http.get("/api/messages", params={"part": part, "lang": lang})
    assert response.status_code == 200, response.text
    body = response.json()
    keys = {key.removeprefix(f"{part}.") for key in catalog() if key.startswith(f"{part}.")}
    assert body["lang"] == lang and body["part"] == part and set(body["messages"]) == keys and keys
    assert body["messages"]["title"] == message(f"{part}.title", lang)
    assert [(x["code"], x["name"]) for x in body["languages"]] == list(NAMES.items())
    html = {x["code"]: x["html"] for x in body["languages"]}
    assert html == {"ja": "ja", "en": "en", "ja-easy": "ja", "zh": "zh-Hans", "ko": "ko"}


def test_a_client_tag_is_one_of_ours_and_an_unknown_one_is_refused(http: httpx.Client) -> None:
    assert http.get("/api/messages", params={"lang": "zh-CN"}).json()["lang"] == "zh"
    assert http.get("/api/messages", params={"lang": "ko_KR"}).json()["lang"] == "ko"
    error = assert_error(http.get("/api/messages", params={"lang": "fr"}), 422, "validation_error")
    assert error["details"][0]["field"] == "query.lang"


def test_the_widget_words_differ_by_language(http: httpx.Client) -> None:
    words = {lang: http.get("/api/messages", params={"lang": lang}).json()["messages"] for lang in LANGS}
    for key in ("launcher", "send", "eligible", "maybe", "greeting"):
        assert len({words[lang][key] for lang in LANGS}) == len(LANGS), key
    assert HANGUL.search(words["ko"]["greeting"]) and not KANA.search(words["zh"]["greeting"])
    assert "P80" in words["zh"]["greeting"] and "P80" in words["ko"]["greeting"]  # the page never changes


# ---- errors in the resident's language ----------------------------------------------------------

@pytest.mark.parametrize(("header", "lang"), [("ko-KR,ko;q=0.9,en;q=0.8", "ko"), ("zh-CN", "zh"),
                                               ("fr-FR,fr;q=0.9,zh;q=0.5", "zh"), ("en", "en"), (None, "ja"),
                                               ("ja-easy", "ja-easy"), ("de", "ja")])
def test_errors_speak_the_language_the_client_accepts(http: httpx.Client, header: str | None, lang: Lang) -> None:
    headers = {"accept-language": header} if header else {}
    error = assert_error(http.post("/api/chat", json={}, headers=headers), 422, "validation_error")
    assert error["lang"] == lang and error["message_local"] == message("errors.validation_error", lang)
    assert error["message"] == message("errors.validation_error", "en")  # English and Japanese as ever
    assert error["message_ja"] == message("errors.validation_error", "ja")


def test_an_error_about_a_chat_speaks_the_chats_language(http: httpx.Client) -> None:
    error = assert_error(http.delete("/api/sessions/" + "A" * 32, params={"lang": "ko"}), 404, "session_not_found")
    assert error["lang"] == "ko" and HANGUL.search(error["message_local"])
    error = assert_error(http.get("/api/measures/nope", headers={"accept-language": "zh"}), 404, "measure_not_found")
    assert error["message_local"] == "没有这个 ID 的措施。"


def test_a_request_body_may_send_a_client_tag(http: httpx.Client) -> None:
    body = say(http, "hello", lang="en-US")
    assert body["lang"] == "en"
    assert_error(http.post("/api/chat", json={"text": "hi", "lang": "fr"}), 422, "validation_error")


# ---- whole conversations -------------------------------------------------------------------------

def conversation(http: httpx.Client, lang: Lang, taps: list[int]) -> list[dict[str, Any]]:
    """Start in `lang` by its name (the switch's quick reply), then tap the quick reply at each
    position of `taps` (the same household whatever the language), then the results."""
    bodies = [say(http, NAMES[lang], lang=lang)]
    session_id = bodies[0]["session_id"]
    for at in taps:
        options = bodies[-1]["replies"][-1]["quick_replies"]
        assert len(options) > at, (lang, options)
        bodies.append(say(http, options[at], session_id))
        assert bodies[-1]["session_id"] == session_id
    finish = message("replies.finish", lang)  # ここまでで結果を見る, in the language
    assert finish in bodies[-1]["replies"][-1]["quick_replies"]
    bodies.append(say(http, finish, session_id))
    return bodies


# 子どもはいない → 妊娠している方がいる → 75歳以上の方がいる: a household of quick replies only
TAPS = [0, 0, 0]


def test_a_whole_conversation_in_japanese_to_compare_with(http: httpx.Client) -> None:
    bodies = conversation(http, "ja", TAPS)
    assert all(b["lang"] == "ja" for b in bodies)
    assert "prenatal_ultrasound" in {m["id"] for m in bodies[-1]["measures"] if m["status"] == "eligible"}


@pytest.mark.parametrize("lang", NEW_LANGS)
def test_a_whole_conversation_in_each_new_language(http: httpx.Client, lang: Lang) -> None:
    ja = conversation(http, "ja", TAPS)
    bodies = conversation(http, lang, TAPS)
    assert all(b["lang"] == lang for b in bodies), [b["lang"] for b in bodies]
    for theirs, ours in zip(bodies, ja, strict=True):
        # the same household and the same measures, whatever the language
        assert theirs["household"] == ours["household"]
        assert [(m["id"], m["status"], m["page"]) for m in theirs["measures"]] == \
            [(m["id"], m["status"], m["page"]) for m in ours["measures"]]
        ja_texts = {r["text"] for r in ours["replies"]}
        for reply in theirs["replies"]:
            assert reply["text"] not in ja_texts, (lang, reply["text"])  # nothing left in plain Japanese
            if lang == "ko":
                assert HANGUL.search(reply["text"]), reply["text"]
            if lang == "zh":
                assert not HANGUL.search(reply["text"]), reply["text"]
            ja_labels = {q for r in ours["replies"] for q in r["quick_replies"]} - set(NAMES.values())
            if lang != "ja-easy":  # やさしい日本語 shares short words (「わからない」) with Japanese
                assert not ja_labels & set(reply["quick_replies"]), (lang, reply["quick_replies"])
    measures = default_catalog().measures
    for found in bodies[-1]["measures"]:
        # the translation with the document's Japanese title beside it, the page unchanged
        assert measures[found["id"]].title in found["title"] and found["title"] != measures[found["id"]].title
        assert found["page"] == measures[found["id"]].page


@pytest.mark.parametrize("lang", NEW_LANGS)
def test_switching_mid_conversation_keeps_the_household(http: httpx.Client, lang: Lang) -> None:
    first = say(http, FIRST)
    session_id = first["session_id"]
    assert first["lang"] == "ja" and first["household"]["children"][0]["age"] == 2
    switched = say(http, NAMES[lang], session_id, lang=lang)  # the widget's switch
    assert switched["session_id"] == session_id and switched["lang"] == lang
    assert switched["household"] == first["household"] or switched["household"] is None  # unchanged
    assert [(m["id"], m["status"]) for m in switched["measures"]] == [(m["id"], m["status"]) for m in first["measures"]]
    assert switched["replies"] and all(r["text"] not in {x["text"] for x in first["replies"]}
                                       for r in switched["replies"])
    # the next answer comes in the new language, on the same household
    assert message("replies.finish", lang) in switched["replies"][-1]["quick_replies"]
    after = say(http, message("replies.finish", lang), session_id, lang=lang)
    assert after["lang"] == lang and after["session_id"] == session_id
    assert "diaper_provision" in {m["id"] for m in after["measures"] if m["status"] == "eligible"}


def test_a_typed_language_name_switches_without_the_lang_field(http: httpx.Client) -> None:
    first = say(http, FIRST)
    switched = say(http, "한국어", first["session_id"])
    assert switched["lang"] == "ko" and switched["session_id"] == first["session_id"]
    assert "diaper_provision" in {m["id"] for m in switched["measures"] if m["status"] == "eligible"}


@pytest.mark.parametrize("lang", NEW_LANGS)
def test_search_results_are_worded_in_the_language_asked(http: httpx.Client, lang: Lang) -> None:
    results = http.get("/api/search", params={"q": "保育園 おむつ", "k": 3, "lang": lang}).json()["results"]
    measures = default_catalog().measures
    diapers = next(r for r in results if r["id"] == "diaper_provision")
    assert measures["diaper_provision"].title in diapers["title"] and diapers["page"] == "P80"
    assert diapers["title"] != measures["diaper_provision"].title  # the translation, the Japanese beside it
    assert diapers["summary"] != measures["diaper_provision"].summary.ja


def test_the_widget_script_holds_no_words_of_its_own() -> None:
    """Every word the widget shows comes from knowledge/messages/widget.yaml (so each has every
    language, checked by tests/test_messages.py): no string literal in widget.js is Japanese,
    Chinese or Korean."""
    script = (Path(__file__).parents[2] / "api" / "static" / "widget.js").read_text(encoding="utf-8")
    literals = re.findall(r'"(?:[^"\\\n]|\\.)*"', script)
    assert literals
    worded = [s for s in literals if re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]", s)]
    assert worded == []


@pytest.mark.parametrize(("first", "lang"), [("こんにちは", "ja"), ("hello", "en"), ("你好", "zh"),
                                             ("안녕하세요", "ko"), ("我儿子2岁，在区内的保育园。", "zh")])
def test_a_new_session_is_greeted_once_in_the_language_of_its_first_message(http: httpx.Client, first: str,
                                                                             lang: Lang) -> None:
    body = say(http, first)
    texts = [r if isinstance(r, str) else r["text"] for r in body["replies"]]
    welcome = message("replies.welcome", lang).split("\n")[0][:12]
    assert body["lang"] == lang
    assert sum(t.startswith(welcome) for t in texts) == 1, texts  # not twice, and not in Japanese first
    assert texts[0].startswith(welcome)

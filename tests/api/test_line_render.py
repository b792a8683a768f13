"""LINE message limits, checked on the converter itself with awkward inputs."""

from __future__ import annotations

from api.line.render import clip, quick_reply, reply_messages, units
from bot.dialogue.conversation import Message
from knowledge.catalog import default_catalog
from knowledge.household import Household
from knowledge.results import match_household


def test_clip_counts_utf16_and_never_splits_a_character() -> None:
    assert clip("短い", 20) == "短い"
    long = "あ" * 30
    assert clip(long, 20) == "あ" * 19 + "…" and units(clip(long, 20)) == 20
    family = "👨\u200d👩\u200d👧"  # one ZWJ sequence of three astral characters: 8 UTF-16 units
    clipped = clip(family * 5, 20)
    assert clipped == family * 2 + "…"
    accented = clip("e\u0301" * 30, 10)
    assert accented == "e\u0301" * 4 + "…"  # no accent cut from its letter


def test_quick_replies_keep_thirteen_and_the_dont_know_button() -> None:
    labels = [f"選択肢{i}" for i in range(20)] + ["わからない"]
    reply = quick_reply(labels)
    assert reply is not None and reply.items is not None and len(reply.items) == 13
    assert reply.items[-1].action.data == "わからない"  # type: ignore[union-attr]
    assert quick_reply([]) is None


def test_long_labels_are_clipped_but_postback_data_is_the_full_label() -> None:
    label = "放課後等デイサービスなどを利用していて、ほかにも支援を受けている"
    reply = quick_reply([label])
    assert reply is not None and reply.items
    action = reply.items[0].action
    assert units(action.label) <= 20 and action.label.endswith("…")  # type: ignore[union-attr]
    assert action.data == label and action.display_text == label  # type: ignore[union-attr]


def test_many_messages_and_cards_fit_in_five() -> None:
    household = Household.model_validate({"children": [{"age": 2, "daycare": "ward"}, {"age": 8}], "adults": []})
    results = match_household(default_catalog(), household)
    cards = [*results.eligible, *results.maybe] * 3
    assert len(cards) > 12
    question = Message(text="質問", quick_replies=["はい", "いいえ"])
    messages = [*(Message(text=f"お知らせ{i}") for i in range(7)), question]
    out = [m.to_dict() for m in reply_messages(messages, cards, "ja")]
    assert len(out) == 5
    assert out[-1]["text"] == "質問" and len(out[-1]["quickReply"]["items"]) == 2
    assert out[-2]["type"] == "flex" and len(out[-2]["contents"]["contents"]) == 12
    assert "お知らせ0" in out[0]["text"] and "お知らせ6" in out[2]["text"]


def test_final_results_put_the_cards_last() -> None:
    results = match_household(default_catalog(), Household.model_validate({"children": [{"age": 2}]}), "en")
    out = [m.to_dict() for m in reply_messages([Message(text="Results")], results.eligible, "en")]
    assert [m["type"] for m in out] == ["text", "flex"] and "quickReply" not in out[-1]
    assert out[1]["contents"]["contents"][0]["body"]["contents"][2]["text"].startswith("Page P")


def test_a_very_long_text_is_clipped_to_the_limit() -> None:
    [message] = reply_messages([Message(text="あ" * 6000)], [], "ja")
    assert units(message.to_dict()["text"]) == 5000

"""LINE message limits, checked on the converter itself with awkward inputs."""

from __future__ import annotations

from typing import Any

from api.line.render import clip, quick_reply, reply_messages, units
from bot.dialogue.conversation import Message
from knowledge.catalog import default_catalog
from knowledge.contact import Contact
from knowledge.household import Household
from knowledge.results import Lang, Match, match_household


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


# --- what residents see on a card: what to check, how a maybe waits, related, dated ----------

def _card(status: str, **extra: object) -> Match:
    base: dict[str, object] = dict(id=f"m_{status}", title="タイトル", page="P83", kind="benefit", status=status,
                                   summary="概要", reasons=["対象です"], conditions=[], missing=[],
                                   check_yourself=["学校が決めます。", "費用は窓口で。"])
    return Match.model_validate({**base, **extra})


def _texts(bubble: dict[str, Any], part: str = "body") -> list[str]:
    return [c.get("text", "") for c in bubble.get(part, {}).get("contents", [])]


def _bubbles(cards: list[Match], lang: Lang = "ja", notice: str | None = None) -> list[dict[str, Any]]:
    out = [m.to_dict() for m in reply_messages([Message(text="結果")], cards, lang, notice)]
    flex = out[-1]
    assert flex["type"] == "flex"
    return list(flex["contents"]["contents"])


def test_every_bubble_shows_what_to_check_at_the_counter() -> None:
    [ja] = _bubbles([_card("eligible")])
    assert "窓口で確認すること" in _texts(ja) and "・学校が決めます。\n・費用は窓口で。" in _texts(ja)
    [en] = _bubbles([_card("eligible")], "en")
    assert "To check at the counter" in _texts(en)
    real = match_household(default_catalog(), Household.model_validate({"children": [{"age": 2, "daycare": "ward"}]}))
    for bubble, m in zip(_bubbles(real.eligible), real.eligible, strict=False):
        if m.check_yourself:
            assert any(m.check_yourself[0] in t for t in _texts(bubble)), m.id


def test_a_related_bubble_says_who_chooses_and_never_you_qualify() -> None:
    [ja] = _bubbles([_card("related", how_chosen="学校が生徒を選んで派遣します。")])
    texts = _texts(ja)
    assert texts[0] == "関係する取り組み（参加者は学校や区などが選びます）"
    assert "参加する人の決め方：学校が生徒を選んで派遣します。" in texts
    assert not any("対象です" in t for t in texts)
    [en] = _bubbles([_card("related")], "en")
    assert _texts(en)[0].startswith("Related programme") and not any("You qualify" in t for t in _texts(en))


def test_a_maybe_bubble_tells_one_more_fact_from_the_counters_question() -> None:
    asks, open_ = _bubbles([_card("maybe", missing=[{"key": "daycare", "member": 0}]),
                            _card("maybe", unsettled=["学年の範囲は書かれていません。"])])
    assert "ご家庭のことをあと少し伺えば判定できます。" in _texts(asks)
    assert not any("窓口でおたずねください" in t for t in _texts(asks))
    assert "資料だけでは決まりません。窓口でおたずねください：学年の範囲は書かれていません。" in _texts(open_)


def test_the_dated_notice_is_in_every_footer_and_the_alt_text_only_when_given() -> None:
    dated = "令和6年度の資料の情報です。その後変わっているかもしれません。"
    bubbles = _bubbles([_card("eligible"), _card("maybe")], notice=dated)
    assert all(_texts(b, "footer") == [dated] for b in bubbles)
    flex = [m.to_dict() for m in reply_messages([Message(text="x")], [_card("eligible")], "ja", dated)][-1]
    assert flex["altText"].startswith(dated)
    assert all("footer" not in b for b in _bubbles([_card("eligible")]))


def test_every_example_results_text_fits_one_line_message_unclipped() -> None:
    """Relevance before completeness kept the longest (English) results text under LINE's 5,000
    characters (7,038 before for the junior-high household); the fold line reaches LINE intact and
    its quick reply carries the full label back."""
    from pathlib import Path

    from bot.dialogue.replies import fold_reply, results_text

    examples = Path(__file__).resolve().parents[2] / "knowledge" / "examples"
    for path in sorted(examples.glob("*.json")):
        household = Household.model_validate_json(path.read_text(encoding="utf-8"))
        for lang in ("ja", "en"):
            results = match_household(default_catalog(), household, lang)  # type: ignore[arg-type]
            text = results_text(results, lang)  # type: ignore[arg-type]
            labels = fold_reply(results, lang)  # type: ignore[arg-type]
            [message] = [m.to_dict() for m in reply_messages([Message(text=text, quick_replies=labels)], [], lang)]
            assert message["text"] == text, path.stem  # not clipped
            if labels:
                assert labels[0] in text
                assert message["quickReply"]["items"][0]["action"]["data"] == labels[0]


def test_the_ward_office_contact_is_in_every_footer_only_when_set() -> None:
    """The deployment's contact (BF_OFFICE_*) under each card, after the dated notice; nothing when unset."""
    dated = "令和6年度の資料の情報です。その後変わっているかもしれません。"
    contact = Contact(name="千代田区役所", phone="03-1234-5678").line("ja")
    out = [m.to_dict() for m in reply_messages([Message(text="結果")], [_card("eligible"), _card("maybe")], "ja",
                                               dated, contact)]
    bubbles = out[-1]["contents"]["contents"]
    assert contact == "お問い合わせ：千代田区役所（電話 03-1234-5678）"
    assert all(_texts(b, "footer") == [dated, contact] for b in bubbles)
    assert all(_texts(b, "footer") == [dated] for b in _bubbles([_card("eligible")], notice=dated))
    assert Contact().line("ja") == ""  # unset: the dialogue passes None, the card says nothing made up

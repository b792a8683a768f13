"""LINE says back what was understood (the summary text) and offers 「訂正する」; impossible
households get the clarifying question with its quick replies, within LINE's limits."""

from __future__ import annotations

from api.line.render import quick_reply
from tests.api.test_line import Line, check_limits, line, text_event  # noqa: F401  (line: the fixture)


def labels(message: dict[str, object]) -> list[str]:
    return [i["action"]["data"] for i in message["quickReply"]["items"]]  # type: ignore[index]


def test_line_shows_the_summary_and_offers_a_correction(line: Line) -> None:  # noqa: F811
    [reply] = line.send(text_event("上の子が小4で下の子が2歳。下の子は区立保育園です", user="Usummary"))
    messages = reply["messages"]
    check_limits(messages)
    texts = "\n".join(m["text"] for m in messages if m["type"] == "text")
    assert "ここまでの内容：お子さん2人（小学4年生・2歳 区内の保育施設）" in texts
    assert labels(messages[-1])[-3:] == ["訂正する", "わからない", "ここまでで結果を見る"]
    [reply] = line.send(text_event("訂正する", user="Usummary"))
    assert "書いて送ってください" in reply["messages"][0]["text"]


def test_line_asks_when_the_household_cannot_exist(line: Line) -> None:  # noqa: F811
    [reply] = line.send(text_event("3歳の子が小学2年生です", user="Uclarify"))
    check_limits(reply["messages"])
    assert labels(reply["messages"][-1]) == ["3歳です", "小学2年生です", "書き直す"]
    state = line.bot.chat.resume(line.bot.user_key("Uclarify"))
    assert state is not None and not state.household.children


def test_thirteen_quick_replies_keep_dont_know_and_correct() -> None:
    reply = quick_reply([f"選択肢{i}" for i in range(20)] + ["わからない", "訂正する"])
    assert reply is not None and reply.items is not None and len(reply.items) == 13
    assert [i.action.data for i in reply.items[-2:]] == ["わからない", "訂正する"]  # type: ignore[union-attr]

"""Dialogue messages → LINE message objects, within the Messaging API's limits.

Limits (Messaging API reference): 5 messages a reply, 13 quick-reply items, 20-character
labels, 300-character postback data, 5,000-character texts, 12 bubbles a carousel, 400-character
altText. LINE counts UTF-16 code units, so clipping does too and never splits a character.
"""

from __future__ import annotations

import unicodedata

from linebot.v3.messaging import (
    FlexBox,
    FlexBubble,
    FlexCarousel,
    FlexMessage,
    FlexSeparator,
    FlexText,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)
from linebot.v3.messaging import Message as LineMessage

from bot.dialogue import replies
from bot.dialogue.conversation import CLOSING, Message
from knowledge.languages import Lang
from knowledge.messages import message
from knowledge.results import Match

MAX_MESSAGES, MAX_QUICK_REPLIES, MAX_LABEL, MAX_DATA = 5, 13, 20, 300
MAX_TEXT, MAX_BUBBLES, MAX_ALT = 5000, 12, 400


def units(text: str) -> int:
    """Length as LINE counts it (UTF-16 code units: an emoji outside the BMP counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _clusters(text: str) -> list[str]:
    """Characters grouped with what modifies them (accents, variation selectors, skin tones, ZWJ
    sequences), close enough to user-perceived characters for clipping."""
    clusters: list[str] = []
    joined = False
    for char in text:
        modifier = unicodedata.category(char) in ("Mn", "Me") or char in "\u200d\ufe0f" or \
            0x1F3FB <= ord(char) <= 0x1F3FF
        if clusters and (joined or modifier):
            clusters[-1] += char
        else:
            clusters.append(char)
        joined = char == "\u200d"
    return clusters


def clip(text: str, limit: int) -> str:
    """At most `limit` UTF-16 units, ending in "…" when cut; never cuts a character or its accents."""
    if units(text) <= limit:
        return text
    out, used = [], 0
    for cluster in _clusters(text):
        size = units(cluster)
        if used + size > limit - 1:
            break
        out.append(cluster)
        used += size
    return "".join(out) + "…"


def quick_reply(labels: list[str]) -> QuickReply | None:
    """Postback buttons whose data is the full label (the dialogue matches it exactly); the shown
    label is clipped. Over 13 options, the first ones are kept, plus 訂正する, わからない and
    「ここまでで結果を見る」 when offered."""
    labels = [label for label in dict.fromkeys(labels) if label and units(label) <= MAX_DATA]
    if not labels:
        return None
    if len(labels) > MAX_QUICK_REPLIES:
        tail = [label for label in labels[-3:] if label in CLOSING]  # 訂正する, わからない, 結果を見る
        labels = [*labels[: MAX_QUICK_REPLIES - len(tail)], *tail]
    return QuickReply(items=[
        QuickReplyItem(action=PostbackAction(label=clip(label, MAX_LABEL), data=label, display_text=label))
        for label in labels
    ])


# badge colours (AA on white); the words are line.eligible / maybe / related (knowledge/messages/line.yaml):
# a related programme is never 「対象です」
STATUS = {"eligible": "#1D7A46", "maybe": "#8A5A00", "related": "#4A5560"}


def _small(text: str, color: str = "#555555", lines: int = 4, bold: bool = False) -> FlexText:
    return FlexText(text=clip(text, 300), size="xs", color=color, wrap=True, max_lines=lines,
                    weight="bold" if bold else None)


def _bubble(match: Match, lang: Lang, notice: str | None = None, contact: str | None = None) -> FlexBubble:
    """Status, title, page, why (or how people are chosen), how a maybe waits, and 窓口で確認すること;
    in the footer the dated notice once the document's fiscal year is over, and the ward office's
    contact when the deployment sets one."""
    status = match.status if match.status in STATUS else "maybe"
    if match.status == "related":
        why = message("replies.how_chosen", lang, how=match.how_chosen) if match.how_chosen \
            else replies.CHOSEN_BY_OTHERS[lang]
    else:
        why = match.reasons[0] if match.reasons else match.summary
    contents: list[FlexText | FlexSeparator] = [
        FlexText(text=message(f"line.{status}", lang), size="xs", weight="bold", color=STATUS[status], wrap=True),
        FlexText(text=clip(match.title, 200), weight="bold", size="md", wrap=True),
        FlexText(text=message("line.page", lang, page=match.page), size="sm", color="#555555"),
        FlexText(text=clip(why, 200), size="sm", wrap=True, max_lines=6 if match.status == "related" else 4),
    ]
    contents += [_small(line, "#8A5A00") for line in replies.waits_lines(match, lang)]
    if match.check_yourself:
        contents += [FlexSeparator(margin="md"), _small(message("line.check_head", lang), "#1B1F24", 1, bold=True),
                     _small("\n".join(f"・{c}" for c in match.check_yourself), "#333333", 8)]
    foot = [*([_small(notice, "#6E4300", 3)] if notice else []), *([_small(contact, "#1B1F24", 4)] if contact else [])]
    footer = FlexBox(layout="vertical", spacing="sm", contents=foot) if foot else None
    return FlexBubble(size="kilo", body=FlexBox(layout="vertical", spacing="sm", contents=contents), footer=footer)


def carousel(matches: list[Match], lang: Lang, notice: str | None = None,
             contact: str | None = None) -> FlexMessage | None:
    """Measure cards (title, page, one reason, what to check); at most 12, in the order given
    (eligible first, related last). `notice`: the short dated notice, in every card's footer."""
    shown = matches[:MAX_BUBBLES]
    if not shown:
        return None
    head = message("line.cards_head", lang, count=len(matches))
    alt = head + ": " + ", ".join(f"{m.title} ({m.page})" for m in shown)
    if notice:
        alt = f"{notice} {alt}"
    return FlexMessage(alt_text=clip(alt, MAX_ALT),
                       contents=FlexCarousel(contents=[_bubble(m, lang, notice, contact) for m in shown]))


def reply_messages(messages: list[Message], cards: list[Match], lang: Lang,
                   notice: str | None = None, contact: str | None = None) -> list[LineMessage]:
    """At most 5 messages: the texts (the earliest merged when there are too many), the carousel,
    and the question last, carrying the quick replies (LINE shows them only on the last message).
    `notice` (short dated notice) and `contact` (the ward office, when set) go on the cards' footers."""
    texts = [m.text for m in messages if m.text.strip()] or ["…"]
    labels = next((m.quick_replies for m in reversed(messages) if m.quick_replies), [])
    cards_message = carousel(cards, lang, notice, contact)
    room = MAX_MESSAGES - (1 if cards_message else 0)
    if len(texts) > room:
        cut = len(texts) - room + 1
        texts = ["\n\n".join(texts[:cut]), *texts[cut:]]
    out: list[LineMessage] = [TextMessage(text=clip(t, MAX_TEXT)) for t in texts]
    if cards_message is not None:
        out.insert(len(out) - 1 if labels else len(out), cards_message)
    out[-1].quick_reply = quick_reply(labels)
    return out

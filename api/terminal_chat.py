"""`benefit-finder chat`: the same conversation as the web widget, in a terminal.

Quick replies are numbered so a resident (or a clerk) can answer by typing the number.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.dialogue.conversation import Dialogue, Turn
from knowledge.catalog import default_catalog
from knowledge.languages import Lang
from knowledge.search.searcher import Hit

Reader = Callable[[str], str]
Writer = Callable[[str], None]


def _show(turn: Turn, write: Writer) -> list[str]:
    replies: list[str] = []
    for message in turn.messages:
        write(message.text)
        replies = message.quick_replies or replies
    for n, label in enumerate(replies, 1):
        write(f"  [{n}] {label}")
    return replies


def run_chat(search: Callable[[str, int], list[Hit]] | None, lang: Lang = "ja", read: Reader = input,
             write: Writer = print) -> None:
    """Loop until the user quits (Ctrl-D, 「終了」, "quit") or erases their data."""
    dialogue = Dialogue(default_catalog(), search)
    state, turn = dialogue.start(lang)
    replies = _show(turn, write)
    while True:
        try:
            text = read("> ").strip()
        except (EOFError, KeyboardInterrupt):
            write("")
            return
        if text in ("終了", "quit", "exit"):
            return
        if text.isdigit() and 1 <= int(text) <= len(replies):
            text = replies[int(text) - 1]
        state, turn = dialogue.respond(state, text)
        replies = _show(turn, write)
        if turn.erase:
            return

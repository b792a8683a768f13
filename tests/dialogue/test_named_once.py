"""Which measures a message names is read once per sentence of a free question (it was up to three times)."""

from __future__ import annotations

import pytest

import bot.dialogue.conversation
import bot.dialogue.free_question
import bot.dialogue.which_measure
from bot.dialogue.conversation import Dialogue
from bot.dialogue.state import DialogueState
from knowledge.catalog import default_catalog


@pytest.mark.parametrize(("text", "reads"), [("中3の息子です。HPVワクチンの対象ですか", 1),
                                             ("教育ローンの利子補給を受けたい。何を準備すればいい？", 2),
                                             ("風ぐるまの新ルート", 1)])
def test_names_are_read_once_per_sentence(monkeypatch: pytest.MonkeyPatch, text: str, reads: int) -> None:
    seen: list[str] = []
    real = bot.dialogue.which_measure.named

    def counting(said: str, catalog: object) -> list[str]:
        seen.append(said)
        return real(said, catalog)  # type: ignore[arg-type]

    for module in (bot.dialogue.which_measure, bot.dialogue.free_question, bot.dialogue.conversation):
        monkeypatch.setattr(module, "named", counting)
    _, turn = Dialogue(default_catalog()).respond(DialogueState(), text)
    assert len(seen) == reads and len(set(seen)) == reads
    assert "（P" in "\n".join(m.text for m in turn.messages)  # still answered about the measure, with its page

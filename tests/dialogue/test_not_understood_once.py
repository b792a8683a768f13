"""A message nobody can read after the final results evaluates the catalog once (it did twice)."""

from __future__ import annotations

import pytest

from bot.dialogue.conversation import Dialogue
from bot.dialogue.state import DialogueState
from knowledge.catalog import Catalog, default_catalog


def test_not_understood_after_the_final_results_evaluates_once(monkeypatch: pytest.MonkeyPatch) -> None:
    dialogue = Dialogue(default_catalog())
    state, turn = dialogue.respond(DialogueState(), "2歳の息子が区内の保育園に通っています")
    for answer in ("あてはまるものはない", "いない", "いいえ", "いいえ", "予定はない", "していない"):
        if not turn.done:
            state, turn = dialogue.respond(state, answer)
    assert turn.done and not state.finished and state.pending is None
    assert not dialogue.has_question(state)  # every measure decided: the results were final
    calls: list[int] = []
    real = Catalog.evaluate

    def counting(self: Catalog, *args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Catalog, "evaluate", counting)
    _, turn = dialogue.respond(state, "ふにゃふにゃ")
    assert len(calls) == 1
    assert turn.done and "diaper_provision" in {m.id for m in turn.results.eligible}

"""What a session keeps between turns — and nothing more (APPI: 要配慮個人情報).

The household, the question pending, the facts the user chose not to answer, and the
language. No message text is kept.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from bot.dialogue.free_question import Asking
from bot.dialogue.questions import Prompt, dont_know
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.outcome import Fact


class Pending(BaseModel):
    """The question the user is answering, with the exact value of each quick reply."""

    key: str
    member: int | None = None
    text: str
    sensitive: bool = False
    answers: dict[str, list[tuple[Fact, Any]]] = Field(default_factory=dict)
    dont_know: list[Fact] = Field(default_factory=list)
    retries: int = 0
    lang: Lang | None = Field(default=None, description="The language of the question (its わからない label); "
                                                       "None in sessions saved before issue 13.")

    @classmethod
    def of(cls, prompt: Prompt) -> Pending:
        return cls(key=prompt.key, member=prompt.member, text=prompt.text, sensitive=prompt.sensitive,
                   answers=prompt.answers, dont_know=list(prompt.dont_know), lang=prompt.lang)

    @property
    def quick_replies(self) -> list[str]:
        if not self.dont_know:
            return list(self.answers)
        lang = self.lang or ("en" if self.text.isascii() else "ja")
        return [*self.answers, dont_know(lang)]


class DialogueState(BaseModel):
    household: Household = Field(default_factory=Household)
    lang: Lang = "ja"
    settled: list[Fact] = Field(default_factory=list, description="Facts the user said they do not know.")
    expanded: list[Fact] = Field(
        default_factory=list, description="Checklists answered わからない: their facts are asked one by one."
    )
    pending: Pending | None = None
    last_changed: list[str] = Field(default_factory=list)
    notice_given: bool = False
    turns: int = 0
    # Free questions (issue 15): the measures last shown (ids only), so 「申請方法は？」 can refer to
    # them, and the candidates offered when a question's measure was unclear.
    shown: list[str] = Field(default_factory=list)
    asking: Asking | None = None
    unaged_children: int = Field(
        default=0, description="Children a message named without an age (「上は小学生」): the household cannot "
                               "hold a child without an age, so their ages are asked once; forgotten with the answer.")
    unaged_asked: bool = False
    finished: bool = Field(default=False, description="The resident chose 「ここまでで結果を見る」: no more questions "
                                                      "(new facts they type still update the results).")

    def settled_keys(self) -> set[tuple[str, int | None]]:
        return {(f.key, f.member) for f in self.settled}

    def expanded_keys(self) -> set[tuple[str, int | None]]:
        return {(f.key, f.member) for f in self.expanded}

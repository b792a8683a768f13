"""A free question of a kind (how / when / how much / who / where / what to bring / whom to call)
turned into one answer: which measure, then what the document says about it (answering.py).

Kept apart from conversation.py so the dialogue, the Rasa action and the benchmark share it. It
costs at most one search per message (and none when the measure is named or just shown).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, Field

from bot.dialogue.answering import Answer, Answerer
from bot.dialogue.which_measure import SearchFn, named, pick
from bot.understanding.question_kind import Asked, asked_named, read_question
from knowledge.catalog import Catalog
from knowledge.household import Household
from knowledge.languages import Lang

MAX_LABEL = 40  # a candidate's quick reply: the title, clipped, and its page


class Asking(BaseModel):
    """Which measure a question was about, asked back: the question's kind and each quick reply's measure."""

    kind: str = Field(description="Asked.name, e.g. when.payment")
    options: dict[str, str] = Field(default_factory=dict, description="quick-reply label → measure id")


@dataclass(frozen=True)
class Reply:
    answer: Answer
    quick_replies: list[str]
    asking: Asking | None
    shown: list[str]  # the measure the answer was about (the conversation's "last shown")


def label(title: str, page: str, lang: Lang) -> str:
    short = title if len(title) <= MAX_LABEL else title[:MAX_LABEL - 1] + "…"
    return f"{short} ({page})" if lang == "en" else f"{short}（{page}）"


class FreeQuestions:
    def __init__(self, answerer: Answerer, search: SearchFn | None) -> None:
        self.answerer = answerer
        self.search = search

    @property
    def catalog(self) -> Catalog:
        return self.answerer.catalog

    def answer(self, text: str, lang: Lang, shown: list[str], household: Household | None = None,
               notice: str | None = None, with_facts: bool = False) -> Reply | None:
        """The answer to a question of a kind, or None when the text asks none (the caller goes on).
        `with_facts`: the message also told household facts, so answer only a question about one clear
        measure (a general 「何がもらえますか」 is what the results are for)."""
        asked = read_question(text)
        if asked is None:
            return None
        if with_facts and asked.kind == "eligibility" and not named(text, self.catalog):
            return None  # 「2歳の子がいます。何がもらえますか」: the results answer it
        chosen = pick(text, self.catalog, self.search, shown)
        if with_facts and chosen.measure_id is None and asked.kind != "contact":
            return None  # a message with facts and no clear measure: the facts are the point
        return self._reply(asked, chosen.measure_id, list(chosen.candidates), lang, household, notice)

    def chosen(self, asking: Asking, label_text: str, lang: Lang, household: Household | None = None,
               notice: str | None = None) -> Reply | None:
        """The resident tapped one of the candidates offered for their question."""
        asked = asked_named(asking.kind)
        measure_id = asking.options.get(label_text)
        if asked is None or measure_id is None:
            return None
        return self._reply(asked, measure_id, [], lang, household, notice)

    def _reply(self, asked: Asked, measure_id: str | None, candidates: list[str], lang: Lang,
               household: Household | None, notice: str | None) -> Reply:
        measure = self.catalog.get(measure_id) if measure_id else None
        if measure is not None:
            answer = self.answerer.about(measure, asked, lang, household, notice)
            return Reply(answer, [], None, [measure.id])
        if asked.kind == "contact" or (asked.topic is not None and asked.topic.name == "certainty"):
            candidates = []  # answered for every measure alike
        answer = self.answerer.general(asked, lang, candidates, notice)
        if not candidates:
            return Reply(answer, [], None, [])
        en = lang == "en"
        options = {label(m.title_en if en else m.title, m.page, lang): m.id
                   for m in (self.catalog.get(c) for c in candidates) if m is not None}
        return Reply(answer, list(options), Asking(kind=asked.name, options=options), [])

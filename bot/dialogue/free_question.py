"""A free question of a kind (how / when / how much / who / where / what to bring / whom to call)
turned into one answer: which measure, then what the document says about it (answering.py).

Kept apart from conversation.py so the dialogue, the Rasa action and the benchmark share it. It
costs at most one search per message (and none when the measure is named or just shown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, Field

from bot.dialogue.answering import Answer, Answerer
from bot.dialogue.overview import overview
from bot.dialogue.which_measure import SearchFn, has_topic, named, pick
from bot.understanding.question_kind import Asked, asked_named, asks_in_general, read_question
from knowledge.catalog import Catalog
from knowledge.household import Household
from knowledge.languages import Lang
from knowledge.messages import message
from knowledge.results import translated_title

MAX_LABEL = 40  # a candidate's quick reply: the title, clipped, and its page
_SENTENCE_END = re.compile(r"(?<=[。．！？!?\n、,])|(?<=\.)\s")


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
    return message("answers.label", lang, title=short, page=page)


class FreeQuestions:
    def __init__(self, answerer: Answerer, search: SearchFn | None) -> None:
        self.answerer = answerer
        self.search = search

    @property
    def catalog(self) -> Catalog:
        return self.answerer.catalog

    def answer(self, text: str, lang: Lang, shown: list[str], household: Household | None = None,
               notice: str | None = None, with_facts: bool = False, search: SearchFn | None = None,
               need_topic: bool = False) -> Reply | None:
        """The answer to a question of a kind, or None when the text asks none (the caller goes on).

        `with_facts`: the message also told household facts, so answer only a question about a
        measure the question itself names (「2歳の子がいます。何がもらえますか」 is what the results
        are for; 「共働きです。学童に入れますか」 asks about 学童). `need_topic`: the text also reads as
        a greeting or a request for help, so answer only when it names what it asks about
        (「ベビーシッターの使い方は？」, not 「使い方は？」). `search`: this turn's search (at most one
        per message, shared with the caller)."""
        asked = read_question(text)
        if asked is None:
            return None
        if need_topic and not has_topic(text):
            return None
        search = search or self.search
        if with_facts:
            question = question_sentence(text)
            if asks_in_general(question):
                return None  # 「2歳の子がいます。何がもらえますか」: the results answer it
            by_name = named(question, self.catalog)  # read once per sentence, handed on to `pick`
            if not by_name and question != text and len(in_text := named(text, self.catalog)) == 1:
                # 「教育ローンの利子補給を受けたい。何を準備すればいい？」: named before the question
                question, by_name = text, in_text
            elif not by_name and (question == text or not has_topic(question)):
                return None  # the facts are the point: the results answer 「…何がもらえますか」
            chosen = pick(question, self.catalog, search, [], by_name=by_name)
            if chosen.measure_id is None and not chosen.candidates and asked.kind != "contact":
                return None
        else:
            chosen = pick(text, self.catalog, search, shown)
        return self._reply(asked, chosen.measure_id, list(chosen.candidates), lang, household, notice)

    def overview(self, text: str, lang: Lang, shown: list[str], notice: str | None = None,
                 search: SearchFn | None = None, named_only: bool = False) -> Reply | None:
        """A question whose kind was not read but whose measure is clear (named, or found by search
        with a clear margin): what the document prints about it. None when no one measure is clear.
        `named_only`: the text is not shaped as a question (「風ぐるまの新ルート」): only a measure
        it names by a word of its own is clear enough."""
        if not has_topic(text):
            return None
        if named_only:
            by_name = named(text, self.catalog)
            chosen = pick(text, self.catalog, None, [], by_name=by_name) if len(by_name) == 1 else None
        else:
            chosen = pick(text, self.catalog, search or self.search, shown)
        if chosen is None:
            return None
        measure = self.catalog.get(chosen.measure_id) if chosen.measure_id else None
        if measure is None:
            return None
        return Reply(overview(measure, lang, self.answerer.contact, notice), [], None, [measure.id])

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
        options = {label(translated_title(m, lang), m.page, lang): m.id
                   for m in (self.catalog.get(c) for c in candidates) if m is not None}
        return Reply(answer, list(options), Asking(kind=asked.name, options=options), [])


def question_sentence(text: str) -> str:
    """The sentence (or clause) of a message that asks the question (the last one a kind of question is
    read in): 「夫が会社員で共働きです。学童に入れますか」「小1の娘がいるんですが、学童に入れますか」 →
    「学童に入れますか」."""
    sentences = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    asking = [p for p in sentences if read_question(p) is not None]
    return asking[-1] if asking else text.strip()

"""One turn of the conversation: understand, update the household, decide, reply.

The same object serves the embedded API, the terminal chat and the Rasa actions; it holds no
per-user data itself (state goes in and comes out), so any process can serve any turn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from bot.dialogue import replies
from bot.dialogue.answering import Answer, Answerer
from bot.dialogue.clarify import clarifying_question
from bot.dialogue.facts import path_of, set_fact
from bot.dialogue.free_question import FreeQuestions
from bot.dialogue.free_question import Reply as FreeReply
from bot.dialogue.planner import next_prompt
from bot.dialogue.questions import bank
from bot.dialogue.state import DialogueState, Pending
from bot.dialogue.summary import CORRECT, HOW_TO_CORRECT, summary_text
from bot.dialogue.which_measure import named
from bot.understanding import Conflict, Context, Expecting, understand
from bot.understanding.normalise import normalise
from bot.understanding.pivot import to_japanese
from bot.understanding.question_kind import read_question
from bot.understanding.words import NO
from knowledge.catalog import Catalog
from knowledge.contact import Contact
from knowledge.dated import Clock, notice
from knowledge.household import Household
from knowledge.languages import Lang, language_named
from knowledge.measure import Measure
from knowledge.messages import message, messages
from knowledge.outcome import Fact, Outcome
from knowledge.reasons import text_in
from knowledge.results import Results, match_household, title_in
from knowledge.search.searcher import Hit
from knowledge.settings import get_settings

SearchFn = Callable[[str, int], list[Hit]]
Evaluated = list[tuple[Measure, Outcome]]  # `Catalog.evaluate`: every measure with its outcome
MAX_RETRIES = 1
UNAGED = "children.unaged"
DONT_KNOW: dict[Lang, str] = messages("common.dont_know")  # the pending key of 「ほかのお子さんの年齢も教えてください」
# The replies that end a question's options in every language (わからない, 「訂正する」, 「ここまでで結果を見る」): they
# stay last when others are added, and LINE keeps them when the options are cut to 13.
CLOSING: tuple[str, ...] = (*DONT_KNOW.values(), *CORRECT.values(), *replies.FINISH.values())


class Message(BaseModel):
    text: str
    quick_replies: list[str] = []


class Turn(BaseModel):
    messages: list[Message]
    results: Results
    done: bool = False
    erase: bool = False
    household_changed: bool = Field(default=False, description="This message changed what the bot understood.")
    summary: str | None = Field(default=None, description="When `household_changed`: the household as said back "
                                                          "in `messages` (composed once; the API shows it too).")
    answer: Answer | None = Field(default=None, description="A question of a kind (how/when/…) answered this turn.")


@dataclass
class _Out:
    messages: list[Message] = field(default_factory=list)

    def say(self, text: str, quick_replies: list[str] | None = None) -> None:
        self.messages.append(Message(text=text, quick_replies=quick_replies or []))


class Dialogue:
    def __init__(self, catalog: Catalog, search: SearchFn | None = None, clock: Clock | None = None,
                 contact: Contact | None = None) -> None:
        self.catalog = catalog
        self.search = search
        self.clock = clock or get_settings().clock()  # decides whether answers say the fiscal year is over
        self.contact = contact if contact is not None else get_settings().contact()  # deployment data
        self.free = FreeQuestions(Answerer(catalog, self.contact), search)

    def notice(self, lang: Lang) -> str | None:
        """「令和6年度の情報です…」 once the document's fiscal year is over, else None."""
        return notice(self.clock, lang)

    def notice_short(self, lang: Lang) -> str | None:
        """The same, in one short line (a LINE card's footer)."""
        return notice(self.clock, lang, short=True)

    def start(self, lang: Lang = "ja") -> tuple[DialogueState, Turn]:
        state = DialogueState(lang=lang)
        out = _Out()
        out.say(replies.welcome_text(lang, self.notice(lang)))
        return _with_languages(*self._continue(state, out, show_progress=False))

    def switch(self, state: DialogueState, lang: Lang) -> tuple[DialogueState, Turn]:
        """The conversation in another language, keeping the household and what was settled: says so
        (`common.language_chosen`) and asks the pending question again in `lang`. The one entry for
        every way of choosing a language (a tapped name, a widget switch, a switch word the
        understanding recognises)."""
        state = state.model_copy(deep=True)
        state.lang, state.asking = lang, None
        out = _Out()
        out.say(message("common.language_chosen", lang))
        if state.pending is not None and state.pending.key == UNAGED:
            state.unaged_asked = False  # the ages of the unaged children: asked again, in `lang`
        # The pending question is asked again by the planner, worded in `lang`; a pending clarification
        # is dropped (its impossible children were never kept: the resident writes them again).
        state.pending = None
        return self._continue(state, out, show_progress=False)

    def respond(self, state: DialogueState, text: str) -> tuple[DialogueState, Turn]:
        state = state.model_copy(deep=True)
        state.turns += 1
        chosen = language_named(text)
        if chosen is not None:  # 「中文」「한국어」「やさしい にほんご」 tapped: the same household, another language
            return self.switch(state, chosen)
        if state.pending and state.pending.key == UNAGED:  # whatever the answer, the count is forgotten
            state.unaged_children = 0
        out = _Out()
        text = text.strip()
        if not text:
            out.say(replies.say("empty", state.lang))
            return self._continue(state, out, show_progress=False)
        if text in CORRECT.values():  # 「訂正する」: how to correct, then the same question again
            out.say(HOW_TO_CORRECT[state.lang])
            return self._continue(state, out, show_progress=False, retry=True)
        if state.asking and text in state.asking.options:  # which measure a question was about
            return self._said(state, out, self.free.chosen(state.asking, text, state.lang, state.household,
                                                           self.notice_short(state.lang)))
        if text in replies.FINISH.values():  # 「ここまでで結果を見る」: no more questions
            state.finished, state.pending = True, None
            return self._continue(state, out, show_progress=False)
        if state.pending and text in state.pending.answers:
            return self._apply_quick_reply(state, text, out)
        if state.pending and text in DONT_KNOW.values():
            return self._skip_pending(state, out)
        return self._understand(state, text, out)

    def absorb(self, state: DialogueState, text: str) -> DialogueState:
        """The state after a message, without replying: the Rasa form asks its next question
        itself, through `ask` (the same planner and wording)."""
        return self.respond(state, text)[0]

    def ask(self, state: DialogueState) -> tuple[DialogueState, Turn]:
        """Progress, the purpose notice when due, and the next question (or the results)."""
        return self._continue(state.model_copy(deep=True), _Out())

    def has_question(self, state: DialogueState, evaluated: Evaluated | None = None) -> bool:
        """`evaluated`: `catalog.evaluate(state.household)` when the caller has it (the turn's one evaluation)."""
        if state.finished:
            return False
        evaluated = self.catalog.evaluate(state.household) if evaluated is None else evaluated
        return next_prompt(evaluated, state.settled_keys(), state.household, state.lang,
                           state.expanded_keys()) is not None

    def hits_text(self, hits: list[Hit], lang: Lang) -> str:
        """Search hits as an answer: each measure's title and summary in `lang`, with its page."""
        ids = {hit.id for hit in hits}
        shown = [m for m in self.catalog if m.id in ids]  # the few hits, not all 46
        titles = {m.id: title_in(m, lang) for m in shown}
        summaries = {m.id: text_in(m.summary, lang) for m in shown}
        return replies.answer_text(hits, lang, titles, summaries)

    def _apply_quick_reply(self, state: DialogueState, label: str, out: _Out) -> tuple[DialogueState, Turn]:
        assert state.pending is not None
        household = state.household
        for fact, value in state.pending.answers[label]:
            household = _apply(household, fact, value)
        state.last_changed = [path_of(f) for f, _ in state.pending.answers[label]]
        changed = household != state.household
        state.household = household
        if state.pending.key == "clarify" and changed:  # a chosen reading of a message: say it back
            said = summary_text(household, state.lang)
            out.say(said, [CORRECT[state.lang]])
            return _with_correction(*self._continue(state, out), state.lang, said)
        return self._continue(state, out)

    def _skip_pending(self, state: DialogueState, out: _Out) -> tuple[DialogueState, Turn]:
        """わからない settles a question; on a checklist it means "not sure about some", so its
        items are then asked one at a time and only those the user cannot answer stay open."""
        assert state.pending is not None
        checklist = Fact(key=state.pending.key, member=state.pending.member)
        if state.pending.key in bank().checklists and checklist not in state.expanded:
            state.expanded.append(checklist)
            return self._continue(state, out, show_progress=False)
        state.settled += [f for f in state.pending.dont_know if f not in state.settled]
        return self._continue(state, out, show_progress=False)

    def _understand(self, state: DialogueState, text: str, out: _Out) -> tuple[DialogueState, Turn]:
        pending = state.pending
        # A clarifying question, or the ages of children named without one, is answered like the
        # question about the children.
        expecting = Expecting(key="children" if pending.key in ("clarify", UNAGED) else pending.key,
                              member=pending.member) if pending else None
        if replies.is_fold_request(text):  # 「ほかの分野…の支援も見る」: reveal what was folded
            evaluated = self.catalog.evaluate(state.household)  # once: the results and the question again
            results = self._results(state, evaluated)
            out.say(replies.folded_text(results, state.lang, self.contact.line(state.lang) or None))
            if state.pending is None:  # the results were final: do not repeat them
                return state, Turn(messages=out.messages, results=results, done=True)
            return self._continue(state, out, show_progress=False, retry=True, evaluated=evaluated)  # ask again
        got = understand(text, Context(household=state.household, expecting=expecting,
                                       last_changed=tuple(state.last_changed), lang=state.lang))
        if got.intent == "switch_language":  # 「中文」「한국어로 해 주세요」「English please」 typed
            return self.switch(state, got.lang)
        search = once_per_message(self.search)  # at most one search per message, whoever asks for it
        if any(c.isalpha() for c in text):  # 「3」 or 「5, 2」 says nothing about the language: keep it
            state.lang = got.lang  # as understood: やさしい日本語 stays while Japanese is typed
        if got.intent == "restart":
            fresh = DialogueState(lang=state.lang)
            out.say(replies.say("restart", state.lang))
            return self._continue(fresh, out, show_progress=False)
        if got.intent == "erase":
            fresh = DialogueState(lang=state.lang)
            out.say(replies.say("erased", state.lang))
            return fresh, Turn(messages=out.messages, results=self._results(fresh), done=True, erase=True)
        if got.intent == "results" and read_question(text) is not None and len(named(text, self.catalog)) == 1:
            # 「超音波検査の結果はいつわかりますか」 "what can I get with the childcare package?": a question
            asked = self.free.answer(text, state.lang, state.shown, state.household, self.notice_short(state.lang),
                                     search=search)
            if asked is not None:
                return self._said(state, out, asked)
        if got.intent == "results":
            evaluated = self.catalog.evaluate(state.household)  # once: the results and the next question
            results = self._results(state, evaluated)
            state.shown = _shown(results) or state.shown
            out.say(replies.results_text(results, state.lang, self.notice(state.lang),
                                         self.contact.line(state.lang) or None))
            return self._continue(state, out, show_progress=False, evaluated=evaluated)
        if got.intent == "dont_know" and pending:
            # 「手続きの仕方がわからない」 asks how, it does not answer the pending question
            asked = self.free.answer(text, state.lang, state.shown, state.household, self.notice_short(state.lang),
                                     search=search) if _asks_how(text) else None
            if asked is not None:
                return self._said(state, out, asked)
            return self._skip_pending(state, out)
        if got.intent in ("thanks", "help", "greet"):
            # 「ベビーシッターの使い方は？」 "Hi, how much is the HPV shot?": a question about a measure first
            asked = self.free.answer(text, state.lang, state.shown, state.household, self.notice_short(state.lang),
                                     search=search, need_topic=True)
            if asked is not None:
                return self._said(state, out, asked)
            out.say(replies.welcome_text(state.lang, self.notice(state.lang)) if got.intent == "greet" else
                    replies.say("help" if got.intent == "help" else "thanks", state.lang))
            turned = self._continue(state, out, show_progress=False)
            return turned if got.intent == "thanks" else _with_languages(*turned)
        if got.unaged_children and not state.unaged_asked:
            state.unaged_children = got.unaged_children  # asked for once, by _continue
        if got.changed or got.conflicts or state.unaged_children:
            state.household = got.household
            state.last_changed = list(got.changed)
            state.settled = [f for f in state.settled if path_of(f) not in got.changed]
            said = summary_text(state.household, state.lang, state.unaged_children) \
                if got.changed or state.unaged_children else None
            if said is not None:
                out.say(said, [CORRECT[state.lang]])
            if got.conflicts:
                return self._clarify(state, out, got.conflicts[0], said if got.changed else None)
            # 「中3の息子です。HPVワクチンの対象ですか」: the facts, then the answer about that measure
            asked = self.free.answer(text, state.lang, state.shown, state.household, self.notice_short(state.lang),
                                     with_facts=True, search=search)
            if asked is not None:
                return _with_correction(*self._said(state, out, asked, retry=False), state.lang, said)
            state, turn = self._continue(state, out)
            state.shown = _shown(turn.results) or state.shown  # the cards every channel now shows
            return _with_correction(state, turn, state.lang, said)
        none = _checklist_none(pending, text, state.lang)
        if none is not None:  # 「いいえ」 typed to a checklist: the same as tapping 「あてはまるものはない」
            return self._apply_quick_reply(state, none, out)
        if got.intent in ("question", "other", "inform") and not bank().is_reply(text):
            asked = self.free.answer(text, state.lang, state.shown, state.household, self.notice_short(state.lang),
                                     search=search)
            if asked is None:  # the measure is clear, the kind of question is not (by name, unless a question)
                asked = self.free.overview(text, state.lang, state.shown, self.notice_short(state.lang), search,
                                           named_only=got.intent != "question")
            if asked is not None:
                return self._said(state, out, asked)
            if self._answer_question(text, state, out, pending, search):
                return self._continue(state, out, show_progress=False)
        return self._not_understood(state, out)

    def _said(self, state: DialogueState, out: _Out, reply: FreeReply | None,
              retry: bool = True) -> tuple[DialogueState, Turn]:
        """A question of a kind answered (or which measure it is about, asked back), then the pending
        question again (`retry`; after new facts, the next one); when the results were already final,
        the answer alone. Without a reply (a stale quick reply), the conversation simply goes on."""
        if reply is None:
            return self._continue(state, out, show_progress=False)
        state.asking = reply.asking
        if reply.shown:
            state.shown = reply.shown
        out.say(reply.answer.text, reply.quick_replies)
        if reply.asking is not None or (retry and state.pending is None):  # wait for the choice / results were final
            return state, Turn(messages=out.messages, results=self._results(state), answer=reply.answer,
                               done=reply.asking is None)
        state, turn = self._continue(state, out, show_progress=False, retry=retry)
        return state, turn.model_copy(update={"answer": reply.answer})

    def _clarify(self, state: DialogueState, out: _Out, conflict: Conflict,
                 summary: str | None) -> tuple[DialogueState, Turn]:
        """Ask which reading is right instead of guessing (the impossible children were left out).
        `summary`: the household said back before, when the message changed it."""
        text, answers = clarifying_question(conflict, state.household, state.lang)
        state.pending = Pending(key="clarify", text=text, answers=answers, lang=state.lang)
        out.say(text, state.pending.quick_replies)
        return state, Turn(messages=out.messages, results=self._results(state), household_changed=summary is not None,
                           summary=summary)

    def _answer_question(self, text: str, state: DialogueState, out: _Out, pending: Pending | None,
                         search: SearchFn | None) -> bool:
        """Answer a free question by search; with a question pending, only when search is sure."""
        if search is None:
            return False
        hits = search(text, 3)
        if not hits and pending is not None:
            return False
        out.say(self.hits_text(hits, state.lang))
        state.shown = [h.id for h in hits] or state.shown
        return True

    def _not_understood(self, state: DialogueState, out: _Out) -> tuple[DialogueState, Turn]:
        if state.pending and state.pending.retries >= MAX_RETRIES:
            out.say(replies.say("skip", state.lang))
            return self._skip_pending(state, out)
        if state.pending:
            state.pending.retries += 1
        out.say(replies.say("not_understood", state.lang))
        evaluated = self.catalog.evaluate(state.household)  # once for this turn, whichever way it goes
        if state.pending is None and not self.has_question(state, evaluated):  # the results were final: not again
            return state, Turn(messages=out.messages, results=self._results(state, evaluated), done=True)
        return self._continue(state, out, show_progress=False, retry=True, evaluated=evaluated)

    def _results(self, state: DialogueState, evaluated: Evaluated | None = None) -> Results:
        return match_household(self.catalog, state.household, state.lang, evaluated)

    def _continue(self, state: DialogueState, out: _Out, show_progress: bool = True, retry: bool = False,
                  evaluated: Evaluated | None = None) -> tuple[DialogueState, Turn]:
        if evaluated is None:  # once per turn: results and next question
            evaluated = self.catalog.evaluate(state.household)
        results = match_household(self.catalog, state.household, state.lang, evaluated)
        if retry and state.pending:
            out.say(state.pending.text, _with_finish(state))
            return state, Turn(messages=out.messages, results=results)
        if state.unaged_children and not state.unaged_asked and not state.finished:  # ages first: they decide the rest
            state.pending = Pending(key=UNAGED, text=replies.unaged_text(state.unaged_children, state.lang),
                                    dont_know=[Fact(key=UNAGED)], lang=state.lang)
            state.unaged_asked = True  # asked once; the count goes with the answer (respond)
            out.say(state.pending.text, _with_finish(state))
            return state, Turn(messages=out.messages, results=results)
        prompt = None if state.finished else \
            next_prompt(evaluated, state.settled_keys(), state.household, state.lang, state.expanded_keys())
        if prompt is None:
            state.pending = None
            state.shown = _shown(results) or state.shown
            out.say(replies.results_text(results, state.lang, self.notice(state.lang),
                                         self.contact.line(state.lang) or None),
                    replies.fold_reply(results, state.lang))
            return state, Turn(messages=out.messages, results=results, done=True)
        if show_progress and state.turns > 0:
            out.say(replies.progress_text(results, state.lang))
        if prompt.sensitive and not state.notice_given:
            out.say(replies.say("notice", state.lang))
            state.notice_given = True
        state.pending = Pending.of(prompt)
        out.say(prompt.text, _with_finish(state))
        return state, Turn(messages=out.messages, results=results)


def _asks_how(text: str) -> bool:
    """「…がわからない」 that is a question of how / where / when / whom (not 「何歳かわからない」)."""
    asked = read_question(text)
    return asked is not None and asked.kind in ("procedure", "documents", "where", "when", "contact")


def once_per_message(search: SearchFn | None) -> SearchFn | None:
    """The search, remembered for one message: the measure picker and the search answer share one call."""
    if search is None:
        return None
    seen: dict[tuple[str, int], list[Hit]] = {}

    def once(text: str, k: int) -> list[Hit]:
        if (text, k) not in seen:
            seen[(text, k)] = search(text, k)
        return seen[(text, k)]
    return once


def _shown(results: Results) -> list[str]:
    """The measures a resident now sees first (eligible, then nearby maybes and related ones), which
    a question with no topic of its own (「申請方法は？」) refers to: one is meant, or up to 3 are offered."""
    return [m.id for m in (*results.eligible, *results.maybe, *results.related) if m.group == "near"][:3]


def _apply(household: Household, fact: Fact, value: Any) -> Household:
    if fact.key in ("children", "adults"):
        return household.model_validate({**household.model_dump(), fact.key: value})
    return set_fact(household, fact, value)


def _with_correction(state: DialogueState, turn: Turn, lang: Lang, summary: str | None) -> tuple[DialogueState, Turn]:
    """The turn of a message that changed the household (`summary`: as it was said back): flagged, and the
    last message (the one whose quick replies every channel shows) offers 「訂正する」 too."""
    last = turn.messages[-1] if turn.messages else None
    if last is not None and CORRECT[lang] not in last.quick_replies:
        last.quick_replies = _before_closing(last.quick_replies, [CORRECT[lang]])
    return state, turn.model_copy(update={"household_changed": True, "summary": summary})


def _with_languages(state: DialogueState, turn: Turn) -> tuple[DialogueState, Turn]:
    """The welcome and help turns offer the other languages, each named in itself, on the last message
    (the one whose quick replies every channel shows): after its answers, before a closing わからない,
    「訂正する」 or 「ここまでで結果を見る」, which stay last."""
    last = turn.messages[-1] if turn.messages else None
    if last is not None:
        others = [name for name in replies.language_replies(state.lang) if name not in last.quick_replies]
        last.quick_replies = _before_closing(last.quick_replies, others)
    return state, turn


def _before_closing(options: list[str], added: list[str]) -> list[str]:
    """`added` after a question's answers and before its closing replies, which stay last."""
    at = next((i for i, label in enumerate(options) if label in CLOSING), len(options))
    return [*options[:at], *added, *options[at:]]


def _with_finish(state: DialogueState) -> list[str]:
    """The pending question's replies, and 「ここまでで結果を見る」 once something is known."""
    assert state.pending is not None
    known = state.household != Household()
    return [*state.pending.quick_replies, *([replies.FINISH[state.lang]] if known else [])]


def _checklist_none(pending: Pending | None, text: str, lang: Lang) -> str | None:
    """The "none of these" reply of a pending checklist when the typed text is a plain no (「没有」「없어요」
    read as 「いいえ」 by the understanding's words for the conversation's language)."""
    typed = to_japanese(normalise(text.strip()), lang)
    if pending is None or pending.key not in bank().checklists or not NO.search(typed):
        return None
    labels = bank().checklists[pending.key].none
    return next((label for label in labels.all() if label in pending.answers), None)

